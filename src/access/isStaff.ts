import type { Access, FieldAccess } from 'payload'

import { checkRole, staffRoles } from './checkRole'

/** Anyone who works in the admin: admins, editors and translators. */
export const isStaff: Access = ({ req: { user } }) => checkRole(staffRoles, user)

export const isStaffField: FieldAccess = ({ req: { user } }) => checkRole(staffRoles, user)
