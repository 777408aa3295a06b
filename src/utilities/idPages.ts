import type { CollectionSlug, Payload } from 'payload'

/**
 * The ids of every document of a collection, 100 to a page, drafts and hidden ones included,
 * for a first fill (the read model's, the search index's) that then reads each one as the public
 * would. Reached at start-up only, never from a request, and it yields ids (`select: {}`), so
 * reading past access here hands no field to anyone (tests/int/first-fill.int.spec.ts).
 */
export async function* idPages(payload: Payload, collection: string): AsyncGenerator<(number | string)[]> {
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: collection as CollectionSlug,
      depth: 0,
      limit: 100,
      page,
      overrideAccess: true,
      select: {},
    })
    yield docs.map((doc) => doc.id)
    if (!hasNextPage) return
  }
}
