import type { CollectionSlug, Payload, Where } from 'payload'

import { defaultLocale, localeCodes } from '@/i18n/localization'
import { answerFromStore, storeQueryOf } from '@/plugins/readModel'
import { NOT_COMPILED } from '@/plugins/readModel/sqlite'
import { fastStoreOf, isReady } from '@/plugins/readModel/store'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

/**
 * Differential test of the published read model: random writes of every kind, then random public
 * queries, each answered by the store and by Payload's own read as the public. Every answer the
 * store gives must equal Payload's, once parsed; where the store cannot answer, Payload does.
 */
let seed = 20261201
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const int = (max: number) => Math.floor(random() * max)

const STORED = ['events', 'press-releases', 'speakers', 'organisations', 'projects', 'donor-notices'] as const
const day = (offset: number) => new Date(Date.UTC(2030, 0, 1) + offset * 86_400_000).toISOString()
// Dates on a coarse grid, so that queries often name exactly a stored date: the bounds of a range must be right.
const someOffset = () => (int(40) - 20) * 10

describe('the read model answers as Payload does', () => {
  let payload: Payload
  let editor: Awaited<ReturnType<typeof createUser>>
  // Ids as the adapter makes them: numbers on SQLite, strings on MongoDB.
  const ids: Record<string, any[]> = Object.fromEntries(STORED.map((slug) => [slug, []]))
  const answered = { store: 0, payload: 0, sql: 0 }

  const as = () => ({ user: editor, overrideAccess: false as const })
  const runJobs = async () => {
    for (let round = 0; round < 20; round += 1) {
      const { noJobsRemaining } = (await payload.jobs.run({ queue: 'default', limit: 200 })) as {
        noJobsRemaining?: boolean
      }
      if (noJobsRemaining) break
    }
  }

  beforeAll(async () => {
    payload = await startPayload()
    editor = await createUser(payload, 'editor')
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const states = await Promise.all(STORED.map((slug) => isReady(payload, slug)))
      if (states.every(Boolean)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })
  afterAll(() => stopPayload(payload))

  const writes: (() => Promise<unknown>)[] = [
    async () => {
      const doc = await payload.create({
        collection: 'organisations',
        data: { name: `Org ${int(1e6)}`, organisationType: 'ngo' },
        ...as(),
      })
      ids.organisations.push(doc.id)
    },
    async () => {
      const visibility = pick(['public', 'public', 'internal'] as const)
      const doc = await payload.create({
        collection: 'speakers',
        data: {
          name: `Speaker ${int(1e6)}`,
          visibility,
          consent: { given: random() > 0.2 },
          organisation: ids.organisations.length ? pick(ids.organisations) : undefined,
        },
        ...as(),
      })
      ids.speakers.push(doc.id)
    },
    async () => {
      const doc = await payload.create({
        collection: 'projects',
        data: {
          title: `Project ${int(1e6)}`,
          _status: pick(['draft', 'published'] as const),
          coordinator: ids.speakers.length ? pick(ids.speakers) : undefined,
        },
        ...as(),
      })
      ids.projects.push(doc.id)
    },
    async () => {
      const start = someOffset()
      const speakers = ids.speakers.length
        ? [...new Set([pick(ids.speakers), pick(ids.speakers)])].map((speaker) => ({
            speaker,
            role: 'speaker' as const,
          }))
        : []
      const doc = await payload.create({
        collection: 'events',
        data: {
          title: `Event ${int(1e6)}`,
          startDate: day(start),
          endDate: day(start + 1),
          timezone: 'Asia/Dushanbe',
          attendanceMode: 'offline',
          status: pick(['scheduled', 'cancelled', 'postponed'] as const),
          eventType: pick(['conference', 'workshop'] as const),
          speakers,
          organisations: ids.organisations.length ? [{ organisation: pick(ids.organisations), role: 'organiser' }] : [],
          project: ids.projects.length && random() > 0.5 ? pick(ids.projects) : undefined,
          _status: pick(['draft', 'published', 'published'] as const),
        },
        ...as(),
      })
      ids.events.push(doc.id)
    },
    async () => {
      const embargo = random() > 0.7 ? { embargoUntil: random() > 0.5 ? day(3000) : day(-3000) } : {}
      const doc = await payload.create({
        collection: 'press-releases',
        data: {
          title: `Release ${int(1e6)}`,
          releaseDate: day(someOffset()),
          events: ids.events.length ? [pick(ids.events)] : [],
          quotes: ids.speakers.length ? [{ speaker: pick(ids.speakers), text: 'A quote' }] : [],
          _status: pick(['draft', 'published', 'published'] as const),
          ...embargo,
        },
        ...as(),
      })
      ids['press-releases'].push(doc.id)
    },
    // Publish, unpublish, change while published, translate, autosave a draft.
    async () => {
      const collection = pick(['events', 'press-releases', 'projects'] as const)
      if (!ids[collection].length) return
      const id = pick(ids[collection])
      const action = int(5)
      const locale = pick(localeCodes)
      if (action === 0) return payload.update({ collection, id, data: { _status: 'published' }, locale, ...as() })
      if (action === 1) return payload.update({ collection, id, data: { _status: 'draft' }, ...as() })
      if (action === 2)
        return payload.update({ collection, id, data: { title: `Changed ${int(1e6)}` }, locale, ...as() })
      if (action === 3)
        return payload.update({
          collection,
          id,
          data: { title: `Autosaved ${int(1e6)}` },
          draft: true,
          autosave: true,
          locale,
          ...as(),
        } as never)
      return payload.update({ collection, id, data: { title: `Draft ${int(1e6)}` }, draft: true, locale, ...as() })
    },
    async () => {
      if (!ids.events.length) return
      const start = someOffset()
      return payload.update({
        collection: 'events',
        id: pick(ids.events),
        data: { startDate: day(start), endDate: day(start + 2) },
        ...as(),
      })
    },
    // Embargo set and lifted.
    async () => {
      if (!ids['press-releases'].length) return
      const embargoUntil = random() > 0.5 ? day(3000) : day(-1)
      return payload.update({
        collection: 'press-releases',
        id: pick(ids['press-releases']),
        data: { embargoUntil },
        ...as(),
      })
    },
    // A speaker made internal, made public again, a consent withdrawn, renamed.
    async () => {
      if (!ids.speakers.length) return
      const id = pick(ids.speakers)
      const change = pick([
        { visibility: 'internal' },
        { visibility: 'public' },
        { consent: { given: false } },
        { consent: { given: true } },
        { name: `Renamed ${int(1e6)}` },
      ])
      return payload.update({ collection: 'speakers', id, data: change as never, ...as() })
    },
    async () => {
      if (!ids.organisations.length) return
      return payload.update({
        collection: 'organisations',
        id: pick(ids.organisations),
        data: { name: `Org renamed ${int(1e6)}` },
        locale: pick(localeCodes),
        ...as(),
      })
    },
    async () => {
      const collection = pick(['events', 'press-releases', 'speakers', 'organisations'] as const)
      if (ids[collection].length < 4) return
      const id = ids[collection].splice(int(ids[collection].length), 1)[0]
      return payload.delete({ collection, id, ...as() }).catch(() => undefined)
    },
  ]

  const randomWhere = (collection: string): Record<string, unknown> | undefined => {
    const choices: (() => Record<string, unknown>)[] = [
      () => ({ startDate: { greater_than_equal: day(someOffset()) } }),
      () => ({ startDate: { [pick(['greater_than', 'less_than_equal', 'equals'])]: day(someOffset()) } }),
      // Both bounds on the sort column: the store answers these from its sort keys in memory.
      () => ({
        and: [
          { startDate: { greater_than: day(someOffset()) } },
          { startDate: { less_than_equal: day(someOffset() + 60) } },
        ],
      }),
      () => ({ startDate: { less_than: day(someOffset()) }, status: { equals: pick(['scheduled', 'cancelled']) } }),
      () => ({ or: [{ eventType: { equals: 'workshop' } }, { endDate: { greater_than: day(int(100)) } }] }),
      () => ({
        'organisations.organisation': { equals: String(ids.organisations.length ? pick(ids.organisations) : 1) },
      }),
      () => ({ project: { equals: String(ids.projects.length ? pick(ids.projects) : 1) } }),
      () => ({ id: { in: ids.events.slice(0, 5).join(',') } }),
    ]
    const releases: (() => Record<string, unknown>)[] = [
      () => ({ releaseDate: { [pick(['greater_than_equal', 'less_than'])]: day(someOffset()) } }),
      () => ({ events: { equals: String(ids.events.length ? pick(ids.events) : 1) } }),
      () => ({ id: { in: ids['press-releases'].slice(0, 6).join(',') } }),
    ]
    if (random() < 0.3) return undefined
    if (collection === 'events') return pick(choices)()
    if (collection === 'press-releases') return pick(releases)()
    return random() > 0.5 ? { id: { in: (ids[collection] ?? []).slice(0, 4).join(',') || '1' } } : undefined
  }

  const randomQuery = () => {
    const collection = pick(STORED)
    const query: Record<string, unknown> = {}
    if (random() > 0.3) query.locale = pick(localeCodes)
    if (random() > 0.3) query.depth = String(int(2))
    if (random() < 0.25 && ids[collection].length) return { collection, id: String(pick(ids[collection])), query }
    const where = randomWhere(collection)
    if (where) query.where = where
    const sorts: Record<string, string[]> = {
      events: ['startDate', '-startDate', '-endDate'],
      'press-releases': ['-releaseDate', 'releaseDate'],
    }
    if (random() > 0.4) query.sort = pick([...(sorts[collection] ?? []), '-createdAt', 'createdAt', 'updatedAt'])
    if (random() > 0.3) query.limit = String(1 + int(8))
    if (random() > 0.6) query.page = String(1 + int(3))
    return { collection, query }
  }

  const payloadAnswer = async (collection: string, id: string | undefined, query: Record<string, unknown>) => {
    const common = {
      collection: collection as CollectionSlug,
      depth: query.depth === undefined ? 1 : Number(query.depth),
      locale: (query.locale ?? defaultLocale) as 'en',
      overrideAccess: false,
    }
    if (id !== undefined)
      return payload.findByID({ ...common, id }).then(
        (doc) => doc as unknown,
        () => undefined,
      )
    return payload.find({
      ...common,
      where: query.where as Where | undefined,
      sort: query.sort as string | undefined,
      limit: query.limit === undefined ? 10 : Number(query.limit),
      page: query.page === undefined ? 1 : Number(query.page),
    })
  }

  const compare = async (label: string, count: number) => {
    for (let index = 0; index < count; index += 1) {
      const { collection, id, query } = randomQuery()
      await compareOne(label, collection, id, query)
    }
  }

  const compareOne = async (
    label: string,
    collection: string,
    id: string | undefined,
    query: Record<string, unknown>,
  ) => {
    {
      const fields = payload.collections[collection as CollectionSlug].config.flattenedFields
      const plan = storeQueryOf(collection, id, query, { fields, defaultLocale, hidden: ['speakers'] })
      const embargoed = fields.some((field) => 'name' in field && field.name === 'embargoUntil')
      const fromStore = plan
        ? (await answerFromStore(payload, plan.query, plan.relations, embargoed))?.body.toString()
        : undefined
      const expected = JSON.parse(JSON.stringify((await payloadAnswer(collection, id, query)) ?? null))
      if (fromStore === undefined) {
        answered.payload += 1
        return
      }
      answered.store += 1
      // On a difference, say which query it was: the diff below shows only the lines that differ.
      if (JSON.stringify(JSON.parse(fromStore)) !== JSON.stringify(expected))
        console.error(JSON.stringify({ label, collection, id, query }))
      expect({ label, collection, id, query, answer: JSON.parse(fromStore) }).toEqual({
        label,
        collection,
        id,
        query,
        answer: expected,
      })
      // The SQL written for SQLite, asked on its own: it must give the same answer, or step aside.
      const fast = fastStoreOf(payload)
      const bySql =
        fast && plan && !plan.relations.length
          ? await fast.answer(plan.query, embargoed, new Date().toISOString())
          : NOT_COMPILED
      if (bySql !== NOT_COMPILED && bySql !== undefined) {
        answered.sql += 1
        expect({ label, collection, id, query, sql: JSON.parse(bySql.body.toString()) }).toEqual({
          label,
          collection,
          id,
          query,
          sql: expected,
        })
      }
    }
  }

  it('a write that fails in an afterChange hook never leaves the store answering other than Payload', async () => {
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Before the failed write',
        startDate: day(10),
        endDate: day(11),
        timezone: 'UTC',
        attendanceMode: 'online',
        eventType: 'seminar',
        status: 'scheduled',
        _status: 'published',
      },
      ...as(),
    })
    await runJobs()
    // A hook that fails after the others have run, as a failing webhook queue or ledger would.
    const hooks = payload.collections.events.config.hooks.afterChange
    hooks.unshift(({ context }) => {
      if (context.failAfterChange) throw new Error('a planned failure after the write')
      return undefined
    })
    try {
      for (const data of [{ title: 'After the failed write' }, { _status: 'draft' as const }]) {
        await expect(
          payload.update({ collection: 'events', id: event.id, data, context: { failAfterChange: true }, ...as() }),
        ).rejects.toThrow('a planned failure')
        for (const query of [{ depth: '0' }, { depth: '1', locale: 'ru' }]) {
          const fields = payload.collections.events.config.flattenedFields
          for (const id of [String(event.id), undefined]) {
            const plan = storeQueryOf('events', id, query, { fields, defaultLocale, hidden: ['speakers'] })!
            const fromStore = (await answerFromStore(payload, plan.query, plan.relations, false))?.body.toString()
            const expected = JSON.parse(JSON.stringify((await payloadAnswer('events', id, query)) ?? null))
            if (fromStore !== undefined) expect(JSON.parse(fromStore)).toEqual(expected)
          }
        }
      }
    } finally {
      hooks.shift()
    }
  })

  it('after every batch of random writes, ≥ 500 public queries in all, while rendering is pending and after', async () => {
    for (let batch = 0; batch < 12; batch += 1) {
      for (let index = 0; index < 20; index += 1) {
        // A refused write (a link to a document deleted since) must leave the store as it was: the comparisons check it.
        await pick(writes)().catch((error: { status?: number }) => {
          if (![400, 403, 404].includes(error.status ?? 0)) throw error
        })
      }
      // Before the renders run: stale rows must make the store step aside, never answer the old state.
      await compare(`batch ${batch}, renders pending`, 15)
      await runJobs()
      await compare(`batch ${batch}, rendered`, 35)
    }
    // The bounds of ranges, on dates as stored: each operator on exactly the date of a stored document.
    for (const collection of ['events', 'press-releases'] as const) {
      const field = collection === 'events' ? 'startDate' : 'releaseDate'
      const { docs } = await payload.find({ collection, depth: 0, limit: 12, overrideAccess: false })
      for (const doc of docs as unknown as Record<string, string>[]) {
        for (const operator of ['equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']) {
          await compareOne('bounds', collection, undefined, {
            depth: '0',
            sort: field,
            where: { [field]: { [operator]: doc[field] } },
          })
        }
      }
    }
    expect(answered.store + answered.payload).toBeGreaterThanOrEqual(500)
    // The store answers most of them once rendered, or this test would prove nothing.
    expect(answered.store).toBeGreaterThan(200)
    // On SQLite the store's own SQL answers most of them (relationship filters are checked first, elsewhere).
    if (fastStoreOf(payload)) expect(answered.sql).toBeGreaterThan(150)
    process.stdout.write(
      `read model: ${answered.store} answers from the store (${answered.sql} by its SQL), ${answered.payload} left to Payload\n`,
    )
  })
})
