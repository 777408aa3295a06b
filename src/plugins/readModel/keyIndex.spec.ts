import fc from 'fast-check'

import { rangeQueryOf } from './indexedReads'
import { keyIndexOf, type KeyRow, rangeOf, rowsInRange } from './keyIndex'

// A few instants, so that ties (equal values ordered by row id) and bounds on a value are common.
const instants = [
  '2026-01-01T00:00:00.000Z',
  '2026-03-01T00:00:00.000Z',
  '2026-03-01T12:00:00.000Z',
  '2027-01-01T00:00:00.000Z',
]
const rowArb = fc.record({
  value: fc.option(fc.constantFrom(...instants), { freq: 4 }),
  created: fc.constantFrom(...instants),
})
const rowsArb = fc.array(rowArb, { maxLength: 30 }).map((rows) =>
  rows.map((row, at): KeyRow => ({
    id: at + 1,
    document: String(at + 1),
    value: row.value,
    created: row.created,
    token: 't',
    expires: null,
  })),
)
const conditionArb = fc.tuple(
  fc.constantFrom('greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'equals'),
  fc.constantFrom(...instants, '2025-12-31T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
)

/** What SQLite answers: `WHERE col <op> ? AND … ORDER BY col ASC|DESC, doc_created_at DESC, id DESC` (NULL lowest, NULL failing every comparison). */
function bySql(rows: KeyRow[], conditions: [string, string][], descending: boolean): number[] {
  const holds = (value: string | null, [operator, at]: [string, string]) =>
    value !== null &&
    (
      {
        greater_than: value > at,
        greater_than_equal: value >= at,
        less_than: value < at,
        less_than_equal: value <= at,
        equals: value === at,
      } as Record<string, boolean>
    )[operator]
  const compare = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1
  return rows
    .filter((row) => conditions.every((condition) => holds(row.value, condition)))
    .sort(
      (a, b) =>
        (descending ? -compare(a.value, b.value) : compare(a.value, b.value)) ||
        -compare(a.created, b.created) ||
        b.id - a.id,
    )
    .map((row) => row.id)
}

describe('the in-memory sort keys of a store scope', () => {
  it('give the rows, in the order and with the count, that the store’s SQL gives for any range on the sort column', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(conditionArb, { maxLength: 3 }), fc.boolean(), (rows, conditions, descending) => {
        const range = rangeOf(conditions)!
        expect(rowsInRange(keyIndexOf(rows), range, descending).map((row) => row.id)).toEqual(
          bySql(rows, conditions, descending),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('take only a list filtered and sorted on one date column; anything else is left to SQL', () => {
    expect(rangeQueryOf({ startDate: { greater_than_equal: '2026-07-01' } }, ['startDate', '-docCreatedAt'])).toEqual({
      column: 'start_date',
      descending: false,
      range: { lower: { value: '2026-07-01T00:00:00.000Z', inclusive: true } },
    })
    expect(rangeQueryOf(undefined, ['-docCreatedAt'])).toEqual({
      column: 'doc_created_at',
      descending: true,
      range: {},
    })
    expect(
      rangeQueryOf(
        { and: [{ startDate: { greater_than: '2026-01-01' } }, { startDate: { less_than: '2027-01-01' } }] },
        ['-startDate'],
      )?.range,
    ).toEqual({
      lower: { value: '2026-01-01T00:00:00.000Z', inclusive: false },
      upper: { value: '2027-01-01T00:00:00.000Z', inclusive: false },
    })
    expect(rangeQueryOf({ endDate: { greater_than: '2026-01-01' } }, ['startDate'])).toBeUndefined()
    expect(
      rangeQueryOf({ startDate: { greater_than: '2026-01-01' }, status: { equals: 'scheduled' } }, ['startDate']),
    ).toBeUndefined()
    expect(rangeQueryOf({ or: [{ startDate: { greater_than: '2026-01-01' } }] }, ['startDate'])).toBeUndefined()
    expect(rangeQueryOf({ startDate: { not_equals: '2026-01-01' } }, ['startDate'])).toBeUndefined()
    expect(rangeQueryOf({ startDate: { greater_than: 'not a date' } }, ['startDate'])).toBeUndefined()
    expect(rangeQueryOf(undefined, ['startDate', '-endDate'])).toBeUndefined()
    expect(rangeQueryOf(undefined, ['startDate', 'docCreatedAt'])).toBeUndefined()
    expect(rangeQueryOf(undefined, ['slug'])).toBeUndefined()
  })
})
