import { Validator } from '@seriousme/openapi-schema-validator'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const FRONTEND = 'https://www.example.org'
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Every VEVENT of an iCalendar text, parsed by ical.js (an independent implementation). */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid')))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      sequence: event.sequence,
      tzid: component.getFirstProperty('dtstart')?.getParameter('tzid'),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      localStart: event.startDate.toString(),
      status: component.getFirstPropertyValue('status'),
      url: component.getFirstPropertyValue('url'),
      stamp: component.getFirstPropertyValue('dtstamp')?.toString(),
    }
  })
  return { zones, events }
}

describe('the delivery API for frontends', () => {
  let server: RunningServer
  let anonymous: RestClient
  let editor: RestClient
  let seededEventId: number
  let futureId: number
  let soonerId: number

  beforeAll(async () => {
    server = await startServer({
      FRONTEND_URL: FRONTEND,
      SERVER_URL: 'https://cms.example.org',
      PRESSROOM_ROUTE_HEADER: 'enabled',
    })
    ;({ anonymous, editor } = await staffClients(server))
    seededEventId = (await anonymous.get('/api/events?depth=0')).body.docs[0].id
    const event = (title: string, start: string, end: string, extra = {}) =>
      editor.post('/api/events', {
        title,
        startDate: start,
        endDate: end,
        timezone: 'Europe/Warsaw',
        venue: { city: 'Warsaw', country: 'PL' },
        _status: 'published',
        ...extra,
      })
    futureId = (await event('Legal aid school', '2099-03-10T08:00:00.000Z', '2099-03-11T16:00:00.000Z')).body.doc.id
    soonerId = (await event('Monitoring workshop', '2098-07-01T07:00:00.000Z', '2098-07-01T15:00:00.000Z')).body.doc.id
    await event('Draft seminar', '2097-01-01T08:00:00.000Z', '2097-01-01T10:00:00.000Z', { _status: 'draft' })
  })
  afterAll(() => server?.stop('SIGKILL'))

  describe('iCalendar', () => {
    it('serves an event with its time zone, a stable UID and the requested language', async () => {
      const reply = await anonymous.get(`/api/events/${seededEventId}/ics?locale=ru`)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      const { zones, events } = parseCalendar(reply.body)
      expect(zones).toEqual(['Asia/Dushanbe'])
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        uid: `event-${seededEventId}@cms.example.org`,
        tzid: 'Asia/Dushanbe',
        start: '2016-05-31T04:00:00.000Z',
        end: '2016-06-02T13:00:00.000Z',
        localStart: '2016-05-31T09:00:00',
        summary: 'Региональная конференция: роль гражданского общества в предупреждении пыток',
        location: 'Душанбе, Таджикистан',
        status: 'CONFIRMED',
      })
      expect(events[0].url).toMatch(new RegExp(`^${FRONTEND}/ru/events/regionalnaya-`))
      // Long lines are folded at 75 octets, never inside a character.
      for (const line of (reply.body as string).split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    })

    it('marks a cancellation, escapes text and raises SEQUENCE with each update', async () => {
      const before = parseCalendar((await anonymous.get(`/api/events/${futureId}/ics`)).body).events[0]
      await editor.patch(`/api/events/${futureId}`, {
        status: 'cancelled',
        summary: 'Moved; see notes, please',
        _status: 'published',
      })
      const after = parseCalendar((await anonymous.get(`/api/events/${futureId}/ics`)).body).events[0]
      expect(after.status).toBe('CANCELLED')
      expect(after.description).toBe('Moved; see notes, please')
      expect(after.uid).toBe(before.uid)
      expect(after.sequence).toBeGreaterThan(before.sequence)
    })

    it('serves a feed of upcoming events and recent ones (not those of 2016), soonest first, in the requested locale', async () => {
      const reply = await anonymous.get('/feeds/events.ics?locale=en')
      expect(reply.status).toBe(200)
      const { events, zones } = parseCalendar(reply.body)
      expect(events.map((event) => event.summary)).toEqual(['Monitoring workshop', 'Legal aid school'])
      expect(zones).toEqual(['Europe/Warsaw'])
      expect(events[0].localStart).toBe('2098-07-01T09:00:00')
      expect((await anonymous.get('/feeds/events.ics?locale=xx')).status).toBe(400)
    })

    it('answers the root feeds as their /api endpoints do: HEAD without a body, a refused locale with its reason', async () => {
      const head = await fetch(`${server.url}/feeds/press-releases.xml?locale=en`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
      expect(head.headers.get('etag')).toMatch(/^".+"$/)
      expect(await head.text()).toBe('')
      const root = await anonymous.get('/feeds/press-releases.xml?locale=all')
      const api = await anonymous.get('/api/feeds/press-releases.xml?locale=all')
      expect(root.status).toBe(400)
      expect(root.body).toEqual(api.body)
      expect(root.body.errors[0].message).toMatch(/one locale/)
    })

    it('builds the feed once, answers If-None-Match with 304, and rebuilds it after a write', async () => {
      const first = await anonymous.get('/feeds/events.ics?locale=en')
      const etag = first.headers.get('etag') as string
      expect(etag).toMatch(/^".+"$/)
      const again = await anonymous.send('GET', '/feeds/events.ics?locale=en', { headers: { 'if-none-match': etag } })
      expect(again.status).toBe(304)
      const added = await editor.post('/api/events', {
        title: 'Cached feed test',
        startDate: '2099-05-01T08:00:00.000Z',
        endDate: '2099-05-01T10:00:00.000Z',
        timezone: 'UTC',
        _status: 'published',
      })
      const after = await anonymous.send('GET', '/feeds/events.ics?locale=en', { headers: { 'if-none-match': etag } })
      expect(after.status).toBe(200)
      expect(parseCalendar(after.body).events.map((event) => event.summary)).toContain('Cached feed test')
      expect((await editor.delete(`/api/events/${added.body.doc.id}`)).status).toBe(200)
      expect(
        parseCalendar((await anonymous.get('/feeds/events.ics?locale=en')).body).events.map((event) => event.summary),
      ).not.toContain('Cached feed test')
    })

    it('answers 404 for an event the reader may not see', async () => {
      const { docs } = (await editor.get('/api/events?where[title][equals]=Draft seminar&draft=true')).body
      expect((await anonymous.get(`/api/events/${docs[0].id}/ics`)).status).toBe(404)
    })
  })

  it('lists upcoming events, soonest first, without drafts or past events', async () => {
    const reply = await anonymous.get('/api/events/upcoming?limit=5&locale=en&depth=0')
    expect(reply.status).toBe(200)
    expect(reply.body.docs.map((doc: { id: number }) => doc.id)).toEqual([soonerId, futureId])
    expect((await anonymous.get('/api/events/upcoming?locale=xx')).status).toBe(400)
  })

  describe('press-release feeds', () => {
    it('serve RSS 2.0 with language, stable guid and release dates', async () => {
      const reply = await anonymous.get('/feeds/press-releases.xml?locale=ru')
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
      const { rss } = xml.parse(reply.body)
      expect(rss['@version']).toBe('2.0')
      expect(rss.channel.language).toBe('ru')
      const items = list(rss.channel.item)
      expect(items).toHaveLength(1)
      expect(items[0].title).toBe('Региональная конференция: роль гражданского общества в предупреждении пыток')
      expect(items[0].guid['#text']).toMatch(/^tag:cms\.example\.org,2016:press-release:\d+$/)
      expect(new Date(items[0].pubDate).toISOString()).toBe('2016-05-31T00:00:00.000Z')
      expect(items[0].link).toMatch(new RegExp(`^${FRONTEND}/ru/press-releases/`))
    })

    it('serve Atom with ids and dates, and leave out drafts, embargoed releases and untranslated ones', async () => {
      await editor.post('/api/press-releases', { title: 'Draft release', releaseDate: '2026-01-01T00:00:00.000Z' })
      await editor.post('/api/press-releases', {
        title: 'Embargoed release',
        releaseDate: '2026-01-02T00:00:00.000Z',
        embargoUntil: '2099-01-01T00:00:00.000Z',
        _status: 'published',
      })
      await editor.post('/api/press-releases', {
        title: 'English only',
        releaseDate: '2026-01-03T00:00:00.000Z',
        _status: 'published',
      })
      const { feed } = xml.parse((await anonymous.get('/feeds/press-releases.atom?locale=en')).body)
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
      const entries = list(feed.entry)
      expect(
        entries.map((entry: { title: { '#text': string } | string }) =>
          typeof entry.title === 'string' ? entry.title : entry.title['#text'],
        ),
      ).toEqual(['English only', 'Regional Conference: The Role of Civil Society in the Prevention of Torture'])
      expect(entries[0].id).toMatch(/^tag:cms\.example\.org,2016:press-release:\d+$/)
      expect(entries[0].updated).toBe('2026-01-03T00:00:00.000Z')
      const ru = xml.parse((await anonymous.get('/feeds/press-releases.xml?locale=ru')).body)
      expect(list(ru.rss.channel.item)).toHaveLength(1)
    })
  })

  describe('JSON-LD', () => {
    it('describes an event as a schema.org Event with its place, people, organisations and sessions', async () => {
      const hidden = await editor.post('/api/speakers', {
        name: 'Hidden Witness',
        visibility: 'internal',
        consent: { given: true },
      })
      const current = (await editor.get(`/api/events/${seededEventId}?depth=0`)).body
      await editor.patch(`/api/events/${seededEventId}`, {
        speakers: [...current.speakers, { speaker: hidden.body.doc.id, role: 'discussant' }],
      })
      const reply = await anonymous.get(`/api/events/${seededEventId}/jsonld`)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toBe('application/ld+json; charset=utf-8')
      const event = reply.body
      expect(event).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Event',
        startDate: '2016-05-31T09:00:00+05:00',
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: {
          '@type': 'Place',
          address: { '@type': 'PostalAddress', addressLocality: 'Dushanbe', addressCountry: 'TJ' },
        },
      })
      expect(event.organizer[0]).toMatchObject({
        '@type': 'Organization',
        name: 'NGO Coalition against Torture in Tajikistan',
      })
      expect(event.funder.map((o: { name: string }) => o.name)).toEqual(['Open Society Foundations', 'European Union'])
      expect(event.performer.map((p: { '@type': string; name: string }) => `${p['@type']}:${p.name}`)).toEqual([
        'Person:Margus Solnson',
        'Person:Markus Mueller',
        'Person:Parviz Mullodzhanov',
        'Person:Elena Volochay',
      ])
      expect(event.subEvent).toHaveLength(4)
      expect(event.subEvent[1]).toMatchObject({
        '@type': 'Event',
        performer: [{ '@type': 'Person', name: 'Elena Volochay' }],
      })
      expect(JSON.stringify(event)).not.toContain('Hidden Witness')
      expect(JSON.stringify(event)).not.toContain('hfhrpol.waw.pl')
    })

    it('describes a press release as a NewsArticle with its dateline and publisher', async () => {
      const { docs } = (await anonymous.get('/api/press-releases?where[title][like]=Regional&depth=0')).body
      const article = (await anonymous.get(`/api/press-releases/${docs[0].id}/jsonld`)).body
      expect(article).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Regional Conference: The Role of Civil Society in the Prevention of Torture',
        dateline: 'Almaty, Bishkek, Brussels, Dushanbe, Bishkek, Warsaw, May 31, 2016',
        datePublished: '2016-05-31T00:00:00.000Z',
        publisher: { '@type': 'Organization', name: 'Helsinki Foundation for Human Rights' },
      })
    })

    it('describes organisations and speakers, never with a speaker’s e-mail', async () => {
      const organisations = (await anonymous.get('/api/organisations?where[acronym][equals]=HFHR&depth=0')).body.docs
      expect((await anonymous.get(`/api/organisations/${organisations[0].id}/jsonld`)).body).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Helsinki Foundation for Human Rights',
        alternateName: 'HFHR',
        url: 'https://www.hfhr.pl',
      })
      const speakers = (await anonymous.get('/api/speakers?where[name][equals]=Lenur Kerymov&depth=0')).body.docs
      const person = (await anonymous.get(`/api/speakers/${speakers[0].id}/jsonld`)).body
      expect(person).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: 'Lenur Kerymov',
        jobTitle: 'Project Coordinator',
        worksFor: { name: 'Helsinki Foundation for Human Rights' },
      })
      expect(JSON.stringify(person)).not.toContain('L.Kerymov@')
      const hidden = (await editor.get('/api/speakers?where[name][equals]=Hidden Witness')).body.docs[0]
      expect((await anonymous.get(`/api/speakers/${hidden.id}/jsonld`)).status).toBe(404)
    })
  })

  describe('the sitemap', () => {
    it('lists published pages with reciprocal hreflang alternates for the locales that have content, and x-default', async () => {
      const reply = await anonymous.get('/sitemap.xml')
      expect(reply.status).toBe(200)
      const urls = list(xml.parse(reply.body).urlset.url) as {
        loc: string
        'xhtml:link'?: { '@hreflang': string; '@href': string }[]
      }[]
      const locs = new Set(urls.map((url) => url.loc))
      expect([...locs].every((loc) => loc.startsWith(`${FRONTEND}/`))).toBe(true)
      expect([...locs].some((loc) => loc.includes('draft-seminar'))).toBe(false)
      expect([...locs].some((loc) => loc.includes('embargoed-release'))).toBe(false)
      for (const url of urls) {
        const links = list(url['xhtml:link'])
        if (!links.length) continue
        const alternates = links.filter((link) => link['@hreflang'] !== 'x-default')
        expect(alternates.map((link) => link['@href'])).toContain(url.loc)
        expect(links.find((link) => link['@hreflang'] === 'x-default')?.['@href']).toBe(
          alternates.find((link) => link['@hreflang'] === 'en')?.['@href'],
        )
        for (const alternate of alternates) {
          // Reciprocity: every alternate is itself listed, with the same set of alternates.
          const other = urls.find((candidate) => candidate.loc === alternate['@href'])
          expect(other).toBeDefined()
          expect(
            list(other!['xhtml:link'])
              .map((link) => link['@href'])
              .sort(),
          ).toEqual(links.map((link) => link['@href']).sort())
        }
      }
      const conference = urls.filter(
        (url) => url.loc.includes('/events/regional') || url.loc.includes('/events/regionalnaya'),
      )
      expect(conference.map((url) => url.loc.split('/')[3]).sort()).toEqual(['en', 'ru'])
      const englishOnly = urls.find((url) => url.loc.endsWith('/en/events/legal-aid-school'))
      expect(englishOnly && list(englishOnly['xhtml:link'])).toEqual([])
    })
  })

  it('describes the public API as valid OpenAPI 3.1, generated from the collections', async () => {
    const reply = await anonymous.get('/api/openapi.json')
    expect(reply.status).toBe(200)
    const result = await new Validator().validate(reply.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(reply.body.openapi).toBe('3.1.0')
    for (const path of [
      '/api/events',
      '/api/events/{id}',
      '/api/press-releases',
      '/api/speakers/{id}/jsonld',
      '/feeds/events.ics',
      '/sitemap.xml',
    ]) {
      expect(reply.body.paths).toHaveProperty([path])
    }
    const event = reply.body.components.schemas.events
    expect(event.properties).toHaveProperty('timezone')
    expect(event.properties).toHaveProperty('programme')
    expect(reply.body.components.schemas).not.toHaveProperty('api-keys')
  })

  it('allows the frontend origin through CORS, on the fast path and on Payload’s own', async () => {
    // A request without an Origin first: its cached answer must not be served to the frontend.
    expect((await fetch(`${server.url}/api/events?depth=0`)).headers.get('access-control-allow-origin')).not.toBe(
      FRONTEND,
    )
    for (const headers of [{ origin: FRONTEND }, { origin: FRONTEND, 'x-pressroom-path': 'next' }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${server.url}/api/events?depth=0`, { headers })
      expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND)
    }
    const other = await fetch(`${server.url}/api/events?depth=0`, { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example')

    // The read model's answers, whose CORS headers are made once per origin: each origin gets its own.
    const fromStore = async (origin?: string) => {
      const response = await fetch(`${server.url}/api/events/${seededEventId}?depth=0&locale=en&n=${Math.random()}`, {
        headers: origin ? { origin } : {},
      })
      expect(response.headers.get('x-pressroom-source')).toBe('store')
      return response.headers.get('access-control-allow-origin')
    }
    for (let round = 0; round < 2; round += 1) {
      expect(await fromStore(FRONTEND)).toBe(FRONTEND)
      expect(await fromStore('https://evil.example')).toBeNull()
      expect(await fromStore()).toBeNull()
    }
  })
})
