import type { Payload } from 'payload'

import { generateDataset } from '../../bench/dataset'
import { startPayload, stopPayload } from '../helpers/payload'

const READS = [
  'find',
  'findOne',
  'count',
  'findDistinct',
  'queryDrafts',
  'findVersions',
  'countVersions',
  'findGlobal',
] as const

describe('no N+1: database calls per public list stay constant with page size and depth', () => {
  let payload: Payload
  let calls = 0
  const restore: (() => void)[] = []

  const autorun = process.env.JOBS_AUTORUN

  beforeAll(async () => {
    // No background work of its own (the read model's fill, releasing abandoned jobs): every call
    // counted is the read's.
    process.env.JOBS_AUTORUN = 'false'
    payload = await startPayload()
    // Also the dataset generator's smoke test in CI, at its tiny size.
    const counts = await generateDataset(payload, {
      events: 40,
      speakers: 12,
      organisations: 8,
      pressReleases: 10,
      versions: 3,
    })
    expect(counts).toMatchObject({ events: 40, speakers: 12 })
    const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
    for (const method of READS) {
      const original = db[method]
      if (typeof original !== 'function') continue
      db[method] = function (this: unknown, ...args: unknown[]) {
        calls += 1
        return original.apply(this, args)
      }
      restore.push(() => (db[method] = original))
    }
  })
  afterAll(async () => {
    for (const undo of restore) undo()
    await stopPayload(payload)
    if (autorun === undefined) delete process.env.JOBS_AUTORUN
    else process.env.JOBS_AUTORUN = autorun
  })

  const callsFor = async (collection: 'events' | 'press-releases', limit: number, depth: number) => {
    calls = 0
    const result = await payload.find({ collection, limit, depth, locale: 'ru', overrideAccess: false })
    expect(result.docs).toHaveLength(Math.min(limit, result.totalDocs))
    return calls
  }

  it('reads events in the same number of calls for 5 or 20 documents, at depth 0, 1 and 2', async () => {
    // The first public read also reads which speakers are public (then kept until the next write).
    await callsFor('events', 1, 0)
    const counts = {
      d0: [await callsFor('events', 5, 0), await callsFor('events', 20, 0)],
      d1: [await callsFor('events', 5, 1), await callsFor('events', 20, 1)],
      d2: [await callsFor('events', 5, 2), await callsFor('events', 20, 2)],
    }
    expect(counts.d0[0]).toBe(counts.d0[1])
    expect(counts.d1[0]).toBe(counts.d1[1])
    expect(counts.d2[0]).toBe(counts.d2[1])
    // Each depth adds at most one batched read per related collection, never one per document.
    expect(counts.d2[1]).toBeLessThanOrEqual(12)
  })

  it('reads press releases in the same number of calls for 5 or 10 documents', async () => {
    expect(await callsFor('press-releases', 5, 1)).toBe(await callsFor('press-releases', 10, 1))
  })
})
