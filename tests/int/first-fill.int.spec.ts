import type { CollectionSlug, Payload } from 'payload'

import { searchDeclarations } from '@/plugins/search'
import { SEARCH_INDEX, SEARCH_WORDS } from '@/plugins/search/collection'
import { fillIndex } from '@/plugins/search/reindex'
import { idPages } from '@/utilities/idPages'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

// The first fill of the search index walks every id past access (idPages), then reads each
// document as the public does. Over a database that already holds drafts, an embargoed release
// and an internal speaker, it must index what the public reads and nothing else.
describe('the first fill of an existing database', () => {
  let payload: Payload
  // Ids repeat across collections on SQLite: a document is its collection and its id.
  const made: Record<string, string> = {}

  beforeAll(async () => {
    payload = await startPayload()
    const editor = { user: await createUser(payload, 'editor'), overrideAccess: false as const }
    const create = async (name: string, collection: CollectionSlug, data: Record<string, unknown>) => {
      made[name] = `${collection}:${(await payload.create({ collection, data: data as never, ...editor })).id}`
    }
    const dates = { startDate: '2099-03-01T09:00:00.000Z', endDate: '2099-03-01T11:00:00.000Z', timezone: 'UTC' }
    await create('published event', 'events', { title: 'Kestrel published', ...dates, _status: 'published' })
    await create('draft event', 'events', { title: 'Kestrel draft', ...dates, _status: 'draft' })
    await create('embargoed release', 'press-releases', {
      title: 'Kestrel embargoed',
      releaseDate: '2026-01-01T00:00:00.000Z',
      embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
      _status: 'published',
    })
    await create('internal speaker', 'speakers', {
      name: 'Kestrel Internal',
      position: 'Witness',
      visibility: 'internal',
    })
    await create('public speaker', 'speakers', {
      name: 'Kestrel Public',
      position: 'Expert',
      visibility: 'public',
      consent: { given: true, date: '2026-01-01T00:00:00.000Z' },
    })
    // As on a database made before the search existed: no rows, no words.
    await payload.db.deleteMany({ collection: SEARCH_INDEX, where: {} })
    await payload.db.deleteMany({ collection: SEARCH_WORDS, where: {} })
    await fillIndex(payload, searchDeclarations(payload.config.collections))
  })
  afterAll(() => stopPayload(payload))

  const indexed = async (access: 'anonymous' | 'database') => {
    const { docs } =
      access === 'database'
        ? await payload.db.find({ collection: SEARCH_INDEX, limit: 0, pagination: false })
        : await payload.find({ collection: SEARCH_INDEX as CollectionSlug, pagination: false, overrideAccess: false })
    const rows = docs as unknown as { collection: string; document: string }[]
    const documents = new Set(rows.map((row) => `${row.collection}:${row.document}`))
    return Object.keys(made).filter((name) => documents.has(made[name]))
  }

  it('indexes the published event and the public speaker for the public, and never the draft or the internal speaker', async () => {
    expect(await indexed('anonymous')).toEqual(['published event', 'public speaker'])
    // The embargoed release waits in the index with its embargo; the draft and the hidden person are not there at all.
    expect(await indexed('database')).toEqual(['published event', 'embargoed release', 'public speaker'])
  })

  it('walks ids only: a page holds ids, never a field of the document', async () => {
    const pages = []
    for await (const ids of idPages(payload, 'speakers')) pages.push(...ids)
    expect(pages.map((id) => `speakers:${id}`)).toEqual(
      expect.arrayContaining([made['internal speaker'], made['public speaker']]),
    )
    expect(pages.every((id) => typeof id === 'number' || typeof id === 'string')).toBe(true)
  })
})
