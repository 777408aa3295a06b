import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { DRAFT_SAVE } from '@/plugins/readModel/invalidate'
import { fastStoreOf } from '@/plugins/readModel/store'
import { publicCache } from '@/utilities/publicCache'
import { withHooks } from '@/utilities/withHooks'

const purge: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, req }) => {
  // A draft save or an autosave changes nothing anyone outside the staff reads. On SQLite the
  // write's change rows remove what it changed, on this instance as on the others, and no more.
  if (!req.context[DRAFT_SAVE] && !fastStoreOf(req.payload)) publicCache().clear()
  return doc
}

/**
 * Where the database keeps no change rows (MongoDB), empties this instance's public read cache
 * after every write to a publicly readable collection: a relationship carries fields of other
 * documents, so without the store's dependencies any write may change any response.
 */
export const publicCachePlugin =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug)
        ? withHooks(collection, { afterChange: [purge], afterDelete: [purge] })
        : collection,
    ),
  })
