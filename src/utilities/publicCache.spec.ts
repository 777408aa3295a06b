import { PublicCache } from './publicCache'

const response = (body: string) => ({ status: 200, headers: [] as [string, string][], body: Buffer.from(body), etag: `"${body}"` })

describe('PublicCache', () => {
  it('returns what was stored until it is cleared', () => {
    const cache = new PublicCache()
    cache.set('/api/events', response('a'), cache.currentGeneration)
    expect(cache.get('/api/events')?.body.toString()).toBe('a')
    cache.clear()
    expect(cache.get('/api/events')).toBeUndefined()
  })
  it('drops a response computed before a write that cleared the cache', () => {
    const cache = new PublicCache()
    const generation = cache.currentGeneration
    cache.clear()
    cache.set('/api/events', response('stale'), generation)
    expect(cache.get('/api/events')).toBeUndefined()
  })
  it('empties itself when an embargo lifts', () => {
    const cache = new PublicCache()
    cache.set('/api/press-releases', response('hidden'), cache.currentGeneration)
    cache.setExpiry(1000)
    expect(cache.get('/api/press-releases', 999)).toBeDefined()
    expect(cache.get('/api/press-releases', 1000)).toBeUndefined()
    expect(cache.expiryKnown).toBe(false)
  })
  it('forgets the least recently used entry when full', () => {
    const cache = new PublicCache(2)
    cache.set('a', response('a'), 0)
    cache.set('b', response('b'), 0)
    cache.get('a')
    cache.set('c', response('c'), 0)
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((hit) => hit?.body.toString())).toEqual(['a', undefined, 'c'])
  })
  it('drops an entry whose own time is up', () => {
    const cache = new PublicCache()
    cache.set('feed', { ...response('ics'), expires: 5000 }, cache.currentGeneration)
    expect(cache.get('feed', 4999)).toBeDefined()
    expect(cache.get('feed', 5000)).toBeUndefined()
  })
  it('builds an entry once for readers who ask at the same time, and not across a purge', async () => {
    const cache = new PublicCache()
    let builds = 0
    const build = async () => {
      builds += 1
      await new Promise((resolve) => setTimeout(resolve, 20))
      return response(`build ${builds}`)
    }
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.remember('feed', build)))
    expect(builds).toBe(1)
    expect(new Set(answers.map((a) => a.body.toString()))).toEqual(new Set(['build 1']))
    expect((await cache.remember('feed', build)).body.toString()).toBe('build 1')
    const during = cache.remember('other', build)
    cache.clear()
    await during
    // Built before the purge: answered, but not kept.
    expect(cache.get('other')).toBeUndefined()
  })
})
