import type { Access, Where } from 'payload'

import { readsDrafts } from './checkRole'

export const publishedWhere: Where = { _status: { equals: 'published' } }

/** Staff and preview keys read everything, drafts included; everyone else published documents only. */
export const publishedOnly: Access = ({ req: { user } }) => (readsDrafts(user) ? true : publishedWhere)
