import type { CollectionSlug, FlattenedField, PayloadRequest, SelectType } from 'payload'

import { syncedPublicCache } from '@/plugins/readModel/generation'
import { publicSlugs } from '@/policy/editorial'

import { nextEmbargoLift } from './embargo'
import { relationId } from './publicSpeakers'

const MEDIA = 'media'

const pointsAtMedia = (field: FlattenedField): boolean =>
  (field.type === 'upload' || field.type === 'relationship') && [field.relationTo].flat().includes(MEDIA)

/** A select of the fields that can hold a file: uploads, and rich text (which embeds uploads). */
export function fileSelect(fields: FlattenedField[]): SelectType | undefined {
  const select: SelectType = {}
  for (const field of fields) {
    if (pointsAtMedia(field) || field.type === 'richText' || field.type === 'blocks') select[field.name] = true
    else if ((field.type === 'array' || field.type === 'group' || field.type === 'tab') && 'flattenedFields' in field) {
      const inner = fileSelect(field.flattenedFields)
      if (inner) select[field.name] = inner
    }
  }
  return Object.keys(select).length ? select : undefined
}

/** The ids of files a Lexical state embeds as upload nodes. */
function richTextFiles(node: unknown, found: Set<string>): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) return node.forEach((child) => richTextFiles(child, found))
  const { type, relationTo, value, root, children, fields } = node as Record<string, unknown>
  if (type === 'upload' && relationTo === MEDIA) {
    const id = relationId(value)
    if (id) found.add(id)
  }
  for (const inner of [root, children, fields]) richTextFiles(inner, found)
}

/** The ids of files a document read with `locale: 'all'` refers to, in any locale. */
export function filesOf(
  fields: FlattenedField[],
  doc: Record<string, unknown> | undefined,
  found = new Set<string>(),
): Set<string> {
  if (!doc) return found
  for (const field of fields) {
    if (!('name' in field)) continue
    const stored = doc[field.name]
    const values =
      field.localized && stored && typeof stored === 'object' && !Array.isArray(stored) && !pointsAtMedia(field)
        ? Object.values(stored)
        : [stored]
    for (const value of values) {
      if (value === undefined || value === null) continue
      if (pointsAtMedia(field)) [value].flat().forEach((item) => relationId(item) && found.add(relationId(item)!))
      else if (field.type === 'richText' || field.type === 'blocks') richTextFiles(value, found)
      else if (field.type === 'array' && Array.isArray(value))
        value.forEach((row) => filesOf(field.flattenedFields, row as Record<string, unknown>, found))
      else if ((field.type === 'group' || field.type === 'tab') && typeof value === 'object')
        filesOf(field.flattenedFields, value as Record<string, unknown>, found)
    }
  }
  return found
}

export type Audience = 'public' | 'preview'

/**
 * The files that documents readable by this audience use: for the public, published and released
 * documents and public speakers; for preview keys, drafts and embargoed releases too. Each
 * collection is read with the audience's own access, so a hidden speaker's photo or an embargoed
 * release's image is not among them. Computed once per cache generation (until a write or an
 * embargo lifts).
 */
export async function mediaInUse(req: PayloadRequest, audience: Audience): Promise<Set<string>> {
  const { payload } = req
  const cache = await syncedPublicCache(payload)
  return cache.memo(`media in use: ${audience}`, async () => {
    if (!cache.expiryKnown) cache.setExpiry(await nextEmbargoLift(payload))
    const found = new Set<string>()
    const publicCollections = publicSlugs(payload.config.collections)
    for (const collection of payload.config.collections) {
      if (collection.slug === MEDIA || !publicCollections.includes(collection.slug)) continue
      const select = fileSelect(collection.flattenedFields)
      if (!select) continue
      const { docs } = await payload.find({
        collection: collection.slug as CollectionSlug,
        depth: 0,
        draft: audience === 'preview',
        locale: 'all',
        overrideAccess: false,
        pagination: false,
        select,
        // A fresh request as the audience: not the one asking, whose context or transaction must not leak in.
        user: audience === 'preview' ? req.user : null,
      })
      for (const doc of docs) filesOf(collection.flattenedFields, doc as unknown as Record<string, unknown>, found)
    }
    return found
  })
}
