import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'

export const RATE_LIMIT_HITS = 'rate-limit-hits'

/**
 * One row per counted request of a rate limit (login, password reset, translation imports), so
 * every instance on the database counts the same attempts (src/http/rateLimitStore.ts). Rows
 * older than the window are removed as new ones come. Server-side only.
 */
export const RateLimitHits: CollectionConfig = {
  slug: RATE_LIMIT_HITS,
  access: { create: nobody, read: nobody, update: nobody, delete: nobody },
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  timestamps: false,
  fields: [
    // The limit's name and the client address: `auth:203.0.113.7`.
    { name: 'key', type: 'text', required: true, index: true },
    // Milliseconds since the epoch: counted and compared as a number on SQLite and MongoDB alike.
    { name: 'at', type: 'number', required: true, index: true },
  ],
}
