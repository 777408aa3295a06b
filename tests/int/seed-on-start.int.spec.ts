import type { Payload } from 'payload'

import { seedOnFirstStart } from '@/seed'

import { startPayload, stopPayload } from '../helpers/payload'
import { type RunningServer, startServer } from '../helpers/server'

const eventCount = async (server: RunningServer) => {
  const response = await fetch(`${server.url}/api/events?limit=1&depth=0`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

describe('demo content at start in production', () => {
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')))
  })

  it('is not loaded into an empty database unless asked for', async () => {
    const server = await startServer({ SEED_ON_START: '' })
    servers.push(server)
    expect(await eventCount(server)).toBe(0)
    expect(server.output()).not.toContain('Loaded the demo content')
  })

  it('is loaded with SEED_ON_START=true', async () => {
    const server = await startServer({ SEED_ON_START: 'true' })
    servers.push(server)
    expect(await eventCount(server)).toBe(1)
    expect(server.output()).toContain('Loaded the demo content')
  })

  it('stops the start, in one line, on a value that is neither true nor false', async () => {
    await expect(startServer({ SEED_ON_START: 'yes' })).rejects.toThrow(
      /\[pressroom\] SEED_ON_START must be "true" or "false", got "yes"/,
    )
  })
})

describe('demo content at start outside production (npm run dev)', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await startPayload()
    // startPayload turns the seed off for every other test; here the default is the point.
    delete process.env.SEED_ON_START
  })
  afterAll(() => stopPayload(payload))

  it('is loaded by default, once', async () => {
    expect(process.env.NODE_ENV).not.toBe('production')
    await seedOnFirstStart(payload)
    const first = await payload.count({ collection: 'press-releases', overrideAccess: true })
    expect((await payload.count({ collection: 'events', overrideAccess: true })).totalDocs).toBe(1)
    expect(first.totalDocs).toBeGreaterThan(0)
    await seedOnFirstStart(payload)
    expect((await payload.count({ collection: 'press-releases', overrideAccess: true })).totalDocs).toBe(
      first.totalDocs,
    )
  })
})
