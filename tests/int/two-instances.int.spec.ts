import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PASSWORD, type RestClient, restClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

/**
 * Two server processes on one SQLite database (WAL), as two instances behind a balancer: a
 * write through one is seen through the other at once, and an unpublished document is never
 * served by either from its cache or its read model.
 */
describe('two instances on one database', () => {
  let first: RunningServer
  let second: RunningServer
  let editor: RestClient
  let readerOfFirst: RestClient
  let readerOfSecond: RestClient

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-two-'))
    const shared = {
      SEED_ON_START: 'false',
      DATABASE_URI: `file:${path.join(dir, 'shared.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
    }
    first = await startServer(shared)
    second = await startServer(shared)
    ;({ editor } = await staffClients(first))
    readerOfFirst = restClient(first)
    readerOfSecond = restClient(second)
    expect(
      (await restClient(second).post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD }))
        .status,
    ).toBe(200)
  })
  afterAll(async () => {
    await first?.stop('SIGKILL')
    await second?.stop('SIGKILL')
  })

  const titles = async (client: RestClient, query = '') =>
    ((await client.get(`/api/events?depth=0&limit=100${query}`)).body.docs as { title: string }[]).map(
      (doc) => doc.title,
    )

  it('a publish through one is read through the other at once, and an unpublish is never served stale', async () => {
    const ids: number[] = []
    for (let round = 0; round < 5; round += 1) {
      const title = `Round ${round} ${Math.random().toString(36).slice(2, 7)}`
      // Both instances cache the list, by URL and in GraphQL, before the write.
      await titles(readerOfFirst)
      await titles(readerOfSecond)
      await readerOfSecond.graphql('{ Events(limit: 100) { docs { title } } }')
      const created = await editor.post('/api/events?depth=0', {
        title,
        startDate: '2031-01-01T05:00:00.000Z',
        endDate: '2031-01-01T06:00:00.000Z',
        _status: 'published',
      })
      expect(created.status).toBe(201)
      ids.push(created.body.doc.id)
      expect(await titles(readerOfSecond)).toContain(title)
      expect((await readerOfSecond.get(`/api/events/${created.body.doc.id}?depth=0`)).status).toBe(200)
      const graphql = await readerOfSecond.graphql('{ Events(limit: 100) { docs { title } } }')
      expect(graphql.body.data.Events.docs.map((doc: { title: string }) => doc.title)).toContain(title)

      expect((await editor.patch(`/api/events/${created.body.doc.id}?depth=0`, { _status: 'draft' })).status).toBe(200)
      for (const reader of [readerOfSecond, readerOfFirst]) {
        expect(await titles(reader)).not.toContain(title)
        expect((await reader.get(`/api/events/${created.body.doc.id}?depth=0`)).status).toBe(404)
        const after = await reader.graphql('{ Events(limit: 100) { docs { title } } }')
        expect(after.body.data.Events.docs.map((doc: { title: string }) => doc.title)).not.toContain(title)
      }
    }
  })

  it('a change removes from both instances’ caches the answers made from it, and keeps the others', async () => {
    const speaker = async (name: string) =>
      (await editor.post('/api/speakers?depth=0', { name, visibility: 'public', consent: { given: true } })).body.doc
        .id as number
    const embedded = await speaker('Embedded Speaker')
    const bystander = await speaker('Bystander Speaker')
    const event = await editor.post('/api/events?depth=0', {
      title: 'Event with a speaker',
      startDate: '2031-02-01T05:00:00.000Z',
      endDate: '2031-02-01T06:00:00.000Z',
      speakers: [{ speaker: embedded, role: 'speaker' }],
      _status: 'published',
    })
    expect(event.status).toBe(201)
    const eventPath = `/api/events/${event.body.doc.id}?depth=1`
    const bystanderPath = `/api/speakers/${bystander}?depth=0`
    // Until both are rendered into the store, Payload answers them, and such answers go with any change.
    for (let attempt = 0; ; attempt += 1) {
      const sources = await Promise.all(
        [eventPath, bystanderPath].map(async (p) =>
          (await readerOfSecond.get(`${p}&probe=${attempt}`)).headers.get('x-pressroom-source'),
        ),
      )
      if (sources.every((source) => source === 'store')) break
      if (attempt > 100) throw new Error('the store never answered')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const cached = async (reader: RestClient, p: string) => {
      // Twice: the store's answer is kept from the second request for a URL on.
      await reader.get(p)
      await reader.get(p)
      const again = await reader.get(p)
      expect(again.headers.get('x-cache')).toBe('hit')
      return again
    }
    for (const reader of [readerOfFirst, readerOfSecond]) {
      await cached(reader, eventPath)
      await cached(reader, bystanderPath)
    }

    expect((await editor.patch(`/api/speakers/${embedded}?depth=0`, { name: 'Renamed Speaker' })).status).toBe(200)
    for (const reader of [readerOfSecond, readerOfFirst]) {
      // The bystander is untouched: still cached. The event embeds the renamed speaker: never the old name.
      const untouched = await reader.get(bystanderPath)
      expect([untouched.headers.get('x-cache'), untouched.body.name]).toEqual(['hit', 'Bystander Speaker'])
      const changed = await reader.get(eventPath)
      expect(changed.headers.get('x-cache')).toBe('miss')
      expect(JSON.stringify(changed.body)).not.toContain('Embedded Speaker')
    }

    // Made internal: from then on neither instance names the speaker in the event, cached or not.
    expect((await editor.patch(`/api/speakers/${embedded}?depth=0`, { visibility: 'internal' })).status).toBe(200)
    for (const reader of [readerOfSecond, readerOfFirst]) {
      for (let read = 0; read < 3; read += 1)
        expect(JSON.stringify((await reader.get(eventPath)).body)).not.toContain('Renamed Speaker')
      expect((await reader.get(bystanderPath)).headers.get('x-cache')).toBe('hit')
    }
  })
})
