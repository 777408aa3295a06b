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

/**
 * A field's value in one locale, from a document read with `locale: 'all'` (where a localized
 * field is an object of locales): what a read in that locale without fallback would hold.
 */
const inLocale = (field: FlattenedField, value: unknown, locale: string | undefined): unknown =>
  locale && 'localized' in field && field.localized && value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Doc)[locale]
    : value

/**
 * Every relationship a stored document holds: its path, the collection it points at, the ids.
 * `locale`: the document was read with `locale: 'all'` and only that locale's relationships count;
 * without it, those of every locale do.
 */
export function relationsOf(
  fields: FlattenedField[],
  doc: Doc | undefined,
  locale?: string,
  prefix = '',
): { path: string; relationTo: string; id: string }[] {
  if (!doc) return []
  return fields.flatMap((field) => {
    if (!('name' in field)) return []
    const path = `${prefix}${field.name}`
    const value = inLocale(field, doc[field.name], locale)
    if (value === undefined || value === null) return []
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const values = Array.isArray(value) ? value : [value]
      // A localized relationship read in every locale is an object of locales.
      const flat =
        !locale && field.localized && !Array.isArray(value) && typeof value === 'object' && !('id' in (value as Doc))
          ? Object.values(value as Doc).flat()
          : values
      return flat
        .map(idOf)
        .filter((id): id is string => Boolean(id))
        .map((id) => ({ path, relationTo: field.relationTo as string, id }))
    }
    // A localized array read in every locale is an object of locales too.
    const rows =
      field.type === 'array' &&
      !locale &&
      field.localized &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
        ? Object.values(value as Doc).flat()
        : value
    if (field.type === 'array' && Array.isArray(rows))
      return rows.flatMap((row) => relationsOf(field.flattenedFields, row as Doc, locale, `${path}.`))
    if ((field.type === 'group' || field.type === 'tab') && typeof value === 'object')
      return relationsOf(field.flattenedFields, value as Doc, locale, `${path}.`)
    return []
  })
}

/** `|a|b|`: tokens a `contains` filter matches exactly, never as a prefix of another. */
export const tokens = (values: Iterable<string>): string => {
  const unique = [...new Set(values)].sort()
  return unique.length ? `|${unique.join('|')}|` : ''
}

/**
 * The filter and sort columns of one document's snapshot in one locale, from the document read
 * with `locale: 'all'`: one read gives every locale's columns (five reads did, one per locale).
 */
export function columnsOf(fields: FlattenedField[], all: Doc, locale: string): Record<string, unknown> {
  const byName = new Map(fields.flatMap((field) => ('name' in field ? [[field.name, field] as const] : [])))
  const value = (name: string) => {
    const field = byName.get(name)
    return (field ? inLocale(field, all[name], locale) : all[name]) ?? null
  }
  const columns: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(DATE_COLUMNS))
    if (byName.has(field) || field === 'createdAt' || field === 'updatedAt') columns[column] = value(field)
  for (const field of TEXT_COLUMNS) if (byName.has(field)) columns[field] = value(field)
  columns.refs = tokens(relationsOf(fields, all, locale).map(({ path, id }) => `${path}:${id}`))
  return columns
}
