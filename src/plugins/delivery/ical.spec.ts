import ICAL from 'ical.js'

import { paragraphs } from '@/utilities/lexical'

import { hostileStrings } from '../../../tests/helpers/hostile'
import { buildCalendar, type CalendarEvent, icalText } from './ical'
import { cleanText } from './text'

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 1,
  title: 'Regional conference',
  slug: 'regional-conference',
  summary: null,
  description: null,
  startDate: '2026-05-31T04:00:00.000Z',
  endDate: '2026-05-31T12:00:00.000Z',
  timezone: 'Asia/Dushanbe',
  status: 'scheduled',
  venue: { name: 'Hotel', city: 'Dushanbe', country: 'TJ' },
  onlineUrl: null,
  updatedAt: '2026-05-01T00:00:00.000Z',
  organisations: [],
  ...overrides,
})

// ical.js predates RFC 7986: tell it NAME and X-WR-CALNAME are TEXT, so it unescapes them.
for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] ??= { defaultType: 'text' }
const parse = (text: string) => new ICAL.Component(ICAL.parse(text))

describe('icalText', () => {
  it('escapes TEXT specials and writes line breaks as \\n', () => {
    expect(icalText('a;b,c\\d\r\ne\rf')).toBe('a\\;b\\,c\\\\d\\ne\\nf')
  })
  it('drops control characters', () => {
    expect(icalText('a\u0000b\u001bc')).toBe('abc')
  })
})

describe('buildCalendar with hostile text', () => {
  it.each(hostileStrings.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    '%s stays one property of one event',
    (_, value) => {
      const organisation = { id: 2, name: value, email: 'press@example.org' } as never
      const text = buildCalendar(
        [
          event({
            title: value,
            summary: value,
            venue: { name: value, address: value, city: value },
            organisations: [{ organisation, role: 'organiser' }],
          }),
        ],
        { name: value, locale: 'en', host: 'cms.example.org' },
      )
      // Every physical line is a property or a fold; no raw control character survives.
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
      for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^( |[A-Z-]+[;:])/)
      const calendar = parse(text)
      const events = calendar.getAllSubcomponents('vevent')
      expect(events).toHaveLength(1)
      const expected = cleanText(value)
      expect(events[0].getFirstPropertyValue('summary')).toBe(expected)
      expect(events[0].getFirstPropertyValue('description')).toBe(expected)
      expect(events[0].getFirstPropertyValue('location')).toBe(`${expected}, ${expected}, ${expected}`)
      expect(events[0].getFirstProperty('organizer')!.getParameter('cn')).toBe(expected)
      expect(calendar.getFirstPropertyValue('name')).toBe(expected)
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(expected)
    },
  )

  it('takes the description from rich text when there is no summary', () => {
    const text = buildCalendar([event({ description: paragraphs('one\u0001', '</script>') })], {
      name: 'Events',
      locale: 'en',
      host: 'h',
    })
    expect(parse(text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('description')).toBe('one\n\n</script>')
  })
})

describe('buildCalendar for a recurring event', () => {
  // Weekly, Tuesdays, 09:00–12:00 in Brussels from 26 March 2030, five times; the summer-time change falls on 31 March.
  const series = event({
    startDate: '2030-03-26T08:00:00.000Z',
    endDate: '2030-03-26T11:00:00.000Z',
    timezone: 'Europe/Brussels',
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TU'], count: 5, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5' },
    excludedDates: [{ date: '2030-04-02T10:00:00.000Z' }],
    occurrenceChanges: [
      {
        occurrenceStart: '2030-04-09T07:00:00.000Z',
        start: '2030-04-10T12:00:00.000Z',
        end: '2030-04-10T14:00:00.000Z',
        venue: 'Town hall',
      },
      { occurrenceStart: '2030-04-16T07:00:00.000Z', cancelled: true },
    ],
  })

  it('carries RRULE, EXDATE and RECURRENCE-ID overrides that an independent parser expands as the series is', () => {
    const calendar = parse(buildCalendar([series], { name: 'Events', locale: 'en', host: 'h' }))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
    const [master, ...overrides] = calendar.getAllSubcomponents('vevent')
    expect(master.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=WEEKLY;COUNT=5;BYDAY=TU')
    expect(
      overrides.map((o) => [
        o.getFirstPropertyValue('recurrence-id')!.toString(),
        o.getFirstPropertyValue('status'),
        o.getFirstPropertyValue('location'),
      ]),
    ).toEqual([
      ['2030-04-09T09:00:00', 'CONFIRMED', 'Town hall'],
      ['2030-04-16T09:00:00', 'CANCELLED', 'Hotel, Dushanbe, Tajikistan'],
    ])
    const main = new ICAL.Event(master, { strictExceptions: true })
    for (const override of overrides) main.relateException(override)
    const iterator = main.iterator()
    const seen: string[] = []
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = main.getOccurrenceDetails(next)
      seen.push(
        `${details.startDate.toJSDate().toISOString()} ${details.item.component.getFirstPropertyValue('status')}`,
      )
    }
    // 09:00 in Brussels throughout: 08:00Z before the change, 07:00Z after; 2 April excluded; 9 April moved.
    expect(seen).toEqual([
      '2030-03-26T08:00:00.000Z CONFIRMED',
      '2030-04-10T12:00:00.000Z CONFIRMED',
      '2030-04-16T07:00:00.000Z CANCELLED',
      '2030-04-23T07:00:00.000Z CONFIRMED',
    ])
  })

  it('writes the programme’s sessions as their own events when asked, with room and speakers', () => {
    const withProgramme = event({
      programme: [
        {
          id: 's1',
          title: 'Opening',
          startTime: '2026-05-31T04:30:00.000Z',
          endTime: '2026-05-31T05:00:00.000Z',
          room: 'Hall A',
          speakers: [{ id: 3, name: 'Dilnoza Rahimova' } as never],
        },
        { id: 's2', title: 'Coffee', startTime: null },
      ],
    })
    expect(
      parse(buildCalendar([withProgramme], { name: 'E', locale: 'en', host: 'h' })).getAllSubcomponents('vevent'),
    ).toHaveLength(1)
    const events = parse(
      buildCalendar([withProgramme], { name: 'E', locale: 'en', host: 'h', sessions: true }),
    ).getAllSubcomponents('vevent')
    expect(events).toHaveLength(2)
    expect(events[1].getFirstPropertyValue('uid')).toBe('event-1-session-s1@h')
    expect(events[1].getFirstPropertyValue('location')).toBe('Hall A, Hotel, Dushanbe, Tajikistan')
    expect(events[1].getFirstPropertyValue('description')).toBe('Speakers: Dilnoza Rahimova')
    expect(events[1].getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;TZID=Asia/Dushanbe:20260531T093000')
  })
})
