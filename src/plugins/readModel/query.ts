import type { FlattenedField, Where } from 'payload'

import { SCALAR_OPERATORS } from '@/utilities/operators'

import { DATE_COLUMNS, TEXT_COLUMNS } from './fields'

/** A public read the store can answer: one indexed query of snapshots, or one snapshot by id. */
export type StoreQuery = {
  collection: string
  id?: string
  locale: string
  depth: number
  where?: Where
  sort: string[]
  limit: number
  page: number
}

/** Relationship filters to check against what the public may read: ids of `collection` compared by `path`. */
export type RelationFilter = { collection: string; ids: string[] }

type Query = Record<string, unknown>

// What a date column answers: comparisons with one value, or membership in a list of them.
const ORDERED = [...SCALAR_OPERATORS, 'in', 'not_in']
const EXACT = ['equals', 'not_equals', 'exists', 'in', 'not_in']
const REFERENCE = ['equals', 'contains', 'in']
/**
 * Parameters Payload's REST reads; any other is ignored by Payload, and so here. `richText=html`
 * changes every rich-text value: Payload's read (with its afterRead conversion) answers it.
 */
const UNSUPPORTED = [
  'select',
  'populate',
  'joins',
  'draft',
  'pagination',
  'trash',
  'fallback-locale',
  'fallbackLocale',
  'data',
  'richText',
]

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [String(value)]

const relationField = (
  fields: FlattenedField[],
  path: string,
): Extract<FlattenedField, { type: 'relationship' | 'upload' }> | undefined => {
  let current = fields
  const parts = path.split('.')
  for (let index = 0; index < parts.length; index += 1) {
    const field = current.find((candidate) => 'name' in candidate && candidate.name === parts[index])
    if (!field || ('localized' in field && field.localized)) return undefined
    if (index === parts.length - 1) return field.type === 'relationship' || field.type === 'upload' ? field : undefined
    if (field.type !== 'array' && field.type !== 'group') return undefined
    current = field.flattenedFields
  }
  return undefined
}

/**
 * A public where query restated over snapshot columns, or undefined when the store cannot answer
 * it exactly (Payload's read answers those). Relationship filters are collected in `relations`:
 * they hold only if every id they name is one the public may read.
 */
export function whereOverSnapshots(
  fields: FlattenedField[],
  where: unknown,
  relations: RelationFilter[],
  hidden: string[],
): Where | undefined {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return undefined
  const parts: Where[] = []
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      const inner = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : undefined
      if (!inner) return undefined
      const mapped = inner.map((item) => whereOverSnapshots(fields, item, relations, hidden))
      if (mapped.some((item) => item === undefined)) return undefined
      parts.push({ [key]: mapped as Where[] })
      continue
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      const part = conditionOverSnapshots(fields, key, operator, operand, relations, hidden)
      if (!part) return undefined
      parts.push(part)
    }
  }
  return parts.length === 1 ? parts[0] : { and: parts }
}

function conditionOverSnapshots(
  fields: FlattenedField[],
  path: string,
  operator: string,
  operand: unknown,
  relations: RelationFilter[],
  hidden: string[],
): Where | undefined {
  const has = (name: string) => fields.some((field) => 'name' in field && field.name === name)
  if (typeof operand === 'object' && operand !== null && !Array.isArray(operand)) return undefined
  if (
    path in DATE_COLUMNS &&
    (has(path) || path === 'createdAt' || path === 'updatedAt') &&
    ORDERED.includes(operator)
  ) {
    return { [DATE_COLUMNS[path]]: { [operator]: operand } }
  }
  if ((TEXT_COLUMNS as readonly string[]).includes(path) && has(path) && EXACT.includes(operator))
    return { [path]: { [operator]: operand } }
  if (path === 'id' && ['equals', 'in'].includes(operator)) return { document: { in: list(operand) } }
  const relation = relationField(fields, path)
  if (
    relation &&
    typeof relation.relationTo === 'string' &&
    REFERENCE.includes(operator) &&
    !hidden.includes(relation.relationTo)
  ) {
    const ids = list(operand).filter(Boolean)
    if (!ids.length) return undefined
    relations.push({ collection: relation.relationTo, ids })
    return { or: ids.map((id) => ({ refs: { contains: `|${path}:${id}|` } })) }
  }
  return undefined
}

const whole = (value: unknown, fallback: number): number | undefined => {
  if (value === undefined) return fallback
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined
}

type Options = {
  /** The collection's flattened fields. */
  fields: FlattenedField[]
  defaultLocale: string
  /** Collections whose documents may be hidden from the public even when published (speakers): never filtered on here. */
  hidden: string[]
}

/**
 * What the store would have to read for a REST request to `/api/{collection}[/{id}]` with these
 * query parameters (already checked by the query validator), or undefined to leave it to Payload.
 */
export function storeQueryOf(
  collection: string,
  id: string | undefined,
  query: Query,
  { fields, defaultLocale, hidden }: Options,
): { query: StoreQuery; relations: RelationFilter[] } | undefined {
  if (UNSUPPORTED.some((name) => name in query)) return undefined
  const locale = query.locale === undefined ? defaultLocale : query.locale
  if (typeof locale !== 'string' || locale === 'all') return undefined
  const depth = whole(query.depth, 1)
  if (depth === undefined || depth > 1) return undefined
  const relations: RelationFilter[] = []
  if (id !== undefined) {
    if (query.where !== undefined || query.sort !== undefined) return undefined
    return { query: { collection, id, locale, depth, sort: [], limit: 1, page: 1 }, relations }
  }
  const limit = whole(query.limit, 10)
  const page = whole(query.page, 1)
  if (!limit || !page) return undefined
  let where: Where | undefined
  if (query.where !== undefined) {
    where = whereOverSnapshots(fields, query.where, relations, hidden)
    if (!where) return undefined
  }
  const requested =
    query.sort === undefined ? ['-createdAt'] : typeof query.sort === 'string' ? query.sort.split(',') : undefined
  if (!requested) return undefined
  const sort: string[] = []
  for (const entry of requested) {
    const name = entry.replace(/^-/, '')
    if (
      !(name in DATE_COLUMNS) ||
      (!fields.some((field) => 'name' in field && field.name === name) && name !== 'createdAt' && name !== 'updatedAt')
    )
      return undefined
    sort.push(`${entry.startsWith('-') ? '-' : ''}${DATE_COLUMNS[name]}`)
  }
  // Payload orders ties by creation, newest first, unless the sort already names it.
  if (!sort.some((entry) => entry.replace(/^-/, '') === 'docCreatedAt')) sort.push('-docCreatedAt')
  return { query: { collection, locale, depth, where, sort, limit, page }, relations }
}
