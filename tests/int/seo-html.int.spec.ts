import sharp from 'sharp'

import { elementNode as block, textNode as text } from '@/utilities/lexical'
import { fitLength, TITLE_MAX } from '@/utilities/seo'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const state = (...children: unknown[]) => ({ root: block('root', children) })

/** SEO meta and Open Graph, and rich text as HTML, through the running server as frontends read them. */
describe('SEO fields and HTML rich text, over HTTP', () => {
  let server: RunningServer
  let editor: RestClient
  let anonymous: RestClient
  let token: string
  let imageId: number
  let eventId: number
  let releaseId: number
  let draftId: number
  let embargoedId: number

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`)
    return {
      status: response.status,
      body: (await response.json()) as any,
      cache: response.headers.get('x-cache'),
      source: response.headers.get('x-pressroom-source'),
    }
  }

  beforeAll(async () => {
    server = await startServer()
    ;({ editor, anonymous } = await staffClients(server))
    token = `JWT ${(await anonymous.post('/api/users/login', { email: 'editor@pressroom.test', password: 'correct horse battery staple' })).body.token}`
    const form = new FormData()
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#246' } })
      .png()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'hall.png')
    form.append('_payload', JSON.stringify({ alt: 'The conference hall' }))
    imageId = (
      await (
        await fetch(`${server.url}/api/media`, { method: 'POST', body: form, headers: { authorization: token } })
      ).json()
    ).doc.id
    const event = await editor.post('/api/events', {
      title: 'Regional conference on the role of civil society in the prevention of torture',
      summary: 'Sixty NGO representatives from Kazakhstan, Kyrgyzstan and Tajikistan meet in Dushanbe.',
      startDate: '2031-05-31T04:00:00.000Z',
      endDate: '2031-06-02T12:00:00.000Z',
      timezone: 'Asia/Dushanbe',
      heroImage: imageId,
      _status: 'published',
    })
    eventId = event.body.doc.id
    const body = state(
      block('heading', [text('What was agreed')], { tag: 'h2' }),
      block('list', [block('listitem', [text('Independent investigations', 1)], { value: 1 })], {
        listType: 'bullet',
        tag: 'ul',
        start: 1,
      }),
      block('paragraph', [
        text('See '),
        {
          type: 'link',
          version: 3,
          fields: { linkType: 'custom', url: 'https://iphronline.org/report' },
          children: [text('the report')],
        },
        text('.'),
      ]),
      { type: 'upload', version: 3, relationTo: 'media', value: imageId, fields: {} },
    )
    releaseId = (
      await editor.post('/api/press-releases', {
        title: 'Coalition report',
        summary: 'A report.',
        body,
        releaseDate: '2031-01-01T00:00:00.000Z',
        _status: 'published',
      })
    ).body.doc.id
    draftId = (
      await editor.post('/api/press-releases', {
        title: 'Draft statement',
        body: state(block('paragraph', [text('Unreleased draft wording')])),
        releaseDate: '2031-01-01T00:00:00.000Z',
      })
    ).body.doc.id
    embargoedId = (
      await editor.post('/api/press-releases', {
        title: 'Embargoed statement',
        body: state(block('paragraph', [text('Embargoed wording')])),
        releaseDate: '2031-01-01T00:00:00.000Z',
        embargoUntil: '2099-01-01T00:00:00.000Z',
        _status: 'published',
      })
    ).body.doc.id
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('fills the meta of the seed’s press release on save, per locale, and answers it to the public', async () => {
    const en =
      (
        await get(
          '/api/press-releases?where[slug][equals]=regional-conference-the-role-of-civil-society-in-the-prevention-of-torture&depth=0',
        )
      ).body.docs[0] ??
      (await get('/api/press-releases?depth=0&limit=100')).body.docs.find((doc: any) =>
        doc.title.startsWith('Regional Conference'),
      )
    expect(en.meta.title).toBe(fitLength(en.title, TITLE_MAX))
    expect(en.meta.title.length).toBeLessThanOrEqual(TITLE_MAX)
    expect(en.meta.description).toBe(fitLength(en.summary, 150))
    const ru = (await get(`/api/press-releases/${en.id}?locale=ru&depth=0`)).body
    expect(ru.meta.title).toBe(fitLength(ru.title, TITLE_MAX))
    expect(ru.meta.title).not.toBe(en.meta.title)
    expect(ru.openGraph).toMatchObject({
      title: ru.meta.title,
      locale: 'ru',
      type: 'article',
      url: expect.stringMatching(/\/ru\/press-releases\//),
    })
  })

  it('gives an event without meta its hero image, and an Open Graph block with the 1200×630 rendition, in REST, GraphQL and JSON-LD', async () => {
    const flat = (await get(`/api/events/${eventId}?depth=0`)).body
    expect(flat.meta).toMatchObject({
      title: 'Regional conference on the role of civil society in the…',
      image: imageId,
    })
    const { body: doc } = await get(`/api/events/${eventId}`)
    expect(doc.openGraph).toMatchObject({
      title: flat.meta.title,
      description: flat.summary,
      locale: 'en',
      type: 'website',
      image: { width: 1200, height: 630, alt: 'The conference hall', type: 'image/png' },
    })
    expect(doc.openGraph.image.url).toMatch(/^http.*\/api\/media\/file\/hall-1200x630\.png$/)
    const graphql = await anonymous.graphql(
      `{ Event(id: ${eventId}) { meta { title description image { id } } openGraph } }`,
    )
    expect(graphql.body.data.Event).toEqual({
      meta: { title: flat.meta.title, description: flat.meta.description, image: { id: imageId } },
      openGraph: doc.openGraph,
    })
    const jsonLd = JSON.parse(await (await fetch(`${server.url}/api/events/${eventId}/jsonld`)).text())
    expect(jsonLd).toMatchObject({ description: flat.meta.description, image: doc.openGraph.image.url })
  })

  it('keeps what the editor wrote', async () => {
    const saved = await editor.patch(`/api/events/${eventId}`, {
      meta: { title: 'Torture prevention: Dushanbe 2031', description: 'Mine.' },
    })
    expect(saved.status).toBe(200)
    const { body } = await get(`/api/events/${eventId}?depth=0`)
    expect(body.meta).toEqual({ title: 'Torture prevention: Dushanbe 2031', description: 'Mine.', image: imageId })
  })

  it('answers ?richText=html with sanitized HTML from Payload’s read, cached under its own key, and Lexical JSON without it', async () => {
    const plain = await get(`/api/press-releases/${releaseId}`)
    expect(plain.body.body.root).toBeDefined()
    const first = await get(`/api/press-releases/${releaseId}?richText=html`)
    expect(first.status).toBe(200)
    expect(first.source).not.toBe('store')
    const html: string = first.body.body
    expect(html).toContain('<h2>What was agreed</h2>')
    expect(html).toContain(
      '<ul class="list-bullet"><li value="1"><strong>Independent investigations</strong></li></ul>',
    )
    expect(html).toContain('<a href="https://iphronline.org/report" rel="noopener noreferrer">the report</a>')
    expect(html).toMatch(
      /<img alt="The conference hall" height="1000" src="(http[^"]+)?\/api\/media\/file\/hall\.png" width="1600" \/>/,
    )
    expect(html).toMatch(
      /<source media="\(max-width: 1200px\)" srcset="(http[^"]+)?\/api\/media\/file\/hall-1200x630\.png" type="image\/png" \/>/,
    )
    const again = await get(`/api/press-releases/${releaseId}?richText=html`)
    expect([again.cache, again.body.body]).toEqual(['hit', html])
    expect((await get(`/api/press-releases/${releaseId}`)).body.body.root).toBeDefined()
    const list = await get(`/api/press-releases?richText=html&where[id][in]=${releaseId},${draftId},${embargoedId}`)
    expect(list.body.docs.map((doc: any) => doc.id)).toEqual([releaseId])
    expect(list.body.docs[0].body).toBe(html)
  })

  it('never shows a draft or an embargoed release as HTML, and refuses an unknown format', async () => {
    for (const id of [draftId, embargoedId]) {
      const reply = await get(`/api/press-releases/${id}?richText=html`)
      expect(reply.status).toBe(404)
      expect(JSON.stringify(reply.body)).not.toMatch(/Unreleased draft wording|Embargoed wording/)
    }
    const all = await get('/api/press-releases?richText=html&limit=100&draft=true')
    expect(JSON.stringify(all.body)).not.toMatch(/Unreleased draft wording|Embargoed wording/)
    const bad = await get('/api/events?richText=markdown')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data).toEqual([
      { path: 'richText', message: 'richText must be lexical or html, got "markdown".' },
    ])
  })
})
