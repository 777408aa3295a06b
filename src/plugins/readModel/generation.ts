import type { Payload, PayloadRequest, Where } from 'payload'

import { type PublicCache, publicCache } from '@/utilities/publicCache'

import { SNAPSHOTS } from './collection'
import { newToken } from './render'
import { fastStoreOf, fastWritesOf } from './store'

const GENERATION: Where = { and: [{ collection: { equals: '_generation' } }, { document: { equals: 'public' } }] }

/**
 * Changed in the transaction of every write that may change a public answer, with the documents
 * (`collection:id`) whose answers it may change. Each instance compares it with the one its
 * response caches were made under before answering from them, so an answer cached by one instance
 * is never served after another instance's write has committed. On SQLite each change is a row of
 * its own, so that only the entries made from those documents go.
 */
export async function bumpGeneration(req: PayloadRequest, changed: Iterable<string>): Promise<void> {
  const fast = await fastWritesOf(req, req.payload)
  if (fast) return fast.recordChanges([...new Set(changed)])
  const updated = await req.payload.db.updateMany({
    collection: SNAPSHOTS,
    where: GENERATION,
    data: { token: newToken() },
    req,
  })
  if (!updated?.length) {
    await req.payload.db
      .create({
        collection: SNAPSHOTS,
        data: { collection: '_generation', document: 'public', locale: '-', depth: 0, stale: false, token: newToken() },
        req,
      })
      .catch(() => undefined)
  }
}

/** The generation as committed now. */
export async function currentGeneration(payload: Payload): Promise<string> {
  const fast = fastStoreOf(payload)
  if (fast) return fast.generation()
  const { docs } = await payload.db.find<{ token?: string | null }>({
    collection: SNAPSHOTS,
    where: GENERATION,
    limit: 1,
    pagination: false,
    select: { token: true },
  })
  return docs[0]?.token ?? ''
}

/**
 * The public response cache, brought up to date with every public write committed anywhere since
 * its entries were made: on SQLite the entries made from changed documents go; elsewhere all do.
 */
export async function syncedPublicCache(payload: Payload): Promise<PublicCache> {
  const cache = publicCache()
  const fast = fastStoreOf(payload)
  if (fast) await cache.catchUp(await fast.lastChange(), (after, upTo) => fast.changesSince(after, upTo))
  else cache.syncWith(await currentGeneration(payload))
  return cache
}
