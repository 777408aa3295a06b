import { buildWorld, leakedIn, type Principal, principals, SECRETS, secretsFor, type World } from './world'

/**
 * The newsroom's routes (search, redirects, occurrences, sitemaps, donor visibility, HTML rich text,
 * session calendars) against the same world of hidden people, drafts and embargoes as the rest of
 * this suite: nothing private reaches an outsider through any of them, and hostile parameters are a
 * 400 that names the parameter, never a 500.
 */
const outsiders: Principal[] = ['anonymous', 'frontend-key', 'preview-key']
const staff: Principal[] = ['translator', 'editor', 'admin']

/** One word of each secret, as a searcher would type it. */
/** The parameter paths a 400 names: `errors[0].data` is the list of problems ({ path, message }). */
const problemPaths = (body: string): string[] => {
  const data = JSON.parse(body).errors?.[0]?.data
  const problems: { path?: string; message?: string }[] = Array.isArray(data) ? data : (data?.errors ?? [])
  return problems.filter((problem) => problem.message).map((problem) => String(problem.path))
}

const searchWords = [
  'Secretname',
  'zarina.internal',
  'shelter',
  'Noconsent',
  'DRAFTSECRET',
  'DRAFTEDIT',
  'EMBARGOSECRET',
  'DRAFTRELEASE',
  'STAFFNAME',
]

