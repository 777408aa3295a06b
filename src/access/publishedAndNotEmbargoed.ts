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

/**
 * Set in `context` by the preview-link endpoint once it has verified a link's token: the one
 * release it names is readable, published, before its embargo. No client can set a request's context.
 */
export const EMBARGO_PREVIEW = 'pressroom.embargoPreview'

/** For press releases: the public sees nothing that is a draft or still under embargo. */
export const publishedAndNotEmbargoed: Access = ({ req }) => {
  if (readsDrafts(req.user)) return true
  const preview = req.context?.[EMBARGO_PREVIEW] as number | string | undefined
  if (preview === undefined) return releasedWhere()
  return { or: [releasedWhere(), { and: [publishedWhere, { id: { equals: preview } }] }] }
}
