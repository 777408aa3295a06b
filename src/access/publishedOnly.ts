import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Staff read everything, drafts included; everyone else reads published documents only. */
export const publishedOnly: Access = ({ req: { user } }) => {
  if (checkRole(['admin', 'editor', 'translator'], user)) return true
  return { _status: { equals: 'published' } }
}
