import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { localeCodes } from '@/i18n/localization'
import { publicRule } from '@/plugins/readModel/render'
import type { SearchDeclaration } from '@/policy/editorial'
import { idPages } from '@/utilities/idPages'
import { yieldToLoop } from '@/utilities/yieldToLoop'

import { SEARCH_INDEX, SEARCH_WORDS } from './collection'
import { searchRowOf, selectOf } from './rows'
import { removeWords, writeWords } from './wordStore'

/** A slug the public read in a locale that the document no longer has there. */
export type SlugMove = { locale: string; from: string; to: string }

const rowsOf = (collection: string, id: number | string): Where => ({
  and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }],
})

/**
 * Makes the index rows of one document match what the public reads of it now, inside the write's
 * transaction: none when the public may not read it (a draft, unpublished, a speaker made
 * internal, deleted), else one per locale in which it has a title. A press release is indexed as
 * the public will read it once its embargo lifts; its rows keep the embargo, and the index's own
 * read rule hides them until then.
 */
export async function reindex(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  declaration: SearchDeclaration,
): Promise<SlugMove[]> {
  const { payload } = req
  // The slugs the public read until now, per locale: a change of one is a redirect to keep.
  const { docs: previous } = await payload.db.find<{
    id: number | string
    locale: string
    slug?: string | null
    slugLocale?: string | null
  }>({
    collection: SEARCH_INDEX,
    where: rowsOf(collection, id),
    limit: 0,
    pagination: false,
    req,
    select: { id: true, locale: true, slug: true, slugLocale: true },
  })
  await removeWords(
    req,
    previous.map((row) => row.id),
  )
  await payload.db.deleteMany({ collection: SEARCH_INDEX, where: rowsOf(collection, id), req })
  // The public's read rule, asked as nobody: the same decision Payload makes for an anonymous read.
  const rule = await publicRule(req, collection, id)
  if (rule === false) return []
  // Reached only from the hooks of a write and the index's first fill. It returns this one
  // document only where the public read rule above lets the public read it, and only the fields
  // the declaration names (titles, summaries, places: never e-mails, notes or staff names).
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    where: rule === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, rule] },
    locale: 'all',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
    select: selectOf(declaration) as never,
  })
  const doc = docs[0] as (Record<string, unknown> & { id: number | string }) | undefined
  if (!doc) return []
  const moves: SlugMove[] = []
  const fallback = payload.config.localization ? payload.config.localization.defaultLocale : 'en'
  for (const locale of localeCodes) {
    const row = searchRowOf(collection, declaration, doc, locale, fallback, localeCodes)
    if (!row) continue
    // A slug of this locale's own page that it no longer has: a fallback to English moves nothing.
    const before = previous.find((candidate) => candidate.locale === locale && candidate.slugLocale === locale)?.slug
    if (before && row.slugLocale === locale && row.slug && before !== row.slug)
      moves.push({ locale, from: before, to: row.slug })
    // Another writer (the first fill, a write on another instance) may have made the row meanwhile.
    const one: Where = { and: [...(rowsOf(collection, id).and as Where[]), { locale: { equals: locale } }] }
    const written = await payload.db
      .create({ collection: SEARCH_INDEX, data: row, req })
      .catch(async () => (await payload.db.updateMany({ collection: SEARCH_INDEX, where: one, data: row, req }))?.[0])
    if (!written) continue
    await removeWords(req, [written.id])
    await writeWords(req, { ...row, id: written.id })
  }
  return moves
}

export async function unindex(req: PayloadRequest, collection: string, id: number | string): Promise<void> {
  const { docs } = await req.payload.db.find<{ id: number | string }>({
    collection: SEARCH_INDEX,
    where: rowsOf(collection, id),
    limit: 0,
    pagination: false,
    req,
    select: { id: true },
  })
  await removeWords(
    req,
    docs.map((row) => row.id),
  )
  await req.payload.db.deleteMany({ collection: SEARCH_INDEX, where: rowsOf(collection, id), req })
}

/** Indexes every document of the collections whose index is still empty (a database made before the search existed). */
export async function fillIndex(payload: Payload, declarations: Record<string, SearchDeclaration>): Promise<number> {
  let indexed = 0
  for (const [collection, declaration] of Object.entries(declarations)) {
    const of: Where = { collection: { equals: collection } }
    const { totalDocs } = await payload.count({
      collection: SEARCH_INDEX as CollectionSlug,
      where: of,
      overrideAccess: true,
    })
    // An index made before its words were (search-words) is made again.
    if (
      totalDocs &&
      (await payload.db.find({ collection: SEARCH_WORDS, where: of, limit: 1, pagination: false })).docs.length
    )
      continue
    for await (const ids of idPages(payload, collection)) {
      for (const id of ids) {
        await yieldToLoop()
        await reindex({ payload, context: {}, user: null } as unknown as PayloadRequest, collection, id, declaration)
        indexed += 1
      }
    }
  }
  return indexed
}
