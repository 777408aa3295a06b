import {
  buildRRule,
  excludedStarts,
  expandOccurrences,
  MAX_OCCURRENCES,
  recurrenceProblems,
  type Series,
} from './recurrence'

// A weekly legal-aid day in Brussels, Tuesdays and Thursdays 09:00–12:00, from Tuesday 2030-03-26.
const series = (extra: Partial<Series> = {}, recurrence: Series['recurrence'] = {}): Series => ({
  startDate: '2030-03-26T08:00:00.000Z',
  endDate: '2030-03-26T11:00:00.000Z',
  timezone: 'Europe/Brussels',
  recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TU', 'TH'], ...recurrence },
  ...extra,
})
const paths = (input: Series) => recurrenceProblems(input).map((problem) => problem.path)

describe('buildRRule', () => {
  it('writes the form as an RFC 5545 RRULE, UNTIL in UTC', () => {
    expect(buildRRule(series({}, { count: 10 }))).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10')
    expect(buildRRule(series({}, { interval: 2, weekdays: [], until: '2030-06-30T21:59:59.000Z' }))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=20300630T215959Z',
    )
    expect(buildRRule(series({}, { frequency: 'monthly', weekdays: null }))).toBe('FREQ=MONTHLY')
  })
  it('is null for an event that does not recur', () => {
    expect(buildRRule(series({ recurrence: { frequency: null, interval: 1 } }))).toBeNull()
  })
})

describe('recurrenceProblems', () => {
  it('accepts a good series and an event that does not recur', () => {
    expect(recurrenceProblems(series({}, { count: 10 }))).toEqual([])
    expect(recurrenceProblems(series({ recurrence: { interval: 1 } }))).toEqual([])
  })
  it('names the field of each mistake', () => {
    expect(paths(series({}, { until: '2030-03-01T00:00:00.000Z' }))).toEqual(['recurrence.until'])
    expect(paths(series({}, { count: 5, until: '2030-06-01T00:00:00.000Z' }))).toEqual(['recurrence.count'])
    expect(paths(series({}, { interval: 0 }))).toEqual(['recurrence.interval'])
    expect(paths(series({}, { interval: 1.5 }))).toEqual(['recurrence.interval'])
    expect(paths(series({}, { count: MAX_OCCURRENCES + 1 }))).toEqual(['recurrence.count'])
    expect(paths(series({ recurrence: { count: 3 } }))).toEqual(['recurrence.frequency'])
    expect(paths(series({ recurrence: {}, excludedDates: [{ date: '2030-03-28T08:00:00.000Z' }] }))).toEqual([
      'excludedDates',
    ])
  })
  it('refuses an end date that makes more occurrences than the limit', () => {
    const daily = series({}, { frequency: 'daily', weekdays: null, until: '2033-01-01T00:00:00.000Z' })
    expect(recurrenceProblems(daily)[0]).toMatchObject({
      path: 'recurrence.until',
      message: expect.stringContaining(String(MAX_OCCURRENCES)),
    })
  })
  it('refuses exclusions and changes on a day the series does not have', () => {
    const input = series({
      excludedDates: [{ date: '2030-03-28T08:00:00.000Z' }, { date: '2030-03-29T08:00:00.000Z' }],
      occurrenceChanges: [{ occurrenceStart: '2030-04-01T07:00:00.000Z', cancelled: true }],
    })
    expect(paths(input)).toEqual(['excludedDates.1.date', 'occurrenceChanges.0.occurrenceStart'])
  })
})

describe('expandOccurrences', () => {
  it('keeps the wall-clock time across the change to summer time (Brussels, 31 March 2030)', () => {
    const found = expandOccurrences(series({}, { count: 4 }), {
      from: '2030-01-01T00:00:00.000Z',
      to: '2031-01-01T00:00:00.000Z',
    })
    expect(found.map((occurrence) => occurrence.start)).toEqual([
      '2030-03-26T08:00:00.000Z',
      '2030-03-28T08:00:00.000Z',
      '2030-04-02T07:00:00.000Z',
      '2030-04-04T07:00:00.000Z',
    ])
    expect(found[2].end).toBe('2030-04-02T10:00:00.000Z')
  })
  it('leaves excluded days out, applies moves, cancellations and venues, sorted by the new start', () => {
    const input = series(
      {
        excludedDates: [{ date: '2030-03-28T12:00:00.000Z' }],
        occurrenceChanges: [
          {
            occurrenceStart: '2030-04-02T07:00:00.000Z',
            start: '2030-04-05T12:00:00.000Z',
            end: '2030-04-05T14:00:00.000Z',
            venue: 'Town hall',
          },
          { occurrenceStart: '2030-04-04T07:00:00.000Z', cancelled: true },
        ],
      },
      { count: 5 },
    )
    const found = expandOccurrences(input, { from: '2030-03-01T00:00:00.000Z', to: '2030-04-30T00:00:00.000Z' })
    expect(found).toEqual([
      {
        originalStart: '2030-03-26T08:00:00.000Z',
        start: '2030-03-26T08:00:00.000Z',
        end: '2030-03-26T11:00:00.000Z',
        cancelled: false,
        changed: false,
      },
      {
        originalStart: '2030-04-04T07:00:00.000Z',
        start: '2030-04-04T07:00:00.000Z',
        end: '2030-04-04T10:00:00.000Z',
        cancelled: true,
        changed: true,
      },
      {
        originalStart: '2030-04-02T07:00:00.000Z',
        start: '2030-04-05T12:00:00.000Z',
        end: '2030-04-05T14:00:00.000Z',
        cancelled: false,
        venue: 'Town hall',
        changed: true,
      },
      {
        originalStart: '2030-04-09T07:00:00.000Z',
        start: '2030-04-09T07:00:00.000Z',
        end: '2030-04-09T10:00:00.000Z',
        cancelled: false,
        changed: false,
      },
    ])
    expect(excludedStarts(input)).toEqual(['2030-03-28T08:00:00.000Z'])
  })
  it('finds an occurrence moved into the range from outside it, and only what overlaps the range', () => {
    const input = series({
      occurrenceChanges: [{ occurrenceStart: '2030-04-30T07:00:00.000Z', start: '2030-03-27T08:00:00.000Z' }],
    })
    const found = expandOccurrences(input, { from: '2030-03-27T00:00:00.000Z', to: '2030-03-28T00:00:00.000Z' })
    expect(found.map((occurrence) => [occurrence.originalStart, occurrence.start])).toEqual([
      ['2030-04-30T07:00:00.000Z', '2030-03-27T08:00:00.000Z'],
    ])
  })
  it('gives an event that does not recur as one occurrence when it overlaps the range', () => {
    const single = series({ recurrence: null })
    expect(
      expandOccurrences(single, { from: '2030-03-26T10:00:00.000Z', to: '2030-03-27T00:00:00.000Z' }),
    ).toHaveLength(1)
    expect(
      expandOccurrences(single, { from: '2030-03-27T00:00:00.000Z', to: '2030-03-28T00:00:00.000Z' }),
    ).toHaveLength(0)
  })
})
