import type { Payload } from 'payload'

import { createUser, startPayload, stopPayload } from '../helpers/payload'
import { until } from '../helpers/wait'

describe('scheduled publishing', () => {
  let payload: Payload

  beforeAll(async () => {
    process.env.JOBS_CRON = '* * * * * *'
    payload = await startPayload({ cron: true })
  })
  afterAll(() => stopPayload(payload))

  it('publishes a draft at the time set, through the running jobs queue, and unpublishes it later', async () => {
    const editor = await createUser(payload, 'admin')
    const draft = await payload.create({
      collection: 'press-releases',
      data: { title: 'Scheduled release', releaseDate: '2026-06-01T00:00:00.000Z', _status: 'draft' },
      user: editor,
      overrideAccess: false,
    })
    const publicCount = () =>
      payload.count({ collection: 'press-releases', overrideAccess: false, where: { id: { equals: draft.id } } })
    const schedule = (type: 'publish' | 'unpublish', inMs: number) =>
      // What the admin panel's "Schedule publish" drawer queues.
      payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type,
          doc: { relationTo: 'press-releases', value: draft.id },
          user: { relationTo: 'users', value: editor.id },
        },
        waitUntil: new Date(Date.now() + inMs),
      })

    await schedule('publish', 2000)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect((await publicCount()).totalDocs).toBe(0)
    await until(async () => (await publicCount()).totalDocs === 1, 'the scheduled publish', 10_000)

    await schedule('unpublish', 1000)
    await until(async () => (await publicCount()).totalDocs === 0, 'the scheduled unpublish', 10_000)
  })
})
