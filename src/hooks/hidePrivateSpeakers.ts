import type { CollectionAfterReadHook } from 'payload'

import { publicSpeakerIds, relationId, seesAllSpeakers } from '@/utilities/publicSpeakers'

/**
 * Where a document refers to speakers:
 * - `{ array, field }`: rows of an array, each naming one speaker; a row naming a private one is dropped;
 * - `{ array, field, many: true }`: a list of speakers inside each row; private ones are removed from it;
 * - `{ field }`: one speaker at the top level; a private one becomes null.
 */
export type SpeakerReference = { array: string; field: string; many?: boolean } | { array?: undefined; field: string }

type Doc = Record<string, unknown>

export function removePrivateSpeakers<T extends Doc>(
  doc: T,
  references: SpeakerReference[],
  isPublic: (id: string) => boolean,
): T {
  const visible = (value: unknown) => {
    const id = relationId(value)
    return id === undefined || isPublic(id)
  }
  const result: Doc = { ...doc }
  for (const reference of references) {
    if (reference.array === undefined) {
      if (!visible(result[reference.field])) result[reference.field] = null
      continue
    }
    const rows = result[reference.array]
    if (!Array.isArray(rows)) continue
    const { field } = reference
    result[reference.array] =
      'many' in reference && reference.many
        ? rows.map((row: Doc) =>
            Array.isArray(row?.[field]) ? { ...row, [field]: (row[field] as unknown[]).filter(visible) } : row,
          )
        : rows.filter((row: Doc) => visible(row?.[field]))
  }
  return result as T
}

/** An afterRead hook that hides internal or non-consenting speakers from everyone but staff. */
export const hidePrivateSpeakers =
  (references: SpeakerReference[]): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    if (seesAllSpeakers(req)) return doc
    const ids = await publicSpeakerIds(req)
    return removePrivateSpeakers(doc, references, (id) => ids.has(id))
  }
