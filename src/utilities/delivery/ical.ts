import ical, { ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { tzlib_get_ical_block } from 'timezones-ical-library'

import type { Event, Organisation } from '@/payload-types'

import { plainText } from '../lexical'
import { frontendUrl } from './frontendUrl'
import { cleanOptional, cleanText } from './text'

const statusOf: Record<Event['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  rescheduled: ICalEventStatus.CONFIRMED,
  'moved-online': ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
}

export type CalendarEvent = Pick<Event, 'id' | 'title' | 'slug' | 'summary' | 'description' | 'startDate' | 'endDate' | 'timezone' | 'status' | 'venue' | 'onlineUrl' | 'updatedAt' | 'organisations'> & {
  icalSequence?: number | null
}

/** The stable UID of an event: the same in every feed and every update, so calendars replace rather than duplicate. */
export const eventUid = (id: number | string, host: string) => `event-${id}@${host}`

function location(event: CalendarEvent, locale: string): string | undefined {
  const venue = event.venue
  const country = venue?.country ? new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(venue.country) : undefined
  const parts = [venue?.name, venue?.address, venue?.city, country].filter(Boolean)
  if (parts.length) return parts.join(', ')
  return event.onlineUrl ?? undefined
}

/**
 * An RFC 5545 TEXT value written by hand: ical-generator escapes event properties but writes the
 * calendar's NAME and X-WR-CALNAME as given, so a line break there would start a new property.
 */
export const icalText = (value: string): string => cleanText(value).replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\n/g, '\\n')

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
export function buildCalendar(events: CalendarEvent[], { name, locale, host }: { name: string; locale: string; host: string }): string {
  const calendar = ical({
    name: icalText(name),
    prodId: { company: 'Pressroom', product: 'Pressroom', language: locale.toUpperCase() },
    timezone: { name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] },
  })
  for (const event of events) {
    const zone = event.timezone || 'UTC'
    const at = (iso: string) => DateTime.fromISO(iso, { zone })
    const organiser = event.organisations?.find((row) => row.role === 'organiser')?.organisation
    calendar.createEvent({
      id: eventUid(event.id, host),
      sequence: event.icalSequence ?? 0,
      stamp: DateTime.fromISO(event.updatedAt, { zone: 'utc' }),
      start: at(event.startDate),
      end: at(event.endDate),
      timezone: zone,
      summary: cleanText(event.title),
      description: cleanOptional(event.summary || plainText(event.description)) || undefined,
      location: cleanOptional(location(event, locale)),
      url: frontendUrl('events', event, locale),
      status: statusOf[event.status],
      // RFC 5545 makes ORGANIZER a calendar address: only an organiser with an e-mail can be one.
      organizer: organiserOf(organiser),
    })
  }
  return calendar.toString()
}
