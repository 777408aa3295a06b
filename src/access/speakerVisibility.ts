import type { Access, Where } from 'payload'

import { checkRole, staffRoles } from './checkRole'

/** Who may be named in public: listed as public and with consent on record. */
export const publicSpeakerWhere: Where = {
  and: [{ visibility: { equals: 'public' } }, { 'consent.given': { equals: true } }],
}

/**
 * People in human-rights work can be at risk: outside the staff, only speakers who are public
 * and have consented exist at all.
 */
export const readSpeakers: Access = ({ req: { user } }) => (checkRole(staffRoles, user) ? true : publicSpeakerWhere)
