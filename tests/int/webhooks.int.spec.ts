import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'

import { verifyWebhook } from '@/plugins/webhooks/signature'

import { createUser, startPayload, stopPayload } from '../helpers/payload'
import { until } from '../helpers/wait'

type Received = { headers: http.IncomingHttpHeaders; body: string; at: number }

/** A real HTTP receiver on loopback that answers with the statuses given, then 204. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() })
      res.statusCode = statuses.shift() ?? 204
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describe('webhooks', () => {
  let payload: Payload
  const secret = 'a-shared-secret-of-enough-length'

  beforeAll(async () => {
    process.env.JOBS_CRON = '* * * * * *'
    process.env.WEBHOOK_BACKOFF_MS = '500'
    // The receiver listens on loopback, which webhooks refuse without this.
    process.env.WEBHOOK_ALLOW_PRIVATE = 'loopback'
    payload = await startPayload({ cron: true })
  })
  afterAll(async () => {
    await stopPayload(payload)
    delete process.env.WEBHOOK_ALLOW_PRIVATE
  })

  it('deliver a signed publish, retrying with backoff after a 500, and log every attempt', async () => {
    const admin = await createUser(payload, 'admin')
    const target = await receiver([500])
    const hook = await payload.create({
      collection: 'webhooks',
      data: {
        name: 'Frontend',
        url: target.url,
        secret,
        collections: ['events'],
        events: ['publish', 'unpublish', 'delete'],
        active: true,
      },
      user: admin,
      overrideAccess: false,
    })
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Hooked',
        startDate: '2030-01-01T00:00:00.000Z',
        endDate: '2030-01-01T01:00:00.000Z',
        timezone: 'UTC',
        eventType: 'seminar',
        status: 'scheduled',
        attendanceMode: 'online',
        _status: 'published',
      },
      user: admin,
      overrideAccess: false,
    })
    await until(() => target.received.length >= 2, 'two deliveries')
    const [first, second] = target.received
    expect(second.at - first.at).toBeGreaterThanOrEqual(400)
    for (const delivery of [first, second]) {
      const timestamp = Number(delivery.headers['x-pressroom-timestamp'])
      expect(verifyWebhook(secret, timestamp, delivery.body, String(delivery.headers['x-pressroom-signature']))).toBe(
        true,
      )
      expect(
        verifyWebhook(
          'wrong-secret-wrong-secret',
          timestamp,
          delivery.body,
          String(delivery.headers['x-pressroom-signature']),
        ),
      ).toBe(false)
      expect(delivery.headers['x-pressroom-event']).toBe('publish')
    }
    expect(JSON.parse(second.body)).toMatchObject({ event: 'publish', collection: 'events', id: event.id })
    // The same body on every attempt, so a receiver can deduplicate by delivery id.
    expect(second.body).toBe(first.body)

    await until(
      async () =>
        (await payload.find({ collection: 'webhook-deliveries', where: { status: { equals: 'delivered' } } }))
          .totalDocs === 1,
      'the delivery log',
    )
    const { docs } = await payload.find({
      collection: 'webhook-deliveries',
      where: { webhook: { equals: hook.id } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      event: 'publish',
      collection: 'events',
      status: 'delivered',
      statusCode: 204,
      attempts: 2,
      lastError: null,
    })
    await target.close()
  })

  it('stay silent for drafts, and announce unpublishing and deleting', async () => {
    const admin = await createUser(payload, 'editor')
    const target = await receiver()
    await payload.create({
      collection: 'webhooks',
      data: {
        name: 'Second',
        url: target.url,
        secret,
        collections: ['press-releases'],
        events: ['publish', 'unpublish', 'delete'],
        active: true,
      },
    })
    const release = await payload.create({
      collection: 'press-releases',
      data: { title: 'Draft only', releaseDate: '2026-01-01T00:00:00.000Z' },
      user: admin,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { title: 'Still a draft' },
      draft: true,
      user: admin,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { _status: 'published' },
      user: admin,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { _status: 'draft' },
      user: admin,
      overrideAccess: false,
    })
    await payload.delete({ collection: 'press-releases', id: release.id, user: admin, overrideAccess: false })
    await until(() => target.received.length >= 3, 'three deliveries')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(target.received.map((delivery) => JSON.parse(delivery.body).event).sort()).toEqual([
      'delete',
      'publish',
      'unpublish',
    ])
    await target.close()
  })

  it('are for admins only, and the delivery log cannot be written by anyone', async () => {
    const editor = await createUser(payload, 'editor')
    await expect(payload.find({ collection: 'webhooks', user: editor, overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
    const admin = await createUser(payload, 'admin')
    await expect(
      payload.create({
        collection: 'webhook-deliveries',
        data: {
          webhook: 1,
          event: 'publish',
          collection: 'events',
          documentId: '1',
          body: {},
          status: 'delivered',
          attempts: 1,
        },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
