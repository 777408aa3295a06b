import type { Access, Where } from 'payload'

import { readsDrafts } from './checkRole'
import { publishedWhere } from './publishedOnly'

/** Published and past its embargo at `now`: computed per request, so an embargo lifts without a restart. */
export const releasedWhere = (now: Date = new Date()): Where => ({
  and: [
    publishedWhere,
    { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now.toISOString() } }] },
  ],
})

/** For press releases: the public sees nothing that is a draft or still under embargo. */
export const publishedAndNotEmbargoed: Access = ({ req: { user } }) => (readsDrafts(user) ? true : releasedWhere())
