import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Config,
  PayloadRequest,
  Plugin,
} from 'payload'

import { withHooks } from '@/utilities/withHooks'

import { webhookEvent, type WebhookEventName } from './event'

export { WebhookDeliveries, Webhooks } from './collections'
export { deliverWebhook } from './deliverWebhook'

const DRAFT_SAVE = 'webhooksDraftSave'

/** Remembers whether this write saves a draft; afterChange cannot tell otherwise. */
const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'create' || operation === 'update') args.req.context[DRAFT_SAVE] = Boolean(args.draft)
  return args
}

/** Logs one delivery per matching webhook and queues it; runs inside the write's transaction. */
async function queueDeliveries(
  req: PayloadRequest,
  collection: string,
  event: WebhookEventName,
  doc: { id: number | string; updatedAt?: string },
) {
  if (req.context.seed) return
  const { docs: hooks } = await req.payload.find({
    collection: 'webhooks',
    where: {
      and: [{ active: { equals: true } }, { collections: { contains: collection } }, { events: { contains: event } }],
    },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
  })
  for (const hook of hooks) {
    // Ids and times only: the receiver reads the document through the public API, with its own access.
    const body = {
      event,
      collection,
      id: doc.id,
      updatedAt: doc.updatedAt ?? new Date().toISOString(),
      locale: req.locale ?? null,
    }
    const delivery = await req.payload.create({
      collection: 'webhook-deliveries',
      data: { webhook: hook.id, event, collection, documentId: String(doc.id), body, status: 'pending', attempts: 0 },
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ task: 'deliverWebhook', input: { delivery: String(delivery.id) }, req })
  }
}

const onChange =
  (versioned: boolean): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    const event = webhookEvent({
      operation,
      versioned,
      draftSave: Boolean(req.context[DRAFT_SAVE]),
      status: doc?._status,
      previousStatus: previousDoc?._status,
    })
    if (event) await queueDeliveries(req, collection.slug, event, doc)
    return doc
  }

const onDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await queueDeliveries(req, collection.slug, 'delete', doc)
  return doc
}

/** A webhook subscribes to the collections listed here: the public ones, whose changes a frontend shows. */
const withCollectionOptions = (collection: CollectionConfig, collections: string[]): CollectionConfig => ({
  ...collection,
  fields: collection.fields.map((field) =>
    field.type === 'select' && field.name === 'collections' ? { ...field, options: collections } : field,
  ),
})

/** Signed webhooks for the collections listed: publish, unpublish, update and delete, through the jobs queue. */
export const webhooksPlugin =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      if (collection.slug === 'webhooks') return withCollectionOptions(collection, collections)
      if (!collections.includes(collection.slug)) return collection
      const versioned = Boolean(
        collection.versions && typeof collection.versions === 'object' && collection.versions.drafts,
      )
      return withHooks(collection, {
        beforeOperation: [noteDraftSave],
        afterChange: [onChange(versioned)],
        afterDelete: [onDelete],
      })
    }),
  })