describe('newsroom routes keep every promise of the security suite', () => {
  let world: World
  let draftEventSlug: string
  let embargoedSlug: string
  beforeAll(async () => {
    world = await buildWorld()
    const { admin } = world.clients
    draftEventSlug = (await admin.get(`/api/events/${world.ids.draftEvent}?depth=0&draft=true`)).body.slug
    embargoedSlug = (await admin.get(`/api/press-releases/${world.ids.embargoedRelease}?depth=0`)).body.slug
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  const text = async (who: Principal, path: string) => {
    const headers: Record<string, string> = world.authorization[who] ? { authorization: world.authorization[who] } : {}
    const reply = await fetch(`${world.server.url}${path}`, { headers })
    return { status: reply.status, body: await reply.text() }
  }

  it.each(outsiders)('search finds no hidden person, draft or embargoed text: %s', async (who) => {
    for (const word of searchWords) {
      for (const locale of ['en', 'ru']) {
        const reply = await text(who, `/api/search?q=${encodeURIComponent(word)}&locale=${locale}`)
        expect({ word, locale, status: reply.status }).toEqual({ word, locale, status: 200 })
        expect({ word, leaked: leakedIn(reply.body, secretsFor(who)) }).toEqual({ word, leaked: [] })
        if (who !== 'preview-key') expect({ word, total: JSON.parse(reply.body).totalDocs }).toEqual({ word, total: 0 })
      }
    }
  })

  it.each(principals)('the public read routes of the newsroom leak nothing: %s', async (who) => {
    const { ids } = world
    const paths = [
      '/api/events/occurrences?from=2030-01-01T00:00:00Z&to=2030-12-31T00:00:00Z&locale=en',
      '/sitemap.xml',
      '/api/sitemap.xml',
      `/api/events/${ids.publishedEvent}?richText=html&depth=1`,
      `/api/press-releases/${ids.publicRelease}?richText=html&depth=1`,
      '/api/press-releases?richText=html&depth=1&limit=50',
      `/api/events/${ids.publishedEvent}/ics?sessions=true`,
      `/api/redirects?collection=events&slug=${encodeURIComponent(draftEventSlug)}&locale=en`,
      `/api/redirects?collection=press-releases&slug=${encodeURIComponent(embargoedSlug)}&locale=en`,
    ]
    for (const path of paths) {
      const reply = await text(who, path)
      expect({ path, server: reply.status >= 500 }).toEqual({ path, server: false })
      expect({ path, leaked: leakedIn(reply.body, secretsFor(who)) }).toEqual({ path, leaked: [] })
    }
    // A draft's slug and an embargoed release's slug are not found by the public, so no redirect names them.
    if (who === 'anonymous' || who === 'frontend-key') {
      expect(
        (await text(who, `/api/redirects?collection=events&slug=${encodeURIComponent(draftEventSlug)}&locale=en`))
          .status,
      ).toBe(404)
      expect(
        (
          await text(
            who,
            `/api/redirects?collection=press-releases&slug=${encodeURIComponent(embargoedSlug)}&locale=en`,
          )
        ).status,
      ).toBe(404)
    }
  })

  it.each(principals)(
    'donor-visibility checks are for the staff, the project report for editors and admins: %s',
    async (who) => {
      const { ids } = world
      const readers: Record<string, Principal[]> = {
        [`/api/events/${ids.draftEvent}/visibility`]: staff,
        [`/api/press-releases/${ids.embargoedRelease}/visibility`]: staff,
        [`/api/projects/${ids.project}/visibility-report?format=json`]: ['editor', 'admin'],
        [`/api/projects/${ids.project}/visibility-report?format=csv`]: ['editor', 'admin'],
      }
      for (const [path, allowed] of Object.entries(readers)) {
        const reply = await text(who, path)
        if (allowed.includes(who)) expect({ path, status: reply.status }).toEqual({ path, status: 200 })
        else {
          expect({ path, refused: [401, 403, 404].includes(reply.status) }).toEqual({ path, refused: true })
          expect({ path, leaked: leakedIn(reply.body, Object.values(SECRETS)) }).toEqual({ path, leaked: [] })
        }
      }
    },
  )

  const hostile: [string, string][] = [
    ['/api/search?q=', 'q'],
    [`/api/search?q=${'a'.repeat(10_000)}`, 'q'],
    ['/api/search?q=%00%01', 'q'],
    [`/api/search?q=${Array.from({ length: 200 }, (_, i) => `w${i}`).join('+')}`, 'q'],
    ['/api/search?q=conference&locale=xx', 'locale'],
    ['/api/search?q=conference&locale=all', 'locale'],
    ['/api/search?q=conference&limit=1e999', 'limit'],
    ['/api/search?q=conference&page=-1', 'page'],
    ['/api/search?q=conference&collections=users', 'collections'],
    ['/api/redirects?collection=users&slug=x&locale=en', 'collection'],
    [`/api/redirects?collection=events&slug=${'s'.repeat(5_000)}&locale=en`, 'slug'],
    ['/api/redirects?collection=events&slug=x&locale=%00', 'locale'],
    ['/api/events/occurrences?from=garbage&to=2030-01-01T00:00:00Z', 'from'],
    ['/api/events/occurrences?from=2030-01-01T00:00:00Z&to=2040-01-01T00:00:00Z', 'to'],
    ['/api/events/occurrences?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&locale=all', 'locale'],
    ['/api/events/1/ics?sessions=maybe', 'sessions'],
    ['/api/events/1?richText=markdown', 'richText'],
  ]
  it.each(outsiders.concat(staff))('hostile parameters are a 400 naming the parameter: %s', async (who) => {
    for (const [path, field] of hostile) {
      const reply = await text(who, path)
      expect({ path: path.slice(0, 120), status: reply.status }).toEqual({ path: path.slice(0, 120), status: 400 })
      expect({ path: path.slice(0, 120), fields: problemPaths(reply.body) }).toEqual({
        path: path.slice(0, 120),
        fields: expect.arrayContaining([field]),
      })
    }
  })

  it('hostile ids and formats on the staff routes are a 400 or a 404, never a 500', async () => {
    for (const path of [
      '/api/events/abc/visibility',
      '/api/events/1e999/visibility',
      '/api/projects/%00/visibility-report',
      `/api/projects/${world.ids.project}/visibility-report?format=exe`,
    ]) {
      const reply = await text('editor', path)
      expect({ path, status: [400, 404].includes(reply.status) }).toEqual({ path, status: true })
    }
    expect((await text('editor', `/api/projects/${world.ids.project}/visibility-report?format=exe`)).body).toContain(
      'format',
    )
  })
})
