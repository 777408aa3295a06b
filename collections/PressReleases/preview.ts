import type { Endpoint } from 'payload'

import { EMBARGO_PREVIEW } from '@/access/publishedAndNotEmbargoed'
import { absentIfRefused } from '@/endpoints/request'
import { isLocaleCode } from '@/i18n/localization'
import { errorResponse } from '@/utilities/errors'
import { verifyPreviewToken } from '@/utilities/previewToken'

const refuse = (status: number, message: string) => errorResponse(status, message)

/**
 * GET /api/press-releases/preview?token=…&locale=…: the published release behind a preview link,
 * readable before its embargo lifts, until the link expires or is revoked.
 */
export const pressReleasePreview: Endpoint = {
  path: '/preview',
  method: 'get',
  handler: async (req) => {
    const token = req.searchParams.get('token')
    const locale = req.searchParams.get('locale') ?? 'en'
    if (!isLocaleCode(locale)) return refuse(400, `Unknown locale "${locale}".`)
    const check = verifyPreviewToken(token, req.payload.secret)
    if (!check.ok) {
      return check.reason === 'expired'
        ? refuse(410, 'This preview link has expired.')
        : refuse(400, 'This preview link is not valid: check that it was copied in full.')
    }
    const link = await absentIfRefused(
      req.payload.findByID({ collection: 'preview-links', id: check.claims.link, depth: 0, overrideAccess: true, req }),
    )
    if (!link || link.revoked) return refuse(410, 'This preview link has been revoked.')
    // The token carries the expiry it was issued with; a link shortened since then ends sooner.
    if (Date.parse(link.expiresAt) <= Date.now()) return refuse(410, 'This preview link has expired.')
    const releaseId = typeof link.pressRelease === 'object' ? link.pressRelease.id : link.pressRelease
    // Read as the public would once the embargo lifts, whoever holds the link: no staff fields, no
    // draft or hidden document it links to. Only the embargo of this one release is set aside.
    const release = await absentIfRefused(
      req.payload.findByID({
        collection: 'press-releases',
        id: releaseId,
        depth: 1,
        locale,
        overrideAccess: false,
        context: { [EMBARGO_PREVIEW]: releaseId },
      }),
    )
    if (!release) return refuse(404, 'This release is not published yet.')
    return Response.json(release, { headers: { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } })
  },
}
