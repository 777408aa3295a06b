import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'

/**
 * A collection only the server writes and reads, through Payload's db adapter (the read model,
 * the search's words, rate-limit counts): no principal reaches it over REST or GraphQL, and the
 * admin does not list it. `access` may open reading to a rule of its own.
 */
export const serverOnlyCollection = ({
  access,
  ...config
}: Pick<CollectionConfig, 'slug' | 'fields' | 'indexes' | 'access'>): CollectionConfig => ({
  access: { create: nobody, read: nobody, update: nobody, delete: nobody, ...access },
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  timestamps: false,
  ...config,
})
