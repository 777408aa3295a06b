import type { Endpoint } from 'payload'

import { serverHost } from '@/env'
import type { Event } from '@/payload-types'
import { attachmentHeader, downloadName } from '@/utilities/delivery/attachment'
import { buildCalendar } from '@/utilities/delivery/ical'

import { notFound, readRouteDocument, refuseBadQuery, requestedLocale } from './request'

/** GET /api/events/upcoming?locale=&limit=: events not yet over, soonest first, as Payload lists them. */
export const upcomingEvents: Endpoint = {
  path: '/upcoming',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const result = await req.payload.find({
      collection: 'events',
      where: { endDate: { greater_than_equal: new Date().toISOString() } },
      sort: 'startDate',
      limit: Number(req.searchParams.get('limit') ?? 10),
      page: Number(req.searchParams.get('page') ?? 1),
      depth: Number(req.searchParams.get('depth') ?? 1),
      locale: requestedLocale(req),
      overrideAccess: false,
      req,
    })
    // Time decides what is upcoming: not kept by the in-process cache, which only writes purge.
    return Response.json(result, { headers: { 'Cache-Control': 'public, max-age=60' } })
  },
}

/** GET /api/events/{id}/ics?locale=: the event as an iCalendar file. */
export const eventICalendar: Endpoint = {
  path: '/:id/ics',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const locale = requestedLocale(req)
    const event = (await readRouteDocument(req, 'events', 1)) as Event | undefined
    if (!event) return notFound()
    return new Response(buildCalendar([event], { name: event.title, locale, host: serverHost() }), {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': attachmentHeader(downloadName(event.slug, 'ics', `event-${event.id}`)),
      },
    })
  },
}
