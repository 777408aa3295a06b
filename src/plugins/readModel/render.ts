import crypto from 'node:crypto'

import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { EMBARGO_PREVIEW } from '@/access/publishedAndNotEmbargoed'
import { localeCodes } from '@/i18n/localization'

import { SNAPSHOTS } from './collection'
import { replaceDeps } from './deps'
import { columnsOf, relationsOf, tokens } from './fields'
import { fastWritesOf } from './store'

export const DEPTHS = [0, 1] as const

type Row = { id: number | string; locale: string; depth: number; token?: string | null; embargoUntil?: string | null }
type Doc = Record<string, unknown> & { id: number | string }

/** The collections whose documents are kept in the store (media are files, answered by Payload). */
export const storedCollections = (payload: Payload, publicCollections: string[]): string[] =>
  publicCollections.filter((slug) => slug !== 'media' && payload.collections[slug as CollectionSlug])

export const newToken = (): string => crypto.randomBytes(6).toString('base64url')

/**
 * The context of a render: a press release is rendered as the public will read it once its
 * embargo lifts (the store hides it until then); nothing else is set aside.
 */
const renderContext = (collection: string, id: number | string): Record<string, unknown> =>
  collection === 'press-releases' ? { [EMBARGO_PREVIEW]: id } : {}

/** The public's read rule of a collection, asked as nobody, with this release's embargo set aside. */
export async function publicRule(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<Where | boolean> {
  const read = req.payload.collections[collection as CollectionSlug].config.access.read
  const asNobody = {
    ...req,
    user: null,
    context: { ...req.context, ...renderContext(collection, id) },
  } as PayloadRequest
  return read({ req: asNobody, id: id as number })
}

/**
 * Makes the store's rows of one document match what it is now, inside the write's transaction:
 * no rows when the public may not read it (unpublished, deleted, a speaker made internal); when it
 * may, one row per locale and depth with the columns queries use, stale until rendered.
 */
export async function refreshRows(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  publicCollections: string[],
): Promise<boolean> {
  const { payload } = req
  const rule = await publicRule(req, collection, id)
  const match: Where = { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] }
  const visible =
    rule !== false &&
    (
      await payload.find({
        collection: collection as CollectionSlug,
        where: rule === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, rule] },
        depth: 0,
        limit: 1,
        pagination: false,
        overrideAccess: true,
        req,
        select: {},
      })
    ).docs.length > 0
  if (!visible) {
    await payload.db.deleteMany({ collection: SNAPSHOTS, where: match, req })
    await replaceDeps(req, collection, id, [])
    return false
  }
  const config = payload.collections[collection as CollectionSlug].config
  const all = (await payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    req,
  })) as unknown as Doc
  const embedded = [
    ...new Set(
      relationsOf(config.flattenedFields, all)
        .filter(({ relationTo }) => publicCollections.includes(relationTo))
        .map(({ relationTo, id: other }) => `${relationTo}:${other}`),
    ),
  ]
  await replaceDeps(req, collection, id, embedded)
  const deps = tokens(embedded)
  const fast = await fastWritesOf(req, payload)
  const { docs: existing } = fast
    ? { docs: [] as Row[] }
    : await payload.db.find<Row>({ collection: SNAPSHOTS, where: match, limit: 0, pagination: false, req })
  for (const locale of localeCodes) {
    const columns = columnsOf(config.flattenedFields, all, locale)
    for (const depth of DEPTHS) {
      const data = { collection, document: String(id), locale, depth, deps, stale: true, token: newToken(), ...columns }
      if (fast) {
        await fast.upsertRow(data)
        continue
      }
      const row = existing.find((candidate) => candidate.locale === locale && candidate.depth === depth)
      const one: Where = {
        and: [...(match.and as Where[]), { locale: { equals: locale } }, { depth: { equals: depth } }],
      }
      if (row) await payload.db.updateOne({ collection: SNAPSHOTS, id: row.id, data, req })
      // Another writer (the first fill, a write on another instance) may have made the row meanwhile.
      else
        await payload.db
          .create({ collection: SNAPSHOTS, data, req })
          .catch(() => payload.db.updateMany({ collection: SNAPSHOTS, where: one, data, req }))
    }
  }
  return true
}

/** Keeps a rendered answer unless a write invalidated the row since it was read (its token changed). */
async function keepRender(
  payload: Payload,
  row: Row,
  body: string,
  expiresAt: string | null,
  req?: PayloadRequest,
): Promise<void> {
  const fast = await fastWritesOf(req, payload)
  if (fast) return fast.keepRender(row.id, row.token, body, expiresAt)
  await payload.db.updateMany({
    collection: SNAPSHOTS,
    where: { and: [{ id: { equals: row.id } }, { token: { equals: row.token } }] },
    data: { body, stale: false, expiresAt },
    // In the job's own transaction, when there is one: a second connection would wait for it.
    req,
  })
}

