import { buildWorld, type World } from './world'

/**
 * Class 3: translators save drafts of their locales' localized fields, nothing else, on every
 * way in. The translator of this world translates into Russian.
 */
describe('translators never publish, unpublish or change what is not theirs', () => {
  let world: World
  let eventId: number
  const liveTitle = async (locale = 'ru') =>
    (await world.clients.anonymous.get(`/api/events/${eventId}?locale=${locale}&depth=0&t=${Math.random()}`)).body
      ?.title

  beforeAll(async () => {
    world = await buildWorld()
    const created = await world.clients.editor.post('/api/events?depth=0', {
      title: 'Live English title',
      startDate: '2030-01-01T05:00:00.000Z',
      endDate: '2030-01-01T08:00:00.000Z',
      _status: 'published',
    })
    eventId = created.body.doc.id
    expect(
      (
        await world.clients.editor.patch(`/api/events/${eventId}?locale=ru&depth=0`, {
          title: 'Живой заголовок',
          _status: 'published',
        })
      ).status,
    ).toBe(200)
  })
  afterAll(() => world?.server.stop('SIGKILL'))

  it('a REST save without draft=true is a draft: the live text does not change', async () => {
    const reply = await world.clients.translator.patch(`/api/events/${eventId}?locale=ru&depth=0`, {
      title: 'Черновик перевода 1',
    })
    expect(reply.status).toBe(200)
    expect(await liveTitle()).toBe('Живой заголовок')
    const draft = await world.clients.editor.get(`/api/events/${eventId}?locale=ru&draft=true&depth=0`)
    expect(draft.body.title).toBe('Черновик перевода 1')
  })

  it('draft=false asked for explicitly is still a draft', async () => {
    await world.clients.translator.patch(`/api/events/${eventId}?locale=ru&draft=false&depth=0`, {
      title: 'Черновик перевода 2',
    })
    expect(await liveTitle()).toBe('Живой заголовок')
  })

  it('{"_status":"draft"} does not unpublish a published document', async () => {
    const reply = await world.clients.translator.patch(`/api/events/${eventId}?locale=ru&depth=0`, { _status: 'draft' })
    expect(reply.status).toBe(200)
    const live = await world.clients.anonymous.get(`/api/events/${eventId}?depth=0&u=${Math.random()}`)
    expect(live.status).toBe(200)
    expect(live.body._status).toBe('published')
  })

  it('publishing is a 403 that says why, with or without draft, per locale or all', async () => {
    for (const query of ['', '&draft=true', '&publishSpecificLocale=ru', '&publishAllLocales=true']) {
      const reply = await world.clients.translator.patch(`/api/events/${eventId}?locale=ru${query}`, {
        title: 'Опубликовать?',
        _status: 'published',
      })
      expect(reply.status).toBe(403)
      expect(reply.body.errors[0].message).toMatch(/draft|publish/i)
    }
    expect(await liveTitle()).toBe('Живой заголовок')
  })

  it('GraphQL mutations are drafts as well, and publishing through them is refused', async () => {
    const save = await world.clients.translator.graphql(
      `mutation { updateEvent(id: ${eventId}, locale: ru, data: { title: "Через GraphQL" }) { title _status } }`,
    )
    expect(save.body.errors).toBeUndefined()
    expect(await liveTitle()).toBe('Живой заголовок')
    const publish = await world.clients.translator.graphql(
      `mutation { updateEvent(id: ${eventId}, locale: ru, data: { title: "x", _status: published }) { title } }`,
    )
    expect(publish.body.errors?.[0]?.message).toMatch(/draft|publish|not allowed/i)
    const unpublish = await world.clients.translator.graphql(
      `mutation { updateEvent(id: ${eventId}, locale: ru, data: { _status: draft }) { _status } }`,
    )
    expect(unpublish.body.data?.updateEvent?._status ?? 'draft').toBe('draft')
    expect((await world.clients.anonymous.get(`/api/events/${eventId}?depth=0&v=${Math.random()}`)).body._status).toBe(
      'published',
    )
  })

  it('bulk updates by where, restoring a version and duplicating are refused', async () => {
    const bulk = await world.clients.translator.patch(`/api/events?locale=ru&where[id][equals]=${eventId}`, {
      title: 'Массово',
    })
    expect(bulk.status === 403 || (bulk.status === 400 && bulk.body.errors?.length)).toBe(true)
    const versions = await world.clients.editor.get(
      `/api/events/versions?where[parent][equals]=${eventId}&sort=createdAt&depth=0`,
    )
    const first = versions.body.docs[0].id
    const restore = await world.clients.translator.post(`/api/events/versions/${first}?locale=ru`, {})
    expect(restore.status).toBe(403)
    const restoreDraft = await world.clients.translator.post(`/api/events/versions/${first}?locale=ru&draft=true`, {})
    expect(restoreDraft.status).toBe(403)
    const duplicate = await world.clients.translator.post(`/api/events/${eventId}/duplicate?locale=ru`, {})
    expect([401, 403]).toContain(duplicate.status)
    expect(await liveTitle()).toBe('Живой заголовок')
    expect(await liveTitle('en')).toBe('Live English title')
  })

  it('other locales and fields that are the same in every language are refused', async () => {
    expect(
      (await world.clients.translator.patch(`/api/events/${eventId}?locale=en`, { title: 'English by a translator' }))
        .status,
    ).toBe(403)
    expect(
      (await world.clients.translator.patch(`/api/events/${eventId}?locale=all`, { title: { ru: 'x' } })).status,
    ).toBe(403)
    const moved = await world.clients.translator.patch(`/api/events/${eventId}?locale=ru`, {
      startDate: '2031-01-01T05:00:00.000Z',
    })
    expect(moved.status).toBe(403)
    expect(moved.body.errors[0].message).toMatch(/startDate/)
  })

  it('replacing a file by a multipart PATCH is refused and the old file still served', async () => {
    const { media, ids } = world
    const before = await fetch(`${world.server.url}${media.markedPublicImage.url}`)
    expect(before.status).toBe(200)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await before.arrayBuffer())], { type: 'image/png' }), 'replaced.png')
    form.append('_payload', JSON.stringify({ alt: 'Подпись' }))
    const reply = await fetch(`${world.server.url}/api/media/${ids.markedPublicImage}?locale=ru`, {
      method: 'PATCH',
      body: form,
      headers: { authorization: world.authorization.translator },
    })
    expect(reply.status).toBe(403)
    const after = await world.clients.editor.get(`/api/media/${ids.markedPublicImage}`)
    expect(after.body.filename).toBe(media.markedPublicImage.filename)
    expect((await fetch(`${world.server.url}${media.markedPublicImage.url}`)).status).toBe(200)
    // The localized text of a file is still theirs to translate.
    const alt = await world.clients.translator.patch(`/api/media/${ids.markedPublicImage}?locale=ru`, {
      alt: 'Подпись к изображению',
    })
    expect(alt.status).toBe(200)
  })

  it('creating and deleting are refused', async () => {
    expect([401, 403]).toContain(
      (
        await world.clients.translator.post('/api/events', {
          title: 'x',
          startDate: '2030-01-01T00:00:00.000Z',
          endDate: '2030-01-01T01:00:00.000Z',
        })
      ).status,
    )
    expect([401, 403]).toContain((await world.clients.translator.delete(`/api/events/${eventId}`)).status)
    expect((await world.clients.anonymous.get(`/api/events/${eventId}?depth=0&w=${Math.random()}`)).status).toBe(200)
  })
})
