import { type RunningApp, startApp } from '../helpers/app'
import { type RestClient, staffClients } from '../helpers/rest'

describe('publishing one locale at a time, over HTTP', () => {
  let server: RunningApp
  let anonymous: RestClient
  let editor: RestClient
  let translator: RestClient
  let id: number

  const publicTitle = async (locale: string) => (await anonymous.get(`/api/events/${id}?locale=${locale}&depth=0`)).body

  beforeAll(async () => {
    server = await startApp()
    ;({ anonymous, editor, translator } = await staffClients(server, ['ru']))
    const created = await editor.post('/api/events?locale=en', {
      title: 'Legal aid forum',
      summary: 'English summary',
      startDate: '2026-06-01T05:00:00.000Z',
      endDate: '2026-06-02T12:00:00.000Z',
      timezone: 'Asia/Almaty',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    id = created.body.doc.id
    expect((await editor.patch(`/api/events/${id}?locale=ru`, { title: 'Форум', _status: 'published' })).status).toBe(
      200,
    )
  })
  afterAll(() => server?.stop())

  it('keeps a translator’s Russian draft out of public reads while English is published', async () => {
    expect(
      (await translator.patch(`/api/events/${id}?locale=ru&draft=true`, { title: 'Форум по правовой помощи' })).status,
    ).toBe(200)
    const published = await editor.patch(`/api/events/${id}?locale=en`, {
      title: 'Legal aid forum 2026',
      _status: 'published',
    })
    expect(published.status).toBe(200)

    expect(await publicTitle('en')).toMatchObject({ title: 'Legal aid forum 2026', _status: 'published' })
    // The last published Russian text, and English where Russian was never written.
    expect(await publicTitle('ru')).toMatchObject({ title: 'Форум', summary: 'English summary' })
    // The draft survives for the editor to publish.
    expect((await editor.get(`/api/events/${id}?locale=ru&draft=true&depth=0`)).body.title).toBe(
      'Форум по правовой помощи',
    )
  })

  it('publishes the Russian draft when an editor publishes Russian, leaving English as it was', async () => {
    expect((await editor.patch(`/api/events/${id}?locale=ru`, { _status: 'published' })).status).toBe(200)
    expect((await publicTitle('ru')).title).toBe('Форум по правовой помощи')
    expect((await publicTitle('en')).title).toBe('Legal aid forum 2026')
  })

  it('publishes every locale at once with publishAllLocales=true', async () => {
    await translator.patch(`/api/events/${id}?locale=ru&draft=true`, { title: 'Форум 2026' })
    await editor.patch(`/api/events/${id}?locale=en&draft=true`, { title: 'Legal aid forum, 2026 edition' })
    expect(
      (await editor.patch(`/api/events/${id}?locale=en&publishAllLocales=true`, { _status: 'published' })).status,
    ).toBe(200)
    expect((await publicTitle('ru')).title).toBe('Форум 2026')
    expect((await publicTitle('en')).title).toBe('Legal aid forum, 2026 edition')
  })

  it('answers a translator changing a non-localized field or another locale with 403, changing nothing', async () => {
    const before = (await editor.get(`/api/events/${id}?locale=all&draft=true&depth=0`)).body
    const nonLocalized = await translator.patch(`/api/events/${id}?locale=ru&draft=true`, {
      title: 'Новый',
      timezone: 'Europe/Moscow',
    })
    expect(nonLocalized.status).toBe(403)
    expect(nonLocalized.body.errors[0].message).toBe(
      'Translators cannot change fields that are the same in every language: timezone.',
    )
    const otherLocale = await translator.patch(`/api/events/${id}?locale=kk&draft=true`, { title: 'Форум' })
    expect(otherLocale.status).toBe(403)
    expect((await editor.get(`/api/events/${id}?locale=all&draft=true&depth=0`)).body).toEqual(before)
  })

  it('filters by status with locale=all (upstream fault 17923 returned nothing)', async () => {
    const all = await anonymous.get('/api/events?locale=all&depth=0&where[_status][equals]=published')
    expect(all.status).toBe(200)
    expect(all.body.docs).toHaveLength(1)
    expect(all.body.docs[0].title).toMatchObject({ en: 'Legal aid forum, 2026 edition', ru: 'Форум 2026' })
  })

  it('never lets an anonymous reader see the draft through draft=true', async () => {
    await translator.patch(`/api/events/${id}?locale=ru&draft=true`, { title: 'Секретный черновик' })
    const read = await anonymous.get(`/api/events/${id}?locale=ru&draft=true&depth=0`)
    expect(JSON.stringify(read.body)).not.toContain('Секретный черновик')
    const list = await anonymous.get('/api/events?locale=ru&draft=true&depth=0')
    expect(JSON.stringify(list.body)).not.toContain('Секретный черновик')
  })
})
