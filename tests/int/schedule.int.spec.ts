import type { Payload } from 'payload'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

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
    const publicCount = () => payload.count({ collection: 'press-releases', overrideAccess: false, where: { id: { equals: draft.id } } })
    const schedule = (type: 'publish' | 'unpublish', inMs: number) =>
      // What the admin panel's "Schedule publish" drawer queues.
      payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'press-releases', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
        waitUntil: new Date(Date.now() + inMs),
      })

    await schedule('publish', 2000)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect((await publicCount()).totalDocs).toBe(0)
    expect(await waitFor(async () => (await publicCount()).totalDocs === 1, 10_000)).toBe(true)

    await schedule('unpublish', 1000)
    expect(await waitFor(async () => (await publicCount()).totalDocs === 0, 10_000)).toBe(true)
  })
})
