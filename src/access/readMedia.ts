import type { Access, Where } from 'payload'

import { mediaInUse } from '@/utilities/publicMedia'

import { checkRole, isPreviewKey, staffRoles } from './checkRole'

/**
 * A file is public when an editor marked it so, or when a document the reader may read uses it:
 * the photo of an internal speaker, or the image of an embargoed release, is not, by id or by URL.
 */
export const readMedia: Access = async ({ req }) => {
  if (checkRole(staffRoles, req.user)) return true
  const inUse = await mediaInUse(req, isPreviewKey(req.user) ? 'preview' : 'public')
  const marked: Where = { public: { equals: true } }
  return inUse.size ? { or: [marked, { id: { in: [...inUse] } }] } : marked
}
