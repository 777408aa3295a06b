import type { FlattenedField } from 'payload'

/** Columns of a snapshot that public queries filter and sort on, by the document field they copy. */
export const DATE_COLUMNS: Record<string, string> = {
  startDate: 'startDate',
  endDate: 'endDate',
  releaseDate: 'releaseDate',
  embargoUntil: 'embargoUntil',
  createdAt: 'docCreatedAt',
  updatedAt: 'docUpdatedAt',
}
export const TEXT_COLUMNS = ['slug', 'status', 'eventType'] as const

type Doc = Record<string, unknown>

const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') {
    const inner = 'value' in (value as Doc) && 'relationTo' in (value as Doc) ? (value as Doc).value : (value as Doc).id
    return inner === null || inner === undefined ? undefined : typeof inner === 'object' ? idOf(inner) : String(inner)
  }
  return String(value)
}

/** Every relationship a stored document holds: its path, the collection it points at, the ids. */
export function relationsOf(fields: FlattenedField[], doc: Doc | undefined, prefix = ''): { path: string; relationTo: string; id: string }[] {
  if (!doc) return []
  return fields.flatMap((field) => {
    if (!('name' in field)) return []
    const path = `${prefix}${field.name}`
    const value = doc[field.name]
    if (value === undefined || value === null) return []
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const values = Array.isArray(value) ? value : [value]
      // A localized relationship read in every locale is an object of locales.
      const flat = field.localized && !Array.isArray(value) && typeof value === 'object' && !('id' in (value as Doc)) ? Object.values(value as Doc).flat() : values
      return flat.map(idOf).filter((id): id is string => Boolean(id)).map((id) => ({ path, relationTo: field.relationTo as string, id }))
    }
    if (field.type === 'array' && Array.isArray(value)) return value.flatMap((row) => relationsOf(field.flattenedFields, row as Doc, `${path}.`))
    if ((field.type === 'group' || field.type === 'tab') && typeof value === 'object') return relationsOf(field.flattenedFields, value as Doc, `${path}.`)
    return []
  })
}

/** `|a|b|`: tokens a `contains` filter matches exactly, never as a prefix of another. */
export const tokens = (values: Iterable<string>): string => {
  const unique = [...new Set(values)].sort()
  return unique.length ? `|${unique.join('|')}|` : ''
}

/** The filter and sort columns of one document's snapshot in one locale (`doc` read in that locale, no fallback). */
export function columnsOf(fields: FlattenedField[], doc: Doc): Record<string, unknown> {
  const has = (name: string) => fields.some((field) => 'name' in field && field.name === name)
  const columns: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(DATE_COLUMNS)) if (has(field) || field === 'createdAt' || field === 'updatedAt') columns[column] = doc[field] ?? null
  for (const field of TEXT_COLUMNS) if (has(field)) columns[field] = doc[field] ?? null
  const relations = relationsOf(fields, doc)
  columns.refs = tokens(relations.map(({ path, id }) => `${path}:${id}`))
  return columns
}
