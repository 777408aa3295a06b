import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins see every account; a person only their own. API keys are not people and see none. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}
