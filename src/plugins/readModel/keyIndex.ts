/**
 * The sort keys of one scope of the store (collection, locale, depth, one date column), held in
 * memory in both orders the store's SQL sorts by, so that a list filtered by a range of that date
 * (an "upcoming from now" list: a new instant on every request) is a binary search for its page
 * and its count instead of two statements. Pure: the SQLite store builds it from its rows and
 * throws it away at the next public change committed anywhere.
 */

/** `value`: the sort column; `created`: the document's creation, Payload's tie-break (newest first), before the row id. */
export type KeyRow = {
  id: number
  document: string
  value: string | null
  created: string | null
  token: string | null
  expires: string | null
}

export type KeyIndex = {
  /** By value ascending (nulls first, as SQLite orders them): `ORDER BY col ASC, doc_created_at DESC, id DESC`. */
  ascending: KeyRow[]
  /** By value descending (nulls last): `ORDER BY col DESC, doc_created_at DESC, id DESC`. */
  descending: KeyRow[]
  byDocument: Map<string, KeyRow>
  /** False when rows of the scope were left out (stale or expired): then no list is answered from it. */
  complete: boolean
}

export type Bound = { value: string; inclusive: boolean }
/** A range over the column; either side may be open. */
export type Range = { lower?: Bound; upper?: Bound }

/** SQLite's order of two values of a column: NULL lowest. */
const compare = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1

export function keyIndexOf(rows: KeyRow[], complete = true): KeyIndex {
  const ties = (a: KeyRow, b: KeyRow) => -compare(a.created, b.created) || b.id - a.id
  const ascending = [...rows].sort((a, b) => compare(a.value, b.value) || ties(a, b))
  const descending = [...rows].sort((a, b) => -compare(a.value, b.value) || ties(a, b))
  return { ascending, descending, byDocument: new Map(rows.map((row) => [row.document, row])), complete }
}

/** The first index at which `past` holds, for a `past` that is false and then true along the array. */
function firstWhere(rows: KeyRow[], past: (row: KeyRow) => boolean): number {
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (past(rows[middle])) high = middle
    else low = middle + 1
  }
  return low
}

const above = (value: string, bound: Bound) => (bound.inclusive ? value >= bound.value : value > bound.value)
const below = (value: string, bound: Bound) => (bound.inclusive ? value <= bound.value : value < bound.value)

/**
 * The rows in `range`, in the order asked for: a slice of one array, since the rows of a range
 * are contiguous in value order. A range with no bound is the whole scope, nulls included, as an
 * unfiltered `ORDER BY` holds them; any bound leaves nulls out, as SQL comparisons do.
 */
export function rowsInRange(index: KeyIndex, range: Range, descending: boolean): KeyRow[] {
  const rows = descending ? index.descending : index.ascending
  if (!range.lower && !range.upper) return rows
  const { lower, upper } = range
  if (!descending) {
    const start = firstWhere(rows, (row) => row.value !== null && (!lower || above(row.value, lower)))
    const end = upper ? firstWhere(rows, (row) => row.value !== null && !below(row.value, upper)) : rows.length
    return rows.slice(start, Math.max(start, end))
  }
  const start = firstWhere(rows, (row) => row.value === null || !upper || below(row.value, upper))
  const end = lower
    ? firstWhere(rows, (row) => row.value === null || !above(row.value, lower))
    : firstWhere(rows, (row) => row.value === null)
  return rows.slice(start, Math.max(start, end))
}

/** Two bounds on one side: the tighter one counts. */
function tighter(a: Bound | undefined, b: Bound, side: 'lower' | 'upper'): Bound {
  if (!a || a.value === b.value) return a && !a.inclusive ? a : b
  return (side === 'lower' ? b.value > a.value : b.value < a.value) ? b : a
}

/** Range conditions on one column (operator → an instant) as one range; undefined for any other operator. */
export function rangeOf(conditions: [operator: string, instant: string][]): Range | undefined {
  const range: Range = {}
  for (const [operator, value] of conditions) {
    if (!['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'equals'].includes(operator))
      return undefined
    if (operator === 'greater_than' || operator === 'greater_than_equal' || operator === 'equals')
      range.lower = tighter(range.lower, { value, inclusive: operator !== 'greater_than' }, 'lower')
    if (operator === 'less_than' || operator === 'less_than_equal' || operator === 'equals')
      range.upper = tighter(range.upper, { value, inclusive: operator !== 'less_than' }, 'upper')
  }
  return range
}
