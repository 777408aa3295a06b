import type { TaskConfig } from 'payload'

import { wholeNumberFromEnv } from '@/env'

import { answerError, postWebhook } from './request'
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature'

export const DELIVERY_ATTEMPTS = 6
const TIMEOUT_MS = 10_000

/**
 * Sends one logged delivery. Anything but a 2xx answer throws, so the jobs queue retries it with
 * exponential backoff (1 s, 2 s, 4 s, …); every attempt is recorded on the delivery.
 */
export const deliverWebhook: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  retries: {
    attempts: DELIVERY_ATTEMPTS - 1,
    backoff: { type: 'exponential', delay: wholeNumberFromEnv(process.env, 'WEBHOOK_BACKOFF_MS', 1000, { min: 0 }) },
  },
  handler: async ({ input, req }) => {
    const { payload } = req
    const delivery = await payload.findByID({
      collection: 'webhook-deliveries',
      id: input.delivery,
      depth: 1,
      overrideAccess: true,
      req,
    })
    const webhook =
      typeof delivery.webhook === 'object'
        ? delivery.webhook
        : await payload.findByID({ collection: 'webhooks', id: delivery.webhook, overrideAccess: true, req })
    const body = JSON.stringify(delivery.body)
    const timestamp = Math.floor(Date.now() / 1000)
    const attempts = (delivery.attempts ?? 0) + 1
    let statusCode: number | undefined
    let error: string | undefined
    try {
      const answer = await postWebhook(webhook.url, {
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Pressroom-Webhooks/1',
          'x-pressroom-delivery': String(delivery.id),
          'x-pressroom-event': delivery.event,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, body),
        },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      statusCode = answer.status
      error = answerError(answer)
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
    }
    await payload.update({
      collection: 'webhook-deliveries',
      id: delivery.id,
      data: error
        ? { attempts, statusCode, lastError: error, status: 'failed' }
        : { attempts, statusCode, lastError: null, status: 'delivered', deliveredAt: new Date().toISOString() },
      overrideAccess: true,
      req,
    })
    if (error) throw new Error(error)
    return { output: {} }
  },
}
