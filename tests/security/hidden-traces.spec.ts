import { buildWorld, type Principal, type World } from './world'

/**
 * Class 6: a hidden person, an embargoed release or a draft leaves no trace through filters,
 * sorts, counts or files. Outsiders are the public and both kinds of API key.
 */
const outsiders: Principal[] = ['anonymous', 'frontend-key', 'preview-key']

describe('hidden people and documents leave no trace', () => {
  let world: World
  beforeAll(async () => {
    world = await buildWorld()
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  const total = async (who: Principal, path: string) => {
    const reply = await world.clients[who].get(path)
    if (reply.status !== 200) throw new Error(`${path} as ${who}: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply.body.totalDocs as number
  }

  describe('filters by a hidden speaker match nothing, as if the id did not exist', () => {
    const cases = (ids: World['ids']) => [
      `/api/events?where[speakers.speaker][equals]=${ids.internalSpeaker}`,
      `/api/events?where[speakers.speaker][equals]=${ids.noConsentSpeaker}`,
      `/api/events?where[speakers.speaker][in]=${ids.internalSpeaker},${ids.noConsentSpeaker}`,
      `/api/events?where[programme.speakers][contains]=${ids.internalSpeaker}`,
      `/api/events?where[programme.speakers][in]=${ids.internalSpeaker}`,
      `/api/events?where[or][0][speakers.speaker][equals]=${ids.internalSpeaker}&where[or][1][title][equals]=nothing`,
      `/api/press-releases?where[quotes.speaker][equals]=${ids.internalSpeaker}`,
      `/api/projects?where[coordinator][equals]=${ids.internalSpeaker}`,
      `/api/projects?where[coordinator.name][like]=Secretname`,
      `/api/events?where[programme.speakers.name][like]=Secretname`,
      `/api/events/count?where[speakers.speaker][equals]=${ids.internalSpeaker}`,
    ]
    it.each(outsiders)('%s', async (who) => {
      for (const path of cases(world.ids)) expect({ path, total: await total(who, path) }).toEqual({ path, total: 0 })
    })
    it('while the staff, who see everyone, find them', async () => {
      expect(await total('editor', `/api/events?where[speakers.speaker][equals]=${world.ids.internalSpeaker}`)).toBe(2)
      expect(await total('editor', `/api/projects?where[coordinator][equals]=${world.ids.internalSpeaker}`)).toBe(1)
    })
    it.each(outsiders)('filters by a public speaker still work: %s', async (who) => {
      const { ids } = world
      const published = who === 'preview-key' ? 2 : 1
      expect(await total(who, `/api/events?where[speakers.speaker][equals]=${ids.publicSpeaker}`)).toBe(published)
      expect(
        await total(who, `/api/events?where[speakers.speaker][in]=${ids.publicSpeaker},${ids.internalSpeaker}`),
      ).toBe(published)
      // "Not this hidden person" is everything: to an outsider they take part in nothing.
      expect(await total(who, `/api/events?where[speakers.speaker][not_equals]=${ids.internalSpeaker}`)).toBe(
        await total(who, '/api/events'),
      )
    })
  })

  describe('a row that names a speaker is not filtered or sorted on by its other cells', () => {
    const refusedPaths = [
      '/api/events?where[speakers.topic][like]=Topic',
      '/api/events?where[speakers.role][equals]=speaker',
      '/api/events?where[speakers.speaker.name][like]=Secretname',
      '/api/events?where[speakers.speaker][exists]=true',
      '/api/press-releases?where[quotes.text][like]=hidden',
      '/api/events?sort=speakers.speaker.name',
      '/api/events?sort=-speakers.topic',
      '/api/projects?sort=coordinator.name',
      '/api/events?sort=project.title',
    ]
    /** Orders and ranges over ids, and filters on joins: refused outside the staff, whichever check says so first. */
    const refusedAnyway = [
      '/api/projects?sort=coordinator',
      '/api/projects?sort=-coordinator',
      '/api/events?where[speakers.speaker][less_than]=99',
      '/api/events?where[speakers.speaker][greater_than_equal]=1',
      '/api/events?where[programme.speakers][less_than_equal]=99',
      '/api/press-releases?where[quotes.speaker][greater_than]=0',
      '/api/projects?where[coordinator][less_than]=99',
      '/api/projects?where[coordinator][like]=1',
      '/api/events?where[pressReleases][equals]=1',
      '/api/events?where[pressReleases][exists]=true',
      '/api/speakers?where[events][equals]=1',
    ]
    it.each(outsiders)('%s gets a 400 naming the parameter', async (who) => {
      for (const path of refusedPaths) {
        const reply = await world.clients[who].get(path)
        expect({ path, status: reply.status }).toEqual({ path, status: 400 })
        expect(reply.body.errors[0].message).toMatch(/not available/)
      }
    })
    it.each(outsiders)('ranges over ids, orders by ids and filters on joins are a 400: %s', async (who) => {
      for (const path of refusedAnyway)
        expect({ path, status: (await world.clients[who].get(path)).status }).toEqual({ path, status: 400 })
    })
    it('the staff may', async () => {
      for (const path of refusedPaths)
        expect({ path, status: (await world.clients.editor.get(path)).status }).toEqual({ path, status: 200 })
    })
    it('GraphQL obeys the same rules', async () => {
      const { ids } = world
      const reply = await world.clients.anonymous.graphql(
        `{ Events(where: { speakers__speaker: { equals: ${ids.internalSpeaker} } }) { totalDocs } }`,
      )
      expect(reply.body.data?.Events?.totalDocs ?? 0).toBe(0)
      const cell = await world.clients.anonymous.graphql(
        '{ Events(where: { speakers__topic: { like: "Topic" } }) { totalDocs } }',
      )
      expect(cell.body.data?.Events?.totalDocs ?? 0).toBe(0)
    })
  })

  describe('joins list only what the reader may read', () => {
    it.each(['anonymous', 'frontend-key'] as Principal[])('%s', async (who) => {
      const { ids } = world
      const event = await world.clients[who].get(`/api/events/${ids.publishedEvent}?depth=1`)
      const releases = event.body.pressReleases.docs.map((doc: { id: number } | number) =>
        typeof doc === 'object' ? doc.id : doc,
      )
      expect(releases).toContain(ids.publicRelease)
      expect(releases).not.toContain(ids.embargoedRelease)
      const speaker = await world.clients[who].get(`/api/speakers/${ids.publicSpeaker}?depth=1`)
      const events = speaker.body.events.docs.map((doc: { id: number } | number) =>
        typeof doc === 'object' ? doc.id : doc,
      )
      expect(events).toEqual([ids.publishedEvent])
      const graphql = await world.clients[who].graphql(
        `{ Event(id: ${ids.publishedEvent}) { pressReleases { docs { id } } } Speaker(id: ${ids.publicSpeaker}) { events { docs { id } } } }`,
      )
      expect(graphql.body.data.Event.pressReleases.docs.map((doc: { id: number }) => doc.id)).not.toContain(
        ids.embargoedRelease,
      )
      expect(graphql.body.data.Speaker.events.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.publishedEvent])
    })
  })

  describe('files are public only when a public document uses them, or an editor marked them public', () => {
    type Expect = Record<keyof World['media'], boolean>
    const visible: Record<Principal, Expect> = {
      anonymous: {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: false,
        embargoedImage: false,
        unusedImage: false,
      },
      'frontend-key': {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: false,
        embargoedImage: false,
        unusedImage: false,
      },
      'preview-key': {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: false,
        embargoedImage: true,
        unusedImage: false,
      },
      translator: {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: true,
        embargoedImage: true,
        unusedImage: true,
      },
      editor: {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: true,
        embargoedImage: true,
        unusedImage: true,
      },
      admin: {
        publicPhoto: true,
        markedPublicImage: true,
        internalPhoto: true,
        embargoedImage: true,
        unusedImage: true,
      },
    }
    it.each(Object.keys(visible) as Principal[])('by id, by file URL, in lists: %s', async (who) => {
      const names = Object.keys(world.media) as (keyof World['media'])[]
      const list = await world.clients[who].get('/api/media?depth=0&limit=100')
      const listed = new Set(list.body.docs.map((doc: { id: number }) => doc.id))
      for (const name of names) {
        const id = world.ids[name]
        const byId = await world.clients[who].get(`/api/media/${id}`)
        const file = await fetch(`${world.server.url}${world.media[name].url}`, {
          headers: world.authorization[who] ? { authorization: world.authorization[who] } : {},
        })
        const thumbnail = await fetch(`${world.server.url}${world.media[name].url.replace(/\.png$/, '-320x240.png')}`, {
          headers: world.authorization[who] ? { authorization: world.authorization[who] } : {},
        })
        const seen = visible[who][name]
        expect({ name, byId: byId.status === 200, file: file.status === 200, listed: listed.has(id) }).toEqual({
          name,
          byId: seen,
          file: seen,
          listed: seen,
        })
        if (!seen) expect(thumbnail.status).not.toBe(200)
      }
    })
    it('a photo stops being public when its speaker is made internal', async () => {
      const { ids, media } = world
      expect((await fetch(`${world.server.url}${media.publicPhoto.url}`)).status).toBe(200)
      await world.clients.editor.patch(`/api/speakers/${ids.publicSpeaker}`, { visibility: 'internal' })
      expect((await fetch(`${world.server.url}${media.publicPhoto.url}`)).status).not.toBe(200)
      expect((await world.clients.anonymous.get(`/api/media/${ids.publicPhoto}`)).status).toBe(404)
      await world.clients.editor.patch(`/api/speakers/${ids.publicSpeaker}`, { visibility: 'public' })
      expect((await fetch(`${world.server.url}${media.publicPhoto.url}`)).status).toBe(200)
    })
  })
})
