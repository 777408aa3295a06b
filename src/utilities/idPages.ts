import type { CollectionSlug, Payload } from 'payload'

/**
 * The ids of every document of a collection, 100 to a page, for a fill that then reads each one
 * as the public would. Ids only (`select: {}`), so reading past access here discloses nothing.
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

/** A turn for requests between documents: a first fill of thousands must not stall the server. */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
