import { serverOnlyCollection } from '@/utilities/serverOnlyCollection'

export const RATE_LIMIT_HITS = 'rate-limit-hits'

/**
 * One row per counted request of a rate limit (login, password reset, translation imports), so
 * every instance on the database counts the same attempts (src/http/rateLimitStore.ts). Rows
 * older than the window are removed as new ones come. Server-side only.
 */
export const RateLimitHits = serverOnlyCollection({
  slug: RATE_LIMIT_HITS,
  fields: [
    // The limit's name and the client address: `auth:203.0.113.7`.
    { name: 'key', type: 'text', required: true, index: true },
    // Milliseconds since the epoch: counted and compared as a number on SQLite and MongoDB alike.
    { name: 'at', type: 'number', required: true, index: true },
  ],
})
