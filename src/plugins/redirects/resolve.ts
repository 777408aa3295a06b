import type { CollectionSlug, PayloadRequest } from 'payload'

import type { QueryProblem } from '@/http/whereShape'
import { frontendPath } from '@/plugins/delivery/frontendUrl'

import { REDIRECTS } from './collection'

export const MAX_SLUG_LENGTH = 200

export type SlugQuery = { collection: string; slug: string; locale: string }
export type Resolved = {
  collection: string
  id: string
  locale: string
  slug: string
  path: string | null
  redirected: boolean
  from?: string
}

/** The parameters of GET /api/redirects, or what is wrong with them. Pure. */
export function parseSlugQuery(
  params: URLSearchParams,
  { collections, locales, defaultLocale }: { collections: string[]; locales: string[]; defaultLocale: string },
): { query: SlugQuery } | { problems: QueryProblem[] } {
  const problems: QueryProblem[] = []
  const one = (name: string): string | undefined => {
    const values = params.getAll(name)
    if (values.length > 1) problems.push({ path: name, message: `"${name}" must be given once.` })
    return values[0]
  }
  const collection = one('collection') ?? ''
  if (!collections.includes(collection))
    problems.push({
      path: 'collection',
      message: `${collection ? `"${collection}" has no slugs to redirect.` : 'collection is required.'} Use one of ${collections.join(', ')}.`,
    })
  const slug = (one('slug') ?? '').trim()
  if (!slug) problems.push({ path: 'slug', message: 'slug is required: the slug a link used.' })
  else if (slug.length > MAX_SLUG_LENGTH)
    problems.push({
      path: 'slug',
      message: `slug is ${slug.length} characters long; at most ${MAX_SLUG_LENGTH} are allowed.`,
    })
  const locale = one('locale') ?? defaultLocale
  if (!locales.includes(locale))
    problems.push({ path: 'locale', message: `Slugs are per locale: use one of ${locales.join(', ')}.` })
  return problems.length ? { problems } : { query: { collection, slug, locale } }
}

/** The document the requester may read that has this slug in this locale now. */
async function liveWithSlug(
  req: PayloadRequest,
  { collection, slug, locale }: SlugQuery,
  by: 'slug' | 'id' = 'slug',
  id?: string,
) {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: by === 'slug' ? { slug: { equals: slug } } : { id: { equals: id } },
    locale: locale as 'en',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    req,
    select: { slug: true } as never,
  })
  return docs[0] as { id: number | string; slug?: string | null } | undefined
}

/**
 * Where a slug lives now: the document that has it (a slug reused by another document belongs to
 * that one), else the document a redirect names, under its current slug. Both read with the
 * requester's access: nothing is said about a draft, a hidden speaker or an embargoed release.
 */
export async function resolveSlug(req: PayloadRequest, query: SlugQuery): Promise<Resolved | undefined> {
  const { collection, slug, locale } = query
  const answer = (doc: { id: number | string; slug?: string | null }, redirected: boolean): Resolved => ({
    collection,
    id: String(doc.id),
    locale,
    slug: doc.slug!,
    path: frontendPath(collection, doc.slug, locale) ?? null,
    redirected,
    ...(redirected ? { from: slug } : {}),
  })
  const live = await liveWithSlug(req, query)
  if (live?.slug) return answer(live, false)
  // Reached by anyone who asks for an old slug. It returns only the id of the document a
  // redirect names; that document is then read with the requester's own access, just below.
  const { docs } = await req.payload.find({
    collection: REDIRECTS as CollectionSlug,
    where: {
      and: [{ collection: { equals: collection } }, { locale: { equals: locale } }, { from: { equals: slug } }],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { document: true } as never,
  })
  const target = (docs[0] as { document?: string } | undefined)?.document
  if (!target) return undefined
  const moved = await liveWithSlug(req, query, 'id', target)
  return moved?.slug ? answer(moved, true) : undefined
}
