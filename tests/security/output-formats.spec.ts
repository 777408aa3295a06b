import { parse as parseDisposition } from 'content-disposition'
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import type { Payload } from 'payload'

import type { Event, Organisation, PressRelease, Speaker } from '@/payload-types'
import { attachmentHeader, downloadName } from '@/plugins/delivery/attachment'
import { buildReleaseFeed } from '@/plugins/delivery/feeds'
import { frontendUrl } from '@/plugins/delivery/frontendUrl'
import { buildCalendar } from '@/plugins/delivery/ical'
import { jsonForHtml } from '@/plugins/delivery/jsonForHtml'
import { eventJsonLd, organisationJsonLd, personJsonLd, pressReleaseJsonLd } from '@/plugins/delivery/jsonld'
import { cleanText } from '@/plugins/delivery/text'
import { paragraphs, plainText } from '@/utilities/lexical'

import { cdataText as cdata, feedXml as xml, hostileString } from '../helpers/hostile'
import { createUser, startPayload, stopPayload } from '../helpers/payload'
import { restClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

/**
 * Issue 15: no value an editor types may break out of the format it is written into. Hostile
 * strings go into every text field of every public collection, are saved as an editor and
 * published, and each output is read back by an independent parser.
 */

// ical.js predates RFC 7986: tell it NAME and X-WR-CALNAME are TEXT, so it unescapes them.
for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] ??= { defaultType: 'text' }

const HOST = 'cms.example.org'
const noControls = (value: string) => value.replace(/[\p{Cc}\p{Cs}\s]/gu, '')
const webUrl = (value: string) => `https://example.org/?q=${noControls(value)}`

function parseCalendar(text: string) {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
  const calendar = new ICAL.Component(ICAL.parse(text))
  return { calendar, events: calendar.getAllSubcomponents('vevent') }
}

/** The JSON-LD body as a frontend pastes it into a <script>: no raw `<`, and the same values back. */
function parseJsonLd(thing: Record<string, unknown>) {
  const body = jsonForHtml(thing)
  expect(body).not.toMatch(/[<>&\u2028\u2029]/)
  const parsed = JSON.parse(body)
  expect(parsed).toEqual(JSON.parse(JSON.stringify(thing)))
  return parsed
}

function parseFeeds(rss: string, atom: string) {
  expect(XMLValidator.validate(rss)).toBe(true)
  expect(XMLValidator.validate(atom)).toBe(true)
  return { rss: xml.parse(rss).rss.channel.item as any[], atom: xml.parse(atom).feed.entry as any[] }
}

const refusalOf = async (write: Promise<unknown>) =>
  write.then(
    () => undefined,
    (error: { status?: number; data?: { errors?: { path: string; message: string }[] } }) => ({
      status: error.status,
      errors: error.data?.errors ?? [],
    }),
  )

