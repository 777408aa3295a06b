import type { Field } from 'payload'

type Data = Record<string, unknown>

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** One comparable form per value: ids for populated relationships, instants for dates, null for "empty". */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length ? value.map(normalise) : null
  if (typeof value === 'object') {
    const record = value as Data
    if ('relationTo' in record && 'value' in record)
      return `${String(record.relationTo)}:${String(normalise(record.value))}`
    if ('id' in record) return String(record.id)
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, normalise(inner)]))
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const time = Date.parse(value)
    return Number.isNaN(time) ? value : new Date(time).toISOString()
  }
  return String(value)
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))

const asData = (value: unknown): Data =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {}

/**
 * The paths of the non-localized fields that `data` would change in `original`: what a translator
 * may not touch. Fields absent from `data` are not being written and are ignored; localized fields
 * (and everything inside a localized group or array) are theirs to change. Adding, removing or
 * reordering rows of a non-localized array is a change of the array itself.
 */
export function nonLocalizedChanges(fields: Field[], data: Data, original: Data, prefix = ''): string[] {
  const changes: string[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.localized || !(tab.name in data)) continue
          changes.push(
            ...nonLocalizedChanges(
              tab.fields,
              asData(data[tab.name]),
              asData(original[tab.name]),
              `${prefix}${tab.name}.`,
            ),
          )
        } else {
          changes.push(...nonLocalizedChanges(tab.fields, data, original, prefix))
        }
      }
      continue
    }
    if (!('name' in field)) {
      if ('fields' in field) changes.push(...nonLocalizedChanges(field.fields, data, original, prefix))
      continue
    }
    const { name } = field
    // Virtual fields (openGraph) are computed on read and never stored: a copy of a read sends them back.
    if (
      field.type === 'join' ||
      field.type === 'ui' ||
      ('virtual' in field && field.virtual) ||
      !(name in data) ||
      ('localized' in field && field.localized)
    )
      continue
    const path = `${prefix}${name}`
    if (field.type === 'group') {
      changes.push(...nonLocalizedChanges(field.fields, asData(data[name]), asData(original[name]), `${path}.`))
    } else if (field.type === 'array') {
      const rows = Array.isArray(data[name]) ? (data[name] as Data[]) : []
      const originalRows = Array.isArray(original[name]) ? (original[name] as Data[]) : []
      const rowIds = (list: Data[]) => list.map((row, index) => String(row?.id ?? `#${index}`))
      if (rowIds(rows).join() !== rowIds(originalRows).join()) {
        changes.push(path)
        continue
      }
      rows.forEach((row, index) => {
        changes.push(
          ...nonLocalizedChanges(field.fields, asData(row), asData(originalRows[index]), `${path}.${index}.`),
        )
      })
    } else if (!same(data[name], original[name])) {
      changes.push(path)
    }
  }
  return changes
}
