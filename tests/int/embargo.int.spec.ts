import { type RunningApp, startApp } from '../helpers/app'
import { type RestClient, restClient, staffClients } from '../helpers/rest'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('embargoes and preview links, over HTTP', () => {
  let server: RunningApp
  let anonymous: RestClient
  let editor: RestClient
  let frontendKey: RestClient
  let previewKey: RestClient
  let releaseId: number
  let embargoUntil: Date

  beforeAll(async () => {
    server = await startApp()
    const staff = await staffClients(server)
    anonymous = staff.anonymous
    editor = staff.editor
    const key = async (kind: string) => {
      const created = await staff.admin.post('/api/api-keys', { name: kind, kind })
      return restClient(server, `api-keys API-Key ${created.body.doc.key}`)
    }
    frontendKey = await key('frontend')
    previewKey = await key('preview')
    // The first GraphQL request builds its schema, which takes seconds on a busy machine: done
    // before the embargo's clock starts, so that the first test reads well before it lifts.
    await anonymous.graphql('{ PressReleases { docs { id } } }')
    embargoUntil = new Date(Date.now() + 8000)
    const created = await editor.post('/api/press-releases', {
      title: 'Embargoed findings',
      releaseDate: '2026-06-01T00:00:00.000Z',
      embargoUntil: embargoUntil.toISOString(),
      _status: 'published',
    })
    expect(created.status).toBe(201)
    releaseId = created.body.doc.id
  })
  afterAll(() => server?.stop())

  const publicReads = async (client: RestClient) => {
    const list = await client.get('/api/press-releases')
    const byId = await client.get(`/api/press-releases/${releaseId}`)
    const bySlug = await client.get('/api/press-releases?where[slug][equals]=embargoed-findings')
    const count = await client.get('/api/press-releases/count')
    const graphql = await client.graphql(
      `{ PressReleases { docs { id title } } PressRelease(id: ${releaseId}) { title } }`,
    )
    return {
      inList: list.body.docs.some((doc: { id: number }) => doc.id === releaseId),
      byId: byId.status,
      bySlug: bySlug.body.docs.length,
      count: count.body.totalDocs,
      graphqlList: graphql.body.data?.PressReleases.docs.length ?? 0,
      graphqlById: graphql.body.data?.PressRelease?.title ?? null,
    }
  }

  let link: { id: number; url: string }

  it('hides a published release from every public read until the embargo lifts', async () => {
    const hidden = { inList: false, byId: 404, bySlug: 0, count: 0, graphqlList: 0, graphqlById: null }
    expect(await publicReads(anonymous)).toEqual(hidden)
    expect(await publicReads(frontendKey)).toEqual(hidden)
    // Read while the embargo held: otherwise what was shown above proves nothing.
    expect(Date.now()).toBeLessThan(embargoUntil.getTime())
  })

  it('shows it to editors and to the preview key meanwhile', async () => {
    expect((await editor.get(`/api/press-releases/${releaseId}`)).status).toBe(200)
    expect((await previewKey.get(`/api/press-releases/${releaseId}`)).body.title).toBe('Embargoed findings')
  })

  it('lets an editor share it before the embargo through a preview link', async () => {
    const created = await editor.post('/api/preview-links', {
      pressRelease: releaseId,
      sharedWith: 'Reuters Almaty desk',
    })
    expect(created.status).toBe(201)
    link = created.body.doc
    expect(link.url).toMatch(/\/api\/press-releases\/preview\?token=[\w-]+\.[\w-]+$/)
    const path = link.url.slice(link.url.indexOf('/api/'))
    const preview = await anonymous.get(`${path}&locale=en`)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ id: releaseId, title: 'Embargoed findings' })
    expect(preview.headers.get('cache-control')).toBe('private, no-store')
  })

  it('refuses a tampered, revoked or expired link', async () => {
    const path = link.url.slice(link.url.indexOf('/api/'))
    expect((await anonymous.get(`${path.slice(0, -2)}xx`)).status).toBe(400)
    expect((await anonymous.get('/api/press-releases/preview')).status).toBe(400)
    expect((await anonymous.get(`${path}&locale=xx`)).status).toBe(400)

    expect((await editor.patch(`/api/preview-links/${link.id}`, { revoked: true })).status).toBe(200)
    const revoked = await anonymous.get(path)
    expect(revoked.status).toBe(410)
    expect(revoked.body.errors[0].message).toBe('This preview link has been revoked.')

    const shortLived = await editor.post('/api/preview-links', {
      pressRelease: releaseId,
      sharedWith: 'AFP',
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    })
    const shortPath = shortLived.body.doc.url.slice(shortLived.body.doc.url.indexOf('/api/'))
    expect((await anonymous.get(shortPath)).status).toBe(200)
    await sleep(1600)
    const expired = await anonymous.get(shortPath)
    expect(expired.status).toBe(410)
    expect(expired.body.errors[0].message).toBe('This preview link has expired.')
  })

  it('shows the release everywhere once the embargo has passed, without a restart', async () => {
    await sleep(Math.max(0, embargoUntil.getTime() - Date.now() + 100))
    expect(await publicReads(anonymous)).toEqual({
      inList: true,
      byId: 200,
      bySlug: 1,
      count: 1,
      graphqlList: 1,
      graphqlById: 'Embargoed findings',
    })
  })
})