describe('output formats through the Local API (property)', () => {
  let payload: Payload
  let editor: Awaited<ReturnType<typeof createUser>>
  let run = 0

  beforeAll(async () => {
    payload = await startPayload()
    editor = await createUser(payload, 'editor')
  })
  afterAll(() => stopPayload(payload))

  const asEditor = { overrideAccess: false, depth: 0 } as const
  const asPublic = { overrideAccess: false } as const

  // Required fields refuse blank text, and a text of nothing but controls leaves a feed item
  // without a title: both are checked elsewhere, so every value here keeps something printable.
  const printable = () => hostileString().filter((value) => cleanText(value).trim() !== '')
  const texts = fc.record({
    title: printable(),
    summary: printable(),
    rich: printable(),
    name: printable(),
    place: printable(),
    line: printable(),
    slug: hostileString(6),
  })

  it('saves hostile text in every text field and every output parses back to it', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const n = ++run
        const user = editor
        const organisation = await payload.create({
          collection: 'organisations',
          data: {
            name: t.name,
            acronym: t.line,
            slug: `org-${n}`,
            city: t.place,
            website: webUrl(t.line),
            email: `press${n}@example.org`,
            description: paragraphs(t.rich),
          } as never,
          user,
          ...asEditor,
        })
        const speaker = await payload.create({
          collection: 'speakers',
          data: {
            name: t.name,
            honorific: t.line,
            slug: `speaker-${n}`,
            position: t.title,
            organisation: organisation.id,
            bio: paragraphs(t.rich),
            expertise: [t.line],
            links: [{ label: t.line, url: webUrl(t.place) }],
            visibility: 'public',
            consent: { given: true, note: t.summary },
          },
          user,
          ...asEditor,
        })
        const event = await payload.create({
          collection: 'events',
          data: {
            title: t.title,
            slug: `event-${n}`,
            summary: t.summary,
            description: paragraphs(t.rich),
            startDate: '2099-05-31T04:00:00.000Z',
            endDate: '2099-05-31T12:00:00.000Z',
            timezone: 'Asia/Dushanbe',
            venue: { name: t.place, address: t.line, city: t.name, country: 'TJ' },
            onlineUrl: webUrl(t.place),
            audience: t.summary,
            topics: [t.line],
            organisations: [{ organisation: organisation.id, role: 'organiser' }],
            speakers: [{ speaker: speaker.id, role: 'speaker', topic: t.line }],
            programme: [{ title: t.line, room: t.place, description: paragraphs(t.rich) }],
            registration: { url: webUrl(t.name) },
            _status: 'published',
          } as never,
          user,
          ...asEditor,
        })
        const release = await payload.create({
          collection: 'press-releases',
          data: {
            title: t.title,
            subtitle: t.line,
            slug: `release-${n}`,
            summary: t.summary,
            body: paragraphs(t.rich),
            dateline: { places: [t.place] },
            releaseDate: '2016-05-31T08:00:00.000Z',
            quotes: [{ text: t.summary, attribution: t.name, speaker: speaker.id }],
            contacts: [{ name: t.name, role: t.line }],
            organisations: [organisation.id],
            events: [event.id],
            _status: 'published',
          },
          user,
          ...asEditor,
        })
        const project = await payload.create({
          collection: 'projects',
          data: {
            title: t.title,
            slug: `project-${n}`,
            summary: t.summary,
            description: paragraphs(t.rich),
            achievements: paragraphs(t.line),
            _status: 'published',
          },
          user,
          ...asEditor,
        })
        await payload.create({
          collection: 'donor-notices',
          data: {
            name: t.name,
            donor: organisation.id,
            statement: t.title,
            disclaimer: t.summary,
            aboutDonor: paragraphs(t.rich),
            link: webUrl(t.line),
            _status: 'published',
          } as never,
          user,
          ...asEditor,
        })

        // A hand-typed slug: refused with a 400 naming the field if it has a control character.
        const slug = `${t.slug}-${n}`
        const slugWrite = refusalOf(
          payload.update({
            collection: 'events',
            id: event.id,
            data: { slug, generateSlug: false },
            user,
            ...asEditor,
          }),
        )
        const refused = await slugWrite
        if (/\p{Cc}/u.test(slug))
          expect(refused).toEqual({
            status: 400,
            errors: [expect.objectContaining({ path: 'slug', message: expect.stringMatching(/control characters/) })],
          })
        else expect(refused).toBeUndefined()

        // Read back as the public, the way the endpoints and feeds read.
        const publicEvent = (await payload.findByID({
          collection: 'events',
          id: event.id,
          depth: 2,
          ...asPublic,
        })) as Event
        const publicRelease = (await payload.findByID({
          collection: 'press-releases',
          id: release.id,
          depth: 1,
          ...asPublic,
        })) as PressRelease
        const publicOrganisation = (await payload.findByID({
          collection: 'organisations',
          id: organisation.id,
          depth: 1,
          ...asPublic,
        })) as Organisation
        const publicSpeaker = (await payload.findByID({
          collection: 'speakers',
          id: speaker.id,
          depth: 1,
          ...asPublic,
        })) as Speaker
        expect((await payload.findByID({ collection: 'projects', id: project.id, ...asPublic })).title).toBe(t.title)
        expect(publicEvent.title).toBe(t.title)
        expect(publicRelease.summary).toBe(t.summary)

        // iCalendar: the per-event calendar (named after the event) and a feed of several.
        // Relationships carry defaultPopulate (no e-mail): give the organiser in full to get an ORGANIZER.
        const withOrganiser = {
          ...publicEvent,
          organisations: [{ organisation: publicOrganisation, role: 'organiser' as const }],
        }
        for (const text of [
          buildCalendar([withOrganiser], { name: publicEvent.title, locale: 'en', host: HOST }),
          buildCalendar([withOrganiser, publicEvent], { name: 'Pressroom events', locale: 'en', host: HOST }),
        ]) {
          const { calendar, events } = parseCalendar(text)
          expect(events.length).toBe(text.includes('Pressroom events') ? 2 : 1)
          const vevent = events[0]
          expect(vevent.getFirstPropertyValue('summary')).toBe(cleanText(t.title))
          expect(vevent.getFirstPropertyValue('description') ?? '').toBe(
            cleanText(t.summary || plainText(paragraphs(t.rich))),
          )
          expect(vevent.getFirstPropertyValue('location')).toBe(
            cleanText([t.place, t.line, t.name, 'Tajikistan'].filter(Boolean).join(', ')),
          )
          expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe(cleanText(t.name))
          expect(vevent.getFirstPropertyValue('url')).toBe(frontendUrl('events', publicEvent, 'en'))
          if (events.length === 1) expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(cleanText(t.title))
        }

        // RSS and Atom: one item each, its texts back as written.
        const feed = buildReleaseFeed([publicRelease], {
          locale: 'en',
          selfUrl: `https://${HOST}/feeds/press-releases.xml`,
          host: HOST,
        })
        const items = parseFeeds(feed.rss2(), feed.atom1())
        for (const item of [items.rss, items.atom]) {
          expect(item).toHaveLength(1)
          expect(cdata(item[0].title)).toBe(cleanText(t.title))
          if (cleanText(t.summary)) expect(cdata(item[0].description ?? item[0].summary)).toBe(cleanText(t.summary))
          expect(cdata(item[0]['content:encoded'] ?? item[0].content)).toBe(
            cleanText(`${t.place} — ${plainText(paragraphs(t.rich))}`.trim()),
          )
        }

        // JSON-LD of every collection that has it.
        expect(parseJsonLd(eventJsonLd(publicEvent, 'en', `https://${HOST}`)).name).toBe(t.title)
        const article = parseJsonLd(pressReleaseJsonLd(publicRelease, 'en', `https://${HOST}`))
        expect([article.headline, article.alternativeHeadline, article.publisher.name]).toEqual([
          t.title,
          t.line,
          t.name,
        ])
        // SQLite ends a non-localized text at its first NUL (a storage quirk, not a breakout): compare with what it kept.
        expect(t.line.startsWith(publicOrganisation.acronym ?? '')).toBe(true)
        expect(parseJsonLd(organisationJsonLd(publicOrganisation, 'en', `https://${HOST}`)).alternateName).toBe(
          publicOrganisation.acronym || undefined,
        )
        const person = parseJsonLd(personJsonLd(publicSpeaker, 'en', `https://${HOST}`))
        expect([person.name, person.jobTitle, person.sameAs]).toEqual([t.name, t.title, [webUrl(t.place)]])

        // The download's file name is the slug, whatever it holds.
        const filename = downloadName(publicEvent.slug, 'ics', `event-${publicEvent.id}`)
        expect(parseDisposition(attachmentHeader(filename))).toEqual({
          type: 'attachment',
          parameters: expect.objectContaining({ filename }),
        })
      }),
      { numRuns: 12 },
    )
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses a rich-text link to %j with a 400 naming the field, drafts included', async (url) => {
    const body = paragraphs('see')
    ;(body.root.children[0] as unknown as { children: unknown[] }).children.push({
      type: 'link',
      version: 3,
      fields: { url, linkType: 'custom', newTab: false },
      children: [{ type: 'text', text: 'here', version: 1 }],
    })
    for (const draft of [false, true]) {
      const refused = await refusalOf(
        payload.create({
          collection: 'press-releases',
          data: { title: 'Links', releaseDate: '2016-05-31T08:00:00.000Z', body, quotes: [] },
          draft,
          user: editor,
          ...asEditor,
        }),
      )
      expect(refused).toEqual({
        status: 400,
        errors: [
          expect.objectContaining({
            path: 'body',
            message: expect.stringMatching(/control characters|is not allowed/),
          }),
        ],
      })
    }
  })

  it('refuses a javascript: address in a URL field, drafts included', async () => {
    for (const draft of [false, true]) {
      const refused = await refusalOf(
        payload.create({
          collection: 'events',
          data: {
            title: 'x',
            startDate: '2099-01-01T00:00:00.000Z',
            endDate: '2099-01-02T00:00:00.000Z',
            onlineUrl: 'javascript:alert(1)',
          } as never,
          draft,
          user: editor,
          ...asEditor,
        }),
      )
      expect(refused).toEqual({
        status: 400,
        errors: expect.arrayContaining([
          expect.objectContaining({ path: 'onlineUrl', message: expect.stringMatching(/https:\/\//) }),
        ]),
      })
    }
  })
})

describe('output formats over HTTP (compiled server)', () => {
  let server: RunningServer
  let staff: Awaited<ReturnType<typeof staffClients>>

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false' })
    staff = await staffClients(server)
  })
  afterAll(() => server?.stop())

  const hostile =
    'Title ]]> ]]> </script><!-- \r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected \u0001 "quoted" Роль 😀'
  const hostileSlug = `report.html"; filename*=UTF-8''evil.html; x="`

  it('serves the event calendar, JSON-LD, feeds and download header with hostile text as data', async () => {
    const organisation = await staff.editor.post('/api/organisations', { name: hostile, email: 'press@example.org' })
    expect(organisation.status).toBe(201)
    const event = await staff.editor.post('/api/events', {
      title: hostile,
      summary: hostile,
      startDate: '2099-05-31T04:00:00.000Z',
      endDate: '2099-05-31T12:00:00.000Z',
      venue: { name: hostile },
      organisations: [{ organisation: organisation.body.doc.id, role: 'organiser' }],
      _status: 'published',
    })
    expect(event.status).toBe(201)
    const id = event.body.doc.id
    expect((await staff.editor.patch(`/api/events/${id}`, { slug: hostileSlug, generateSlug: false })).status).toBe(200)
    const release = await staff.editor.post('/api/press-releases', {
      title: hostile,
      summary: hostile,
      body: paragraphs(hostile),
      releaseDate: '2016-05-31T08:00:00.000Z',
      _status: 'published',
    })
    expect(release.status).toBe(201)

    const crlf = await staff.editor.patch(`/api/events/${id}`, { slug: 'a\r\nSet-Cookie: x=1', generateSlug: false })
    expect(crlf.status).toBe(400)
    expect(crlf.body.errors[0].data.errors[0]).toEqual(
      expect.objectContaining({ path: 'slug', message: expect.stringMatching(/control characters/) }),
    )

    const anonymous = restClient(server)
    const ics = await anonymous.get(`/api/events/${id}/ics`)
    expect(ics.status).toBe(200)
    expect(parseDisposition(ics.headers.get('content-disposition')!)).toEqual({
      type: 'attachment',
      parameters: expect.objectContaining({ filename: `${hostileSlug}.ics` }),
    })
    const single = parseCalendar(ics.body)
    expect(single.events).toHaveLength(1)
    expect(single.events[0].getFirstPropertyValue('summary')).toBe(cleanText(hostile))
    expect(single.calendar.getFirstPropertyValue('x-wr-calname')).toBe(cleanText(hostile))
    expect(single.calendar.getFirstPropertyValue('name')).toBe(cleanText(hostile))

    const feedIcs = await anonymous.get('/feeds/events.ics')
    const fed = parseCalendar(feedIcs.body).events
    expect(fed.map((vevent) => vevent.getFirstPropertyValue('summary'))).toEqual([cleanText(hostile)])

    const response = await fetch(`${server.url}/api/events/${id}/jsonld`)
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/)
    const body = await response.text()
    expect(body).not.toMatch(/[<>&]/)
    expect(JSON.parse(body).name).toBe(hostile)

    const [rss, atom] = await Promise.all([
      anonymous.get('/feeds/press-releases.xml'),
      anonymous.get('/feeds/press-releases.atom'),
    ])
    const items = parseFeeds(rss.body, atom.body)
    for (const item of [items.rss, items.atom]) {
      expect(item).toHaveLength(1)
      expect(cdata(item[0].title)).toBe(cleanText(hostile))
      expect(cdata(item[0].description ?? item[0].summary)).toBe(cleanText(hostile))
    }
  })
})
