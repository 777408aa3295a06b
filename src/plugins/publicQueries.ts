import type { Config, Plugin } from 'payload'

import { guardPublicQueries } from '@/hooks/guardPublicQueries'
import { withHooks } from '@/utilities/withHooks'

/** Applies the public-query guard to the collections the public can read. */
export const publicQueriesPlugin =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug)
        ? withHooks(collection, { beforeOperation: [guardPublicQueries] }, 'first')
        : collection,
    ),
  })
