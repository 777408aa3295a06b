import type { Config, Payload, Plugin, TaskConfig } from 'payload'

import { runsJobsHere } from '@/jobs'
import { idPages } from '@/utilities/idPages'
import { withHooks } from '@/utilities/withHooks'
import { yieldToLoop } from '@/utilities/yieldToLoop'

import { PublicSnapshotDeps, PublicSnapshots } from './collection'
import { afterChange, afterDelete, beforeChange, beforeDelete, noteDraftSave, RENDER_TASK } from './invalidate'
import { refreshRows, renderMany, storedCollections } from './render'
import { isReady, markReady } from './store'

export { storeQueryOf } from './query'
export { answerFromStore } from './store'

/** Renders the documents named `collection:id`; one whose answer changes with an embargo is rendered again then. */
const renderTask: TaskConfig = {
  slug: RENDER_TASK as never,
  inputSchema: [{ name: 'keys', type: 'json', required: true }],
  handler: async ({ input, req }) => {
    const byCollection = new Map<string, string[]>()
    for (const key of (input as { keys: string[] }).keys) {
      const at = key.indexOf(':')
      byCollection.set(key.slice(0, at), [...(byCollection.get(key.slice(0, at)) ?? []), key.slice(at + 1)])
    }
    // One read per locale and depth for all of a collection's documents: a speaker embedded in a
    // hundred events is ten reads, not a thousand.
    for (const [collection, ids] of byCollection) {
      for (const [id, expires] of await renderMany(req.payload, collection, ids, req)) {
        await req.payload.jobs.queue({
          task: RENDER_TASK as never,
          input: { keys: [`${collection}:${id}`] } as never,
          waitUntil: new Date(expires),
          req,
        })
      }
    }
    return { output: {} }
  },
}

const FILL_DELAY_MS = 3000

/** Fills the store from what is published, once per database; answers come from Payload meanwhile. */
async function backfill(payload: Payload, publicCollections: string[]): Promise<void> {
  for (const collection of storedCollections(payload, publicCollections)) {
    if (await isReady(payload, collection)) continue
    let complete = true
    for await (const ids of idPages(payload, collection)) {
      const visible: string[] = []
      for (const id of ids) {
        await yieldToLoop()
        const req = { payload, context: {}, user: null } as never
        try {
          if (await refreshRows(req, collection, id, publicCollections)) visible.push(String(id))
        } catch (error) {
          complete = false
          payload.logger.error(
            { err: error },
            `Filling the read model: ${collection} ${id} failed; Payload answers ${collection} until the next start`,
          )
        }
      }
      await renderMany(payload, collection, visible)
    }
    if (complete) await markReady(payload, collection)
  }
}

/**
 * The published read model: public answers of public documents rendered once per locale and
 * depth into `public-snapshots`, invalidated in the transaction of every write that changes them,
 * rendered again on the jobs queue, and read by the fast path with one indexed query.
 */
export const readModelPlugin =
  (publicCollections: string[]): Plugin =>
  (config: Config): Config => {
    const stored = publicCollections.filter((slug) => slug !== 'media')
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) =>
          publicCollections.includes(collection.slug)
            ? withHooks(withHooks(collection, { beforeOperation: [noteDraftSave] }, 'first'), {
                beforeChange: [beforeChange(stored)],
                beforeDelete: [beforeDelete(stored)],
                afterChange: [afterChange(publicCollections, stored)],
                afterDelete: [afterDelete(publicCollections, stored)],
              })
            : collection,
        ),
        PublicSnapshots,
        PublicSnapshotDeps,
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), renderTask] },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // In the background: a large site's first fill takes a while, and Payload answers meanwhile.
        // Where jobs run (the server, a worker): scripts such as the dataset generator leave it to them.
        if (process.env.NEXT_PHASE !== 'phase-production-build' && runsJobsHere()) {
          // After the server has started listening: the fill must not hold up the start.
          setTimeout(
            () =>
              void backfill(payload, publicCollections).catch((error: unknown) =>
                payload.logger.error({ err: error }, 'Filling the read model failed'),
              ),
            FILL_DELAY_MS,
          ).unref()
        }
      },
    }
  }
