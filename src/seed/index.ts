import type { CollectionSlug, Payload, PayloadRequest, RequiredDataFromCollectionSlug, Where } from 'payload'

import { ConfigurationError, isProduction } from '@/env'
import { toSlug } from '@/fields/slug'
import { paragraphs } from '@/utilities/lexical'

import * as demo from './data'

type Id = number | string
type Counts = { created: number; existing: number }

/**
 * Loads the demo content. Idempotent: every record is looked up by a natural key (its English
 * slug, or a name) and created only when missing, so running it twice changes nothing.
 * `context.seed` lets hooks with side effects (webhooks, cache purges) stay quiet.
 */
export async function seed(payload: Payload, req?: Partial<PayloadRequest>): Promise<Counts> {
  const counts: Counts = { created: 0, existing: 0 }
  const context = { seed: true }

  async function ensure<S extends CollectionSlug>(
    collection: S,
    where: Where,
    data: RequiredDataFromCollectionSlug<S>,
    russian?: Record<string, unknown>,
  ): Promise<Id> {
    const found = await payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      draft: true,
      overrideAccess: true,
      req,
      context,
    })
    if (found.docs[0]) {
      counts.existing += 1
      return found.docs[0].id
    }
    const doc = await payload.create({ collection, data, locale: 'en', depth: 0, overrideAccess: true, req, context })
    if (russian) {
      // Only localized fields; the generic overloads of update cannot narrow S.
      await payload.update({
        collection,
        id: doc.id,
        data: russian as never,
        locale: 'ru',
        depth: 0,
        overrideAccess: true,
        req,
        context,
      })
    }
    counts.created += 1
    return doc.id
  }

  const bySlug = (text: string): Where => ({ slug: { equals: toSlug(text) } })
  const published = { _status: 'published' as const }

  const organisations = new Map<string, Id>()
  for (const { key, nameRu, parent, ...organisation } of demo.organisations) {
    const id = await ensure(
      'organisations',
      bySlug(organisation.name),
      {
        ...organisation,
        slug: toSlug(organisation.name),
        parent: parent ? organisations.get(parent) : undefined,
      } as RequiredDataFromCollectionSlug<'organisations'>,
      nameRu ? { name: nameRu } : undefined,
    )
    organisations.set(key, id)
  }
  const org = (key: string) => organisations.get(key) as number

  const speakers = new Map<string, Id>()
  for (const { key, nameRu, organisation, ...speaker } of demo.speakers) {
    const id = await ensure(
      'speakers',
      bySlug(speaker.name),
      {
        ...speaker,
        slug: toSlug(speaker.name),
        organisation: organisation ? org(organisation) : undefined,
        visibility: 'public',
        consent: { given: true, note: 'Named in the public press release of 31 May 2016.' },
      } as RequiredDataFromCollectionSlug<'speakers'>,
      { name: nameRu },
    )
    speakers.set(key, id)
  }
  const speaker = (key: string) => speakers.get(key) as number

  const { statementRu, donor, ...notice } = demo.donorNotice
  const donorNotice = await ensure(
    'donor-notices',
    { name: { equals: notice.name } },
    { ...notice, ...published, donor: org(donor), aboutDonor: paragraphs(...demo.EU_ABOUT) },
    { statement: statementRu },
  )

  const { project } = demo
  const projectId = await ensure(
    'projects',
    bySlug(project.title),
    {
      ...published,
      title: project.title,
      slug: toSlug(project.title),
      summary: project.summary,
      countries: project.countries as RequiredDataFromCollectionSlug<'projects'>['countries'],
      partners: project.partners.map(({ organisation, role }) => ({ organisation: org(organisation), role })),
      coordinator: speaker(project.coordinator),
      achievements: paragraphs(demo.KERYMOV_QUOTE),
      donorNotices: [donorNotice as number],
    },
    { title: project.titleRu, summary: project.summaryRu },
  )

  const { event } = demo
  const eventId = await ensure(
    'events',
    bySlug(event.title),
    {
      ...published,
      title: event.title,
      slug: toSlug(event.title),
      summary: event.summary,
      description: paragraphs(demo.pressRelease.body[0], demo.pressRelease.body[2]),
      eventType: 'conference',
      status: 'scheduled',
      attendanceMode: 'offline',
      startDate: event.startDate,
      endDate: event.endDate,
      timezone: event.timezone,
      venue: { city: event.venue.city, country: event.venue.country as 'TJ' },
      organisations: event.organisations.map(({ organisation, role }) => ({ organisation: org(organisation), role })),
      speakers: event.speakers.map(({ speaker: key, ...rest }) => ({ ...rest, speaker: speaker(key) })),
      programme: event.programme.map(({ title, speakers: keys }) => ({ title, speakers: keys.map(speaker) })),
      expectedParticipants: event.expectedParticipants,
      audience: event.audience,
      topics: event.topics,
      project: projectId as number,
      donorNotices: [donorNotice as number],
    },
    { title: event.titleRu, summary: event.summaryRu, venue: { city: event.venue.cityRu } },
  )

  const release = demo.pressRelease
  await ensure(
    'press-releases',
    bySlug(release.title),
    {
      ...published,
      title: release.title,
      slug: toSlug(release.title),
      subtitle: release.subtitle,
      dateline: { places: release.places, date: release.date },
      releaseDate: release.date,
      summary: release.summary,
      body: paragraphs(...release.body),
      quotes: [
        { text: release.quote.text, attribution: release.quote.attribution, speaker: speaker(release.quote.speaker) },
      ],
      contacts: [{ ...release.contact, organisation: org(release.contact.organisation) }],
      events: [eventId as number],
      project: projectId as number,
      organisations: release.organisations.map(org),
      donorNotices: [donorNotice as number],
    },
    {
      title: release.titleRu,
      subtitle: release.subtitleRu,
      summary: release.summaryRu,
      dateline: { places: release.placesRu },
    },
  )

  return counts
}

/**
 * Whether the demo content goes into an empty database at start: by default in development only,
 * so that `npm run dev` shows a working CMS and a production site never opens with a stranger's
 * press release. SEED_ON_START=true or false decides either way.
 */
export function seedsOnStart(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.SEED_ON_START?.trim().toLowerCase()
  if (!value) return !isProduction(env)
  if (value === 'true' || value === 'false') return value === 'true'
  throw new ConfigurationError(`SEED_ON_START must be "true" or "false", got "${env.SEED_ON_START}".`)
}

/** Loads the demo content when the database has no events yet and seedsOnStart says so. */
export async function seedOnFirstStart(payload: Payload): Promise<void> {
  if (!seedsOnStart()) return
  const { totalDocs } = await payload.count({ collection: 'events', overrideAccess: true })
  if (totalDocs > 0) return
  const { created } = await seed(payload)
  payload.logger.info(`Loaded the demo content (${created} documents).`)
}
