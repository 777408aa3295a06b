import ICAL from 'ical.js'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

// Recurring events, their occurrences and the calendars people subscribe to, through the real server.
// Dates are in 2031, where the seed has nothing.
const parse = (text: string) => new ICAL.Component(ICAL.parse(text))
const events = (text: string) => parse(text).getAllSubcomponents('vevent')
const uidOf = (id: number) => `event-${id}@`
const day = 86_400_000

describe('recurring events over HTTP', () => {
  let server: RunningServer
  let anonymous: RestClient
  let editor: RestClient
  let series: number
  let organisation: number

  const create = async (data: Record<string, unknown>, status = 'published') => {
    const reply = await editor.post('/api/events', {
      eventType: 'training',
      timezone: 'Asia/Almaty',
      _status: status,
      ...data,
    })
    if (reply.status !== 201) throw new Error(`create: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply.body.doc.id as number
  }
  const occurrences = (query: string) => anonymous.get(`/api/events/occurrences?${query}`)

  beforeAll(async () => {
    server = await startServer({ CALENDAR_PAST_DAYS: '60' })
    ;({ anonymous, editor } = await staffClients(server))
    organisation = (
      await editor.post('/api/organisations', { name: 'Legal aid network', acronym: 'LAN', organisationType: 'ngo' })
    ).body.doc.id
    // Weekly legal-aid day, Mondays 10:00–13:00 in Almaty, six times from 6 January 2031; one Monday off, one moved, one cancelled.
    series = await create({
      title: 'Legal-aid Monday',
      startDate: '2031-01-06T05:00:00.000Z',
      endDate: '2031-01-06T08:00:00.000Z',
      organisations: [{ organisation, role: 'organiser' }],
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'], count: 6, rrule: 'FREQ=DAILY;COUNT=999' },
      excludedDates: [{ date: '2031-01-13T06:00:00.000Z' }],
      occurrenceChanges: [
        {
          occurrenceStart: '2031-01-20T05:00:00.000Z',
          start: '2031-01-21T09:00:00.000Z',
          end: '2031-01-21T11:00:00.000Z',
          venue: 'Bar association',
        },
        { occurrenceStart: '2031-01-27T05:00:00.000Z', cancelled: true },
      ],
    })
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('derives the RRULE from the form, whatever the client sent, and refuses impossible series with the field’s path', async () => {
    expect((await anonymous.get(`/api/events/${series}`)).body.recurrence.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=6')
    const refused = async (recurrence: Record<string, unknown>) => {
      const reply = await editor.post('/api/events', {
        title: 'Bad series',
        eventType: 'training',
        startDate: '2031-02-03T05:00:00.000Z',
        endDate: '2031-02-03T06:00:00.000Z',
        timezone: 'UTC',
        recurrence,
      })
      expect(reply.status).toBe(400)
      return reply.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    }
    await expect(refused({ frequency: 'weekly', count: 3, until: '2031-06-01T00:00:00.000Z' })).resolves.toEqual([
      'recurrence.count',
    ])
    await expect(refused({ frequency: 'weekly', until: '2031-01-01T00:00:00.000Z' })).resolves.toEqual([
      'recurrence.until',
    ])
    await expect(refused({ frequency: 'daily', interval: 0 })).resolves.toEqual(['recurrence.interval'])
    await expect(refused({ frequency: 'daily', until: '2040-01-01T00:00:00.000Z' })).resolves.toEqual([
      'recurrence.until',
    ])
  })

  it('lists the occurrences of a range sorted by start, with the series and each one’s changes; drafts and other ranges left out', async () => {
    const oneOff = await create({
      title: 'Donor roundtable',
      eventType: 'roundtable',
      startDate: '2031-01-08T04:00:00.000Z',
      endDate: '2031-01-08T06:00:00.000Z',
    })
    const draft = await create(
      {
        title: 'Draft series',
        startDate: '2031-01-07T05:00:00.000Z',
        endDate: '2031-01-07T06:00:00.000Z',
        recurrence: { frequency: 'daily', count: 5 },
      },
      'draft',
    )
    const reply = await occurrences('from=2031-01-01&to=2031-02-01&depth=0')
    expect(reply.status).toBe(200)
    const rows = reply.body.docs.map(
      (row: { event: { id: number }; start: string; originalStart: string; cancelled: boolean; venue?: string }) => [
        row.event.id,
        row.start,
        row.originalStart,
        row.cancelled,
        row.venue,
      ],
    )
    expect(rows).toEqual([
      [series, '2031-01-06T05:00:00.000Z', '2031-01-06T05:00:00.000Z', false, undefined],
      [oneOff, '2031-01-08T04:00:00.000Z', '2031-01-08T04:00:00.000Z', false, undefined],
      [series, '2031-01-21T09:00:00.000Z', '2031-01-20T05:00:00.000Z', false, 'Bar association'],
      [series, '2031-01-27T05:00:00.000Z', '2031-01-27T05:00:00.000Z', true, undefined],
    ])
    expect(reply.body.docs[0].event.title).toBe('Legal-aid Monday')
    expect(reply.body.docs.some((row: { event: { id: number } }) => row.event.id === draft)).toBe(false)
    // Staff are answered by Payload inside Next.js, not the public cache: the same list, still without the draft.
    const asEditor = await editor.get('/api/events/occurrences?from=2031-01-01&to=2031-02-01&depth=0')
    expect(
      asEditor.body.docs.map((row: { event: { id: number }; start: string }) => [row.event.id, row.start]),
    ).toEqual(rows.map((row: unknown[]) => [row[0], row[1]]))
    expect(reply.body).toMatchObject({ totalDocs: 4, page: 1, totalPages: 1 })
    const second = await occurrences('from=2031-01-01&to=2031-02-01&limit=3&page=2&depth=0')
    expect(second.body).toMatchObject({
      totalDocs: 4,
      limit: 3,
      page: 2,
      totalPages: 2,
      hasPrevPage: true,
      hasNextPage: false,
    })
    expect(second.body.docs.map((row: { start: string }) => row.start)).toEqual(['2031-01-27T05:00:00.000Z'])
  })

  it('shows an edit of a series at once, though the answer was cached', async () => {
    const query = 'from=2031-02-01&to=2031-03-01&depth=0'
    expect((await occurrences(query)).body.totalDocs).toBe(2)
    const again = await occurrences(query)
    expect(again.headers.get('x-cache')).toBe('hit')
    expect((await editor.patch(`/api/events/${series}`, { recurrence: { count: 8 } })).status).toBe(200)
    expect((await occurrences(query)).body.docs.map((row: { start: string }) => row.start)).toEqual([
      '2031-02-03T05:00:00.000Z',
      '2031-02-10T05:00:00.000Z',
      '2031-02-17T05:00:00.000Z',
      '2031-02-24T05:00:00.000Z',
    ])
    await editor.patch(`/api/events/${series}`, { recurrence: { count: 6 } })
  })

  it('refuses a range over a year, a missing or bad from/to, an unknown locale, a huge limit', async () => {
    const paths = async (query: string) => {
      const reply = await occurrences(query)
      expect(reply.status).toBe(400)
      return reply.body.errors[0].data.map((problem: { path: string }) => problem.path)
    }
    await expect(paths('from=2031-01-01&to=2032-03-01')).resolves.toEqual(['to'])
    await expect(paths('to=2031-03-01')).resolves.toEqual(['from'])
    await expect(paths('from=2031-01-01&to=soon')).resolves.toEqual(['to'])
    await expect(paths('from=2031-03-01&to=2031-01-01')).resolves.toEqual(['to'])
    await expect(paths('from=2031-01-01&to=2031-02-01&locale=xx')).resolves.toEqual(['locale'])
    await expect(paths('from=2031-01-01&to=2031-02-01&locale=all')).resolves.toEqual(['locale'])
    await expect(paths('from=2031-01-01&to=2031-02-01&limit=100000')).resolves.toEqual(['limit'])
  })

  it('gives calendars the RRULE, the EXDATE and RECURRENCE-ID overrides, as ical.js reads them', async () => {
    for (const path of ['/feeds/events.ics', `/api/events/${series}/ics`]) {
      const reply = await anonymous.get(path)
      expect(reply.status).toBe(200)
      const mine = events(reply.body).filter((event) =>
        String(event.getFirstPropertyValue('uid')).startsWith(uidOf(series)),
      )
      expect(mine.map((event) => event.getFirstPropertyValue('recurrence-id')?.toString() ?? 'master')).toEqual([
        'master',
        '2031-01-20T10:00:00',
        '2031-01-27T10:00:00',
      ])
      expect(String(mine[0].getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;COUNT=6;BYDAY=MO')
      expect(mine[0].getFirstProperty('exdate')!.toICALString()).toBe('EXDATE;TZID=Asia/Almaty:20310113T100000')
      expect(mine[1].getFirstPropertyValue('location')).toBe('Bar association')
      expect(mine[2].getFirstPropertyValue('status')).toBe('CANCELLED')
    }
  })

  it('keeps CALENDAR_PAST_DAYS of past events in the feed, and filters it by organisation, project, event type and locale', async () => {
    const now = Date.now()
    const recent = await create({
      title: 'Recent workshop',
      eventType: 'workshop',
      startDate: new Date(now - 30 * day).toISOString(),
      endDate: new Date(now - 30 * day + 3_600_000).toISOString(),
    })
    const old = await create({
      title: 'Old workshop',
      eventType: 'workshop',
      startDate: new Date(now - 90 * day).toISOString(),
      endDate: new Date(now - 90 * day + 3_600_000).toISOString(),
    })
    const uids = async (query: string) => {
      const reply = await anonymous.get(`/feeds/events.ics${query}`)
      expect(reply.status).toBe(200)
      return new Set(events(reply.body).map((event) => String(event.getFirstPropertyValue('uid')).split('@')[0]))
    }
    const all = await uids('')
    expect(all.has(`event-${recent}`)).toBe(true)
    expect(all.has(`event-${old}`)).toBe(false)
    const workshops = await uids('?eventType=workshop')
    expect([workshops.has(`event-${recent}`), workshops.has(`event-${series}`)]).toEqual([true, false])
    expect([...(await uids(`?organisation=${organisation}`))]).toEqual([`event-${series}`])
    expect((await uids('?eventType=training&locale=ru')).has(`event-${series}`)).toBe(true)
    for (const [query, path] of [
      ['?eventType=party', 'eventType'],
      ['?organisation=999999', 'organisation'],
      ['?project=abc', 'project'],
      ['?locale=xx', 'locale'],
    ]) {
      const reply = await anonymous.get(`/feeds/events.ics${query}`)
      expect(reply.status).toBe(400)
      expect(JSON.stringify(reply.body.errors[0].data)).toContain(`"path":"${path}"`)
    }
  })

  it('puts the programme’s sessions in the event’s calendar on request, with their room and public speakers only', async () => {
    const speaker = async (name: string, visibility: string) =>
      (
        await editor.post('/api/speakers', {
          name,
          visibility,
          consent: { given: true, date: '2030-01-01T00:00:00.000Z' },
        })
      ).body.doc.id as number
    const open = await speaker('Aigerim Public', 'public')
    const hidden = await speaker('Hidden Witness', 'internal')
    const id = await create({
      title: 'Conference with a programme',
      startDate: '2031-04-01T04:00:00.000Z',
      endDate: '2031-04-01T12:00:00.000Z',
      programme: [
        {
          title: 'Testimonies',
          startTime: '2031-04-01T05:00:00.000Z',
          endTime: '2031-04-01T06:00:00.000Z',
          room: 'Hall B',
          speakers: [open, hidden],
        },
      ],
    })
    const plain = await anonymous.get(`/api/events/${id}/ics`)
    expect(events(plain.body)).toHaveLength(1)
    for (const client of [anonymous, editor]) {
      const reply = await client.get(`/api/events/${id}/ics?sessions=true`)
      const [, session] = events(reply.body)
      expect(session.getFirstPropertyValue('summary')).toBe('Testimonies')
      expect(session.getFirstPropertyValue('location')).toMatch(/^Hall B/)
      expect(session.getFirstPropertyValue('description')).toBe('Speakers: Aigerim Public')
      expect(reply.body).not.toContain('Hidden Witness')
    }
    expect((await anonymous.get(`/api/events/${id}/ics?sessions=maybe`)).status).toBe(400)
  })

  it('describes the series in JSON-LD with an eventSchedule', async () => {
    const reply = await anonymous.get(`/api/events/${series}/jsonld`)
    expect(reply.body.eventSchedule).toEqual({
      '@type': 'Schedule',
      repeatFrequency: 'P1W',
      byDay: ['https://schema.org/Monday'],
      startDate: '2031-01-06',
      repeatCount: 6,
      startTime: '10:00:00',
      endTime: '13:00:00',
      scheduleTimezone: 'Asia/Almaty',
      exceptDate: ['2031-01-13'],
    })
  })
})
