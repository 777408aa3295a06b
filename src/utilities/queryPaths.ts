import type { FlattenedField, Where } from 'payload'

/** A relationship (or upload) a query path names, with what it points at. */
export type RelationStep = { path: string; relationTo: string | string[]; hasMany: boolean }

/**
 * What a `where` or `sort` path reaches in a collection's flattened fields:
 * - `relation`: the path ends at a relationship, so its values are ids of `relationTo`;
 * - `hop`: the path goes on through a relationship or join into another collection's fields;
 * - `rowOf`: the array whose rows the path reads, where those rows carry a single relationship
 *   to `speakers` (a hidden speaker's row is dropped from public output: its other cells too).
 */
export type PathReach = { relation?: RelationStep; hop: boolean; rowOf?: string; join?: boolean }

const isRelation = (field: FlattenedField): field is Extract<FlattenedField, { type: 'relationship' | 'upload' }> =>
  field.type === 'relationship' || field.type === 'upload'

/** An array each of whose rows names one speaker: the rows that hidePrivateSpeakers drops. */
const holdsSpeakerRows = (field: FlattenedField): boolean =>
  field.type === 'array' &&
  field.flattenedFields.some(
    (child) => isRelation(child) && !child.hasMany && [child.relationTo].flat().includes('speakers'),
  )

export function reachOf(fields: FlattenedField[], path: string): PathReach {
  // GraphQL spells `speakers.speaker` as `speakers__speaker`; Payload reads both.
  const parts = path.replace(/__/g, '.').split('.')
  let current = fields
  let rowOf: string | undefined
  for (let index = 0; index < parts.length; index += 1) {
    const field = current.find((candidate) => 'name' in candidate && candidate.name === parts[index])
    // A locale suffix, `value`/`relationTo` of a polymorphic pair, or an unknown name Payload refuses itself.
    if (!field) return { hop: false, rowOf }
    const here = parts.slice(0, index + 1).join('.')
    if (holdsSpeakerRows(field)) rowOf = here
    const last = index === parts.length - 1
    if (isRelation(field)) {
      const relation = { path: here, relationTo: field.relationTo, hasMany: Boolean(field.hasMany) }
      const rest = parts.slice(index + 1)
      // `speaker.id` is the id itself; `.value`/`.relationTo` address a polymorphic pair.
      const onlyTheId = rest.length === 0 || (rest.length === 1 && ['id', 'value', 'relationTo'].includes(rest[0]))
      return { relation, hop: !onlyTheId, rowOf }
    }
    if (field.type === 'join') return { hop: !last, rowOf, join: true }
    if (!('flattenedFields' in field)) return { hop: false, rowOf }
    current = field.flattenedFields
  }
  return { hop: false, rowOf }
}

/** One `path: { operator: value }` condition of a where query. */
export type Condition = { path: string; operator: string; value: unknown }

/**
 * Rebuilds a where query with each condition replaced by what `change` returns for it (a
 * condition, or a whole where), keeping its and/or structure.
 */
export async function mapConditions(
  where: Where,
  change: (condition: Condition) => Promise<Where> | Where,
): Promise<Where> {
  const parts: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      parts.push({ [key]: await Promise.all((value as Where[]).map((inner) => mapConditions(inner, change))) })
    } else if (value && typeof value === 'object') {
      for (const [operator, operand] of Object.entries(value as Record<string, unknown>))
        parts.push(await change({ path: key, operator, value: operand }))
    } else {
      parts.push({ [key]: value } as Where)
    }
  }
  return parts.length === 1 ? parts[0] : { and: parts }
}

/** Every condition of a where query, however nested. */
export function conditionsOf(where: Where | undefined): Condition[] {
  if (!where || typeof where !== 'object') return []
  return Object.entries(where).flatMap(([key, value]): Condition[] => {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) return (value as Where[]).flatMap(conditionsOf)
    if (!value || typeof value !== 'object') return []
    return Object.entries(value as Record<string, unknown>).map(([operator, operand]) => ({
      path: key,
      operator,
      value: operand,
    }))
  })
}

/** The fields a `sort` parameter names, without their direction. */
export const sortPaths = (sort: unknown): string[] =>
  [sort]
    .flat()
    .flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : []))
    .map((entry) => entry.trim().replace(/^-/, ''))
    .filter(Boolean)

/** The ids a relationship condition compares with, as strings (a list, a comma-separated string, or one). */
export const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value])
    .filter((id) => id !== null && id !== undefined && id !== '')
    .map((id) =>
      typeof id === 'object' && id && 'value' in id ? String((id as { value: unknown }).value) : String(id),
    )
