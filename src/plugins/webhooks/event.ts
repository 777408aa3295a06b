export type WebhookEventName = 'publish' | 'unpublish' | 'update' | 'delete'
export const webhookEvents: WebhookEventName[] = ['publish', 'unpublish', 'update', 'delete']

type Change = {
  operation: 'create' | 'update' | 'delete'
  versioned: boolean
  /** The write saved a draft (`draft: true`): nothing public changed. */
  draftSave: boolean
  status?: string | null
  previousStatus?: string | null
}

/** What a write means to the outside world, or undefined when nothing public changed. */
export function webhookEvent({
  operation,
  versioned,
  draftSave,
  status,
  previousStatus,
}: Change): WebhookEventName | undefined {
  if (operation === 'delete') return 'delete'
  if (!versioned) return 'update'
  if (draftSave) return undefined
  if (status === 'published') return 'publish'
  if (status === 'draft' && previousStatus === 'published') return 'unpublish'
  return undefined
}
