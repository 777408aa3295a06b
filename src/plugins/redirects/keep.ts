import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { SlugMove } from '@/plugins/search/reindex'

import { REDIRECTS } from './collection'

const at = (collection: string, locale: string, from: string): Where => ({
  and: [{ collection: { equals: collection } }, { locale: { equals: locale } }, { from: { equals: from } }],
})

/**
 * After a document's public slugs changed, in the write's transaction: each old slug redirects to
 * the document (one redirect per old slug: the last document to leave it), and a slug it now
 * holds redirects nowhere, since the live document answers it.
 */
export async function keepRedirects(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  moves: SlugMove[],
): Promise<void> {
  const { payload } = req
  if (!moves.length || !payload.collections[REDIRECTS as CollectionSlug]) return
  for (const { locale, from, to } of moves) {
    await payload.db.deleteMany({
      collection: REDIRECTS,
      where: { or: [at(collection, locale, from), at(collection, locale, to)] },
      req,
    })
    const now = new Date().toISOString()
    await payload.db.create({
      collection: REDIRECTS,
      data: { collection, locale, from, document: String(id), createdAt: now, updatedAt: now },
      req,
    })
  }
}

/** A deleted document's redirects go with it. */
export const dropRedirects = (req: PayloadRequest, collection: string, id: number | string): Promise<unknown> =>
  req.payload.db.deleteMany({
    collection: REDIRECTS,
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
    req,
  })
