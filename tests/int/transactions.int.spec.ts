import type { Payload } from 'payload'

import { defaultLocale } from '@/i18n/localization'
import { answerFromStore, storeQueryOf } from '@/plugins/readModel'
import { isReady } from '@/plugins/readModel/store'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Client = { execute: (sql: string) => Promise<unknown> }

const sqlite = !process.env.TEST_DATABASE_URI
const onSqlite = sqlite ? describe : describe.skip

/**
 * Writes run in database transactions on SQLite too: one that fails after the document is written
 * (here in the read model's afterChange hook, when the jobs queue refuses the render it queues)
 * leaves neither the document, its versions nor its snapshot changed. Concurrent writes in one
 * process queue for the write lock rather than failing with "database is locked".
 */
onSqlite('writes in transactions on SQLite', () => {
  let payload: Payload
  let editor: Awaited<ReturnType<typeof createUser>>
  const client = () => (payload.db as unknown as { client: Client }).client
  const as = () => ({ user: editor, overrideAccess: false as const })
  const runJobs = async () => {
    for (let round = 0; round < 20; round += 1) {
      const { noJobsRemaining } = (await payload.jobs.run({ queue: 'default', limit: 100 })) as {
        noJobsRemaining?: boolean
      }
      if (noJobsRemaining) break
    }
  }
  const storedTitle = async (id: number) => {
    const fields = payload.collections.events.config.flattenedFields
    const plan = storeQueryOf('events', String(id), {}, { fields, defaultLocale, hidden: ['speakers'] })!
    const answer = await answerFromStore(payload, plan.query, plan.relations, false)
    return answer && (JSON.parse(answer.body.toString()) as { title: string }).title
  }
  const createEvent = (title: string) =>
    payload.create({
      collection: 'events',
      data: {
        title,
        startDate: '2031-05-31T03:00:00.000Z',
        endDate: '2031-06-02T12:00:00.000Z',
        timezone: 'Asia/Dushanbe',
        eventType: 'conference',
        status: 'scheduled',
        attendanceMode: 'offline',
        venue: { name: 'Hotel Tajikistan' },
        _status: 'published',
      },
      ...as(),
    })

  beforeAll(async () => {
    payload = await startPayload()
    editor = await createUser(payload, 'editor')
    for (let attempt = 0; attempt < 100 && !(await isReady(payload, 'events')); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 100))
  })
  afterAll(async () => {
    await client()?.execute('DROP TRIGGER IF EXISTS refuse_renders')
    await stopPayload(payload)
  })

  it('rolls back a write that fails in an afterChange hook: document, versions and snapshot unchanged', async () => {
    const event = await createEvent('Regional conference')
    await runJobs()
    expect(await storedTitle(event.id)).toBe('Regional conference')
    const versionsBefore = (
      await payload.countVersions({ collection: 'events', where: { parent: { equals: event.id } } })
    ).totalDocs

    // The render queued at the end of the afterChange hook (the one without a wait) is refused.
    await client().execute(
      `CREATE TRIGGER refuse_renders BEFORE INSERT ON payload_jobs WHEN NEW.task_slug = 'renderSnapshots' AND NEW.wait_until IS NULL BEGIN SELECT RAISE(ABORT, 'the queue refuses renders'); END`,
    )
    const failed = await payload
      .update({ collection: 'events', id: event.id, data: { title: 'Renamed conference' }, ...as() })
      .then(
        () => undefined,
        (error: unknown) => error,
      )
    await client().execute('DROP TRIGGER refuse_renders')
    expect(String(failed)).toMatch(/insert into "payload_jobs"/)

    const stored = await payload.findByID({ collection: 'events', id: event.id, depth: 0, draft: true, ...as() })
    expect(stored.title).toBe('Regional conference')
    expect(
      (await payload.countVersions({ collection: 'events', where: { parent: { equals: event.id } } })).totalDocs,
    ).toBe(versionsBefore)
    // Not only unchanged but current: a stale mark made in the failed write went with it.
    expect(await storedTitle(event.id)).toBe('Regional conference')

    await payload.update({ collection: 'events', id: event.id, data: { title: 'Renamed conference' }, ...as() })
    await runJobs()
    expect(await storedTitle(event.id)).toBe('Renamed conference')
  })

  it('queues concurrent writes in one process instead of failing them with "database is locked"', async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => createEvent(`Session ${index}`)))
    expect(
      results
        .filter((result) => result.status === 'rejected')
        .map((result) => String((result as PromiseRejectedResult).reason)),
    ).toEqual([])
    const { totalDocs } = await payload.count({ collection: 'events', where: { title: { like: 'Session' } }, ...as() })
    expect(totalDocs).toBe(12)
  })
})
