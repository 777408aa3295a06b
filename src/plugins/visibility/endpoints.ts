import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { checkRole, staffRoles } from '@/access/checkRole'
import { refuseBadQuery } from '@/endpoints/request'
import { isLocaleCode, localeCodes } from '@/i18n/localization'
import { attachmentHeader, downloadName } from '@/plugins/delivery/attachment'
import { checkItem, idOf, idsOf, readItem, titleLocales } from '@/plugins/visibility/facts'
import { blockingGaps } from '@/plugins/visibility/gaps'
import { reportToCsv, visibilityReport } from '@/plugins/visibility/report'
import { badQuery, errorResponse, notFound } from '@/utilities/errors'

const unauthorized = (what: string) => errorResponse(401, `Log in as staff to see ${what}.`)
const forbidden = (message: string) => errorResponse(403, message)
const privately = { 'Cache-Control': 'private, no-store' }

/** A person signed in with one of the roles: API keys are never staff, whatever they hold. */
const isPerson = (req: PayloadRequest) => Boolean(req.user && req.user.collection === 'users')

/**
 * GET /api/{events|press-releases}/{id}/visibility?locale=: the donors' visibility gaps of the
 * item's latest version, as publishing it would see them: in the languages it is already
 * published in plus `locale` (per-locale publishing), or every language it has a title in.
 * For the staff (the edit view's warning); `blocking` says whether a publish would be refused.
 */
export const visibilityCheckEndpoint = (collection: CollectionSlug): Endpoint => ({
  path: '/:id/visibility',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return unauthorized('visibility checks')
    if (!isPerson(req) || !checkRole(staffRoles, req.user)) return forbidden('Visibility checks are for the staff.')
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const locale = req.searchParams.get('locale')
    if (locale === 'all')
      return badQuery([{ path: 'locale', message: `locale must be one language: one of ${localeCodes.join(', ')}.` }])
    const read = (draft: boolean) =>
      readItem(req, collection, req.routeParams?.id as string, draft, {
        title: true,
        project: true,
        donorNotices: true,
        _status: true,
      })
    const latest = await read(true)
    if (!latest) return notFound()
    const published = await read(false)
    const locales = new Set(published?._status === 'published' ? titleLocales(published.title) : [])
    if (locale && isLocaleCode(locale)) locales.add(locale)
    else titleLocales(latest.title).forEach((code) => locales.add(code))
    const { gaps, projectNotices, itemNotices } = await checkItem(req, {
      project: idOf(latest.project),
      noticeIds: idsOf(latest.donorNotices),
      locales: [...locales],
    })
    const notices = new Map(
      [...projectNotices, ...itemNotices].map((notice) => [String(notice.id), { id: notice.id, name: notice.name }]),
    )
    return Response.json(
      {
        collection,
        id: latest.id,
        locales: [...locales],
        blocking: blockingGaps(gaps).length > 0,
        notices: [...notices.values()],
        gaps,
      },
      { headers: privately },
    )
  },
})

const formats = ['json', 'csv'] as const

/** GET /api/projects/{id}/visibility-report?format=json|csv: the grant's evidence pack, for editors and admins. */
export const visibilityReportEndpoint: Endpoint = {
  path: '/:id/visibility-report',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return unauthorized('visibility reports')
    if (!isPerson(req) || !checkRole(['admin', 'editor'], req.user))
      return forbidden('Visibility reports are for editors and admins.')
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const format = req.searchParams.get('format') ?? 'json'
    if (!(formats as readonly string[]).includes(format))
      return badQuery([{ path: 'format', message: `format must be json or csv, got "${format.slice(0, 40)}".` }])
    const report = await visibilityReport(req, req.routeParams?.id as string)
    if (!report) return notFound()
    if (format === 'json') return Response.json(report, { headers: privately })
    return new Response(reportToCsv(report), {
      headers: {
        ...privately,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachmentHeader(
          downloadName(
            report.project.slug && `${report.project.slug}-visibility`,
            'csv',
            `project-${report.project.id}-visibility`,
          ),
        ),
      },
    })
  },
}
