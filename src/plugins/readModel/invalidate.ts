import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  Payload,
  PayloadRequest,
} from 'payload'

import { runsJobsHere } from '@/jobs'
import { runQueuedJobs } from '@/jobs/lifecycle'
import { afterCommit } from '@/utilities/serialTransactions'

import { SNAPSHOTS } from './collection'
import { dependentsOf, replaceDeps } from './deps'
import { relationsOf } from './fields'
import { bumpGeneration } from './generation'
import { newToken, refreshRows } from './render'
import { fastWritesOf } from './store'

/** Set on a request that saves a draft or autosaves: nothing public changes, so nothing is touched. */
export const DRAFT_SAVE = 'pressroom.draftSave'

export const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'create' || operation === 'update')
    args.req.context[DRAFT_SAVE] = Boolean(args.draft || args.autosave)
  return args
}

/** The relationships of other collections that a join field of `target` lists documents by: `collection:path`. */
export function joinsOf(payload: Payload, target: string): Set<string> {
  const read = new Set<string>()
  for (const field of payload.collections[target as CollectionSlug]?.config.flattenedFields ?? []) {
    if (field.type === 'join') read.add(`${field.collection}:${field.on}`)
  }
  return read
}

type Doc = Record<string, unknown> & { id: number | string }

export const RENDER_TASK = 'renderSnapshots'

/** When the render queued before a write runs: only if the write failed is anything still stale then. */
const BACKSTOP_MS = 30_000

/**
 * Queues the render of these documents, inside the write's transaction, and asks this process to
 * run it soon after when it runs jobs. An app instance beside a worker (JOBS_AUTORUN=false) leaves
 * it to the worker's next poll; until then the rows are stale and Payload answers those reads.
 */
export async function queueRender(req: PayloadRequest, keys: string[], waitUntil?: Date): Promise<void> {
  if (!keys.length) return
  await req.payload.jobs.queue({
    task: RENDER_TASK as never,
    input: { keys } as never,
    req,
    ...(waitUntil ? { waitUntil } : {}),
  })
  if (waitUntil || !runsJobsHere()) return
  const { payload } = req
  const run = () =>
    void runQueuedJobs(payload, { queue: 'default', limit: 50 }).catch((error: unknown) =>
      payload.logger.error({ err: error }, 'Rendering snapshots failed'),
    )
  // The job is committed with the write: this process runs it once the write commits (or, where
  // the adapter says nothing of commits, a moment later); the cron is the backstop.
  const id = await req.transactionID
  if ((typeof id === 'string' || typeof id === 'number') && afterCommit(payload.db, id, () => setImmediate(run))) return
  setTimeout(run, 100).unref()
}

/**
 * Before a write to a public collection changes anything: the document's own rows, the snapshots
 * that embed it and those whose join lists it are marked stale, so that from here on Payload's read
 * answers them. It runs in the write's transaction, so the marks commit with the document; on an
 * adapter without transactions it is what keeps a reader from getting the old answer from the
 * store once the write is under way, or after it fails half-way.
 */
export async function markStale(
  req: PayloadRequest,
  collection: string,
  previous: Doc,
  stored: string[],
): Promise<void> {
  const keys = await affectedBy(req, collection, previous.id, [previous], stored)
  keys.add(`${collection}:${previous.id}`)
  await staleAll(req, keys)
  await bumpGeneration(req, keys)
  // Should the write fail after this, the queue renders what is stored then. Not at once: a render
  // now would read the state before the write, and the write's own render follows it anyway.
  await queueRender(req, [...keys], new Date(Date.now() + BACKSTOP_MS))
}

async function staleAll(req: PayloadRequest, keys: Iterable<string>): Promise<void> {
  const byCollection = new Map<string, string[]>()
  for (const key of keys) {
    const at = key.indexOf(':')
    byCollection.set(key.slice(0, at), [...(byCollection.get(key.slice(0, at)) ?? []), key.slice(at + 1)])
  }
  // One write per collection, however many documents embed the one that changed (the adapter's
  // updateMany writes row by row: a thousand rows of a speaker's events would hold the save up).
  const fast = await fastWritesOf(req, req.payload)
  for (const [collection, documents] of byCollection) {
    if (fast) {
      await fast.markStale(collection, documents, newToken())
      continue
    }
    await req.payload.db.updateMany({
      collection: SNAPSHOTS,
      where: { and: [{ collection: { equals: collection } }, { document: { in: documents } }] },
      data: { stale: true, token: newToken() },
      req,
    })
  }
}

/**
 * The documents whose answers a change of `collection:id` may change: those whose join lists it
 * (through the relationships of `versions`, old and new) and those whose snapshots embed it.
 */
async function affectedBy(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  versions: (Doc | undefined)[],
  stored: string[],
): Promise<Set<string>> {
  const { payload } = req
  const fields = payload.collections[collection as CollectionSlug].config.flattenedFields
  const keys = new Set<string>()
  for (const relation of versions.flatMap((version) => relationsOf(fields, version))) {
    if (
      stored.includes(relation.relationTo) &&
      joinsOf(payload, relation.relationTo).has(`${collection}:${relation.path}`)
    )
      keys.add(`${relation.relationTo}:${relation.id}`)
  }
  for (const row of await dependentsOf(req, `${collection}:${id}`)) keys.add(`${row.collection}:${row.document}`)
  return keys
}

/**
 * After a write to a public collection, in its transaction: the document's own rows are made to
 * match it (removed at once when the public may no longer read it), every snapshot that embeds it,
 * and every document whose join lists it, is marked stale, so no instance serves the old answer
 * from the store; rendering them again is queued.
 */
export async function invalidate(
  req: PayloadRequest,
  collection: string,
  doc: Doc | undefined,
  previous: Doc | undefined,
  publicCollections: string[],
  stored: string[],
): Promise<void> {
  const { payload } = req
  const id = (doc ?? previous)?.id
  if (id === undefined) return
  const keys = await affectedBy(req, collection, id, [previous, doc], stored)
  await staleAll(req, keys)
  if (stored.includes(collection) && doc && (await refreshRows(req, collection, id, publicCollections)))
    keys.add(`${collection}:${id}`)
  if (stored.includes(collection) && !doc) {
    await payload.db.deleteMany({
      collection: SNAPSHOTS,
      where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
      req,
    })
    await replaceDeps(req, collection, id, [])
  }
  await bumpGeneration(req, [...keys, `${collection}:${id}`])
  await queueRender(req, [...keys])
}

export const beforeChange =
  (stored: string[]): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, operation, req }) => {
    if (operation === 'update' && originalDoc && !req.context[DRAFT_SAVE])
      await markStale(req, collection.slug, originalDoc as Doc, stored)
    return data
  }

export const beforeDelete =
  (stored: string[]): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    const previous = await req.payload.findByID({
      collection: collection.slug as CollectionSlug,
      id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (previous) await markStale(req, collection.slug, previous as unknown as Doc, stored)
  }

export const afterChange =
  (publicCollections: string[], stored: string[]): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, req }) => {
    if (req.context[DRAFT_SAVE]) return doc
    await invalidate(req, collection.slug, doc as Doc, previousDoc as Doc | undefined, publicCollections, stored)
    return doc
  }

export const afterDelete =
  (publicCollections: string[], stored: string[]): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await invalidate(req, collection.slug, undefined, doc as Doc, publicCollections, stored)
    return doc
  }
