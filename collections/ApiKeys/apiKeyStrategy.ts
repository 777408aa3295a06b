import type { AuthStrategy } from 'payload'

import { hashKey } from './hooks/issueKey'

const HEADER = /^api-keys API-Key (\S+)$/

/** Authenticates `Authorization: api-keys API-Key <key>` by the key's hash; the key itself is never stored. */
export const apiKeyStrategy: AuthStrategy = {
  name: 'hashed-api-key',
  authenticate: async ({ headers, payload }) => {
    const match = HEADER.exec(headers.get('authorization') ?? '')
    if (!match) return { user: null }
    const { docs } = await payload.find({
      collection: 'api-keys',
      where: { keyHash: { equals: hashKey(match[1]) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    return docs[0] ? { user: { ...docs[0], collection: 'api-keys', _strategy: 'hashed-api-key' } } : { user: null }
  },
}
