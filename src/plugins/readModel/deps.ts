import type { PayloadRequest, Where } from 'payload'

import { SNAPSHOT_DEPS } from './collection'
import { fastWritesOf } from './store'

const ofDocument = (collection: string, document: string): Where => ({
  and: [{ collection: { equals: collection } }, { document: { equals: document } }],
})

/** Records the documents (`collection:id`) one stored document embeds, in place of what it embedded before. */
export async function replaceDeps(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  deps: string[],
): Promise<void> {
  const fast = await fastWritesOf(req, req.payload)
  if (fast) return fast.replaceDeps(collection, String(id), deps)
  await req.payload.db.deleteMany({ collection: SNAPSHOT_DEPS, where: ofDocument(collection, String(id)), req })
  for (const dep of deps)
    await req.payload.db.create({ collection: SNAPSHOT_DEPS, data: { dep, collection, document: String(id) }, req })
}

/** The stored documents whose answers embed `key` (`collection:id`): one index lookup. */
export async function dependentsOf(
  req: PayloadRequest,
  key: string,
): Promise<{ collection: string; document: string }[]> {
  const fast = await fastWritesOf(req, req.payload)
  if (fast) return fast.dependentsOf(key)
  const { docs } = await req.payload.db.find<{ collection: string; document: string }>({
    collection: SNAPSHOT_DEPS,
    where: { dep: { equals: key } },
    limit: 0,
    pagination: false,
    req,
    select: { collection: true, document: true },
  })
  return docs
}
