import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { DRAFT_SAVE } from '@/plugins/readModel/invalidate'
import { publicCache } from '@/utilities/publicCache'

const purge: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, req }) => {
  // A draft save or an autosave changes nothing anyone outside the staff reads.
  if (!req.context[DRAFT_SAVE]) publicCache().clear()
  return doc
}

/**
 * Empties the public read cache after every write to a publicly readable collection. Coarse on
 * purpose: a relationship carries fields of other documents, so any write may change any response.
 */
export const publicCachePlugin =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), purge],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), purge],
            },
          }
        : collection,
    ),
  })
