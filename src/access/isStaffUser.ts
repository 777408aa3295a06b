import type { PayloadRequest } from 'payload'

import { checkRole, staffRoles } from './checkRole'

/** A person of the staff, signed in: API keys are never people, whatever they hold. */
export const isStaffUser = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  Boolean(user && user.collection === 'users' && checkRole(staffRoles, user))
