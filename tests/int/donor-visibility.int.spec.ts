import { type RestClient, restClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

// The seed's EU-funded project: “Action for Freedom from Torture in Kazakhstan and Tajikistan”,
// whose notice says “This project is funded by the European Union” (English and Russian only).
const PROJECT_SLUG = 'action-for-freedom-from-torture-in-kazakhstan-and-tajikistan'
const TAJIK_STATEMENT = 'Ин лоиҳа аз ҷониби Иттиҳоди Аврупо маблағгузорӣ мешавад'

describe('donor visibility, over HTTP with the seed’s EU-funded project', () => {
  let server: RunningServer
  let anonymous: RestClient
  let admin: RestClient
  let editor: RestClient
  let translator: RestClient
  let frontendKey: RestClient
  let project: { id: number; donorNotices: number[] }
  let notice: { id: number; name: string }
  let seedEvent: number
  let seedRelease: number

  beforeAll(async () => {
    server = await startServer()
    ;({ anonymous, admin, editor, translator } = await staffClients(server))
    const key = await admin.post('/api/api-keys', { name: 'site', kind: 'frontend' })
    frontendKey = restClient(server, `api-keys API-Key ${key.body.doc.key}`)
    project = (await editor.get(`/api/projects?where[slug][equals]=${PROJECT_SLUG}&depth=0`)).body.docs[0]
    notice = (await editor.get(`/api/donor-notices/${project.donorNotices[0]}?depth=0`)).body
    seedEvent = (await editor.get(`/api/events?where[project][equals]=${project.id}&depth=0`)).body.docs[0].id
    seedRelease = (await editor.get(`/api/press-releases?where[project][equals]=${project.id}&depth=0`)).body.docs[0].id
  })
  afterAll(() => server?.stop('SIGKILL'))

  const report = (client: RestClient, query = '') => client.get(`/api/projects/${project.id}/visibility-report${query}`)

  it('lists the project’s public event and release with dates, locales, URLs and the gaps the seed’s rules find', async () => {
    expect(notice.name).toMatch(/^EU — /)
    // The check reads every locale while the seed writes English: the write keeps its own locale.
    expect((await anonymous.get(`/api/events/${seedEvent}?locale=en&depth=0`)).body.title).toBe(
      'Regional Conference: The Role of Civil Society in the Prevention of Torture',
    )
    const reply = await report(editor)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('private, no-store')
    expect(reply.body.project).toMatchObject({ id: project.id, slug: PROJECT_SLUG })
    expect(reply.body.notices).toEqual([
      expect.objectContaining({
        id: notice.id,
        emblem: false,
        visibility: expect.objectContaining({ emblemRequired: true, statementRequired: true, enforce: false }),
      }),
    ])
    const event = reply.body.items.find((item: { collection: string }) => item.collection === 'events')
    expect(event).toMatchObject({
      id: seedEvent,
      startDate: '2016-05-31T04:00:00.000Z',
      endDate: '2016-06-02T13:00:00.000Z',
      locales: ['en', 'ru'],
      noticePresent: true,
      emblemPresent: false,
    })
    expect(event.firstPublishedAt).toEqual(expect.any(String))
    expect(event.urls.en).toMatch(
      /\/en\/events\/regional-conference-the-role-of-civil-society-in-the-prevention-of-torture$/,
    )
    expect(Object.keys(event.urls)).toEqual(['en', 'ru'])
    // The statement exists in both of its languages; the emblem does not.
    expect(event.gaps.map((gap: { message: string }) => gap.message)).toEqual([
      `The emblem of donor notice “${notice.name}” is missing.`,
    ])
    const release = reply.body.items.find((item: { collection: string }) => item.collection === 'press-releases')
    expect(release).toMatchObject({ id: seedRelease, releaseDate: '2016-05-31T00:00:00.000Z', noticePresent: true })
    expect(reply.body.summary).toEqual({ items: 2, withGaps: 2 })
  })

  it('is for editors and admins only: 401 anonymous, 403 for translators and API keys', async () => {
    expect((await report(anonymous)).status).toBe(401)
    expect((await report(frontendKey)).status).toBe(403)
    expect((await report(translator)).status).toBe(403)
    expect((await report(admin)).status).toBe(200)
    expect((await anonymous.get(`/api/events/${seedEvent}/visibility`)).status).toBe(401)
    expect((await frontendKey.get(`/api/events/${seedEvent}/visibility`)).status).toBe(403)
  })

  it('answers 400 naming the parameter for a bad format, locale or id, and 404 for an unknown project', async () => {
    const format = await report(editor, '?format=xml')
    expect(format.status).toBe(400)
    expect(format.body.errors[0].data).toEqual([{ path: 'format', message: 'format must be json or csv, got "xml".' }])
    const locale = await report(editor, '?locale=xx')
    expect(locale.status).toBe(400)
    expect(locale.body.errors[0].data[0].path).toBe('locale')
    expect((await editor.get('/api/projects/abc/visibility-report')).status).toBe(400)
    expect((await editor.get('/api/projects/999999/visibility-report')).status).toBe(404)
    expect((await editor.get('/api/events/999999/visibility')).status).toBe(404)
  })

  let published: number
  it('lists only what the public reads: no draft, no release under embargo; CSV quotes commas and quotes', async () => {
    const base = { project: project.id, donorNotices: [notice.id] }
    const event = {
      ...base,
      startDate: '2026-09-01T04:00:00.000Z',
      endDate: '2026-09-01T12:00:00.000Z',
      timezone: 'Asia/Dushanbe',
    }
    const draft = await editor.post('/api/events?draft=true', {
      ...event,
      title: 'Draft planning meeting',
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
    const embargoed = await editor.post('/api/press-releases', {
      ...base,
      title: 'Embargoed findings',
      releaseDate: '2026-09-01T00:00:00.000Z',
      embargoUntil: '2099-01-01T00:00:00.000Z',
      _status: 'published',
    })
    expect(embargoed.status).toBe(201)
    const created = await editor.post('/api/events', {
      ...event,
      title: 'Workshop, "Visibility" in Dushanbe',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    published = created.body.doc.id
    // A newer draft of a published event is not what the public reads either.
    expect((await editor.patch(`/api/events/${published}?draft=true`, { title: 'Unpublished new title' })).status).toBe(
      200,
    )

    const json = await report(editor, '?format=json')
    const listed = json.body.items.map((item: { collection: string; id: number; title: string }) => [
      item.collection,
      item.id,
      item.title,
    ])
    expect(listed).toContainEqual(['events', published, 'Workshop, "Visibility" in Dushanbe'])
    expect(listed.map(([, id]: [string, number]) => id)).not.toContain(draft.body.doc.id)
    expect(listed.map(([, id]: [string, number]) => id)).not.toContain(embargoed.body.doc.id)
    expect(JSON.stringify(json.body)).not.toContain('Unpublished new title')

    const csv = await report(editor, '?format=csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename=${PROJECT_SLUG}-visibility.csv`)
    const lines = (csv.body as string).split('\r\n')
    expect(lines[0]).toBe(
      'collection,id,locale,title,url,startDate,endDate,releaseDate,firstPublishedAt,noticePresent,emblemPresent,gaps',
    )
    const row = lines.find((line) => line.startsWith(`events,${published},en,`))
    expect(row).toContain(',"Workshop, ""Visibility"" in Dushanbe",')
    expect(row).toContain(`,no,The emblem of donor notice “${notice.name}” is missing.`)
    expect(csv.body).not.toContain('Draft planning meeting')
    expect(csv.body).not.toContain('Embargoed findings')
  })

  it('warns, without refusing, when a notice that does not enforce lacks the statement in a published language', async () => {
    expect(
      (await editor.patch(`/api/events/${published}?locale=tg&draft=true`, { title: 'Семинар дар Душанбе' })).status,
    ).toBe(200)
    const publish = await editor.patch(`/api/events/${published}?locale=tg`, { _status: 'published' })
    expect(publish.status).toBe(200)
    const check = await editor.get(`/api/events/${published}/visibility?locale=tg`)
    expect(check.status).toBe(200)
    expect(check.body.blocking).toBe(false)
    expect(check.body.locales).toEqual(expect.arrayContaining(['en', 'tg']))
    expect(check.body.gaps.map((gap: { message: string }) => gap.message)).toContain(
      `The statement of donor notice “${notice.name}” is missing in Tajik (tg).`,
    )
    const item = (await report(editor)).body.items.find(
      (entry: { id: number; collection: string }) => entry.collection === 'events' && entry.id === published,
    )
    expect(item.locales).toEqual(expect.arrayContaining(['en', 'tg']))
    expect(item.gaps).toContainEqual(expect.objectContaining({ rule: 'statement', locale: 'tg', enforced: false }))
  })

  it('refuses to publish (400, naming donorNotices) once the notice enforces its rules; drafts still save; fixed, it publishes', async () => {
    const rules = await admin.patch(`/api/donor-notices/${notice.id}`, {
      visibility: { emblemRequired: false, statementRequired: true, enforce: true },
      _status: 'published',
    })
    expect(rules.status).toBe(200)
    const created = await editor.post('/api/events?draft=true', {
      title: 'Roundtable in Khujand',
      project: project.id,
      donorNotices: [notice.id],
      startDate: '2026-10-01T04:00:00.000Z',
      endDate: '2026-10-01T12:00:00.000Z',
      _status: 'draft',
    })
    const id = created.body.doc.id
    expect((await editor.patch(`/api/events/${id}?locale=en`, { _status: 'published' })).status).toBe(200)
    expect(
      (await editor.patch(`/api/events/${id}?locale=tg&draft=true`, { title: 'Мизи мудаввар дар Хуҷанд' })).status,
    ).toBe(200)

    const refused = await editor.patch(`/api/events/${id}?locale=tg`, { _status: 'published' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([
      {
        path: 'donorNotices',
        message: `The statement of donor notice “${notice.name}” is missing in Tajik (tg). The donor’s rules are enforced: fix this before publishing.`,
      },
    ])
    expect((await editor.get(`/api/events/${id}/visibility?locale=tg`)).body.blocking).toBe(true)
    // Not published in Tajik: the public still reads no Tajik title.
    expect((await anonymous.get(`/api/events/${id}?locale=tg&fallback-locale=none`)).body.title ?? null).toBeNull()

    // A release that leaves out the project's notice is refused too, on create; as a draft it saves.
    const release = {
      title: 'Release without the notice',
      releaseDate: '2026-10-02T00:00:00.000Z',
      project: project.id,
    }
    const noNotice = await editor.post('/api/press-releases', { ...release, _status: 'published' })
    expect(noNotice.status).toBe(400)
    expect(noNotice.body.errors[0].data.errors[0]).toEqual({
      path: 'donorNotices',
      message: expect.stringContaining('is not attached to this item'),
    })
    expect((await editor.post('/api/press-releases?draft=true', { ...release, _status: 'draft' })).status).toBe(201)

    const fixed = await editor.patch(`/api/donor-notices/${notice.id}?locale=tg`, {
      statement: TAJIK_STATEMENT,
      _status: 'published',
    })
    expect(fixed.status).toBe(200)
    expect((await editor.get(`/api/events/${id}/visibility?locale=tg`)).body).toMatchObject({
      blocking: false,
      gaps: [],
    })
    expect((await editor.patch(`/api/events/${id}?locale=tg`, { _status: 'published' })).status).toBe(200)
    expect((await anonymous.get(`/api/events/${id}?locale=tg`)).body.title).toBe('Мизи мудаввар дар Хуҷанд')
  })
})
