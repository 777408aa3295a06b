import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

/** Anyone who works in the admin: admins, editors and translators. */
export const isStaff: Access = ({ req: { user } }) => checkRole(['admin', 'editor', 'translator'], user)

export const isStaffField: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'editor', 'translator'], user)
