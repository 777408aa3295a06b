import { buildWorld, leakedIn, type Principal, principals, secretsFor, type World } from './world'

/**
 * Class 1: every access operation of every collection, Payload's own included, decided for every
 * principal, over REST and GraphQL. (Create, read, drafts, update, publish and delete of the
 * content collections are the matrix of tests/int/access-rest.int.spec.ts; this file covers what
 * it does not: version history, Payload's internal collections, jobs, unlock and the admin panel.)
 */
const versioned = ['events', 'press-releases', 'projects', 'donor-notices']
const unversioned = [
  'speakers',
  'organisations',
  'media',
  'preview-links',
  'users',
  'api-keys',
  'webhooks',
  'webhook-deliveries',
  'translation-records',
]
const internal = ['payload-locked-documents', 'payload-preferences', 'payload-jobs', 'rate-limit-hits']
const staff: Principal[] = ['translator', 'editor', 'admin']
const outsiders: Principal[] = ['anonymous', 'frontend-key', 'preview-key']

/** Who may list each staff-only collection (and see documents in it). */
const listers: Record<string, Principal[]> = {
  // Staff read their own account; only admins anyone else's (tests/int/access-rest.int.spec.ts).
  users: staff,
  'api-keys': ['admin'],
  webhooks: ['admin'],
  'webhook-deliveries': ['admin'],
  'preview-links': ['editor', 'admin'],
  'translation-records': staff,
  'payload-locked-documents': staff,
  'payload-jobs': [],
  // The login limit's counters (client addresses): server-side only, admins included.
  'rate-limit-hits': [],
}

const refused = (status: number) => status === 401 || status === 403 || status === 404 || status === 405

