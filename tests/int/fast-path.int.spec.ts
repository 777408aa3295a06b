import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the fast path for anonymous reads', () => {
  let server: RunningServer
  let editor: RestClient
  let draftId: number
  let eventId: number

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers })
    return {
      status: response.status,
      body: await response.text(),
      etag: response.headers.get('etag'),
      cache: response.headers.get('x-cache'),
      contentType: response.headers.get('content-type'),
    }
  }
  const viaNext = (path: string) => get(path, { 'x-pressroom-path': 'next' })

  beforeAll(async () => {
    server = await startServer({ PRESSROOM_ROUTE_HEADER: 'enabled' })
    ;({ editor } = await staffClients(server))
    eventId = JSON.parse((await get('/api/events?depth=0')).body).docs[0].id
    draftId = (
      await editor.post('/api/events', {
        title: 'Unpublished plan',
        startDate: '2030-01-01T00:00:00.000Z',
        endDate: '2030-01-02T00:00:00.000Z',
        timezone: 'UTC',
      })
    ).body.doc.id
  })
  afterAll(() => server?.stop('SIGKILL'))

  const queries = [
    '/api/events',
    '/api/events?depth=0&limit=5',
    '/api/events?locale=ru&depth=1',
    '/api/events?locale=kk&fallback-locale=none',
    '/api/events?locale=all&depth=0',
    '/api/events?where[status][equals]=scheduled&sort=-startDate',
    '/api/press-releases?locale=ru&depth=2',
    '/api/speakers?limit=3&page=2',
    '/api/organisations?where[acronym][in]=HFHR,IPHR&select[name]=true',
    '/api/projects?populate[organisations][name]=true',
    '/api/donor-notices?locale=ru',
    '/api/media',
    '/api/events/count',
    '/api/events?where[nope][equals]=1',
    '/api/users',
  ]

  it.each(queries)('answers %s exactly as Payload’s own REST route does', async (path) => {
    const fast = await get(path)
    const own = await viaNext(path)
    expect(fast.status).toBe(own.status)
    expect(fast.contentType).toBe(own.contentType)
    expect(JSON.parse(fast.body)).toEqual(JSON.parse(own.body))
  })

  it('answers a draft by id with the same 404 as Payload, and never caches it into view', async () => {
    for (const path of [
      `/api/events/${draftId}`,
      `/api/events/${draftId}?draft=true`,
      `/api/events?where[id][equals]=${draftId}&draft=true`,
    ]) {
      const fast = await get(path)
      const own = await viaNext(path)
      expect([fast.status, JSON.parse(fast.body)]).toEqual([own.status, JSON.parse(own.body)])
      expect(fast.body).not.toContain('Unpublished plan')
    }
  })

  it('carries an ETag and answers If-None-Match with 304', async () => {
    const first = await get(`/api/events/${eventId}`)
    expect(first.etag).toMatch(/^"[\w-]+"$/)
    const again = await get(`/api/events/${eventId}`, { 'if-none-match': first.etag! })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    expect((await get(`/api/events/${eventId}`)).cache).toBe('hit')
  })

  it('is purged when an editor publishes a change, through the admin’s REST route', async () => {
    const before = await get(`/api/events/${eventId}`)
    expect((await get(`/api/events/${eventId}`)).cache).toBe('hit')
    const saved = await editor.patch(`/api/events/${eventId}`, {
      summary: 'Updated by an editor',
      _status: 'published',
    })
    expect(saved.status).toBe(200)
    const after = await get(`/api/events/${eventId}`)
    expect(after.cache).toBe('miss')
    expect(JSON.parse(after.body).summary).toBe('Updated by an editor')
    expect(after.etag).not.toBe(before.etag)
    expect((await get(`/api/events/${eventId}`, { 'if-none-match': before.etag! })).status).toBe(200)
  })

  it('lets an embargo lift on time even from a cached list', async () => {
    const until = new Date(Date.now() + 3000)
    await editor.post('/api/press-releases', {
      title: 'Lifts soon',
      releaseDate: '2026-01-01T00:00:00.000Z',
      embargoUntil: until.toISOString(),
      _status: 'published',
    })
    const titles = async () =>
      JSON.parse((await get('/api/press-releases?depth=0')).body).docs.map((doc: { title: string }) => doc.title)
    expect(await titles()).not.toContain('Lifts soon')
    // The store's answer is kept from the second request for its URL on.
    expect(await titles()).not.toContain('Lifts soon')
    expect((await get('/api/press-releases?depth=0')).cache).toBe('hit')
    await sleep(until.getTime() - Date.now() + 100)
    expect(await titles()).toContain('Lifts soon')
  })

  it('leaves authenticated reads to Payload, with drafts for staff', async () => {
    const reply = await editor.get(`/api/events/${draftId}?draft=true`)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('x-cache')).toBeNull()
  })

  describe('GraphQL', () => {
    const graphql = async (query: string, headers: Record<string, string> = {}, search = '') => {
      const response = await fetch(`${server.url}/api/graphql${search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      })
      return {
        status: response.status,
        body: JSON.parse(await response.text()),
        cache: response.headers.get('x-cache'),
        cookie: response.headers.get('set-cookie'),
      }
    }
    const list = `{ Events(locale: ru, limit: 5, sort: "startDate") { totalDocs docs { id title summary speakers { speaker { name } } } } }`

    it('answers an anonymous query exactly as Payload’s own GraphQL route does, then from the cache', async () => {
      const own = await graphql(list, { 'x-pressroom-path': 'next' })
      const first = await graphql(list)
      expect(first.status).toBe(own.status)
      expect(first.body).toEqual(own.body)
      expect(first.body.data.Events.totalDocs).toBeGreaterThan(0)
      expect(first.body.data.Events.docs.map((doc: { title: string }) => doc.title)).not.toContain('Unpublished plan')
      expect((await graphql(list)).cache).toBe('hit')
    })

    it('keeps the answer per query string: the same body in another locale is another answer', async () => {
      const query = `{ Event(id: ${eventId}) { title } }`
      const english = await graphql(query)
      await graphql(query, {}, '?locale=ru')
      const russian = await graphql(query, {}, '?locale=ru')
      expect(russian.cache).toBe('hit')
      expect(russian.body.data.Event.title).toMatch(/[А-Яа-я]/)
      expect(russian.body.data.Event.title).not.toBe(english.body.data.Event.title)
    })

    it('is purged by a write', async () => {
      const query = `{ Event(id: ${eventId}) { summary } }`
      await graphql(query)
      expect((await graphql(query)).cache).toBe('hit')
      expect(
        (await editor.patch(`/api/events/${eventId}`, { summary: 'Changed for GraphQL', _status: 'published' })).status,
      ).toBe(200)
      const after = await graphql(query)
      expect(after.cache).toBe('miss')
      expect(after.body.data.Event.summary).toBe('Changed for GraphQL')
    })

    it('lets an embargo lift on time even from a cached answer', async () => {
      const until = new Date(Date.now() + 3000)
      await editor.post('/api/press-releases', {
        title: 'Lifts soon over GraphQL',
        releaseDate: '2026-01-01T00:00:00.000Z',
        embargoUntil: until.toISOString(),
        _status: 'published',
      })
      const query = '{ PressReleases(limit: 100) { docs { title } } }'
      const titles = async () =>
        (await graphql(query)).body.data.PressReleases.docs.map((doc: { title: string }) => doc.title)
      expect(await titles()).not.toContain('Lifts soon over GraphQL')
      expect((await graphql(query)).cache).toBe('hit')
      await sleep(until.getTime() - Date.now() + 100)
      expect(await titles()).toContain('Lifts soon over GraphQL')
    })

    it('never keeps mutations or answers with errors, and still runs them as Payload does', async () => {
      const mutation = `mutation { createOrganisation(data: { name: "Anonymous org", organisationType: ngo }) { id } }`
      for (const attempt of [1, 2]) {
        const reply = await graphql(mutation)
        expect([attempt, reply.cache]).toEqual([attempt, null])
        expect(reply.body.errors[0].message).toMatch(/not allowed/i)
      }
      const broken = '{ Events { docs { nope } } }'
      expect((await graphql(broken)).body.errors[0].message).toMatch(/nope/)
      expect((await graphql(broken)).cache).toBe('miss')
    })

    it('logs in through a GraphQL mutation with the session cookie, uncached', async () => {
      const login = `mutation { loginUser(email: "editor@pressroom.test", password: "${PASSWORD}") { token } }`
      const reply = await graphql(login)
      expect(reply.body.data.loginUser.token).toEqual(expect.any(String))
      expect(reply.cookie).toMatch(/payload-token=/)
      expect(reply.cache).toBeNull()
    })

    it('never keeps logged-in queries', async () => {
      const reply = await graphql(list, {
        authorization: `JWT ${(await editor.post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD })).body.token}`,
      })
      expect(reply.status).toBe(200)
      expect(reply.cache).toBeNull()
    })
  })
})
