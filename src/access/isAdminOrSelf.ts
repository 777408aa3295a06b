import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

/** Admins see every account; a person only their own. API keys are not people and see none. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}

/** A field of an account only its owner and admins read, such as the e-mail address. */
export const isAdminOrSelfField: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user || user.collection !== 'users') return false
  return checkRole(['admin'], user) || (doc?.id ?? id) === user.id
}
