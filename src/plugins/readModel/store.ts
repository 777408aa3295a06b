import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { publicCache } from '@/utilities/publicCache'
import { transactionClientOf } from '@/utilities/sqlClient'

import { SNAPSHOTS } from './collection'
import type { RelationFilter, StoreQuery } from './query'
import { depsOf, type StoreAnswer } from './rows'
import { NOT_COMPILED, type SqliteStore, sqliteStore } from './sqlite'

type Row = { body?: string | null; stale?: boolean | null; expiresAt?: string | null; deps?: string | null }

const READY = '_ready'
/**
 * What a fill writes, kept in the ready mark: a store filled by an older Pressroom lacks something
 * (format 2: the dependency rows of public-snapshot-deps) and is filled again, on either adapter.
 */
const FORMAT = '2'

const ready = new Map<string, boolean>()
const readyMark = (collection: string): Where => ({
  and: [{ collection: { equals: READY } }, { document: { equals: collection } }],
})

/** Whether every public document of the collection has its rows: until the first backfill ends, Payload answers. */
export async function isReady(payload: Payload, collection: string): Promise<boolean> {
  if (ready.get(collection)) return true
  const { docs } = await payload.db.find({
    collection: SNAPSHOTS,
    where: { and: [readyMark(collection), { token: { equals: FORMAT } }] },
    limit: 1,
    pagination: false,
  })
  if (docs.length) ready.set(collection, true)
  return docs.length > 0
}

export async function markReady(payload: Payload, collection: string): Promise<void> {
  await payload.db.deleteMany({ collection: SNAPSHOTS, where: readyMark(collection) })
  await payload.db.create({
    collection: SNAPSHOTS,
    data: { collection: READY, document: collection, locale: '-', depth: 0, stale: false, token: FORMAT },
  })
}

/**
 * Whether the public may read every one of these documents (as Payload would decide). Kept with
 * the response cache, which is emptied by every public write on any instance.
 */
function allReadable(payload: Payload, { collection, ids }: RelationFilter): Promise<boolean> {
  const key = `readable ${collection} ${[...new Set(ids)].sort().join(',')}`
  return publicCache().memo(key, async () => {
    try {
      const { totalDocs } = await payload.count({
        collection: collection as CollectionSlug,
        where: { id: { in: ids } },
        overrideAccess: false,
      })
      return totalDocs === new Set(ids).size
    } catch {
      return false
    }
  })
}

const fastStores = new WeakMap<Payload, SqliteStore | null>()

/**
 * The store's own SQL for a write: inside the write's database transaction where it runs in one
 * (its statements then commit or roll back with the document), on the adapter's client otherwise.
 * `req.transactionID` is a promise of null where the adapter opened none, and Payload's
 * dataloader may replace it with `{}`: only a string or a number is a transaction.
 */
export async function fastWritesOf(
  req: PayloadRequest | undefined,
  payload: Payload,
): Promise<SqliteStore | undefined> {
  const fast = fastStoreOf(payload)
  if (!fast || !req) return fast
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return fast
  const transaction = transactionClientOf(payload, id)
  return transaction ? sqliteStore(payload, transaction) : undefined
}

/** The adapter-specific queries of the store, where there are some (SQLite). */
export function fastStoreOf(payload: Payload): SqliteStore | undefined {
  if (!fastStores.has(payload)) fastStores.set(payload, sqliteStore(payload) ?? null)
  return fastStores.get(payload) ?? undefined
}

type StoreArgs = [
  payload: Payload,
  query: StoreQuery,
  relations: RelationFilter[],
  embargoed: boolean,
  /** The last change row the caller has seen (SQLite); the store reads it when absent. */
  change?: number,
]

const usable = (row: Row, now: string) => Boolean(row.body) && !row.stale && !(row.expiresAt && row.expiresAt <= now)

/**
 * The answer Payload would give, from the store: one indexed query, the stored JSON joined as
 * bytes, Payload's pagination fields from the same query. Undefined whenever one row is not
 * current (stale, expired, not rendered yet) or a filter names a document the public may not
 * read: Payload's read answers those.
 */
export async function answerFromStore(...args: StoreArgs): Promise<StoreAnswer | undefined> {
  const relations = args[2]
  const answer = await answerWithoutFilters(...args)
  // A filter by a document's id answers otherwise once that document is hidden: a change to it counts.
  return (
    answer && {
      ...answer,
      deps: [...answer.deps, ...relations.flatMap(({ collection, ids }) => ids.map((id) => `${collection}:${id}`))],
    }
  )
}

async function answerWithoutFilters(
  ...[payload, query, relations, embargoed, change]: StoreArgs
): Promise<StoreAnswer | undefined> {
  if (!(await isReady(payload, query.collection))) return undefined
  for (const relation of relations) if (!(await allReadable(payload, relation))) return undefined
  const now = new Date().toISOString()
  const fast = fastStoreOf(payload)
  if (fast) {
    const answer = await fast.answer(query, embargoed, now, change)
    if (answer !== NOT_COMPILED) return answer
  }
  const scope: Where[] = [
    { collection: { equals: query.collection } },
    { locale: { equals: query.locale } },
    { depth: { equals: query.depth } },
  ]
  if (embargoed) scope.push({ or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now } }] })
  const select = { body: true, stale: true, expiresAt: true, deps: true } as const
  if (query.id !== undefined) {
    const { docs } = await payload.db.find<Row>({
      collection: SNAPSHOTS,
      where: { and: [...scope, { document: { equals: query.id } }] },
      limit: 1,
      pagination: false,
      select,
    })
    return docs[0] && usable(docs[0], now)
      ? { body: Buffer.from(docs[0].body as string), deps: [`${query.collection}:${query.id}`, ...depsOf(docs)] }
      : undefined
  }
  const result = await payload.db.find<Row>({
    collection: SNAPSHOTS,
    where: { and: [...scope, ...(query.where ? [query.where] : [])] },
    sort: query.sort,
    limit: query.limit,
    page: query.page,
    pagination: true,
    select,
  })
  // Payload shapes an empty page (none match, or a page past the end) one of two ways, by how its
  // own query was built: it answers those.
  if (!result.docs.length || !result.docs.every((row) => usable(row, now))) return undefined
  // A stale row elsewhere in the set may be a document no longer public (or not yet): the count would be off.
  const { totalDocs: stale } = await payload.db.count({
    collection: SNAPSHOTS,
    where: { and: [...scope, ...(query.where ? [query.where] : []), { stale: { equals: true } }] },
  })
  if (stale) return undefined
  const { docs, ...pages } = result
  return {
    body: Buffer.from(`{"docs":[${docs.map((row) => row.body).join(',')}],${JSON.stringify(pages).slice(1)}`),
    deps: [`${query.collection}:*`, ...new Set(depsOf(docs))],
  }
}
