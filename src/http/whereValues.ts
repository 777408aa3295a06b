import type { FlattenedField, Payload } from 'payload'

import { LIST_OPERATORS } from '@/utilities/operators'

import { describedId, fieldsOf, type IdKind, idKindOf, isValidId } from './ids'
import type { QueryProblem } from './whereShape'

/** What a query is about: a collection's documents, or (`/api/<slug>/versions`) their versions. */
export type QueryRoute = { collection: string; versions?: boolean }

type Kind = { number: true } | { date: true } | { id: IdKind }

/** The field at a dotted path ("speakers.speaker", "venue.country"), through groups, arrays and tabs. */
function fieldAt(fields: FlattenedField[], path: string[]): FlattenedField | undefined {
  const [head, ...rest] = path
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || !rest.length) return field
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) return fieldAt(field.flattenedFields, rest)
  return undefined
}

function kindOf(
  payload: Payload,
  route: QueryRoute,
  field: FlattenedField | undefined,
  path: string[],
): Kind | undefined {
  if (!field)
    return path.length === 1 && path[0] === 'id' ? { id: idKindOf(payload, route.collection, route) } : undefined
  if (field.type === 'number') return { number: true }
  if (field.type === 'date') return { date: true }
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string')
    return { id: idKindOf(payload, field.relationTo) }
  return undefined
}

const validValue = (kind: Kind, value: string): boolean =>
  'number' in kind
    ? value.trim() !== '' && Number.isFinite(Number(value))
    : 'date' in kind
      ? !Number.isNaN(Date.parse(value))
      : isValidId(kind.id, value.trim())

const described = (kind: Kind): string =>
  'number' in kind
    ? 'a number'
    : 'date' in kind
      ? 'a date such as 2026-06-01 or 2026-06-01T09:00:00Z'
      : describedId[kind.id]

/**
 * Values that cannot be compared with a number, date or relationship field. Payload hands them to
 * SQL unchecked, and the database answers "Only finite numbers…" with a 500; here they are a 400.
 */
export function whereValueProblems(
  payload: Payload,
  route: QueryRoute,
  where: unknown,
  path = 'where',
): QueryProblem[] {
  const fields = fieldsOf(payload, route.collection, route)
  if (!fields || !where || typeof where !== 'object') return []
  return Object.entries(where as Record<string, unknown>).flatMap(([key, condition]): QueryProblem[] => {
    if ((key === 'and' || key === 'or') && condition && typeof condition === 'object') {
      return Object.entries(condition as Record<string, unknown>).flatMap(([index, inner]) =>
        whereValueProblems(payload, route, inner, `${path}[${key}][${index}]`),
      )
    }
    if (!condition || typeof condition !== 'object') return []
    const kind = kindOf(payload, route, fieldAt(fields, key.split('.')), key.split('.'))
    return Object.entries(condition as Record<string, unknown>).flatMap(([operator, value]): QueryProblem[] => {
      // Only the MongoDB adapter implements `all`; the SQL adapters fail with a TypeError.
      if (operator === 'all' && payload.db.name !== 'mongoose') {
        return [
          {
            path: `${path}[${key}][all]`,
            message: `The "all" operator is not available on this database; use "in" or combine conditions with "and".`,
          },
        ]
      }
      // Every operator but `exists` compares the value with the column, so it must be of the column's kind.
      if (!kind || operator === 'exists') return []
      const values = LIST_OPERATORS.has(operator) ? (Array.isArray(value) ? value : String(value).split(',')) : [value]
      const bad = values.filter((item) => typeof item !== 'string' || !validValue(kind, item))
      if (!bad.length) return []
      const at = `${path}[${key}][${operator}]`
      return [
        {
          path: at,
          message: `${at} must be ${described(kind)}${LIST_OPERATORS.has(operator) ? ' (or a comma-separated list of them)' : ''}, got "${bad.map(String).join(',').slice(0, 60)}".`,
        },
      ]
    })
  })
}

/** Whether a sort path names a field: through groups, and into a relationship (whose fields Payload checks). */
function knownPath(fields: FlattenedField[], path: string[]): boolean {
  const [head, ...rest] = path
  if (head === 'id' && !rest.length) return true
  const field = fields.find((candidate) => candidate.name === head)
  if (!field) return false
  if (!rest.length || field.type === 'relationship' || field.type === 'upload' || field.type === 'join') return true
  return 'flattenedFields' in field && Array.isArray(field.flattenedFields)
    ? knownPath(field.flattenedFields, rest)
    : false
}

/** Sort fields the collection does not have: Payload ignores them without a word. */
export function sortFieldProblems(payload: Payload, route: QueryRoute, sort: string[], path = 'sort'): QueryProblem[] {
  const fields = fieldsOf(payload, route.collection, route)
  if (!fields) return []
  const unknown = sort.map((name) => name.replace(/^-/, '')).filter((name) => !knownPath(fields, name.split('.')))
  return unknown.length
    ? [
        {
          path,
          message: `${path}: ${unknown.map((name) => `"${name.slice(0, 60)}"`).join(', ')} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of ${route.collection}${route.versions ? ' versions' : ''}.`,
        },
      ]
    : []
}