describe('access: every operation, every collection, every principal', () => {
  let world: World
  beforeAll(async () => {
    world = await buildWorld()
    // Something in each internal collection: a lock (an editor opens a document), a preference, a job.
    const editor = world.clients.editor
    await editor.post('/api/payload-locked-documents', {
      document: { relationTo: 'events', value: world.ids.draftEvent },
      globalSlug: null,
      user: { relationTo: 'users', value: 2 },
    })
    await editor.post('/api/payload-preferences/nav', { value: { open: true } })
    await world.clients.admin.post('/api/webhooks', {
      name: 'Frontend',
      url: 'https://frontend.example.org/hook',
      collections: ['events'],
      events: ['publish'],
      active: false,
    })
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  describe('version history (readVersions) is for staff only', () => {
    for (const collection of versioned) {
      it.each(principals)(`${collection}: %s`, async (who) => {
        const reply = await world.clients[who].get(`/api/${collection}/versions?limit=100&depth=0`)
        if (staff.includes(who)) {
          expect(reply.status).toBe(200)
          if (collection !== 'donor-notices') expect(reply.body.docs.length).toBeGreaterThan(0)
        } else {
          expect(refused(reply.status)).toBe(true)
          expect(leakedIn(JSON.stringify(reply.body), secretsFor(who))).toEqual([])
        }
      })
    }

    it.each(principals)('one version by id, and counting versions: %s', async (who) => {
      const { body } = await world.clients.admin.get(
        `/api/events/versions?where[parent][equals]=${world.ids.draftEvent}&depth=0`,
      )
      const versionId = body.docs[0].id
      const one = await world.clients[who].get(`/api/events/versions/${versionId}?depth=0`)
      const counted = await world.clients[who].get('/api/events/versions/count')
      if (staff.includes(who)) {
        expect(one.status).toBe(200)
      } else {
        expect(refused(one.status)).toBe(true)
        expect(leakedIn(JSON.stringify(one.body) + JSON.stringify(counted.body), secretsFor(who))).toEqual([])
        expect(counted.body?.totalDocs ?? 0).toBe(0)
      }
    })

    it.each(principals)('GraphQL version queries: %s', async (who) => {
      const reply = await world.clients[who].graphql(
        '{ versionsEvents(limit: 50) { docs { id version { title } } } versionsPressReleases(limit: 50) { docs { id version { title } } } }',
      )
      const text = JSON.stringify(reply.body)
      if (staff.includes(who)) {
        expect(reply.body.data.versionsEvents.docs.length).toBeGreaterThan(0)
      } else {
        expect(reply.body.errors?.length).toBeGreaterThan(0)
        expect(reply.body.data?.versionsEvents ?? null).toBeNull()
        expect(leakedIn(text, secretsFor(who))).toEqual([])
      }
    })

    it.each(['speakers', 'organisations', 'media'])('%s keeps no versions anyone can list', async (collection) => {
      for (const who of principals)
        expect(refused((await world.clients[who].get(`/api/${collection}/versions`)).status)).toBe(true)
    })
  })

  describe("staff-only and Payload's own collections", () => {
    for (const collection of [
      ...unversioned.filter((slug) => slug in listers),
      ...internal.filter((slug) => slug in listers),
    ]) {
      it.each(principals)(`${collection} is listed only by its readers: %s`, async (who) => {
        const reply = await world.clients[who].get(`/api/${collection}?limit=100&depth=0`)
        if (listers[collection].includes(who)) {
          expect(reply.status).toBe(200)
        } else {
          expect(refused(reply.status) || (reply.status === 200 && reply.body.docs.length === 0)).toBe(true)
        }
        if (!staff.includes(who)) expect(leakedIn(JSON.stringify(reply.body), secretsFor(who))).toEqual([])
      })
    }

    it.each(principals)(
      'payload-locked-documents: nobody outside the staff creates, changes or deletes a lock: %s',
      async (who) => {
        const created = await world.clients[who].post('/api/payload-locked-documents', {
          document: { relationTo: 'events', value: world.ids.publishedEvent },
          user: { relationTo: 'users', value: 1 },
        })
        if (staff.includes(who)) return expect(created.status).toBeLessThan(300)
        expect(refused(created.status)).toBe(true)
        const { body } = await world.clients.admin.get('/api/payload-locked-documents?depth=0')
        const lock = body.docs[0]
        expect(
          refused(
            (await world.clients[who].patch(`/api/payload-locked-documents/${lock.id}`, { globalSlug: 'x' })).status,
          ),
        ).toBe(true)
        expect(refused((await world.clients[who].delete(`/api/payload-locked-documents/${lock.id}`)).status)).toBe(true)
        expect((await world.clients.admin.get(`/api/payload-locked-documents/${lock.id}`)).status).toBe(200)
      },
    )

    it.each(principals)('payload-preferences: only people keep preferences, and only their own: %s', async (who) => {
      const own = await world.clients[who].post('/api/payload-preferences/probe', { value: { who } })
      if (staff.includes(who)) expect(own.status).toBeLessThan(300)
      else expect(refused(own.status) || own.status === 400).toBe(true)
      const list = await world.clients[who].get('/api/payload-preferences?limit=100&depth=0')
      const docs: { key: string; value: unknown }[] = list.status === 200 ? list.body.docs : []
      // The editor's "nav" preference is the editor's alone.
      if (who !== 'editor') expect(docs.some((doc) => doc.key === 'nav')).toBe(false)
    })

    it.each(principals)(
      'rate-limit-hits: nobody reads, adds, changes or clears a login counter over HTTP: %s',
      async (who) => {
        const client = world.clients[who]
        const list = await client.get('/api/rate-limit-hits?limit=10&depth=0')
        expect(refused(list.status) || list.body.docs.length === 0).toBe(true)
        expect(refused((await client.post('/api/rate-limit-hits', { key: 'auth:127.0.0.1', at: 0 })).status)).toBe(true)
        expect(refused((await client.patch('/api/rate-limit-hits/1', { at: 0 })).status)).toBe(true)
        const cleared = await client.delete('/api/rate-limit-hits?where[key][like]=auth')
        expect(refused(cleared.status) || (cleared.status === 200 && cleared.body.docs.length === 0)).toBe(true)
      },
    )

    it.each(principals)('payload-jobs: jobs are run, queued or listed over HTTP by admins only: %s', async (who) => {
      const run = await world.clients[who].get('/api/payload-jobs/run?limit=1')
      const schedules = await world.clients[who].get('/api/payload-jobs/handle-schedules')
      const list = await world.clients[who].get('/api/payload-jobs?limit=10')
      const created = await world.clients[who].post('/api/payload-jobs', {
        taskSlug: 'deliverWebhook',
        input: { delivery: '1' },
      })
      if (who === 'admin') expect(run.status).toBe(200)
      else {
        expect(refused(run.status)).toBe(true)
        expect(refused(schedules.status)).toBe(true)
      }
      expect(refused(list.status) || list.body.docs.length === 0).toBe(true)
      expect(refused(created.status)).toBe(true)
    })

    it.each(principals)('payload-jobs and internal collections over GraphQL: %s', async (who) => {
      const reply = await world.clients[who].graphql(
        '{ PayloadLockedDocuments { docs { id } } PayloadPreferences { docs { id key } } }',
      )
      if (staff.includes(who)) return
      const data = reply.body.data ?? {}
      expect(data.PayloadLockedDocuments ?? null).toBeNull()
      expect(data.PayloadPreferences?.docs?.length ?? 0).toBe(0)
    })
  })

  describe('accounts: unlock and the admin panel', () => {
    it.each(principals)('unlocking an account is for admins: %s', async (who) => {
      const reply = await world.clients[who].post('/api/users/unlock', { email: 'translator@pressroom.test' })
      if (who === 'admin') expect(reply.status).toBe(200)
      else expect(refused(reply.status)).toBe(true)
    })

    it.each(principals)('who may enter the admin panel: %s', async (who) => {
      const { body } = await world.clients[who].get('/api/access')
      expect(Boolean(body?.canAccessAdmin)).toBe(staff.includes(who))
    })

    it.each(outsiders)('API keys and the public read no account, not even their own: %s', async (who) => {
      const me = await world.clients[who].get('/api/users/me')
      expect(me.body?.user ?? null).toBeNull()
      const list = await world.clients[who].get('/api/users?depth=0')
      expect(refused(list.status) || list.body.docs.length === 0).toBe(true)
      expect(leakedIn(JSON.stringify(list.body), [SECRET_STAFF])).toEqual([])
    })
  })
})

const SECRET_STAFF = 'STAFFNAME'
