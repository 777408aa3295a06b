import { buildVersionCollectionFields, type FlattenedField, type Payload } from 'payload'

export type IdKind = 'number' | 'objectId' | 'text'

/**
 * The kind of id a collection's documents have: numbers on SQL databases, ObjectIds on MongoDB,
 * unless the collection declares its own `id` field. Versions always have the database's kind.
 */
export function idKindOf(payload: Payload, collection: string, { versions = false } = {}): IdKind {
  const custom = versions ? undefined : payload.collections[collection as 'events']?.customIDType
  if (custom) return custom === 'number' ? 'number' : 'text'
  return payload.db.defaultIDType === 'number' ? 'number' : payload.db.name === 'mongoose' ? 'objectId' : 'text'
}

const validId: Record<IdKind, (value: string) => boolean> = {
  number: (value) => /^\d{1,15}$/.test(value),
  objectId: (value) => /^[0-9a-f]{24}$/i.test(value),
  text: (value) => value.length > 0 && value.length <= 1000 && !/[\u0000-\u001f]/.test(value),
}

export const isValidId = (kind: IdKind, value: string): boolean => validId[kind](value)

export const describedId: Record<IdKind, string> = {
  number: 'a document id (a whole number)',
  objectId: 'a document id (24 hexadecimal characters)',
  text: 'a document id (a non-empty text)',
}

const versionFields = new WeakMap<object, FlattenedField[]>()

/** The fields a route queries: a collection's own, or those of its versions (`parent`, `version.title`, `latest`…). */
export function fieldsOf(
  payload: Payload,
  collection: string,
  { versions = false } = {},
): FlattenedField[] | undefined {
  const config = payload.collections[collection as 'events']?.config
  if (!config) return undefined
  if (!versions) return config.flattenedFields
  if (!config.versions) return undefined
  let fields = versionFields.get(config)
  if (!fields) {
    fields = buildVersionCollectionFields(payload.config, config, true)
    versionFields.set(config, fields)
  }
  return fields
}
