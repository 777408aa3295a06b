import type { PayloadRequest } from 'payload'

import { checkRole, staffRoles } from '@/access/checkRole'
import { publicSpeakerWhere } from '@/access/speakerVisibility'
import { syncedPublicCache } from '@/plugins/readModel/generation'

const CONTEXT_KEY = 'publicSpeakerIds'

/** Staff see every speaker; everyone else only the public, consenting ones. */
export const seesAllSpeakers = (req: PayloadRequest): boolean => checkRole(staffRoles, req.user)

/**
 * The ids of every speaker who may appear in public output: read once per generation of public
 * content (every write to a public collection, on any instance, starts a new one) and kept on
 * `req.context` for the rest of the request, however many documents of a list are read.
 */
export function publicSpeakerIds(req: PayloadRequest): Promise<Set<string>> {
  const cached = req.context[CONTEXT_KEY] as Promise<Set<string>> | undefined
  if (cached) return cached
  // Inside a write's transaction the committed generation says nothing of what it changed: read afresh.
  const read = () =>
    req.payload
      .find({
        collection: 'speakers',
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: { visibility: true },
        where: publicSpeakerWhere,
      })
      .then(({ docs }) => new Set(docs.map((doc) => String(doc.id))))
  const pending = req.transactionID
    ? read()
    : syncedPublicCache(req.payload).then((cache) => cache.memo('public speakers', read))
  req.context[CONTEXT_KEY] = pending
  return pending
}

/** The id of a relationship value, whether it is populated or not. */
export const relationId = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return id === undefined || id === null ? undefined : String(id)
  }
  return String(value)
}
