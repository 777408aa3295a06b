import ical, { ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { tzlib_get_ical_block } from 'timezones-ical-library'

import type { Event, Organisation, Speaker } from '@/payload-types'
import { plainText } from '@/utilities/lexical'
import { changedOccurrences, excludedStarts, isRecurring, type Series } from '@/utilities/recurrence'

import { frontendUrl } from './frontendUrl'
import { cleanOptional, cleanText } from './text'

const statusOf: Record<Event['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  rescheduled: ICalEventStatus.CONFIRMED,
  'moved-online': ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
}

export type CalendarEvent = Pick<
  Event,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'description'
  | 'startDate'
  | 'endDate'
  | 'timezone'
  | 'status'
  | 'venue'
  | 'onlineUrl'
  | 'updatedAt'
  | 'organisations'
> &
  Partial<Pick<Event, 'recurrence' | 'excludedDates' | 'occurrenceChanges' | 'programme'>> & {
    icalSequence?: number | null
  }

/** The stable UID of an event: the same in every feed and every update, so calendars replace rather than duplicate. */
export const eventUid = (id: number | string, host: string) => `event-${id}@${host}`

/** A session's UID: its own, stable while the session is in the programme. */
export const sessionUid = (eventId: number | string, sessionId: string, host: string) =>
  `event-${eventId}-session-${sessionId}@${host}`

/**
 * The series' RRULE and EXDATE lines as ical-generator writes a rule given as text. EXDATE takes
 * the excluded starts in the event's zone, as DTSTART is written (UTC events: in UTC).
 */
function repeatingOf(event: CalendarEvent, zone: string): string | undefined {
  const rrule = event.recurrence?.rrule
  if (!rrule || !isRecurring(event)) return undefined
  const excluded = excludedStarts(event as Series)
  if (!excluded.length) return `RRULE:${rrule}`
  const utc = zone === 'UTC'
  const stamps = excluded.map((iso) =>
    DateTime.fromISO(iso, { zone }).toFormat(utc ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmmss"),
  )
  return `RRULE:${rrule}\nEXDATE${utc ? '' : `;TZID=${zone}`}:${stamps.join(',')}`
}

const speakerNames = (speakers: unknown[] | null | undefined): string[] =>
  (speakers ?? []).flatMap((speaker) =>
    speaker && typeof speaker === 'object' && (speaker as Speaker).name ? [cleanText((speaker as Speaker).name)] : [],
  )

function location(event: CalendarEvent, locale: string): string | undefined {
  const venue = event.venue
  const country = venue?.country
    ? new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(venue.country)
    : undefined
  const parts = [venue?.name, venue?.address, venue?.city, country].filter(Boolean)
  if (parts.length) return parts.join(', ')
  return event.onlineUrl ?? undefined
}

/**
 * An RFC 5545 TEXT value written by hand: ical-generator escapes event properties but writes the
 * calendar's NAME and X-WR-CALNAME as given, so a line break there would start a new property.
 */
export const icalText = (value: string): string =>
  cleanText(value)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n')

function organiserOf(organiser: unknown) {
  const { name, email } = (organiser && typeof organiser === 'object' ? organiser : {}) as Partial<Organisation>
  // Payload's email field refuses anything but an address; the name is free text.
  // ical-generator quotes CN but leaves a backslash as it is, and parsers such as ical.js read
  // `\;` in a parameter as an escape: doubled, the name comes back as it was typed.
  return email ? { name: cleanText(name ?? '').replace(/\\/g, '\\\\'), email } : undefined
}

/**
 * An RFC 5545 calendar of events in one locale: times with their TZID and a matching VTIMEZONE,
 * a stable UID, a SEQUENCE that grows with each update, CANCELLED for cancelled events.
 * Every text passes through cleanText (controls are not allowed in TEXT); escaping and line
 * folding of event properties are ical-generator's, the calendar name's is icalText's.
 */
export function buildCalendar(
  events: CalendarEvent[],
  { name, locale, host, sessions = false }: { name: string; locale: string; host: string; sessions?: boolean },
): string {
  const calendar = ical({
    name: icalText(name),
    prodId: { company: 'Pressroom', product: 'Pressroom', language: locale.toUpperCase() },
    timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] },
  })
  for (const event of events) {
    const zone = event.timezone || 'UTC'
    const at = (iso: string) => DateTime.fromISO(iso, { zone })
    const organiser = event.organisations?.find((row) => row.role === 'organiser')?.organisation
    const common = {
      id: eventUid(event.id, host),
      sequence: event.icalSequence ?? 0,
      stamp: DateTime.fromISO(event.updatedAt, { zone: 'utc' }),
      timezone: zone,
      summary: cleanText(event.title),
      description: cleanOptional(event.summary || plainText(event.description)) || undefined,
      url: frontendUrl('events', event, locale),
      // RFC 5545 makes ORGANIZER a calendar address: only an organiser with an e-mail can be one.
      organizer: organiserOf(organiser),
    }
    const place = cleanOptional(location(event, locale))
    calendar.createEvent({
      ...common,
      start: at(event.startDate),
      end: at(event.endDate),
      repeating: repeatingOf(event, zone),
      location: place,
      status: statusOf[event.status],
    })
    // One VEVENT per changed occurrence, same UID, RECURRENCE-ID the start the series gives it.
    for (const occurrence of isRecurring(event) ? changedOccurrences(event as Series) : []) {
      calendar.createEvent({
        ...common,
        recurrenceId: at(occurrence.originalStart),
        start: at(occurrence.start),
        end: at(occurrence.end),
        location: occurrence.venue ? cleanText(occurrence.venue) : place,
        status: occurrence.cancelled ? ICalEventStatus.CANCELLED : statusOf[event.status],
      })
    }
    if (!sessions) continue
    // A session without a start has no place in a calendar; one without an end is an instant.
    for (const [index, session] of (event.programme ?? []).entries()) {
      if (!session.startTime) continue
      const speakers = speakerNames(session.speakers)
      calendar.createEvent({
        id: sessionUid(event.id, session.id ?? String(index), host),
        sequence: event.icalSequence ?? 0,
        stamp: common.stamp,
        timezone: zone,
        start: at(session.startTime),
        end: session.endTime ? at(session.endTime) : at(session.startTime),
        summary: cleanText(session.title),
        description:
          cleanOptional(
            [speakers.length ? `Speakers: ${speakers.join(', ')}` : '', plainText(session.description)]
              .filter(Boolean)
              .join('\n\n'),
          ) || undefined,
        location: cleanOptional([session.room, place].filter(Boolean).join(', ')),
        url: common.url,
        status: statusOf[event.status],
      })
    }
  }
  return calendar.toString()
}
