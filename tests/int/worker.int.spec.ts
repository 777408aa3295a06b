import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { TEST_SECRET } from '../helpers/payload'
import { PASSWORD, type RestClient, restClient, staffClients } from '../helpers/rest'
import { type RunningServer, type RunningWorker, startServer, startWorker } from '../helpers/server'
import { until } from '../helpers/wait'

/**
 * Two app instances that serve HTTP only (JOBS_AUTORUN=false) and one `npm run worker`, on one
 * SQLite database in WAL mode, as behind a load balancer. The test process opens the database too,
 * for what only the admin's server actions do (queueing a scheduled publish) and to register the
 * loopback webhook receiver, which production refuses; the worker runs outside production for the
 * same reason (it checks the address again at delivery), and, being the worker, pushes no schema.
 */
describe('two app instances and a worker on one database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-worker-'))
  const shared = {
    SEED_ON_START: 'false',
    DATABASE_URI: `file:${path.join(dir, 'shared.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    JOBS_AUTORUN: 'false',
    JOBS_CRON: '* * * * * *',
  }
  let first: RunningServer
  let second: RunningServer
  let worker: RunningWorker
  let payload: Payload
  let editor: RestClient
  let admin: RestClient
  const received: { body: string; at: number }[] = []
  let receiver: http.Server

  beforeAll(async () => {
    // The first applies the migrations to the new database; the others find it ready.
    first = await startServer(shared)
    ;[second, worker] = await Promise.all([
      startServer(shared),
      startWorker({ ...shared, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE: 'loopback', WEBHOOK_BACKOFF_MS: '200' }),
    ])
    receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        received.push({ body, at: Date.now() })
        res.statusCode = 204
        res.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))

    // Production while the config is read and the database opened (migrations, no schema push), as the servers do.
    const env = process.env as Record<string, string>
    Object.assign(env, {
      ...shared,
      PAYLOAD_SECRET: TEST_SECRET,
      WEBHOOK_ALLOW_PRIVATE: 'loopback',
      NODE_ENV: 'production',
    })
    try {
      const { getPayload } = await import('payload')
      const { default: config } = await import('@payload-config')
      payload = await getPayload({ config, cron: false })
    } finally {
      env.NODE_ENV = 'test'
    }
    // After the slow import above: a keep-alive connection idle through it would have been closed by the server.
    ;({ editor, admin } = await staffClients(first))
  })
  afterAll(async () => {
    fs.writeFileSync(path.join(dir, 'first.log'), first?.output() ?? '')
    fs.writeFileSync(path.join(dir, 'second.log'), second?.output() ?? '')
    fs.writeFileSync(path.join(dir, 'worker.log'), worker?.output() ?? '')
    await payload?.destroy()
    await Promise.all([first?.stop('SIGKILL'), second?.stop('SIGKILL'), worker?.stop('SIGTERM')])
    await new Promise((resolve) => receiver?.close(resolve))
  })

  const adminUser = async () => ({
    ...(
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'admin@pressroom.test' } },
        overrideAccess: true,
      })
    ).docs[0],
    collection: 'users' as const,
  })

  it('a write through one instance is read through the other at once, and the worker renders it into the store', async () => {
    const created = await editor.post('/api/events?depth=0', {
      title: 'Written on the first',
      startDate: '2031-03-01T05:00:00.000Z',
      endDate: '2031-03-01T06:00:00.000Z',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const reader = restClient(second)
    const read = await reader.get(`/api/events/${created.body.doc.id}?depth=0`)
    expect([read.status, read.body.title]).toEqual([200, 'Written on the first'])
    // The apps do not render: until the worker has, Payload answers; then the store does.
    await until(
      async () =>
        (await reader.get(`/api/events/${created.body.doc.id}?depth=0&probe=${Date.now()}`)).headers.get(
          'x-pressroom-source',
        ) === 'store',
      'the worker’s render',
    )
    expect(
      (await editor.patch(`/api/events/${created.body.doc.id}?depth=0`, { title: 'Renamed on the first' })).status,
    ).toBe(200)
    expect((await reader.get(`/api/events/${created.body.doc.id}?depth=0`)).body.title).toBe('Renamed on the first')
  })

  it('runs a scheduled publish exactly once, on the worker, and delivers its webhook once', async () => {
    const user = await adminUser()
    await payload.create({
      collection: 'webhooks',
      data: {
        name: 'Receiver',
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        secret: 'a-shared-secret-of-enough-length',
        collections: ['events'],
        events: ['publish'],
        active: true,
      },
      user,
      overrideAccess: false,
    })
    const draft = await editor.post('/api/events?depth=0', {
      title: 'Scheduled on the worker',
      startDate: '2031-04-01T05:00:00.000Z',
      endDate: '2031-04-01T06:00:00.000Z',
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    // What the admin panel's "Schedule publish" drawer queues, in whichever instance served it.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'events', value: id },
        user: { relationTo: 'users', value: user.id },
      } as never,
      waitUntil: new Date(Date.now() + 1500),
    })
    await until(
      async () => (await restClient(second).get(`/api/events/${id}?depth=0&probe=${Date.now()}`)).status === 200,
      'the scheduled publish',
      30_000,
    )
    await until(() => received.length >= 1, 'the webhook', 20_000)
    // Long enough for a second poll of any process to have run it again.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(received.map((delivery) => JSON.parse(delivery.body))).toEqual([
      expect.objectContaining({ event: 'publish', collection: 'events', id }),
    ])
    const versions = await admin.get(
      `/api/events/versions?depth=0&limit=50&where[parent][equals]=${id}&where[version._status][equals]=published`,
    )
    expect(versions.body.totalDocs).toBe(1)
    const deliveries = await payload.find({
      collection: 'webhook-deliveries',
      where: { documentId: { equals: String(id) } },
      overrideAccess: true,
      depth: 0,
    })
    expect(deliveries.docs.map((delivery) => [delivery.status, delivery.attempts])).toEqual([['delivered', 1]])
    expect(worker.output()).not.toMatch(/"level":50|ERROR/)
  })

  it('counts login attempts across both instances, and refuses on both once the limit is spent', async () => {
    const attempt = (server: RunningServer) =>
      restClient(server).post('/api/users/login', { email: 'nobody@pressroom.test', password: 'wrong password' })
    const remaining = (reply: { headers: Headers }) => Number(/r=(\d+)/.exec(reply.headers.get('ratelimit') ?? '')?.[1])
    const start = remaining(await attempt(first))
    expect(start).toBeGreaterThan(2)
    expect(remaining(await attempt(second))).toBe(start - 1)
    expect(remaining(await attempt(first))).toBe(start - 2)
    for (let left = start - 2; left > 0; left -= 1) await attempt(left % 2 ? first : second)
    for (const server of [first, second]) {
      const refused = await attempt(server)
      expect(refused.status).toBe(429)
      // The right password too: it is the address that is refused, on every instance.
      expect(
        (await restClient(server).post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD }))
          .status,
      ).toBe(429)
    }
  })
})
