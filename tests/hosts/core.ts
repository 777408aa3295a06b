import crypto from 'node:crypto'

import { createLocalReq, type Endpoint, type Payload, type PayloadRequest } from 'payload'

/**
 * The core suite: what any host that installs Pressroom must get, run on the reference host and
 * on the blank-template host. Local API with real users of each role and a real database; the
 * Payload endpoints (feeds, translation status) are called with a request as Payload builds one.
 */

export type Host = {
  /** Boots the host's config on a throwaway database. */
  start: () => Promise<Payload>
  stop: (payload: Payload | undefined) => Promise<void>
  /** The host's default locale, the source of every translation, and one other. */
  source: string
  target: string
  /** Collections of the host's own, which must still be there beside Pressroom's. */
  hostCollections: string[]
}

type Role = 'admin' | 'editor' | 'translator'
type Person = Record<string, unknown> & { id: number | string; collection: 'users' }

const pressroomCollections = [
  'events',
  'speakers',
  'press-releases',
  'donor-notices',
  'organisations',
  'projects',
  'media',
  'preview-links',
  'api-keys',
  'webhooks',
  'translation-records',
]

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

export function describeCoreSuite(name: string, host: Host): void {
  describe(`Pressroom's core on ${name}`, () => {
    let payload: Payload
    // The generated types know the reference host's locales; the blank host has others.
    const source = host.source as 'en'
    const target = host.target as 'en'
    const people = {} as Record<Role, Person>

    const person = async (role: Role, extra: Record<string, unknown> = {}): Promise<Person> => {
      const user = await payload.create({
        collection: 'users',
        data: {
          email: `${role}-${crypto.randomBytes(3).toString('hex')}@host.test`,
          password: 'correct horse battery staple',
          roles: [role],
          name: role,
          ...extra,
        } as never,
        overrideAccess: true,
      })
      return { ...(user as unknown as Person), collection: 'users' }
    }

    /** Calls one of the config's root endpoints as Payload's REST handler would. */
    const callEndpoint = async (path: string, query: string, user?: Person): Promise<Response> => {
      const endpoint = payload.config.endpoints.find(
        (candidate: Endpoint) => candidate.path === path && candidate.method === 'get',
      )
      if (!endpoint) throw new Error(`No endpoint ${path}`)
      const req = await createLocalReq({ urlSuffix: `/api${path}${query}`, user: user as never }, payload)
      return endpoint.handler(req as PayloadRequest)
    }

    beforeAll(async () => {
      payload = await host.start()
      // The first account becomes an admin, whatever it asked for: there is nobody else to grant it.
      people.admin = await person('admin')
      people.editor = await person('editor')
      people.translator = await person('translator', { locales: [host.target] })
    })
    afterAll(() => host.stop(payload))

    it('has Pressroom’s collections beside the host’s own, and roles on the host’s users', () => {
      for (const slug of [...pressroomCollections, ...host.hostCollections])
        expect(payload.collections).toHaveProperty([slug])
      const userFields = payload.collections.users.config.fields.map((field) =>
        'name' in field ? field.name : undefined,
      )
      expect(userFields).toEqual(expect.arrayContaining(['roles', 'locales']))
      expect(people.admin.roles).toEqual(['admin'])
      // Translator locales are the host's.
      const locales = payload.collections.users.config.fields.find(
        (field) => 'name' in field && field.name === 'locales',
      ) as { options: unknown[] }
      expect(
        locales.options.map((option) => (typeof option === 'string' ? option : (option as { value: string }).value)),
      ).toEqual(expect.arrayContaining([host.source, host.target]))
    })

    it('decides access by role: the public reads published content only, editors write, translators translate', async () => {
      const event = {
        title: 'Regional conference',
        startDate: '2030-05-01T09:00:00.000Z',
        endDate: '2030-05-02T17:00:00.000Z',
      }
      await expect(
        payload.create({ collection: 'events', data: event as never, overrideAccess: false }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.create({
          collection: 'events',
          data: event as never,
          overrideAccess: false,
          user: people.translator as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
      const draft = await payload.create({
        collection: 'events',
        data: event as never,
        locale: source,
        overrideAccess: false,
        user: people.editor as never,
      })
      expect(draft._status).toBe('draft')
      expect(idOf(draft.createdBy)).toBe(people.editor.id)

      const publicCount = async () => (await payload.count({ collection: 'events', overrideAccess: false })).totalDocs
      expect(await publicCount()).toBe(0)
      await payload.update({
        collection: 'events',
        id: draft.id,
        data: { _status: 'published' } as never,
        locale: source,
        overrideAccess: false,
        user: people.editor as never,
      })
      expect(await publicCount()).toBe(1)

      // A translator saves a draft of their own locale, and nothing else.
      await payload.update({
        collection: 'events',
        id: draft.id,
        data: { title: 'Conférence régionale traduite' } as never,
        locale: target,
        overrideAccess: false,
        user: people.translator as never,
      })
      await expect(
        payload.update({
          collection: 'events',
          id: draft.id,
          data: { title: 'Changed source' } as never,
          locale: source,
          overrideAccess: false,
          user: people.translator as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.update({
          collection: 'events',
          id: draft.id,
          data: { expectedParticipants: 9 } as never,
          locale: target,
          overrideAccess: false,
          user: people.translator as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.update({
          collection: 'events',
          id: draft.id,
          data: { _status: 'published' } as never,
          locale: target,
          overrideAccess: false,
          user: people.translator as never,
        }),
      ).rejects.toMatchObject({ status: 403 })
      // The translator's text is a draft: the public still reads the source title in their locale.
      const asPublic = await payload.findByID({
        collection: 'events',
        id: draft.id,
        locale: target,
        overrideAccess: false,
      })
      expect(asPublic.title).not.toBe('Conférence régionale traduite')

      // A translator cannot make themselves an admin; they read the staff's names (for "last changed
      // by"), never another account's e-mail address.
      await expect(
        payload.update({
          collection: 'users',
          id: people.translator.id,
          data: { roles: ['admin'] } as never,
          overrideAccess: false,
          user: people.translator as never,
        }),
      ).resolves.toMatchObject({ roles: ['translator'] })
      const { docs: accounts } = await payload.find({
        collection: 'users',
        overrideAccess: false,
        user: people.translator as never,
        limit: 100,
      })
      expect(accounts.length).toBeGreaterThan(1)
      for (const account of accounts as { id: unknown; email?: string | null }[])
        if (account.id !== people.translator.id) expect(account.email ?? undefined).toBeUndefined()
      // Nobody outside the staff reads version history.
      await expect(payload.findVersions({ collection: 'events', overrideAccess: false })).rejects.toMatchObject({
        status: 403,
      })
    })

    it('keeps internal and non-consenting speakers out of every public read', async () => {
      const create = (data: Record<string, unknown>) =>
        payload.create({
          collection: 'speakers',
          data: data as never,
          locale: source,
          overrideAccess: false,
          user: people.editor as never,
        })
      const open = await create({ name: 'Public Speaker', visibility: 'public', consent: { given: true } })
      const internal = await create({ name: 'Internal Person', visibility: 'internal', consent: { given: true } })
      const noConsent = await create({ name: 'No Consent', visibility: 'public', consent: { given: false } })
      const names = (await payload.find({ collection: 'speakers', overrideAccess: false, depth: 0 })).docs.map(
        (doc) => doc.name,
      )
      expect(names).toEqual(['Public Speaker'])
      await expect(
        payload.findByID({ collection: 'speakers', id: internal.id, overrideAccess: false }),
      ).rejects.toMatchObject({ status: 404 })

      const event = await payload.create({
        collection: 'events',
        data: {
          title: 'Panel',
          startDate: '2030-06-01T09:00:00.000Z',
          endDate: '2030-06-01T17:00:00.000Z',
          speakers: [open, internal, noConsent].map((speaker) => ({ speaker: speaker.id, role: 'speaker' })),
          _status: 'published',
        } as never,
        locale: source,
        overrideAccess: false,
        user: people.editor as never,
      })
      const read = await payload.findByID({ collection: 'events', id: event.id, depth: 1, overrideAccess: false })
      expect(JSON.stringify(read)).not.toMatch(/Internal Person|No Consent/)
      expect(JSON.stringify(read)).toContain('Public Speaker')
    })

    it('hides a published press release until its embargo lifts, from reads and from the feeds', async () => {
      const release = (title: string, embargoUntil?: string) =>
        payload.create({
          collection: 'press-releases',
          data: { title, releaseDate: '2030-01-01T00:00:00.000Z', embargoUntil, _status: 'published' } as never,
          locale: source,
          overrideAccess: false,
          user: people.editor as never,
        })
      const embargoed = await release('Findings under embargo', new Date(Date.now() + 3_600_000).toISOString())
      await release('Findings released')
      const publicTitles = (
        await payload.find({ collection: 'press-releases', overrideAccess: false, locale: source })
      ).docs.map((doc) => doc.title)
      expect(publicTitles).toEqual(['Findings released'])
      await expect(
        payload.findByID({ collection: 'press-releases', id: embargoed.id, overrideAccess: false }),
      ).rejects.toMatchObject({ status: 404 })
      const staffTitles = (
        await payload.find({
          collection: 'press-releases',
          overrideAccess: false,
          user: people.editor as never,
          locale: source,
        })
      ).docs.map((doc) => doc.title)
      expect(staffTitles).toEqual(expect.arrayContaining(['Findings under embargo', 'Findings released']))

      // The feed is a Payload endpoint, so a host without the express server has it too.
      const rss = await callEndpoint('/feeds/press-releases.xml', `?locale=${host.source}`)
      expect(rss.status).toBe(200)
      expect(rss.headers.get('content-type')).toMatch(/rss\+xml/)
      const text = await rss.text()
      expect(text).toContain('Findings released')
      expect(text).not.toContain('Findings under embargo')
      const calendar = await (await callEndpoint('/feeds/events.ics', `?locale=${host.source}`)).text()
      expect(calendar).toContain('BEGIN:VCALENDAR')
      expect(calendar).toContain('Regional conference')
      expect((await callEndpoint('/feeds/press-releases.xml', '?locale=all')).status).toBe(400)
    })

    it('reports translation status against the host’s default locale', async () => {
      const created = await payload.create({
        collection: 'organisations',
        data: { name: 'Helsinki Foundation', organisationType: 'ngo' } as never,
        locale: source,
        overrideAccess: false,
        user: people.editor as never,
      })
      const status = async () => {
        const reply = await callEndpoint(
          '/translations/status',
          `?collection=organisations&id=${created.id}&locale=${host.target}`,
          people.editor,
        )
        expect(reply.status).toBe(200)
        const body = (await reply.json()) as {
          source: string
          documents: { locales: Record<string, { status: string }> }[]
        }
        expect(body.source).toBe(host.source)
        return body.documents[0]?.locales[host.target]?.status
      }
      expect(await status()).toBe('missing')
      await payload.update({
        collection: 'organisations',
        id: created.id,
        data: { name: 'Fondation Helsinki (traduction)' } as never,
        locale: target,
        overrideAccess: false,
        user: people.translator as never,
      })
      expect(await status()).toBe('translated')
      await payload.update({
        collection: 'organisations',
        id: created.id,
        data: { name: 'Helsinki Foundation for Human Rights' } as never,
        locale: source,
        overrideAccess: false,
        user: people.editor as never,
      })
      expect(await status()).toBe('stale')
      // The source locale is not a translation target.
      expect((await callEndpoint('/translations/status', `?locale=${host.source}`, people.editor)).status).toBe(400)
    })
  })
}
