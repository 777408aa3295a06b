import type { Config, Plugin } from 'payload'

import { guardPublicQueries } from '@/hooks/guardPublicQueries'

/** Applies the public-query guard to the collections the public can read. */
export const publicQueriesPlugin =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeOperation: [guardPublicQueries, ...(collection.hooks?.beforeOperation ?? [])],
            },
          }
        : collection,
    ),
  })
