import fc from 'fast-check'

import { buildWorld, leakedIn, secretsFor, type World } from './world'

/**
 * Class 2: who is asking is decided once, by Payload's own authentication, and only an answer
 * for nobody is shared. Random principals with random spellings of their credentials read the
 * same URLs as the public; after each, the public's reads must hold no privileged byte.
 */
describe('the public cache never serves a privileged answer to the public', () => {
  let world: World
  let urls: string[]
  beforeAll(async () => {
    world = await buildWorld()
    const { ids } = world
    urls = [
      '/api/speakers?depth=0&limit=100',
      `/api/speakers/${ids.internalSpeaker}`,
      `/api/speakers/${ids.noConsentSpeaker}?depth=0`,
      '/api/events?depth=1&limit=100',
      `/api/events/${ids.publishedEvent}?depth=2`,
      `/api/events/${ids.draftEvent}`,
      `/api/events/${ids.publishedEvent}?draft=true`,
      '/api/press-releases?depth=1',
      `/api/press-releases/${ids.embargoedRelease}`,
      `/api/press-releases/${ids.draftRelease}?draft=true`,
      `/api/media/${ids.internalPhoto}`,
      `/api/projects/${ids.project}?depth=1`,
      '/api/users?depth=0',
      `/api/events/${ids.publishedEvent}/jsonld`,
    ]
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  const privileged = ['admin', 'editor', 'translator', 'preview-key', 'frontend-key'] as const
  /** Ways of presenting a credential that Payload accepts, or that look like one. */
  const spellings = (who: (typeof privileged)[number]): fc.Arbitrary<Record<string, string>> => {
    const header = world.authorization[who]
    if (who === 'preview-key' || who === 'frontend-key') {
      const key = header.replace('api-keys API-Key ', '')
      return fc.constantFrom<Record<string, string>>(
        { authorization: header },
        { authorization: header, cookie: 'theme=dark' },
        { authorization: `api-keys API-Key ${key}`, cookie: `payload-token=${world.tokens.translator}` },
      )
    }
    const token = world.tokens[who]
    return fc.constantFrom<Record<string, string>>(
      { authorization: `JWT ${token}` },
      { authorization: `Bearer ${token}` },
      { authorization: `jwt ${token}` },
      { authorization: `bearer ${token}` },
      { cookie: `payload-token=${token}` },
      // Payload trims the name before its '=' and decodes the value: spellings a hand-made check missed.
      { cookie: `payload-token =${token}` },
      { cookie: `theme=dark; payload-token\t= ${token}` },
      { cookie: `payload-token=${encodeURIComponent(token).replace(/e/g, '%65')}` },
      { cookie: `theme=dark;payload-token=${token}` },
      { cookie: `theme=dark; payload-token=${token}; lang=ru` },
      { cookie: `payload-token=junk; payload-token=${token}` },
      { cookie: ` payload-token=${token} ` },
      { cookie: `payload-token="${token}"` },
      { cookie: `a=1;;payload-token=${token};` },
      { cookie: `payload-token=${token}`, authorization: 'Basic Zm9vOmJhcg==' },
      { cookie: `payload-token=${token}`, authorization: 'JWT not-a-token' },
      { authorization: `JWT ${token}`, cookie: 'payload-token=junk' },
    )
  }
  const request = fc.record({
    who: fc.constantFrom(...privileged),
    url: fc.nat(),
    origin: fc.constantFrom(undefined, 'https://frontend.example.org'),
  })

  it('holds for random principals, header spellings and URLs', async () => {
    await fc.assert(
      fc.asyncProperty(
        request.chain((base) => spellings(base.who).map((headers) => ({ ...base, headers }))),
        async ({ who, url, origin, headers }) => {
          const path = urls[url % urls.length]
          const extra: Record<string, string> = origin ? { origin } : {}
          // The privileged read first, so that if it were kept the public would get it next.
          await fetch(`${world.server.url}${path}`, { headers: { ...headers, ...extra } }).then((reply) =>
            reply.arrayBuffer(),
          )
          for (const target of [path, ...urls.slice(0, 4)]) {
            const reply = await fetch(`${world.server.url}${target}`, { headers: extra })
            const text = await reply.text()
            expect({ who, path, target, leaked: leakedIn(text, secretsFor('anonymous')) }).toEqual({
              who,
              path,
              target,
              leaked: [],
            })
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('GraphQL answers are shared only when Payload finds nobody behind them', async () => {
    const query = JSON.stringify({
      query: `{ Speakers(limit: 100) { docs { name email } } Speaker(id: ${world.ids.internalSpeaker}) { name consent { note } } }`,
    })
    const variants: Record<string, string>[] = [
      { cookie: `theme=x;payload-token=${world.tokens.admin}` },
      { cookie: `payload-token =${world.tokens.admin}` },
      { authorization: `Bearer ${world.tokens.editor}` },
      { authorization: world.authorization['preview-key'] },
    ]
    for (const headers of variants) {
      const privileged = await fetch(`${world.server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: query,
      })
      await privileged.text()
      const anonymous = await (
        await fetch(`${world.server.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: query,
        })
      ).text()
      expect(leakedIn(anonymous, secretsFor('anonymous'))).toEqual([])
    }
  })

  it('the read model, which fills its rows past access, serves the public nothing private', async () => {
    // Lists and documents answered from public-snapshots, once its rows are rendered (the jobs queue, within seconds).
    const paths = [
      '/api/events?depth=1&limit=100',
      `/api/events/${world.ids.publishedEvent}?depth=1`,
      '/api/speakers?depth=1&limit=100',
      '/api/press-releases?depth=1&limit=100',
      `/api/projects/${world.ids.project}?depth=1`,
    ]
    for (const path of paths) {
      let reply: Response | undefined
      for (let attempt = 0; attempt < 100; attempt += 1) {
        reply = await fetch(`${world.server.url}${path}&store=${attempt}`.replace(/^([^?]*)&/, '$1?'))
        if (reply.headers.get('x-pressroom-source') === 'store') break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect({ path, source: reply!.headers.get('x-pressroom-source') }).toEqual({ path, source: 'store' })
      expect({ path, leaked: leakedIn(await reply!.text(), secretsFor('anonymous')) }).toEqual({ path, leaked: [] })
    }
  })

  it('a client cannot pick a route or skip the cache in production', async () => {
    const path = '/api/events?depth=0'
    // Twice: the store's answer is kept from the second request for a URL on.
    await fetch(`${world.server.url}${path}`)
    await fetch(`${world.server.url}${path}`)
    const asked = await fetch(`${world.server.url}${path}`, { headers: { 'x-pressroom-path': 'next' } })
    // Answered by the fast path, from the cache, as every other public read.
    expect(asked.headers.get('x-cache')).toBe('hit')
  })

  it("a client's Host or X-Forwarded-Proto never reaches a cached feed", async () => {
    for (const path of ['/feeds/press-releases.atom', '/feeds/press-releases.xml', '/sitemap.xml']) {
      const poisoned = await (
        await fetch(`${world.server.url}${path}`, { headers: { host: 'evil.example', 'x-forwarded-proto': 'gopher' } })
      ).text()
      const plain = await (await fetch(`${world.server.url}${path}`)).text()
      expect(poisoned + plain).not.toMatch(/evil\.example|gopher:/)
    }
  })

  it('answers for someone signed in are marked private for caches downstream', async () => {
    const reply = await fetch(`${world.server.url}/api/speakers?depth=0`, {
      headers: { authorization: world.authorization.editor },
    })
    expect(reply.headers.get('cache-control')).toMatch(/private|no-store/)
  })
})
