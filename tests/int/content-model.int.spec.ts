import { type Payload, ValidationError } from 'payload'

import type { User } from '@/payload-types'
import { paragraphs } from '@/utilities/lexical'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Editor = User & { collection: 'users' }

/** The field paths and messages of a rejected write; fails the test if the write succeeded. */
async function rejection(write: Promise<unknown>): Promise<Record<string, string>> {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ValidationError)
  const { errors } = (error as ValidationError).data
  return Object.fromEntries(errors.map(({ path, message }) => [path, message]))
}

describe('the content model', () => {
  let payload: Payload
  let editor: Editor
  let organisationId: number

  const as = { overrideAccess: false as const }
  const event = (extra: Record<string, unknown> = {}) => ({
    title: `Workshop ${Math.random().toString(36).slice(2, 8)}`,
    startDate: '2026-06-01T05:00:00.000Z',
    endDate: '2026-06-01T12:00:00.000Z',
    timezone: 'Asia/Almaty',
    eventType: 'workshop' as const,
    status: 'scheduled' as const,
    attendanceMode: 'offline' as const,
    ...extra,
  })

  beforeAll(async () => {
    payload = await startPayload()
    await createUser(payload, 'admin')
    editor = await createUser(payload, 'editor')
    organisationId = (
      await payload.create({
        collection: 'organisations',
        data: { name: 'Nota Bene', organisationType: 'ngo', countries: ['TJ'], website: 'https://notabene.tj' },
        user: editor,
        ...as,
      })
    ).id
  })
  afterAll(() => stopPayload(payload))

  describe('create and read, as an editor through the Local API', () => {
    it('events, with speakers, programme and venue', async () => {
      const speaker = await payload.create({
        collection: 'speakers',
        data: {
          name: 'Elena Volochay',
          position: 'Psychologist',
          country: 'UA',
          visibility: 'public',
          consent: { given: true },
        },
        user: editor,
        ...as,
      })
      const created = await payload.create({
        collection: 'events',
        data: event({
          venue: { city: 'Almaty', country: 'KZ', coordinates: [76.9, 43.25] },
          speakers: [{ speaker: speaker.id, role: 'facilitator', topic: 'Compensation' }],
          programme: [
            {
              title: 'Opening',
              speakers: [speaker.id],
              startTime: '2026-06-01T05:00:00.000Z',
              endTime: '2026-06-01T06:00:00.000Z',
            },
          ],
          organisations: [{ organisation: organisationId, role: 'organiser' }],
          description: paragraphs('A day on legal aid.'),
          _status: 'published',
        }),
        user: editor,
        ...as,
      })
      const read = await payload.findByID({ collection: 'events', id: created.id, depth: 1, user: editor, ...as })
      expect(read.slug).toMatch(/^workshop-/)
      expect(read.venue).toMatchObject({ city: 'Almaty', country: 'KZ', coordinates: [76.9, 43.25] })
      expect(read.speakers?.[0]).toMatchObject({ role: 'facilitator', speaker: { name: 'Elena Volochay' } })
      expect(read.programme?.[0].speakers).toEqual([expect.objectContaining({ id: speaker.id })])
      expect(read.organisations?.[0].organisation).toMatchObject({ name: 'Nota Bene' })
      const joined = await payload.findByID({ collection: 'speakers', id: speaker.id, depth: 0, user: editor, ...as })
      expect(joined.events?.docs).toContain(created.id)
    })

    it('press releases, donor notices and projects, with their relationships and joins', async () => {
      const notice = await payload.create({
        collection: 'donor-notices',
        data: {
          name: 'EU notice',
          donor: organisationId,
          fundingType: 'funded',
          statement: 'This project is funded by the European Union',
          _status: 'published',
        },
        user: editor,
        ...as,
      })
      const project = await payload.create({
        collection: 'projects',
        data: {
          title: 'A project',
          countries: ['KZ', 'TJ'],
          partners: [{ organisation: organisationId, role: 'lead' }],
          donorNotices: [notice.id],
          _status: 'published',
        },
        user: editor,
        ...as,
      })
      const release = await payload.create({
        collection: 'press-releases',
        data: {
          title: 'A release',
          releaseDate: '2026-05-31T00:00:00.000Z',
          dateline: { places: ['Almaty', 'Warsaw'], date: '2026-05-31T00:00:00.000Z' },
          contacts: [
            { name: 'Press Officer', phone: '+48504080257', email: 'press@example.org', organisation: organisationId },
          ],
          project: project.id,
          donorNotices: [notice.id],
          _status: 'published',
        },
        user: editor,
        ...as,
      })
      const read = await payload.findByID({
        collection: 'press-releases',
        id: release.id,
        depth: 1,
        user: editor,
        ...as,
      })
      expect(read.dateline?.places).toEqual(['Almaty', 'Warsaw'])
      expect(read.donorNotices?.[0]).toMatchObject({ statement: 'This project is funded by the European Union' })
      const withJoins = await payload.findByID({
        collection: 'projects',
        id: project.id,
        depth: 0,
        user: editor,
        ...as,
      })
      expect(withJoins.pressReleases?.docs).toContain(release.id)
    })
  })

  describe('validation', () => {
    it('rejects an end before the start, an unknown time zone, a malformed URL and an unknown country, storing nothing', async () => {
      const before = await payload.count({ collection: 'events' })
      const errors = await rejection(
        payload.create({
          collection: 'events',
          data: event({
            endDate: '2026-05-30T00:00:00.000Z',
            timezone: 'Central Asia',
            onlineUrl: 'zoom meeting',
            venue: { country: 'XK1' },
          }),
          user: editor,
          ...as,
        }),
      )
      expect(errors).toEqual({
        endDate: 'The end must not be before the start date.',
        timezone: expect.stringContaining('"Central Asia" is not an IANA time zone'),
        onlineUrl: expect.stringContaining('"zoom meeting" is not a valid web address'),
        'venue.country': expect.stringContaining('"XK1" is not an ISO 3166-1 alpha-2 country code'),
      })
      expect(await payload.count({ collection: 'events' })).toEqual(before)
    })

    it('rejects a programme session that ends before it starts, naming the row', async () => {
      const errors = await rejection(
        payload.create({
          collection: 'events',
          data: event({
            programme: [
              { title: 'Backwards', startTime: '2026-06-01T10:00:00.000Z', endTime: '2026-06-01T09:00:00.000Z' },
            ],
          }),
          user: editor,
          ...as,
        }),
      )
      expect(errors).toEqual({ 'programme.0.endTime': 'The end must not be before the session’s start.' })
    })

    it('rejects malformed e-mail addresses and phone numbers of press contacts', async () => {
      const errors = await rejection(
        payload.create({
          collection: 'press-releases',
          data: {
            title: 'Bad contact',
            releaseDate: '2026-05-31T00:00:00.000Z',
            contacts: [{ name: 'X', phone: '12', email: 'not-an-email' }],
          },
          user: editor,
          ...as,
        }),
      )
      expect(Object.keys(errors).sort()).toEqual(['contacts.0.email', 'contacts.0.phone'])
      expect(errors['contacts.0.phone']).toMatch(/not a valid phone number/)
    })

    it('rejects a donor notice valid to before it is valid from, and a speaker link that is not a URL', async () => {
      expect(
        await rejection(
          payload.create({
            collection: 'donor-notices',
            data: {
              name: 'n',
              donor: organisationId,
              fundingType: 'co-funded',
              statement: 's',
              validFrom: '2026-01-01T00:00:00.000Z',
              validTo: '2025-01-01T00:00:00.000Z',
            },
            user: editor,
            ...as,
          }),
        ),
      ).toEqual({ validTo: 'The end must not be before the “valid from” date.' })
      expect(
        await rejection(
          payload.create({
            collection: 'speakers',
            data: { name: 'n', visibility: 'public', links: [{ label: 'Site', url: 'javascript:alert(1)' }] },
            user: editor,
            ...as,
          }),
        ),
      ).toEqual({ 'links.0.url': expect.stringContaining('must start with https://') })
    })

    it('rejects an organisation with an unknown organisation type or a bad website', async () => {
      const errors = await rejection(
        payload.create({
          collection: 'organisations',
          data: { name: 'X', organisationType: 'cartel' as 'ngo', website: 'www', phone: '+1' },
          user: editor,
          ...as,
        }),
      )
      expect(Object.keys(errors).sort()).toEqual(['organisationType', 'phone', 'website'])
    })

    it('requires the English title but lets a translation leave it to fall back', async () => {
      expect(
        await rejection(payload.create({ collection: 'events', data: event({ title: '' }), user: editor, ...as })),
      ).toMatchObject({
        title: 'This field is required.',
      })
    })
  })

  describe('localized slugs', () => {
    it('are unique within a locale', async () => {
      await payload.create({ collection: 'events', data: event({ title: 'Legal aid forum' }), user: editor, ...as })
      const errors = await rejection(
        payload.create({ collection: 'events', data: event({ title: 'Legal aid forum' }), user: editor, ...as }),
      )
      expect(Object.keys(errors)).toEqual(['slug'])
    })

    it('may repeat across locales, and are generated from the translated title', async () => {
      const first = await payload.create({ collection: 'events', data: event({ title: 'Forum' }), user: editor, ...as })
      const second = await payload.create({
        collection: 'events',
        data: event({ title: 'Другой форум' }),
        user: editor,
        ...as,
      })
      const ru = await payload.update({
        collection: 'events',
        id: second.id,
        locale: 'ru',
        data: { title: 'Forum' },
        user: editor,
        ...as,
      })
      expect(ru.slug).toBe('forum')
      expect(first.slug).toBe('forum')
      const found = await payload.find({
        collection: 'events',
        locale: 'ru',
        where: { slug: { equals: 'forum' } },
        user: editor,
        ...as,
      })
      expect(found.docs.map((doc) => doc.id)).toEqual([second.id])
    })
  })

  it('falls back to English for fields a locale has not translated', async () => {
    const created = await payload.create({
      collection: 'events',
      data: event({ summary: 'English summary' }),
      user: editor,
      ...as,
    })
    await payload.update({
      collection: 'events',
      id: created.id,
      locale: 'kk',
      data: { title: 'Қазақша атауы' },
      user: editor,
      ...as,
    })
    const kk = await payload.findByID({ collection: 'events', id: created.id, locale: 'kk', user: editor, ...as })
    expect(kk).toMatchObject({ title: 'Қазақша атауы', summary: 'English summary', slug: 'qazaqsha-atauy' })
    const noFallback = await payload.findByID({
      collection: 'events',
      id: created.id,
      locale: 'kk',
      fallbackLocale: false,
      user: editor,
      ...as,
    })
    expect(noFallback.summary ?? null).toBeNull()
  })

  describe('speakers who are internal or have not consented', () => {
    let eventId: number
    let internalId: number
    let unconsentedId: number
    let publicId: number

    beforeAll(async () => {
      const make = (name: string, visibility: 'public' | 'internal', given: boolean) =>
        payload.create({
          collection: 'speakers',
          data: { name, visibility, consent: { given }, email: `${given}@x.org` },
          user: editor,
          ...as,
        })
      publicId = (await make('Public Speaker', 'public', true)).id
      internalId = (await make('Internal Witness', 'internal', true)).id
      unconsentedId = (await make('Unconsented Lawyer', 'public', false)).id
      eventId = (
        await payload.create({
          collection: 'events',
          data: event({
            _status: 'published',
            speakers: [{ speaker: publicId }, { speaker: internalId }, { speaker: unconsentedId }],
            programme: [{ title: 'Panel', speakers: [publicId, internalId, unconsentedId] }],
          }),
          user: editor,
          ...as,
        })
      ).id
      await payload.create({
        collection: 'press-releases',
        data: {
          title: 'Quotes',
          releaseDate: '2026-05-31T00:00:00.000Z',
          _status: 'published',
          quotes: [
            { text: 'Public words', speaker: publicId },
            { text: 'Words of a person at risk', speaker: internalId },
          ],
        },
        user: editor,
        ...as,
      })
    })

    it('are absent from public speaker lists and by id', async () => {
      const { docs } = await payload.find({ collection: 'speakers', limit: 100, ...as })
      const ids = docs.map((doc) => doc.id)
      expect(ids).toContain(publicId)
      expect(ids).not.toContain(internalId)
      expect(ids).not.toContain(unconsentedId)
      await expect(payload.findByID({ collection: 'speakers', id: internalId, ...as })).rejects.toThrow('Not Found')
    })

    it('are absent from an event’s speakers and programme, at every depth', async () => {
      for (const depth of [0, 1, 2]) {
        const read = await payload.findByID({ collection: 'events', id: eventId, depth, ...as })
        const ids = (values: unknown[] | null | undefined) =>
          (values ?? []).map((v) => (typeof v === 'object' && v ? (v as { id: number }).id : v))
        expect(ids(read.speakers?.map((row) => row.speaker))).toEqual([publicId])
        expect(ids(read.programme?.[0].speakers)).toEqual([publicId])
      }
    })

    it('are absent from quotes, and their e-mail is never public', async () => {
      const { docs } = await payload.find({
        collection: 'press-releases',
        where: { title: { equals: 'Quotes' } },
        depth: 1,
        ...as,
      })
      expect(docs[0].quotes?.map((quote) => quote.text)).toEqual(['Public words'])
      const speaker = await payload.findByID({ collection: 'speakers', id: publicId, ...as })
      expect(speaker.email).toBeUndefined()
      expect(speaker.consent?.note).toBeUndefined()
    })

    it('stay visible to the editors who manage them', async () => {
      const read = await payload.findByID({ collection: 'events', id: eventId, depth: 0, user: editor, ...as })
      expect(read.speakers).toHaveLength(3)
      expect((await payload.findByID({ collection: 'speakers', id: internalId, user: editor, ...as })).email).toBe(
        'true@x.org',
      )
    })
  })
})
