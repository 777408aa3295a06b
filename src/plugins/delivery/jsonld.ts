import { DateTime } from 'luxon'

import type { Event, Media, Organisation, PressRelease, Speaker } from '@/payload-types'
import { plainText } from '@/utilities/lexical'
import { excludedStarts, isRecurring, type Series, weekdayNames } from '@/utilities/recurrence'

import { frontendUrl } from './frontendUrl'

type Thing = Record<string, unknown>
const CONTEXT = 'https://schema.org'

const compact = (thing: Thing): Thing =>
  Object.fromEntries(
    Object.entries(thing).filter(
      ([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length),
    ),
  )

const populated = <T extends object>(value: unknown): T | undefined =>
  value && typeof value === 'object' ? (value as T) : undefined
const imageUrl = (value: unknown, serverUrl: string) => {
  const media = populated<Media>(value)
  return media?.url ? new URL(media.url, serverUrl).toString() : undefined
}

type WithSeo = { meta?: { title?: string | null; description?: string | null } | null; openGraph?: unknown }

/** The editor's meta description (plugin-seo, filled on save when left empty), else what the document says. */
const seoDescription = (doc: WithSeo, fallback: string | null | undefined) =>
  doc.meta?.description?.trim() || fallback || undefined

/** The 1200×630 share image of the Open Graph block, else the document's own image. */
const seoImage = (doc: WithSeo, own: unknown, serverUrl: string) =>
  (doc.openGraph as { image?: { url?: string } | null } | undefined)?.image?.url ?? imageUrl(own, serverUrl)

const eventStatus: Record<Event['status'], string> = {
  scheduled: 'EventScheduled',
  postponed: 'EventPostponed',
  rescheduled: 'EventRescheduled',
  cancelled: 'EventCancelled',
  'moved-online': 'EventMovedOnline',
}
const attendanceMode: Record<Event['attendanceMode'], string> = {
  offline: 'OfflineEventAttendanceMode',
  online: 'OnlineEventAttendanceMode',
  mixed: 'MixedEventAttendanceMode',
}

export function organisationJsonLd(
  organisation: Organisation,
  locale: string,
  serverUrl: string,
  nested = false,
): Thing {
  const parent = populated<Organisation>(organisation.parent)
  return compact({
    ...(nested ? {} : { '@context': CONTEXT }),
    '@type': 'Organization',
    name: organisation.name,
    alternateName: organisation.acronym,
    url: organisation.website ?? frontendUrl('organisations', organisation, locale),
    email: nested ? undefined : organisation.email,
    telephone: nested ? undefined : organisation.phone,
    logo: imageUrl(organisation.logo, serverUrl),
    image: nested ? undefined : seoImage(organisation, organisation.logo, serverUrl),
    description: nested ? undefined : seoDescription(organisation, plainText(organisation.description)),
    address: organisation.city
      ? { '@type': 'PostalAddress', addressLocality: organisation.city, addressCountry: organisation.countries?.[0] }
      : undefined,
    parentOrganization: parent ? organisationJsonLd(parent, locale, serverUrl, true) : undefined,
  })
}

/** A person in public output. Never their e-mail or consent record: those are internal. */
export function personJsonLd(speaker: Speaker, locale: string, serverUrl: string, nested = false): Thing {
  const organisation = populated<Organisation>(speaker.organisation)
  return compact({
    ...(nested ? {} : { '@context': CONTEXT }),
    '@type': 'Person',
    name: speaker.name,
    honorificPrefix: speaker.honorific,
    jobTitle: speaker.position,
    worksFor: organisation ? organisationJsonLd(organisation, locale, serverUrl, true) : undefined,
    nationality: speaker.country ? { '@type': 'Country', name: speaker.country } : undefined,
    description: nested ? undefined : plainText(speaker.bio),
    image: imageUrl(speaker.photo, serverUrl),
    url: frontendUrl('speakers', speaker, locale),
    sameAs: nested ? undefined : speaker.links?.map((link) => link.url),
  })
}

const periods = { daily: 'D', weekly: 'W', monthly: 'M', yearly: 'Y' } as const

/** A recurring event's rule as a schema.org Schedule: times of day and dates in the event's own zone. */
export function eventSchedule(event: Event): Thing | undefined {
  const form = event.recurrence
  if (!form?.frequency || !isRecurring(event)) return undefined
  const zone = event.timezone || 'UTC'
  const local = (iso: string) => DateTime.fromISO(iso, { zone })
  return compact({
    '@type': 'Schedule',
    repeatFrequency: `P${form.interval ?? 1}${periods[form.frequency]}`,
    byDay: (form.weekdays ?? []).map((day) => `${CONTEXT}/${weekdayNames[day]}`),
    startDate: local(event.startDate).toISODate(),
    endDate: form.until ? local(form.until).toISODate() : undefined,
    repeatCount: form.count,
    startTime: local(event.startDate).toFormat('HH:mm:ss'),
    endTime: local(event.endDate).toFormat('HH:mm:ss'),
    scheduleTimezone: zone,
    exceptDate: excludedStarts(event as Series).map((iso) => local(iso).toISODate()),
  })
}

export function eventJsonLd(event: Event, locale: string, serverUrl: string): Thing {
  const zone = event.timezone || 'UTC'
  const local = (iso?: string | null) =>
    iso ? DateTime.fromISO(iso, { zone }).toISO({ suppressMilliseconds: true }) : undefined
  const byRole = (...roles: string[]) =>
    (event.organisations ?? [])
      .filter((row) => roles.includes(row.role))
      .map((row) => populated<Organisation>(row.organisation))
      .filter((organisation): organisation is Organisation => Boolean(organisation))
      .map((organisation) => organisationJsonLd(organisation, locale, serverUrl, true))
  const venue = event.venue
  const place = compact({
    '@type': 'Place',
    name: venue?.name ?? venue?.city,
    address: compact({
      '@type': 'PostalAddress',
      streetAddress: venue?.address,
      addressLocality: venue?.city,
      addressCountry: venue?.country,
    }),
    geo: venue?.coordinates
      ? { '@type': 'GeoCoordinates', longitude: venue.coordinates[0], latitude: venue.coordinates[1] }
      : undefined,
  })
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : undefined
  const locations =
    event.attendanceMode === 'online' ? [virtual] : event.attendanceMode === 'mixed' ? [place, virtual] : [place]
  return compact({
    '@context': CONTEXT,
    '@type': 'Event',
    name: event.title,
    description: seoDescription(event, event.summary || plainText(event.description)),
    startDate: local(event.startDate),
    endDate: local(event.endDate),
    eventSchedule: eventSchedule(event),
    eventStatus: `${CONTEXT}/${eventStatus[event.status]}`,
    eventAttendanceMode: `${CONTEXT}/${attendanceMode[event.attendanceMode]}`,
    location: locations.filter(Boolean).length === 1 ? locations.filter(Boolean)[0] : locations.filter(Boolean),
    organizer: byRole('organiser', 'co-organiser', 'host'),
    funder: byRole('funder', 'sponsor', 'co-sponsor'),
    // The afterRead hook has already removed speakers who are internal or have not consented.
    performer: (event.speakers ?? [])
      .map((row) => populated<Speaker>(row.speaker))
      .filter((speaker): speaker is Speaker => Boolean(speaker))
      .map((speaker) => personJsonLd(speaker, locale, serverUrl, true)),
    subEvent: (event.programme ?? []).map((session) =>
      compact({
        '@type': 'Event',
        name: session.title,
        startDate: local(session.startTime),
        endDate: local(session.endTime),
        location: session.room ? { '@type': 'Place', name: session.room } : undefined,
        performer: (session.speakers ?? [])
          .map((speaker) => populated<Speaker>(speaker))
          .filter((speaker): speaker is Speaker => Boolean(speaker))
          .map((speaker) => personJsonLd(speaker, locale, serverUrl, true)),
      }),
    ),
    maximumAttendeeCapacity: event.expectedParticipants,
    image: seoImage(event, event.heroImage, serverUrl),
    inLanguage: locale,
    url: frontendUrl('events', event, locale),
  })
}

export function pressReleaseJsonLd(release: PressRelease, locale: string, serverUrl: string): Thing {
  const organisations = (release.organisations ?? [])
    .map((value) => populated<Organisation>(value))
    .filter((o): o is Organisation => Boolean(o))
  const dateline = [
    release.dateline?.places?.join(', '),
    release.dateline?.date
      ? DateTime.fromISO(release.dateline.date).setLocale(locale).toLocaleString(DateTime.DATE_FULL)
      : undefined,
  ]
    .filter(Boolean)
    .join(', ')
  return compact({
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: release.title,
    alternativeHeadline: release.subtitle,
    dateline,
    datePublished: release.releaseDate,
    dateModified: release.updatedAt,
    description: seoDescription(release, release.summary),
    articleBody: plainText(release.body),
    inLanguage: locale,
    publisher: organisations[0] ? organisationJsonLd(organisations[0], locale, serverUrl, true) : undefined,
    mentions: organisations.slice(1).map((organisation) => organisationJsonLd(organisation, locale, serverUrl, true)),
    about: (release.events ?? [])
      .map((value) => populated<Event>(value))
      .filter((e): e is Event => Boolean(e))
      .map((event) =>
        compact({
          '@type': 'Event',
          name: event.title,
          startDate: event.startDate,
          url: frontendUrl('events', event, locale),
        }),
      ),
    image: seoImage(release, release.featuredImage, serverUrl),
    url: frontendUrl('press-releases', release, locale),
  })
}
