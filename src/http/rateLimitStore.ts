import type { Options, Store } from 'express-rate-limit'
import type { Payload, Where } from 'payload'

import { RATE_LIMIT_HITS } from '../../collections/RateLimitHits'

// Straight through the adapter, as Payload's own key-value store does: these rows have no hooks,
// no access rules to apply (nobody reads them over an API) and no transaction to join.
const req = {} as never

type Hit = { id: number | string; key: string; at: number }

/**
 * express-rate-limit's counters in the database, so that every instance on it counts the same
 * attempts: one row per request, counted over a sliding window. Rows are only ever added and
 * deleted, never read-modified-written, so two instances counting at once lose no attempt.
 */
export class DatabaseRateLimitStore implements Store {
  windowMs = 15 * 60_000
  private prunedAt = 0

  constructor(
    private readonly payload: Payload,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  private key = (key: string) => `${this.prefix}:${key}`
  private inWindow = (key: string, now: number): Where => ({
    and: [{ key: { equals: this.key(key) } }, { at: { greater_than: now - this.windowMs } }],
  })

  async increment(key: string): Promise<{ totalHits: number; resetTime: Date }> {
    const { db } = this.payload
    const now = Date.now()
    await db.create({ collection: RATE_LIMIT_HITS, data: { key: this.key(key), at: now }, req })
    const [{ totalDocs }, oldest] = await Promise.all([
      db.count({ collection: RATE_LIMIT_HITS, where: this.inWindow(key, now), req }),
      db.find<Hit>({
        collection: RATE_LIMIT_HITS,
        where: this.inWindow(key, now),
        sort: 'at',
        limit: 1,
        pagination: false,
        req,
      }),
    ])
    await this.prune(now)
    return { totalHits: totalDocs, resetTime: new Date((oldest.docs[0]?.at ?? now) + this.windowMs) }
  }

  async get(key: string): Promise<{ totalHits: number; resetTime: Date | undefined }> {
    const now = Date.now()
    const { totalDocs } = await this.payload.db.count({
      collection: RATE_LIMIT_HITS,
      where: this.inWindow(key, now),
      req,
    })
    return { totalHits: totalDocs, resetTime: undefined }
  }

  async decrement(key: string): Promise<void> {
    const { docs } = await this.payload.db.find<Hit>({
      collection: RATE_LIMIT_HITS,
      where: this.inWindow(key, Date.now()),
      sort: '-at',
      limit: 1,
      pagination: false,
      req,
    })
    if (docs[0])
      await this.payload.db.deleteOne({ collection: RATE_LIMIT_HITS, where: { id: { equals: docs[0].id } }, req })
  }

  async resetKey(key: string): Promise<void> {
    await this.payload.db.deleteMany({ collection: RATE_LIMIT_HITS, where: { key: { equals: this.key(key) } }, req })
  }

  /** At most once a window per process: the rows of every key that has aged out. */
  private async prune(now: number): Promise<void> {
    if (now - this.prunedAt < this.windowMs) return
    this.prunedAt = now
    await this.payload.db.deleteMany({
      collection: RATE_LIMIT_HITS,
      where: { and: [{ key: { like: `${this.prefix}:` } }, { at: { less_than_equal: now - this.windowMs } }] },
      req,
    })
  }
}
