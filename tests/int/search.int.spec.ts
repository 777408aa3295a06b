import { XMLParser } from 'fast-xml-parser'

import type { SearchResult as Result } from '@/plugins/search/query'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const FRONTEND = 'https://www.example.org'
const PER_FILE = 10
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/**
 * The site search, redirects and the split sitemap, through HTTP against the built server with the
 * seed (in English and Russian) and documents made here by an editor.
 */
describe('site search, redirects and the sitemap', () => {
  let server: RunningServer
  let anonymous: RestClient
  let editor: RestClient
  const search = async (query: string, client?: RestClient) => {
    const reply = await (client ?? anonymous).get(`/api/search?${query}`)
    expect(reply.status).toBe(200)
    return reply.body as { docs: Result[]; totalDocs: number; totalPages: number; page: number }
  }
  const titles = async (query: string, client?: RestClient) =>
    (await search(query, client)).docs.map((doc) => `${doc.collection}: ${doc.title}`)

  beforeAll(async () => {
    server = await startServer({
      FRONTEND_URL: FRONTEND,
      SERVER_URL: 'https://cms.example.org',
      SITEMAP_URLS_PER_FILE: String(PER_FILE),
    })
    ;({ anonymous, editor } = await staffClients(server))
  })
  afterAll(() => server?.stop('SIGKILL'))

  describe('search', () => {
    it('finds the seed in Russian and English, in Cyrillic and Latin spellings, without regard to case or ё', async () => {
      const conference = 'events: Regional Conference: The Role of Civil Society in the Prevention of Torture'
      const конференция = 'events: Региональная конференция: роль гражданского общества в предупреждении пыток'
      expect(await titles('q=Dushanbe&locale=en')).toContain(conference)
      expect(await titles('q=%D0%94%D1%83%D1%88%D0%B0%D0%BD%D0%B1%D0%B5&locale=en')).toContain(conference)
      const ru = await titles(`q=${encodeURIComponent('Душанбе')}&locale=ru`)
      expect(ru).toContain(конференция)
      expect(await titles('q=DUSHANBE&locale=ru')).toEqual(ru)
      // The Russian summary is spelt "Трёхдневная".
      expect(await titles(`q=${encodeURIComponent('трехдневная')}&locale=ru`)).toEqual([конференция])
      const bishkek = await titles(`q=${encodeURIComponent('Бишкек')}&locale=ru`)
      expect(bishkek).toEqual(
        expect.arrayContaining([
          'press-releases: Региональная конференция: роль гражданского общества в предупреждении пыток',
          'organisations: Коалиция против пыток в Кыргызстане',
        ]),
      )
      expect(await titles('q=bishkek&locale=ru')).toEqual(bishkek)
      expect(await titles('q=Bishkek&locale=en')).toEqual(
        expect.arrayContaining(['organisations: Coalition against Torture in Kyrgyzstan']),
      )
    })

    it('finds words by their start, as a reader types them, in either script, and not by their middle', async () => {
      const conference = 'events: Regional Conference: The Role of Civil Society in the Prevention of Torture'
      expect(await titles('q=Dushanb&locale=en')).toContain(conference)
      expect(await titles(`q=${encodeURIComponent('Душан')}&locale=en`)).toContain(conference)
      expect(await titles('q=prevent+tortu&locale=en')).toContain(conference)
      expect(await titles('q=ushanbe&locale=en')).toEqual([])
      // Every word must be found: a known word beside one that is in no document finds nothing.
      expect(await titles('q=Dushanbe+quolloxy&locale=en')).toEqual([])
    })

    it('answers the collection, title, summary and path of each result, and filters by collection', async () => {
      const { docs } = await search('q=Dushanbe&locale=ru&collections=events')
      expect(docs.length).toBe(1)
      expect(docs[0]).toMatchObject({
        collection: 'events',
        summary: expect.stringContaining('Душанбе'),
        path: expect.stringMatching(/^\/ru\/events\/[a-z0-9-]+$/),
      })
      const event = (await anonymous.get(`/api/events/${docs[0].id}?locale=ru&depth=0`)).body
      expect(docs[0].path).toBe(`/ru/events/${event.slug}`)
      const organisations = await search('q=Dushanbe&locale=en&collections=organisations,speakers')
      expect(organisations.docs.length).toBeGreaterThan(0)
      expect(organisations.docs.every((doc) => doc.collection === 'organisations')).toBe(true)
    })

    it('folds the letters of Kazakh, Kyrgyz and Tajik, and ranks title matches first', async () => {
      const created = await editor.post('/api/organisations', { name: 'Zefirin Centre', organisationType: 'ngo' })
      expect(created.status).toBe(201)
      expect(
        (
          await editor.patch(`/api/organisations/${created.body.doc.id}?locale=kk`, {
            name: 'Аймақтық үйлестіру орталығы Зефирин',
          })
        ).status,
      ).toBe(200)
      await editor.post('/api/speakers', {
        name: 'Ada Quill',
        position: 'Fellow of the Zefirin institute',
        visibility: 'public',
        consent: { given: true, date: '2026-01-01T00:00:00.000Z' },
      })
      expect(await titles(`q=${encodeURIComponent('аймактык уйлестиру')}&locale=kk`)).toEqual([
        'organisations: Аймақтық үйлестіру орталығы Зефирин',
      ])
      expect(await titles(`q=${encodeURIComponent('ҮЙЛЕСТІРУ')}&locale=kk`)).toEqual([
        'organisations: Аймақтық үйлестіру орталығы Зефирин',
      ])
      const ranked = await search('q=zefirin&locale=kk')
      expect(ranked.docs.map((doc) => [doc.collection, doc.rank])).toEqual([
        ['organisations', 'title'],
        ['speakers', 'text'],
      ])
    })

    it('pages through the ranked results without repeating one', async () => {
      const all = await search('q=torture&locale=en&limit=50')
      expect(all.totalDocs).toBeGreaterThan(3)
      const paged: string[] = []
      for (let page = 1; page <= all.totalDocs; page += 1) {
        const one = await search(`q=torture&locale=en&limit=1&page=${page}`)
        expect(one.totalDocs).toBe(all.totalDocs)
        paged.push(`${one.docs[0].collection}:${one.docs[0].id}`)
      }
      expect(paged).toEqual(all.docs.map((doc) => `${doc.collection}:${doc.id}`))
      const ranks = all.docs.map((doc) => doc.rank)
      expect(ranks.indexOf('text') === -1 || ranks.lastIndexOf('title') < ranks.indexOf('text')).toBe(true)
    })

    it('never returns drafts, and an unpublished document leaves the results at once, cached or not', async () => {
      const draft = await editor.post('/api/events', {
        title: 'Quokka seminar',
        startDate: '2099-01-01T08:00:00.000Z',
        endDate: '2099-01-01T10:00:00.000Z',
        timezone: 'UTC',
        _status: 'draft',
      })
      expect(draft.status).toBe(201)
      expect(await titles('q=quokka')).toEqual([])
      const id = draft.body.doc.id
      expect((await editor.patch(`/api/events/${id}`, { _status: 'published' })).status).toBe(200)
      expect(await titles('q=quokka')).toEqual(['events: Quokka seminar'])
      const again = await anonymous.get('/api/search?q=quokka')
      expect(again.headers.get('x-cache')).toBe('hit')
      expect((await editor.patch(`/api/events/${id}`, { _status: 'draft' })).status).toBe(200)
      expect(await titles('q=quokka')).toEqual([])
      // A draft saved over a published document changes nothing the public reads.
      await editor.patch(`/api/events/${id}`, { _status: 'published' })
      await editor.patch(`/api/events/${id}?draft=true`, { title: 'Quokka seminar renamed' })
      expect(await titles('q=quokka')).toEqual(['events: Quokka seminar'])
      expect(await titles('q=renamed')).toEqual([])
      await editor.delete(`/api/events/${id}`)
      expect(await titles('q=quokka')).toEqual([])
    })

    it('keeps an embargoed release out until the embargo lifts, though its row waits in the index', async () => {
      const future = new Date(Date.now() + 86_400_000).toISOString()
      const release = await editor.post('/api/press-releases', {
        title: 'Wombat statement',
        releaseDate: '2026-01-01T00:00:00.000Z',
        embargoUntil: future,
        _status: 'published',
      })
      expect(release.status).toBe(201)
      expect(await titles('q=wombat')).toEqual([])
      // The row is there (staff read it): the index's read rule is what keeps it from the public.
      expect(await titles('q=wombat', editor)).toEqual(['press-releases: Wombat statement'])
      expect((await anonymous.get('/api/search-index?where[title][equals]=Wombat statement')).body.docs).toEqual([])
      expect(
        (
          await editor.patch(`/api/press-releases/${release.body.doc.id}`, {
            embargoUntil: new Date(Date.now() - 1000).toISOString(),
          })
        ).status,
      ).toBe(200)
      expect(await titles('q=wombat')).toEqual(['press-releases: Wombat statement'])
    })

    it('never returns hidden or internal speakers, nor one made internal later', async () => {
      await editor.post('/api/speakers', { name: 'Platypus Witness', position: 'Witness', visibility: 'internal' })
      expect(await titles('q=platypus')).toEqual([])
      const shown = await editor.post('/api/speakers', {
        name: 'Numbat Expert',
        position: 'Expert',
        visibility: 'public',
        consent: { given: true, date: '2026-01-01T00:00:00.000Z' },
      })
      expect(await titles('q=numbat')).toEqual(['speakers: Numbat Expert'])
      await editor.patch(`/api/speakers/${shown.body.doc.id}`, { visibility: 'internal' })
      expect(await titles('q=numbat')).toEqual([])
      expect(await titles('q=numbat', editor)).toEqual([])
    })

    it.each([
      ['', 'q'],
      ['q=', 'q'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['q=%21%21', 'q'],
      ['q=a+b+c+d+e+f+g+h+i', 'q'],
      ['q=dushanbe&locale=xx', 'locale'],
      ['q=dushanbe&locale=all', 'locale'],
      ['q=dushanbe&collections=users', 'collections'],
      ['q=dushanbe&collections=', 'collections'],
      ['q=dushanbe&limit=51', 'limit'],
      ['q=dushanbe&limit=100000', 'limit'],
      ['q=dushanbe&limit=abc', 'limit'],
      ['q=dushanbe&page=0', 'page'],
      ['q=a&q=b', 'q'],
    ])('refuses ?%s with a 400 naming %s', async (query, path) => {
      const reply = await anonymous.get(`/api/search?${query}`)
      expect(reply.status).toBe(400)
      expect(reply.body.errors[0].message).toEqual(expect.any(String))
      expect(reply.body.errors[0].data.map((problem: { path: string }) => problem.path)).toContain(path)
    })
  })

  describe('redirects and the sitemap', () => {
    let first: number
    const resolve = (query: string) => anonymous.get(`/api/redirects?${query}`)

    beforeAll(async () => {
      const event = await editor.post('/api/events', {
        title: 'Kookaburra forum',
        startDate: '2099-02-01T08:00:00.000Z',
        endDate: '2099-02-01T10:00:00.000Z',
        timezone: 'UTC',
        _status: 'published',
      })
      first = event.body.doc.id
      expect(event.body.doc.slug).toBe('kookaburra-forum')
      await editor.patch(`/api/events/${first}`, { slug: 'kookaburra-forum-2099', generateSlug: false })
      await editor.patch(`/api/events/${first}`, { slug: 'kookaburra-forum-final', generateSlug: false })
    })

    it('resolves old slugs to the current one, a chain in one step, and the current slug to itself', async () => {
      for (const old of ['kookaburra-forum', 'kookaburra-forum-2099']) {
        const reply = await resolve(`collection=events&slug=${old}&locale=en`)
        expect(reply.status).toBe(200)
        expect(reply.body).toEqual({
          collection: 'events',
          id: String(first),
          locale: 'en',
          slug: 'kookaburra-forum-final',
          path: '/en/events/kookaburra-forum-final',
          redirected: true,
          from: old,
        })
      }
      expect((await resolve('collection=events&slug=kookaburra-forum-final')).body).toMatchObject({
        id: String(first),
        redirected: false,
      })
      expect((await resolve('collection=events&slug=no-such-event')).status).toBe(404)
      // Per locale: no Russian page ever had the Russian slug asked for.
      expect((await resolve(`collection=events&slug=${encodeURIComponent('форум-кукабарры')}&locale=ru`)).status).toBe(
        404,
      )
    })

    it('yields an old slug to a document that now has it, and says nothing of unpublished documents', async () => {
      const reuser = await editor.post('/api/events', {
        title: 'Kookaburra forum',
        startDate: '2099-03-01T08:00:00.000Z',
        endDate: '2099-03-01T10:00:00.000Z',
        timezone: 'UTC',
        _status: 'published',
      })
      expect(reuser.body.doc.slug).toBe('kookaburra-forum')
      expect((await resolve('collection=events&slug=kookaburra-forum')).body).toMatchObject({
        id: String(reuser.body.doc.id),
        redirected: false,
      })
      // Once it is gone, the old slug leads to the document that had it before.
      await editor.patch(`/api/events/${reuser.body.doc.id}`, { _status: 'draft' })
      expect((await resolve('collection=events&slug=kookaburra-forum')).body).toMatchObject({
        id: String(first),
        slug: 'kookaburra-forum-final',
        redirected: true,
      })
      await editor.patch(`/api/events/${first}`, { _status: 'draft' })
      for (const slug of ['kookaburra-forum', 'kookaburra-forum-2099', 'kookaburra-forum-final'])
        expect((await resolve(`collection=events&slug=${slug}`)).status).toBe(404)
      // The rows are for staff: the public reads none of them, an editor the admin list.
      expect((await anonymous.get('/api/slug-redirects')).status).toBe(403)
      const rows = (await editor.get('/api/slug-redirects?where[document][equals]=' + first)).body.docs
        .map((row: { from: string }) => row.from)
        .sort()
      expect(rows).toEqual(['kookaburra-forum', 'kookaburra-forum-2099'])
      await editor.patch(`/api/events/${first}`, { _status: 'published' })
      expect((await resolve('collection=events&slug=kookaburra-forum-2099')).body).toMatchObject({
        slug: 'kookaburra-forum-final',
        redirected: true,
      })
    })

    it.each([
      ['slug=x', 'collection'],
      ['collection=users&slug=x', 'collection'],
      ['collection=events', 'slug'],
      [`collection=events&slug=${'a'.repeat(201)}`, 'slug'],
      ['collection=events&slug=x&locale=xx', 'locale'],
      ['collection=events&slug=x&locale=all', 'locale'],
    ])('refuses ?%s with a 400 naming %s', async (query, path) => {
      const reply = await resolve(query)
      expect(reply.status).toBe(400)
      expect(reply.body.errors[0].data.map((problem: { path: string }) => problem.path)).toContain(path)
    })

    it('splits the sitemap into files listed by an index, with current slugs only', async () => {
      for (const [index, prefix] of [
        ['/sitemap.xml', 'https://cms.example.org/sitemaps/'],
        ['/api/sitemap.xml', 'https://cms.example.org/api/sitemaps/'],
      ]) {
        const reply = await anonymous.get(index)
        expect(reply.status).toBe(200)
        const files = list(xml.parse(reply.body).sitemapindex.sitemap).map((entry: { loc: string }) => entry.loc)
        expect(files.length).toBeGreaterThan(1)
        expect(files[0]).toBe(`${prefix}1.xml`)
        const locs: string[] = []
        for (const file of files) {
          const part = await anonymous.get(new URL(file).pathname)
          expect(part.status).toBe(200)
          const urls = list(xml.parse(part.body).urlset.url) as { loc: string }[]
          expect(urls.length).toBeGreaterThan(0)
          expect(urls.length).toBeLessThanOrEqual(PER_FILE)
          locs.push(...urls.map((url) => url.loc))
        }
        expect(new Set(locs).size).toBe(locs.length)
        expect(locs).toContain(`${FRONTEND}/en/events/kookaburra-forum-final`)
        expect(locs.some((loc) => loc.endsWith('/kookaburra-forum-2099'))).toBe(false)
        expect(locs.some((loc) => loc.includes('quokka'))).toBe(false)
        expect((await anonymous.get(new URL(`${prefix}${files.length + 1}.xml`).pathname)).status).toBe(404)
      }
      expect((await anonymous.get('/sitemaps/abc.xml')).status).toBe(404)
    })
  })
})
