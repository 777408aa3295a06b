import type { Endpoint } from 'payload'

import { readRouteDocument, refuseBadQuery, requestedLocale } from '@/endpoints/request'
import { serverHost } from '@/env'
import { removePrivateSpeakers } from '@/hooks/hidePrivateSpeakers'
import type { Event } from '@/payload-types'
import { attachmentHeader, downloadName } from '@/plugins/delivery/attachment'
import { buildCalendar } from '@/plugins/delivery/ical'
import { badQuery, notFound } from '@/utilities/errors'
import { publicSpeakerIds } from '@/utilities/publicSpeakers'

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

/** `sessions=true|false`, or a problem naming the parameter. */
export function sessionsParam(
  params: URLSearchParams,
): { sessions: boolean } | { problem: { path: string; message: string } } {
  const values = params.getAll('sessions')
  if (!values.length) return { sessions: false }
  if (values.length === 1 && (values[0] === 'true' || values[0] === 'false')) return { sessions: values[0] === 'true' }
  return { problem: { path: 'sessions', message: 'sessions must be given once, as true or false.' } }
}

/**
 * GET /api/events/{id}/ics?locale=&sessions=: the event as an iCalendar file; with sessions=true
 * each session of its programme is a VEVENT of its own, with its room and its speakers.
 */
export const eventICalendar: Endpoint = {
  path: '/:id/ics',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const asked = sessionsParam(req.searchParams)
    if ('problem' in asked) return badQuery([asked.problem])
    const locale = requestedLocale(req)
    const read = (await readRouteDocument(req, 'events', 1)) as Event | undefined
    if (!read) return notFound()
    // A calendar file is forwarded and subscribed to: only public speakers, even in one a staff member downloads.
    const ids = asked.sessions ? await publicSpeakerIds(req) : new Set<string>()
    const event = asked.sessions
      ? (removePrivateSpeakers(
          read as unknown as Record<string, unknown>,
          [{ array: 'programme', field: 'speakers', many: true }],
          (id) => ids.has(id),
        ) as unknown as Event)
      : read
    return new Response(
      buildCalendar([event], { name: event.title, locale, host: serverHost(), sessions: asked.sessions }),
      {
        headers: {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': attachmentHeader(downloadName(event.slug, 'ics', `event-${event.id}`)),
        },
      },
    )
  },
}
