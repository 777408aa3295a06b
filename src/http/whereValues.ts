import type { FlattenedField, Payload } from 'payload'

import type { QueryProblem } from './validateQuery'

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])

type Kind = 'number' | 'date' | 'id'

/** The field at a dotted path ("speakers.speaker", "venue.country"), through groups, arrays and tabs. */
function fieldAt(fields: FlattenedField[], path: string[]): FlattenedField | undefined {
  const [head, ...rest] = path
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || !rest.length) return field
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) return fieldAt(field.flattenedFields, rest)
  return undefined
}

function kindOf(field: FlattenedField | undefined, path: string[], numericIds: boolean): Kind | undefined {
  if (!field) return path.length === 1 && path[0] === 'id' && numericIds ? 'id' : undefined
  if (field.type === 'number') return 'number'
  if (field.type === 'date') return 'date'
  if ((field.type === 'relationship' || field.type === 'upload') && numericIds && typeof field.relationTo === 'string') return 'id'
  return undefined
}

const valid: Record<Kind, (value: string) => boolean> = {
  number: (value) => value.trim() !== '' && Number.isFinite(Number(value)),
  id: (value) => /^\d+$/.test(value.trim()),
  date: (value) => !Number.isNaN(Date.parse(value)),
}
const described: Record<Kind, string> = { number: 'a number', id: 'a document id (a whole number)', date: 'a date such as 2026-06-01 or 2026-06-01T09:00:00Z' }

/**
 * Values that cannot be compared with a number, date or relationship field. Payload hands them to
 * SQL unchecked, and the database answers "Only finite numbers…" with a 500; here they are a 400.
 */
export function whereValueProblems(payload: Payload, collection: string, where: unknown, path = 'where'): QueryProblem[] {
  const config = payload.collections[collection as 'events']?.config
  if (!config || !where || typeof where !== 'object') return []
  const numericIds = payload.db.defaultIDType === 'number'
  return Object.entries(where as Record<string, unknown>).flatMap(([key, condition]): QueryProblem[] => {
    if ((key === 'and' || key === 'or') && condition && typeof condition === 'object') {
      return Object.entries(condition as Record<string, unknown>).flatMap(([index, inner]) => whereValueProblems(payload, collection, inner, `${path}[${key}][${index}]`))
    }
    if (!condition || typeof condition !== 'object') return []
    const kind = kindOf(fieldAt(config.flattenedFields, key.split('.')), key.split('.'), numericIds)
    return Object.entries(condition as Record<string, unknown>).flatMap(([operator, value]): QueryProblem[] => {
      // Only the MongoDB adapter implements `all`; the SQL adapters fail with a TypeError.
      if (operator === 'all' && payload.db.name !== 'mongoose') {
        return [{ path: `${path}[${key}][all]`, message: `The "all" operator is not available on this database; use "in" or combine conditions with "and".` }]
      }
      // Every operator but `exists` compares the value with the column, so it must be of the column's kind.
      if (!kind || operator === 'exists') return []
      const values = LIST_OPERATORS.has(operator) ? (Array.isArray(value) ? value : String(value).split(',')) : [value]
      const bad = values.filter((item) => typeof item !== 'string' || !valid[kind](item))
      if (!bad.length) return []
      const at = `${path}[${key}][${operator}]`
      return [{ path: at, message: `${at} must be ${described[kind]}${LIST_OPERATORS.has(operator) ? ' (or a comma-separated list of them)' : ''}, got "${bad.map(String).join(',').slice(0, 60)}".` }]
    })
  })
}
