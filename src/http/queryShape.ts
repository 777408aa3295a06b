import { MAX_LIMIT, MAX_SHAPE_ENTRIES, MAX_SORT_FIELDS } from './limits'
import { type QueryProblem, whereProblems } from './whereShape'

type Query = Record<string, unknown>

export const isWhole = (value: string, min: number, max: number) =>
  /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max

/** The fields of a `sort`, as Payload reads it: a comma-separated string or a list of them. */
export const sortFields = (sort: unknown): string[] | undefined => {
  const parts = Array.isArray(sort) ? sort : [sort]
  if (!parts.every((part) => typeof part === 'string')) return undefined
  return (parts as string[])
    .flatMap((part) => part.split(','))
    .map((name) => name.trim())
    .filter(Boolean)
}

export function sortProblems(sort: unknown, path = 'sort'): QueryProblem[] {
  if (sort === undefined) return []
  const fields = sortFields(sort)
  if (!fields)
    return [{ path, message: `${path} must be a comma-separated list of field names, e.g. sort=-startDate,title.` }]
  if (fields.length > MAX_SORT_FIELDS)
    return [{ path, message: `${path} lists ${fields.length} fields; at most ${MAX_SORT_FIELDS} are allowed.` }]
  return []
}

/** Entries at every level of a nested parameter, leaving out the subtrees named in `skip` (bounded on their own). */
const entriesIn = (value: unknown, skip = new Set<string>()): number =>
  value && typeof value === 'object'
    ? Object.entries(value).reduce((sum, [key, inner]) => sum + 1 + (skip.has(key) ? 0 : entriesIn(inner, skip)), 0)
    : 0

/** `select`, `populate` and `joins` (each join with its own limit, page, sort and where). */
export function shapeProblems(query: Query): QueryProblem[] {
  const problems: QueryProblem[] = []
  for (const name of ['select', 'populate', 'joins']) {
    const value = query[name]
    if (value === undefined || (name === 'joins' && value === 'false')) continue
    if (!value || typeof value !== 'object') {
      problems.push({ path: name, message: `${name} must name fields, e.g. ${name}[title]=true.` })
      continue
    }
    const entries = entriesIn(value, new Set(name === 'joins' ? ['where'] : []))
    if (entries > MAX_SHAPE_ENTRIES)
      problems.push({
        path: name,
        message: `${name} has ${entries} entries; at most ${MAX_SHAPE_ENTRIES} are allowed.`,
      })
  }
  const joins = query.joins && typeof query.joins === 'object' ? Object.entries(query.joins as Query) : []
  for (const [join, spec] of joins) {
    if (!spec || typeof spec !== 'object') continue
    const { limit, page, sort, where } = spec as Query
    const at = `joins[${join}]`
    if (limit !== undefined && !(typeof limit === 'string' && isWhole(limit, 1, MAX_LIMIT))) {
      problems.push({ path: `${at}[limit]`, message: `${at}[limit] must be a whole number from 1 to ${MAX_LIMIT}.` })
    }
    if (page !== undefined && !(typeof page === 'string' && isWhole(page, 1, 1_000_000))) {
      problems.push({ path: `${at}[page]`, message: `${at}[page] must be a whole number from 1.` })
    }
    problems.push(...sortProblems(sort, `${at}[sort]`), ...whereProblems(where, `${at}[where]`))
  }
  return problems
}
