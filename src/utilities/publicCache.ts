import crypto from 'node:crypto'

import { wholeNumberFromEnv } from '@/env'

/** A strong validator for a response body. */
export const etagOf = (body: Buffer): string => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

/**
 * `expires`: when a time-dependent entry (a feed of upcoming events) goes stale, in ms since the epoch.
 * `deps`: the documents (`collection:id`) and collections (`collection:*`) the answer was made from;
 * a change to any of them removes it. Without them, any public change does (`*`).
 */
export type CachedResponse = {
  status: number
  headers: [string, string][]
  body: Buffer
  etag: string
  expires?: number
  deps?: string[]
}

/** Whether a change to `changed` (`collection:id`) may alter an answer made from `deps`. */
export const dependsOn = (deps: string[] | undefined, changed: string): boolean => {
  if (!deps) return true
  const collection = changed.slice(0, changed.indexOf(':'))
  return deps.some((dep) => dep === '*' || dep === changed || dep === `${collection}:*`)
}

/** What an entry costs in memory, roughly: its body, its headers and its key. */
const sizeOf = (key: string, { body, headers }: CachedResponse): number =>
  body.length + key.length + headers.reduce((total, [name, value]) => total + name.length + value.length, 0) + 256

export type CacheLimits = {
  /** The most memory all entries may take together; the least recently used go first. */
  maxBytes?: number
  /** An answer larger than this is sent but not kept: a few of them would push everything else out. */
  maxEntryBytes?: number
}

/** PUBLIC_CACHE_MAX_BYTES, read when a cache is made, so that a wrong value is the start's one-line refusal. */
export const defaultCacheBytes = (): number =>
  wholeNumberFromEnv(process.env, 'PUBLIC_CACHE_MAX_BYTES', 64 * 1024 * 1024, { min: 0 })

/**
 * Published responses kept in memory for anonymous readers, per process. It lives on `globalThis`
 * under a registered symbol because Next.js bundles its own copy of every module the config
 * imports: hooks that run inside the Next bundle (an edit in the admin panel) and the express
 * fast path must reach the same cache. Each instance has its own, kept coherent with the others'
 * writes through the database (the read model's change rows, or its generation on MongoDB).
 */
export class PublicCache {
  private entries = new Map<string, CachedResponse & { size: number }>()
  private bytes = 0
  private readonly maxBytes: number
  private readonly maxEntryBytes: number
  /** Values derived from public content (which files are public), dropped with the entries. */
  private memos = new Map<string, Promise<unknown>>()
  /** When the soonest embargo lifts: entries made before then would still hide that release. */
  private expiresAt = Number.POSITIVE_INFINITY
  private generation = 0
  private pending = new Map<string, Promise<CachedResponse>>()
  /** Keys asked for once lately (two generations of a bounded set): see `seenBefore`. */
  private seen = new Set<string>()
  private seenEarlier = new Set<string>()
  private readonly maxSeen: number
  expiryKnown = false

  constructor({
    maxBytes = defaultCacheBytes(),
    maxEntryBytes = Math.max(1, Math.floor(maxBytes / 16)),
    maxSeen = 20_000,
  }: CacheLimits & { maxSeen?: number } = {}) {
    this.maxBytes = maxBytes
    this.maxEntryBytes = maxEntryBytes
    this.maxSeen = maxSeen
  }

  /**
   * Whether `key` was asked for lately, and notes that it is now. An answer the store makes in a
   * fraction of a millisecond is kept only when its URL comes again: a client that sends a new
   * query string every time (a new "from" instant, a cache buster) would otherwise fill the cache
   * with answers nobody asks for twice, pushing out the pages readers do ask for again and again.
   */
  seenBefore(key: string): boolean {
    if (this.seen.has(key) || this.seenEarlier.has(key)) return true
    if (this.seen.size >= this.maxSeen) {
      this.seenEarlier = this.seen
      this.seen = new Set()
    }
    this.seen.add(key)
    return false
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    if (now >= this.expiresAt) this.clear()
    const hit = this.entries.get(key)
    if (hit?.expires !== undefined && now >= hit.expires) {
      this.remove(key)
      return undefined
    }
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
    const size = sizeOf(key, value)
    this.remove(key)
    if (size > this.maxEntryBytes) return
    this.entries.set(key, { ...value, size })
    this.bytes += size
    while (this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value as string)
  }

