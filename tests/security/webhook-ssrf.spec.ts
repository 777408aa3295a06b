import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { privateAllowance, type Resolve, webhookDns } from '@/plugins/webhooks/target/resolve'

import { createUser, startPayload, stopPayload } from '../helpers/payload'
import { until } from '../helpers/wait'

/**
 * Issue 15, class 5: an admin pointed webhooks at loopback (and the cloud metadata address) and
 * delivery reached a listener there. Every listener here is on this machine, so every request it
 * receives from a refused hook is the bug.
 */

type Listener = { port: number; received: string[]; close: () => Promise<unknown> }

/** A listener on every loopback address (dual stack where the machine has IPv6). */
async function listener(
  answer: (res: http.ServerResponse) => void = (res) => res.writeHead(204).end(),
): Promise<Listener> {
  const received: string[] = []
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`)
    req.resume().on('end', () => answer(res))
  })
  await new Promise<void>((resolve) => {
    // Without IPv6 the IPv6 spellings below simply find nothing; the IPv4 ones still prove the rule.
    server.once('error', () => server.listen(0, '0.0.0.0', resolve))
    server.listen(0, '::', resolve)
  })
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

const hookData = (url: string) => ({
  name: `Hook ${url}`,
  url,
  secret: 'a-shared-secret-of-enough-length',
  collections: ['events' as const],
  events: ['publish' as const],
  active: true,
})

describe('webhook SSRF', () => {
  let payload: Payload
  let admin: User & { collection: 'users' }
  const systemResolve = webhookDns.resolve

  beforeAll(async () => {
    process.env.JOBS_CRON = '* * * * * *'
    // One attempt per test: the retry comes long after the file has finished.
    process.env.WEBHOOK_BACKOFF_MS = '600000'
    delete process.env.WEBHOOK_ALLOW_PRIVATE
    payload = await startPayload({ cron: true })
    admin = await createUser(payload, 'admin')
  })
  afterAll(() => stopPayload(payload))

  afterEach(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE
    webhookDns.resolve = systemResolve
    // Switching hooks off leaves their URLs as they were, which even a refused URL allows.
    await payload.update({
      collection: 'webhooks',
      where: { active: { equals: true } },
      data: { active: false },
      user: admin,
      overrideAccess: false,
    })
  })

  /** A webhook as rows written before the address rules were: straight into the database. */
  const storeLegacyHook = (url: string) =>
    payload.db.create({ collection: 'webhooks', data: hookData(url) }) as Promise<{ id: number | string }>

  let published = 0
  const publishEvent = () =>
    payload.create({
      collection: 'events',
      data: {
        title: `Hooked ${++published}`,
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

  /** The delivery log of one hook once its first attempt is over. */
  async function attempted(hookId: number | string) {
    const find = () =>
      payload.find({
        collection: 'webhook-deliveries',
        where: { webhook: { equals: hookId } },
        depth: 0,
        overrideAccess: true,
      })
    await until(async () => ((await find()).docs[0]?.attempts ?? 0) >= 1, `a delivery attempt for hook ${hookId}`)
    return (await find()).docs
  }

  const dnsAnswering =
    (answers: Record<string, string | (() => string)>): Resolve =>
    async (host) => {
      const answer = answers[host]
      if (!answer) return systemResolve(host)
      const address = typeof answer === 'function' ? answer() : answer
      return [{ address, family: address.includes(':') ? 6 : 4 }]
    }

  it.each([
    'http://127.0.0.1:3000/hook',
    'http://2130706433:3000/',
    'http://0x7f.0.0.1/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0/',
    'http://0.0.0.0:3000/',
    'http://localhost:3000/',
    'http://LOCALHOST./',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd00:ec2::254]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://example.com@127.0.0.1/',
    'http://user:password@hooks.example.org/',
    'gopher://hooks.example.org/',
  ])('refuse to save a hook to %s: a 400 naming url', async (url) => {
    const before = await payload.count({ collection: 'webhooks', overrideAccess: true })
    const saving = payload.create({ collection: 'webhooks', data: hookData(url), user: admin, overrideAccess: false })
    await expect(saving).rejects.toMatchObject({
      name: 'ValidationError',
      status: 400,
      data: { errors: [{ path: 'url', message: expect.stringContaining(url) }] },
    })
    expect(await payload.count({ collection: 'webhooks', overrideAccess: true })).toEqual(before)
  })

  it('refuse to save a name whose DNS answer is refused, and to move a hook there', async () => {
    webhookDns.resolve = dnsAnswering({ 'rebind.pressroom.test': '127.0.0.1', 'hooks.pressroom.test': '93.184.215.14' })
    await expect(
      payload.create({
        collection: 'webhooks',
        data: hookData('https://rebind.pressroom.test/hook'),
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'url',
            message: expect.stringContaining('rebind.pressroom.test resolves to 127.0.0.1 is a loopback address'),
          },
        ],
      },
    })
    const hook = await payload.create({
      collection: 'webhooks',
      data: hookData('https://hooks.pressroom.test/hook'),
      user: admin,
      overrideAccess: false,
    })
    await expect(
      payload.update({
        collection: 'webhooks',
        id: hook.id,
        data: { url: 'http://169.254.169.254/' },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'url', message: expect.stringContaining('cloud metadata') }] },
    })
  })

  it('do not deliver hooks stored before the rule to loopback, whatever the spelling, and record why', async () => {
    const target = await listener()
    const spellings = [
      `http://127.0.0.1:${target.port}/hook`,
      `http://2130706433:${target.port}/hook`,
      `http://0x7f.0.0.1:${target.port}/hook`,
      `http://0.0.0.0:${target.port}/hook`,
      `http://[::1]:${target.port}/hook`,
      `http://[::ffff:127.0.0.1]:${target.port}/hook`,
    ]
    const hooks = await Promise.all(spellings.map(storeLegacyHook))
    await publishEvent()
    for (const hook of hooks) {
      const [delivery] = await attempted(hook.id)
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(
          /^WebhookTargetRefused: .*(loopback|unspecified).*webhooks may only reach public internet addresses/,
        ),
      })
      expect(delivery.statusCode ?? null).toBeNull()
    }
    expect(target.received).toEqual([])
    await target.close()
  })

  it('check names after DNS at delivery: a name answering loopback is refused, and a rebinding name gains nothing', async () => {
    const target = await listener()
    let asked = 0
    webhookDns.resolve = dnsAnswering({
      'receiver.pressroom.test': '127.0.0.1',
      // Public when the hook is saved, loopback by the time it is delivered.
      'rebinding.pressroom.test': () => (asked++ === 0 ? '93.184.215.14' : '127.0.0.1'),
    })
    const rebinding = await payload.create({
      collection: 'webhooks',
      data: hookData(`http://rebinding.pressroom.test:${target.port}/hook`),
      user: admin,
      overrideAccess: false,
    })
    const legacy = await storeLegacyHook(`http://receiver.pressroom.test:${target.port}/hook`)
    const local = await storeLegacyHook(`http://localhost:${target.port}/hook`)
    await publishEvent()
    expect((await attempted(rebinding.id))[0]).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('rebinding.pressroom.test resolves to 127.0.0.1'),
    })
    expect((await attempted(legacy.id))[0]).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('receiver.pressroom.test resolves to 127.0.0.1'),
    })
    expect((await attempted(local.id))[0]).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('internal host (localhost)'),
    })
    expect(target.received).toEqual([])
    await target.close()
  })

  it('connect to the address that was checked: a name only the checked lookup knows is delivered when loopback is allowed', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'loopback'
    const target = await listener()
    // The .test TLD never resolves on the internet, so delivery can only use this answer.
    webhookDns.resolve = dnsAnswering({ 'receiver.pressroom.test': '127.0.0.1' })
    const hook = await payload.create({
      collection: 'webhooks',
      data: hookData(`http://receiver.pressroom.test:${target.port}/hook`),
      user: admin,
      overrideAccess: false,
    })
    await publishEvent()
    expect((await attempted(hook.id))[0]).toMatchObject({ status: 'delivered', statusCode: 204 })
    expect(target.received).toEqual(['POST /hook'])
    await target.close()
  })

  it('do not follow a redirect, to a refused address or even to an allowed one, and record it as a failure', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'loopback'
    const inside = await listener()
    const redirects = {
      allowed: `http://127.0.0.1:${inside.port}/followed`,
      refused: `http://0.0.0.0:${inside.port}/followed`,
    }
    const receivers = await Promise.all(
      Object.values(redirects).map((location) => listener((res) => res.writeHead(307, { location }).end())),
    )
    // The redirect target on its own is a working receiver, so a followed redirect would show there.
    const direct = await payload.create({
      collection: 'webhooks',
      data: hookData(`http://127.0.0.1:${inside.port}/direct`),
      user: admin,
      overrideAccess: false,
    })
    const hooks = await Promise.all(
      receivers.map(({ port }) =>
        payload.create({
          collection: 'webhooks',
          data: hookData(`http://127.0.0.1:${port}/hook`),
          user: admin,
          overrideAccess: false,
        }),
      ),
    )
    await publishEvent()
    expect((await attempted(direct.id))[0]).toMatchObject({ status: 'delivered' })
    for (const [index, location] of Object.values(redirects).entries()) {
      expect((await attempted(hooks[index].id))[0]).toMatchObject({
        status: 'failed',
        statusCode: 307,
        lastError: expect.stringContaining(`a redirect to ${location}; redirects are not followed`),
      })
      expect(receivers[index].received).toEqual(['POST /hook'])
    }
    expect(inside.received).toEqual(['POST /direct'])
    await Promise.all([inside, ...receivers].map((server) => server.close()))
  })

  it('ignore WEBHOOK_ALLOW_PRIVATE in production', () => {
    expect(privateAllowance({ WEBHOOK_ALLOW_PRIVATE: 'loopback', NODE_ENV: 'production' })).toBe('none')
  })
})
