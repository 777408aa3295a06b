import { type Config, type Field, type FieldHook, type PayloadRequest, ValidationError } from 'payload'

import { mapLeafFields } from '@/utilities/mapFields'

type Reference = { relationTo: string; id: number | string }

/** The documents a relationship value points at, whatever its shape (ids, populated docs, polymorphic pairs). */
export function referencesOf(value: unknown, relationTo: string | string[]): Reference[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]
  return list.flatMap((item): Reference[] => {
    if (item === null || item === undefined || item === '') return []
    if (typeof item === 'object' && 'relationTo' in item && 'value' in item) {
      const inner = (item as { value: unknown }).value
      const id = typeof inner === 'object' && inner ? (inner as { id: number | string }).id : (inner as number | string)
      return [{ relationTo: String((item as { relationTo: unknown }).relationTo), id }]
    }
    const id = typeof item === 'object' ? (item as { id: number | string }).id : (item as number | string)
    return typeof relationTo === 'string' ? [{ relationTo, id }] : []
  })
}

async function missing(req: PayloadRequest, references: Reference[], overrideAccess: boolean): Promise<Reference[]> {
  const byCollection = new Map<string, Set<string>>()
  for (const { relationTo, id } of references)
    byCollection.set(relationTo, (byCollection.get(relationTo) ?? new Set()).add(String(id)))
  const absent: Reference[] = []
  for (const [collection, ids] of byCollection) {
    const { docs } = await req.payload
      .find({
        collection: collection as 'events',
        where: { id: { in: [...ids] } },
        depth: 0,
        limit: ids.size,
        pagination: false,
        // Drafts count: an editor may link a draft; what the requester may not read does not.
        draft: true,
        overrideAccess,
        user: req.user,
        req,
        select: {},
      })
      // A collection the writer may not read at all: every link into it is refused.
      .catch((error: unknown) => {
        if ((error as { status?: number }).status === 403) return { docs: [] as { id: number | string }[] }
        throw error
      })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const id of ids) if (!found.has(id)) absent.push({ relationTo: collection, id })
  }
  return absent
}

/**
 * A relationship to a document that does not exist (or that the writer may not read) is a 400
 * naming the field, for drafts too, instead of a foreign-key failure (500) in SQL or a dangling id in MongoDB.
 */
const checkReferences =
  (relationTo: string | string[]): FieldHook =>
  async ({
    value,
    path,
    req,
    collection,
    field,
    previousSiblingDoc,
    operation,
    data,
    siblingData,
    originalDoc,
    overrideAccess,
  }) => {
    // A value the writer may not set is discarded by Payload; nothing to check (the audit fields).
    const access = operation === 'create' || operation === 'update' ? field.access?.[operation] : undefined
    if (access && !(await access({ req, data, siblingData, doc: originalDoc, id: originalDoc?.id }))) return value
    // Only what this write adds: links already stored (an author the writer may not read) stay as they are.
    const stored = new Set(
      referencesOf(previousSiblingDoc?.[(field as { name: string }).name], relationTo).map(
        (ref) => `${ref.relationTo}:${ref.id}`,
      ),
    )
    const references = referencesOf(value, relationTo).filter((ref) => !stored.has(`${ref.relationTo}:${ref.id}`))
    if (!references.length) return value
    const absent = await missing(req, references, Boolean(overrideAccess) || !req.user)
    if (absent.length) {
      const list = absent.map(({ relationTo: slug, id }) => `${slug} ${id}`).join(', ')
      throw new ValidationError(
        {
          collection: collection?.slug,
          errors: [
            {
              path: path.join('.'),
              message: `This links to something that does not exist or that you may not use: ${list}.`,
            },
          ],
        },
        req.t,
      )
    }
    return value
  }

const withCheck = (field: Field): Field =>
  field.type === 'relationship' || field.type === 'upload'
    ? ({
        ...field,
        hooks: {
          ...field.hooks,
          beforeValidate: [...(field.hooks?.beforeValidate ?? []), checkReferences(field.relationTo)],
        },
      } as Field)
    : field

/** Adds the check to every relationship and upload field of every collection. */
export const relationshipChecksPlugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    fields: mapLeafFields(collection.fields, withCheck),
  })),
})
