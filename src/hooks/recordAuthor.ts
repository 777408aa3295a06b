import type { CollectionBeforeChangeHook } from 'payload'

type Authored = { createdBy?: unknown; updatedBy?: unknown }

/** The author fields a write should store: `user` made it; on create they are also the creator. */
export function authorFields(userId: number | string | undefined, operation: 'create' | 'update'): Authored {
  if (userId === undefined) return {}
  return operation === 'create' ? { createdBy: userId, updatedBy: userId } : { updatedBy: userId }
}

/** Stamps createdBy/updatedBy from the person making the request (not API keys, not system writes). */
export const recordAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const userId = req.user?.collection === 'users' ? req.user.id : undefined
  return { ...data, ...authorFields(userId, operation) }
}
