import { dependsOn, PublicCache } from './publicCache'

const response = (body: string) => ({
  status: 200,
  headers: [] as [string, string][],
  body: Buffer.from(body),
  etag: `"${body}"`,
})

describe('PublicCache', () => {
  it('removes, on a change, only the entries made from the changed document or listing its collection', async () => {
    const cache = new PublicCache()
    const keep = (key: string, deps?: string[]) => cache.set(key, { ...response(key), deps }, cache.currentGeneration)
    await cache.catchUp(10, async () => [])
    keep('speaker 5', ['speakers:5', 'organisations:2'])
    keep('speaker 6', ['speakers:6'])
    keep('events list', ['events:*', 'speakers:6'])
    keep('feed')
    const asked: [number, number][] = []
    await cache.catchUp(12, async (after, upTo) => {
      asked.push([after, upTo])
      return ['organisations:2']
    })
    expect(asked).toEqual([[10, 12]])
    expect(['speaker 5', 'speaker 6', 'events list', 'feed'].map((key) => Boolean(cache.get(key)))).toEqual([
      false,
      true,
      true,
      false,
    ])
    await cache.catchUp(13, async () => ['events:40'])
    expect(['speaker 6', 'events list'].map((key) => Boolean(cache.get(key)))).toEqual([true, false])
    // Already seen: nothing asked, nothing removed.
    await cache.catchUp(13, async () => {
      throw new Error('asked again')
    })
    expect(cache.get('speaker 6')).toBeDefined()
  })
  it('asks again when the next embargo lifts once a change is taken into account', async () => {
    const cache = new PublicCache()
    await cache.catchUp(1, async () => [])
    cache.setExpiry(10_000)
    await cache.catchUp(2, async () => ['press-releases:4'])
    expect(cache.expiryKnown).toBe(false)
  })
  it('empties itself when the changes since it last looked are no longer all known', async () => {
    const cache = new PublicCache()
    await cache.catchUp(1, async () => [])
    cache.set('speaker 6', { ...response('a'), deps: ['speakers:6'] }, cache.currentGeneration)
    await cache.catchUp(9000, async () => undefined)
    expect(cache.get('speaker 6')).toBeUndefined()
  })
  it('keeps no answer made while a change was being taken into account', async () => {
    const cache = new PublicCache()
    await cache.catchUp(1, async () => [])
    const generation = cache.currentGeneration
    await cache.catchUp(2, async () => ['speakers:1'])
    cache.set('speaker 6', { ...response('made before'), deps: ['speakers:6'] }, generation)
    expect(cache.get('speaker 6')).toBeUndefined()
  })
  it('lets no request answer from the cache until a change in progress has been taken into account', async () => {
    const cache = new PublicCache()
    await cache.catchUp(1, async () => [])
    cache.set('speaker 6', { ...response('old'), deps: ['speakers:6'] }, cache.currentGeneration)
    let release!: () => void
    const first = cache.catchUp(2, () => new Promise<string[]>((resolve) => (release = () => resolve(['speakers:6']))))
    let second = false
    const waiting = cache.catchUp(2, async () => []).then(() => (second = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(second).toBe(false)
    release()
    await Promise.all([first, waiting])
    expect(cache.get('speaker 6')).toBeUndefined()
  })
  it('reads a dependency list as documents, whole collections and everything', () => {
    expect(dependsOn(['speakers:5'], 'speakers:5')).toBe(true)
    expect(dependsOn(['speakers:5'], 'speakers:50')).toBe(false)
    expect(dependsOn(['events:*'], 'events:7')).toBe(true)
    expect(dependsOn(['events:*'], 'speakers:7')).toBe(false)
    expect(dependsOn(undefined, 'media:1')).toBe(true)
    expect(dependsOn(['*'], 'media:1')).toBe(true)
  })
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
  it('forgets the least recently used entry when its bytes are used up', () => {
    const cache = new PublicCache({ maxBytes: 2 * (1000 + 1 + 256), maxEntryBytes: 2000 })
    const big = (name: string) => response(name.repeat(1000))
    cache.set('a', big('a'), 0)
    cache.set('b', big('b'), 0)
    cache.get('a')
    cache.set('c', big('c'), 0)
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((hit) => hit?.body.toString()[0])).toEqual([
      'a',
      undefined,
      'c',
    ])
    expect(cache.byteSize).toBeLessThanOrEqual(2 * (1000 + 1 + 256))
  })
  it('never holds more bytes than its limit, whatever is stored, and keeps no oversize answer', () => {
    const cache = new PublicCache({ maxBytes: 100_000, maxEntryBytes: 20_000 })
    for (let index = 0; index < 500; index += 1) {
      cache.set(`key ${index}`, response('x'.repeat((index * 7919) % 30_000)), 0)
      expect(cache.byteSize).toBeLessThanOrEqual(100_000)
    }
    cache.set('huge', response('x'.repeat(20_001)), 0)
    expect(cache.get('huge')).toBeUndefined()
  })
  it('replacing an entry counts its bytes once', () => {
    const cache = new PublicCache({ maxBytes: 10_000, maxEntryBytes: 5000 })
    for (let index = 0; index < 10; index += 1) cache.set('same', response('x'.repeat(1000)), 0)
    expect(cache.size).toBe(1)
    expect(cache.byteSize).toBe(1000 + 4 + 256)
  })
  it('computes a memo once per generation', async () => {
    const cache = new PublicCache()
    let runs = 0
    const produce = async () => ++runs
    expect(await Promise.all([cache.memo('m', produce), cache.memo('m', produce)])).toEqual([1, 1])
    cache.clear()
    expect(await cache.memo('m', produce)).toBe(2)
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

describe('admission of cheap answers', () => {
  it('says a key was asked for only from its second request on, and forgets the oldest keys past its bound', () => {
    const cache = new PublicCache({ maxSeen: 3 })
    expect([cache.seenBefore('a'), cache.seenBefore('a'), cache.seenBefore('b')]).toEqual([false, true, false])
    // A client sending a new key every time never makes one look familiar.
    for (const key of ['c', 'd', 'e', 'f', 'g', 'h']) expect(cache.seenBefore(key)).toBe(false)
    expect(cache.seenBefore('a')).toBe(false)
    expect(cache.seenBefore('h')).toBe(true)
  })
})
