import { buildWorld, leakedIn, SECRETS, type World } from './world'

/**
 * Class 5: an endpoint that sets access aside chooses exactly what it returns. The preview link
 * of an embargoed release shows that release as the public will see it once the embargo lifts:
 * no staff field, no draft it links to, no hidden person.
 */
describe('the preview-link answer holds the release and nothing private', () => {
  let world: World
  let url: string
  beforeAll(async () => {
    world = await buildWorld()
    const link = await world.clients.editor.post('/api/preview-links', {
      sharedWith: 'A journalist',
      pressRelease: world.ids.embargoedRelease,
    })
    expect(link.status).toBe(201)
    url = new URL(link.body.doc.url, world.server.url).pathname + new URL(link.body.doc.url, world.server.url).search
    // A hidden person quoted in the embargoed release.
    await world.clients.editor.patch(`/api/press-releases/${world.ids.embargoedRelease}`, {
      quotes: [
        { speaker: world.ids.internalSpeaker, text: 'Hidden quote' },
        { speaker: world.ids.publicSpeaker, text: 'Public quote' },
      ],
      _status: 'published',
    })
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  it('answers the embargoed release to anyone holding the link', async () => {
    const reply = await world.clients.anonymous.get(url)
    expect(reply.status).toBe(200)
    expect(reply.body.title).toBe(SECRETS.embargoedTitle)
  })

  it('must not contain staff data, drafts it links to, or hidden people', async () => {
    for (const who of ['anonymous', 'frontend-key', 'editor'] as const) {
      const reply = await world.clients[who].get(url)
      const text = JSON.stringify(reply.body)
      expect(reply.body.createdBy).toBeUndefined()
      expect(reply.body.updatedBy).toBeUndefined()
      expect(text).not.toMatch(/@pressroom\.test/)
      expect(
        leakedIn(text, [
          SECRETS.staffName,
          SECRETS.draftEventTitle,
          SECRETS.internalName,
          SECRETS.internalEmail,
          SECRETS.consentNote,
        ]),
      ).toEqual([])
      // A linked document the public cannot read stays a bare id, as in every Payload read: never its fields.
      const populated = (reply.body.events as unknown[]).filter((event) => typeof event === 'object')
      expect(populated.map((event) => (event as { id: number }).id)).toEqual([world.ids.publishedEvent])
      expect(reply.body.quotes.map((quote: { text: string }) => quote.text)).toEqual(['Public quote'])
      expect(reply.headers.get('cache-control')).toMatch(/no-store/)
    }
  })

  it('opens that release only: the token does not lift the embargo anywhere else', async () => {
    await world.clients.anonymous.get(url)
    const list = await world.clients.anonymous.get('/api/press-releases?depth=0&limit=100')
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(world.ids.embargoedRelease)
    expect((await world.clients.anonymous.get(`/api/press-releases/${world.ids.embargoedRelease}`)).status).toBe(404)
  })
})