/** When an answer of this document may change without a write: an embargo on it, or on a release it lists, lifts. */
async function expiryOf(payload: Payload, collection: string, id: number | string, doc: Doc): Promise<string | null> {
  const now = new Date().toISOString()
  const moments: string[] = []
  if (typeof doc.embargoUntil === 'string' && doc.embargoUntil > now) moments.push(doc.embargoUntil)
  for (const field of payload.collections[collection as CollectionSlug].config.flattenedFields) {
    if (field.type !== 'join') continue
    const joined = payload.collections[field.collection as CollectionSlug]?.config
    if (!joined?.flattenedFields.some((candidate) => 'name' in candidate && candidate.name === 'embargoUntil')) continue
    const { docs } = await payload.find({
      collection: field.collection as CollectionSlug,
      where: { and: [{ [field.on]: { equals: id } }, { embargoUntil: { greater_than: now } }] },
      sort: 'embargoUntil',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { embargoUntil: true } as never,
    })
    const soonest = (docs[0] as { embargoUntil?: string } | undefined)?.embargoUntil
    if (soonest) moments.push(soonest)
  }
  return moments.sort()[0] ?? null
}

/**
 * Renders the stale rows of one document with Payload's own read as the public (access, hooks,
 * defaultPopulate and hidden speakers apply exactly), and keeps each result only if no write
 * invalidated the row meanwhile. Returns when the answer may next change by itself.
 */
export async function renderDocument(
  payload: Payload,
  collection: string,
  id: string,
  req?: PayloadRequest,
): Promise<string | null> {
  const { docs: rows } = await payload.db.find<Row>({
    collection: SNAPSHOTS,
    where: { and: [{ collection: { equals: collection } }, { document: { equals: id } }, { stale: { equals: true } }] },
    limit: 0,
    pagination: false,
    req,
  })
  let expires: string | null = null
  for (const row of rows) {
    const { docs } = await payload.find({
      collection: collection as CollectionSlug,
      where: { id: { equals: id } },
      depth: row.depth,
      locale: row.locale as 'en',
      limit: 1,
      pagination: false,
      overrideAccess: false,
      context: renderContext(collection, id),
    })
    const doc = docs[0] as unknown as Doc | undefined
    if (!doc) {
      // Not public as stored now (a write failed after marking it, or unpublished meanwhile): no row, unless a write came since.
      await payload.db.deleteMany({
        collection: SNAPSHOTS,
        where: { and: [{ id: { equals: row.id } }, { token: { equals: row.token } }] },
        req,
      })
      continue
    }
    expires = await expiryOf(payload, collection, id, doc)
    await keepRender(payload, row, JSON.stringify(doc), expires, req)
  }
  return expires
}

const RENDER_CHUNK = 25

/**
 * Renders many documents' stale rows at once, one read per locale and depth (the first fill of a
 * large site); rows changed meanwhile keep their new token and are left to their own render.
 */
export async function renderMany(
  payload: Payload,
  collection: string,
  ids: string[],
  req?: PayloadRequest,
): Promise<Map<string, string>> {
  const later = new Map<string, string>()
  if (!ids.length) return later
  const { docs: rows } = await payload.db.find<Row & { document: string }>({
    collection: SNAPSHOTS,
    where: { and: [{ collection: { equals: collection } }, { document: { in: ids } }, { stale: { equals: true } }] },
    limit: 0,
    pagination: false,
    req,
  })
  // A release under embargo is rendered as the public will read it once the embargo lifts, with
  // its own id set aside (renderDocument): never in a batch, where one release set aside would
  // be readable inside another's answer.
  const now = new Date().toISOString()
  const batched = rows.filter((row) => !(typeof row.embargoUntil === 'string' && row.embargoUntil > now))
  const expiries = new Map<string, Promise<string | null>>()
  const rendered = new Set<string>()
  for (const locale of localeCodes) {
    for (const depth of DEPTHS) {
      const all = batched.filter((row) => row.locale === locale && row.depth === depth)
      // A few dozen documents per read: a hundred events at depth 1 read at once held them all in memory.
      for (let start = 0; start < all.length; start += RENDER_CHUNK) {
        const wanted = all.slice(start, start + RENDER_CHUNK)
        const { docs } = await payload.find({
          collection: collection as CollectionSlug,
          where: { id: { in: wanted.map((row) => row.document) } },
          depth,
          locale: locale as 'en',
          limit: wanted.length,
          pagination: false,
          overrideAccess: false,
        })
        const byId = new Map(docs.map((doc) => [String(doc.id), doc as unknown as Doc]))
        for (const row of wanted) {
          const doc = byId.get(row.document)
          if (!doc) continue
          rendered.add(row.document)
          if (!expiries.has(row.document)) expiries.set(row.document, expiryOf(payload, collection, row.document, doc))
          const expires = await expiries.get(row.document)!
          if (expires) later.set(row.document, expires)
          await keepRender(payload, row, JSON.stringify(doc), expires, req)
        }
      }
    }
  }
  // What a batch could not render (a release under embargo, a document hidden since) is rendered one by one.
  const rest = [...new Set(rows.map((row) => row.document))].filter((id) => !rendered.has(id))
  for (const id of rest) {
    const expires = await renderDocument(payload, collection, id, req)
    if (expires) later.set(id, expires)
  }
  return later
}
