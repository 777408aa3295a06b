import ICAL from 'ical.js'

import { hostileStrings } from '../../../tests/helpers/hostile'
import { paragraphs } from '../lexical'
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
  it.each(hostileStrings.map((value) => [JSON.stringify(value).slice(0, 40), value]))('%s stays one property of one event', (_, value) => {
    const organisation = { id: 2, name: value, email: 'press@example.org' } as never
    const text = buildCalendar(
      [event({ title: value, summary: value, venue: { name: value, address: value, city: value }, organisations: [{ organisation, role: 'organiser' }] })],
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
  })

  it('takes the description from rich text when there is no summary', () => {
    const text = buildCalendar([event({ description: paragraphs('one\u0001', '</script>') })], { name: 'Events', locale: 'en', host: 'h' })
    expect(parse(text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('description')).toBe('one\n\n</script>')
  })
})
