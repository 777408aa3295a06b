export type CachedResponse = { status: number; headers: [string, string][]; body: Buffer; etag: string }

/**
 * Published responses kept in memory for anonymous readers, per process. It lives on `globalThis`
 * under a registered symbol because Next.js bundles its own copy of every module the config
 * imports: hooks that run inside the Next bundle (an edit in the admin panel) and the express
 * fast path must reach the same cache. With several instances, each has its own and each is
 * purged by its own hooks only: put a shared cache, or short TTLs, in front of a cluster.
 */
export class PublicCache {
  private entries = new Map<string, CachedResponse>()
  /** When the soonest embargo lifts: entries made before then would still hide that release. */
  private expiresAt = Number.POSITIVE_INFINITY
  private generation = 0
  expiryKnown = false

  constructor(private readonly maxEntries = 2000) {}

  get(key: string, now = Date.now()): CachedResponse | undefined {
    if (now >= this.expiresAt) this.clear()
    const hit = this.entries.get(key)
    if (hit) {
      // Least recently used goes first when full.
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  /** Stores unless the cache was cleared since `generation` was read (a write happened meanwhile). */
  set(key: string, value: CachedResponse, generation: number): void {
    if (generation !== this.generation) return
    this.entries.set(key, value)
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }

  get currentGeneration(): number {
    return this.generation
  }

  setExpiry(at: number | undefined): void {
    this.expiresAt = at ?? Number.POSITIVE_INFINITY
    this.expiryKnown = true
  }

  clear(): void {
    this.entries.clear()
    this.generation += 1
    this.expiresAt = Number.POSITIVE_INFINITY
    this.expiryKnown = false
  }

  get size(): number {
    return this.entries.size
  }
}

const KEY = Symbol.for('pressroom.publicCache')

export function publicCache(): PublicCache {
  const holder = globalThis as unknown as Record<symbol, PublicCache | undefined>
  holder[KEY] ??= new PublicCache()
  return holder[KEY]
}
