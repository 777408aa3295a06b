import type { Payload } from 'payload'

import { JOB_LEASE_MS, releaseAbandonedJobs, stopJobs } from '@/jobs/lifecycle'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

const processing = async (payload: Payload) =>
  (
    await payload.db.find<{ id: number | string }>({
      collection: 'payload-jobs',
      where: { processing: { equals: true } },
      limit: 0,
      pagination: false,
    })
  ).docs.map((job) => String(job.id))

/**
 * Jobs outlive the process that runs them. Payload's runner never takes a job marked as
 * processing again, so a process that stops under a run must let it end first, and a job left so
 * by a process that died is released once it is past the lease.
 */
describe('the jobs queue across a stop', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await startPayload()
  })
  afterAll(() => stopPayload(payload))

  it('releases jobs past the lease, and leaves alone those a live runner holds', async () => {
    const queue = async () =>
      (await payload.jobs.queue({
        task: 'renderSnapshots' as never,
        input: { keys: [] } as never,
        overrideAccess: true,
      })) as { id: number | string }
    const [abandoned, held] = [await queue(), await queue()]
    const old = new Date(Date.now() - JOB_LEASE_MS - 60_000).toISOString()
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: abandoned.id,
      data: { processing: true, updatedAt: old },
    })
    await payload.db.updateOne({ collection: 'payload-jobs', id: held.id, data: { processing: true } })
    expect(await processing(payload)).toEqual(expect.arrayContaining([String(abandoned.id), String(held.id)]))

    expect(await releaseAbandonedJobs(payload)).toBe(1)
    expect(await processing(payload)).toEqual([String(held.id)])
    // What is released runs: Payload's runner takes it like any waiting job.
    await payload.jobs.run({ queue: 'default', limit: 10 })
    expect(await payload.db.findOne({ collection: 'payload-jobs', where: { id: { equals: abandoned.id } } })).toBeNull()
    await payload.db.deleteOne({ collection: 'payload-jobs', where: { id: { equals: held.id } } })
  })

  it('a stop waits for the renders a publish started, and nothing is left processing', async () => {
    const editor = await createUser(payload, 'editor')
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Published just before the stop',
        startDate: '2031-05-01T09:00:00.000Z',
        endDate: '2031-05-01T17:00:00.000Z',
        timezone: 'Asia/Dushanbe',
        attendanceMode: 'offline',
        status: 'scheduled',
        eventType: 'conference',
        _status: 'published',
      },
      user: editor,
      overrideAccess: false,
    })
    // The write's renders start once it has committed, on the next turn of the loop.
    for (let turn = 0; turn < 3 && !(await processing(payload)).length; turn += 1)
      await new Promise((resolve) => setImmediate(resolve))
    expect(await stopJobs(payload)).toBe(true)
    expect(await processing(payload)).toEqual([])
    const { docs: rows } = await payload.db.find<{ stale?: boolean }>({
      collection: 'public-snapshots',
      where: { and: [{ collection: { equals: 'events' } }, { document: { equals: String(event.id) } }] },
      limit: 0,
      pagination: false,
    })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((row) => row.stale)).toEqual([])
  })
})
