/**
 * Payload's where operators, grouped by the kind of operand they take. The query validator, the
 * value checks and the read model must agree on these groups: a drift between them would let a
 * query through one check that another refuses, or answer it from the store differently.
 */

/** Operators that compare a field with one value. */
export const SCALAR_OPERATORS: ReadonlySet<string> = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])

/** Operators whose operand is a list (an array, or a comma-separated string in a URL). */
export const LIST_OPERATORS: ReadonlySet<string> = new Set(['in', 'not_in', 'all'])

/** Operators that match text inside a value. */
export const TEXT_OPERATORS: ReadonlySet<string> = new Set(['like', 'not_like', 'contains'])