  private remove(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.size
  }

  /**
   * A value computed from public content once per generation (until the next write or embargo
   * lift), however many requests ask at the same moment.
   */
  memo<T>(key: string, produce: () => Promise<T>): Promise<T> {
    if (Date.now() >= this.expiresAt) this.clear()
    const known = this.memos.get(key) as Promise<T> | undefined
    if (known) return known
    const made = produce()
    this.memos.set(key, made)
    made.catch(() => this.memos.get(key) === made && this.memos.delete(key))
    return made
  }

  /**
   * The entry for `key`, produced once however many requests ask at the same moment: fifty
   * readers of a calendar that takes half a second to build wait for one build, not fifty.
   */
  async remember(key: string, produce: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const hit = this.get(key)
    if (hit) return hit
    const generation = this.generation
    const inFlight = this.pending.get(`${generation} ${key}`)
    if (inFlight) return inFlight
    const made = produce()
      .then((entry) => {
        if (entry.status === 200) this.set(key, entry, generation)
        return entry
      })
      .finally(() => this.pending.delete(`${generation} ${key}`))
    this.pending.set(`${generation} ${key}`, made)
    return made
  }

  /** The database's generation these entries were made under (see the read model's generation). */
  private committed: string | undefined

  /** The last public change (a sequence number in the database) these entries have taken into account. */
  private seenChange: number | undefined
  get lastChangeSeen(): number | undefined {
    return this.seenChange
  }
  private catchingUp: Promise<void> | undefined

  /**
   * Takes into account every public change committed up to `last`, on this instance or another:
   * entries made from a changed document go, the rest stay. `changesSince` answers the changed
   * `collection:id` keys after a sequence number, or undefined when it no longer knows them all
   * (then everything goes). Requests arriving meanwhile wait for it: none may answer from an
   * entry that a committed change has made wrong.
   */
  async catchUp(
    last: number,
    changesSince: (after: number, upTo: number) => Promise<string[] | undefined>,
  ): Promise<void> {
    while (this.catchingUp) await this.catchingUp
    if (this.seenChange === undefined) this.seenChange = last
    if (last <= this.seenChange) return
    const from = this.seenChange
    this.catchingUp = changesSince(from, last)
      .then((changed) => {
        if (!changed) this.clear()
        else this.forget(changed)
        this.seenChange = Math.max(this.seenChange ?? last, last)
      })
      .finally(() => (this.catchingUp = undefined))
    await this.catchingUp
  }

  /** Removes the entries made from any of these documents; what was being made meanwhile is not kept. */
  forget(changed: string[]): void {
    for (const [key, entry] of this.entries)
      if (changed.some((change) => dependsOn(entry.deps, change))) this.remove(key)
    this.memos.clear()
    this.generation += 1
    // A write may have set an embargo that lifts sooner than the one known: ask again.
    this.expiryKnown = false
  }

  /**
   * Drops every entry when the database says a public write committed since they were made
   * (on this instance or another). Call before answering from the cache.
   */
  syncWith(committed: string): void {
    if (this.committed !== undefined && this.committed !== committed) this.clear()
    this.committed = committed
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
    this.memos.clear()
    this.bytes = 0
    this.generation += 1
    this.expiresAt = Number.POSITIVE_INFINITY
    this.expiryKnown = false
  }

  get size(): number {
    return this.entries.size
  }

  /** The memory the entries take, as counted against `maxBytes`. */
  get byteSize(): number {
    return this.bytes
  }
}

const KEY = Symbol.for('pressroom.publicCache')

export function publicCache(): PublicCache {
  const holder = globalThis as unknown as Record<symbol, PublicCache | undefined>
  holder[KEY] ??= new PublicCache()
  return holder[KEY]
}
