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
})
