import { elementNode as block, textNode as text } from '@/utilities/lexical'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { fillTargets, validateXliff as validate } from '../helpers/xliff'

const body = {
  root: block('root', [
    block('paragraph', [
      text('The '),
      text('Coalition against Torture', 1),
      text(' met in '),
      block('link', [text('Dushanbe')], { fields: { linkType: 'custom', url: 'https://notabene.tj/', newTab: false } }),
      text('.'),
    ]),
    block(
      'list',
      [
        block('listitem', [text('Monitoring of closed institutions')], { value: 1 }),
        block('listitem', [text('Legal aid', 2)], { value: 2 }),
      ],
      { listType: 'bullet', tag: 'ul' },
    ),
  ]),
}

describe('translation exchange over HTTP: status, XLIFF 2.0 and JSON', () => {
  let server: RunningServer
  let anonymous: RestClient
  let editor: RestClient
  let translator: RestClient
  let id: number
  let eventId: number
  let exported: string

  const importXliff = (client: RestClient, xml: string, query = '') => {
    const form = new FormData()
    form.append('file', new Blob([xml], { type: 'application/xliff+xml' }), 'release.xlf')
    return client.send('POST', `/api/translations/import${query}`, { body: form })
  }
  const status = async (collection = 'press-releases', docId: number = id) =>
    (await editor.get(`/api/translations/status?collection=${collection}&locale=ru&id=${docId}`)).body.documents[0]
      .locales.ru
  const draft = async (locale: string) =>
    (await editor.get(`/api/press-releases/${id}?locale=${locale}&draft=true&depth=0&fallback-locale=none`)).body

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', TRANSLATION_IMPORT_RATE_LIMIT: '40' })
    ;({ anonymous, editor, translator } = await staffClients(server, ['ru']))
    const created = await editor.post('/api/press-releases?locale=en', {
      title: 'Coalitions against torture meet in Dushanbe',
      summary: 'Sixty NGO representatives from five countries.',
      body,
      releaseDate: '2016-05-31T00:00:00.000Z',
      dateline: { places: ['Almaty', 'Bishkek', 'Brussels'] },
      quotes: [{ text: 'Torture has no place in our societies.', attribution: 'Project co-ordinator' }],
      _status: 'published',
    })
    expect(created.status).toBe(201)
    id = created.body.doc.id
    const event = await editor.post('/api/events?locale=en', {
      title: 'Regional conference',
      startDate: '2016-05-31T03:00:00.000Z',
      endDate: '2016-06-02T12:00:00.000Z',
      timezone: 'Asia/Dushanbe',
      venue: { name: 'Hotel Tajikistan' },
      programme: [
        { title: 'Opening', startTime: '2016-05-31T03:00:00.000Z' },
        { title: 'Closing', startTime: '2016-06-02T10:00:00.000Z' },
      ],
      _status: 'published',
    })
    expect(event.status).toBe(201)
    eventId = event.body.doc.id
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('reports every field missing before anything is translated, and keeps status from the public', async () => {
    const cell = await status()
    expect(cell.status).toBe('missing')
    expect(cell.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining([
        'title',
        'summary',
        'body',
        'dateline.places',
        expect.stringMatching(/^quotes\.[0-9a-f]+\.text$/),
        expect.stringMatching(/^quotes\.[0-9a-f]+\.attribution$/),
      ]),
    )
    expect(cell.fields.every((field: { status: string }) => field.status === 'missing')).toBe(true)
    expect((await anonymous.get('/api/translations/status')).status).toBe(401)
    const wrong = await editor.get('/api/translations/status?locale=en')
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].message).toMatch(/source language/)
    expect((await editor.get('/api/translations/status?locale=xx')).status).toBe(400)
    expect((await editor.get('/api/translations/status?collection=users')).body.errors[0].data.errors[0].path).toBe(
      'collection',
    )
  })

  it('exports a file the OASIS XLIFF 2.0 schema accepts, with formatting as inline codes', async () => {
    const reply = await translator.send(
      'GET',
      `/api/translations/export?collection=press-releases&ids=${id}&source=en&target=ru`,
    )
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/application\/xliff\+xml/)
    exported = reply.body
    expect(validate(exported, 'export.xlf')).toBe('')
    expect(exported).toContain(`original="press-releases/${id}"`)
    expect(exported).toContain('<unit id="title" name="Title" type="pressroom:text">')
    expect(exported).toContain(
      'The <pc id="c1" type="fmt" subType="xlf:b">Coalition against Torture</pc> met in <pc id="c2" type="link" dataRefStart="c2-start" dataRefEnd="c2-end">Dushanbe</pc>.',
    )
    expect(exported).toContain('<data id="c2-start">&lt;a href=&quot;https://notabene.tj/&quot;&gt;</data>')
    expect(exported).not.toContain('<target')
    // The slug is generated from the title, not translated.
    expect(exported).not.toContain('unit id="slug"')
  })

  it('imports the filled file into Russian as a draft: source untouched, formatting kept, status translated', async () => {
    const englishBefore = await draft('en')
    const filled = fillTargets(exported)
    expect(validate(filled, 'filled.xlf')).toBe('')
    const reply = await importXliff(translator, filled)
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: 6, rejected: 0, stale: 0 })

    const russian = await draft('ru')
    expect(russian.title).toBe('[ru] Coalitions against torture meet in Dushanbe')
    expect(russian.dateline.places).toEqual(['[ru] Almaty', '[ru] Bishkek', '[ru] Brussels'])
    const [paragraph, list] = russian.body.root.children
    expect(paragraph.children).toEqual([
      expect.objectContaining({ text: '[ru] The ', format: 0 }),
      expect.objectContaining({ text: 'Coalition against Torture', format: 1 }),
      expect.objectContaining({ text: ' met in ', format: 0 }),
      expect.objectContaining({
        type: 'link',
        fields: expect.objectContaining({ url: 'https://notabene.tj/' }),
        children: [expect.objectContaining({ text: 'Dushanbe' })],
      }),
      expect.objectContaining({ text: '.' }),
    ])
    expect(list).toMatchObject({ type: 'list', listType: 'bullet' })
    expect(list.children[1].children).toEqual([
      expect.objectContaining({ text: '[ru] ', format: 0 }),
      expect.objectContaining({ text: 'Legal aid', format: 2 }),
    ])

    // The English text is as it was; only the bookkeeping of the new draft (status, author, time) differs.
    const content = ({ _status, updatedAt, updatedBy, ...rest }: Record<string, unknown>) => rest
    expect(content(await draft('en'))).toEqual(content(englishBefore))
    // A draft: the public still reads the published version, which has no Russian.
    expect((await anonymous.get(`/api/press-releases/${id}?locale=ru&depth=0`)).body.title).toBe(
      'Coalitions against torture meet in Dushanbe',
    )

    const cell = await status()
    expect(cell).toMatchObject({ status: 'translated', published: false, counts: { translated: 6, total: 6 } })
    // The export now carries the translations, still valid.
    const again = (
      await translator.send('GET', `/api/translations/export?collection=press-releases&ids=${id}&target=ru`)
    ).body
    expect(validate(again, 'again.xlf')).toBe('')
    expect(again).toContain(
      '<target xml:space="preserve">[ru] The <pc id="c1" type="fmt" subType="xlf:b">Coalition against Torture</pc>',
    )
    expect((await importXliff(translator, again)).body.summary).toMatchObject({ applied: 0, unchanged: 6 })
  })

  it('turns a field stale when its English changes, refuses the old file for it unless forced', async () => {
    expect(
      (
        await editor.patch(`/api/press-releases/${id}?locale=en&draft=true`, {
          summary: 'Sixty NGO representatives from five Central Asian countries.',
        })
      ).status,
    ).toBe(200)
    const cell = await status()
    expect(cell.status).toBe('stale')
    expect(cell.fields.find((field: { path: string }) => field.path === 'summary').status).toBe('stale')
    expect(cell.fields.filter((field: { status: string }) => field.status === 'translated')).toHaveLength(5)

    const staleOnly = (
      await translator.send(
        'GET',
        `/api/translations/export?collection=press-releases&ids=${id}&target=ru&status=stale`,
      )
    ).body
    expect(staleOnly.match(/<unit /g)).toHaveLength(1)
    expect(staleOnly).toContain('subState="pressroom:stale"')

    const old = fillTargets(exported, '[ru, v2] ', 'summary')
    const refused = await importXliff(translator, old)
    expect(refused.body.units).toContainEqual(
      expect.objectContaining({
        unit: 'summary',
        result: 'stale',
        reason: expect.stringMatching(/source text changed/),
      }),
    )
    expect((await draft('ru')).summary).toBe('[ru] Sixty NGO representatives from five countries.')

    const forced = await importXliff(translator, old, '?force=true')
    expect(forced.body.units).toContainEqual(expect.objectContaining({ unit: 'summary', result: 'applied' }))
    expect((await draft('ru')).summary).toBe('[ru, v2] Sixty NGO representatives from five countries.')
    expect((await status()).status).toBe('translated')
  })

  it('answers a malformed file with a 400 naming the line or unit, and writes nothing', async () => {
    const before = await draft('ru')
    const filled = fillTargets(exported, '[broken] ')
    const lines = filled.split('\n')
    const line = lines.findIndex((l) => l.includes('<target')) + 1
    lines[line - 1] = lines[line - 1].replace('</target>', '</targt>')
    const broken = await importXliff(translator, lines.join('\n'))
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].message).toMatch(new RegExp(`line ${line}`))
    const noSource = await importXliff(translator, filled.replace(/<source xml:space="preserve">[^<]*<\/source>/, ''))
    expect(noSource.status).toBe(400)
    expect(noSource.body.errors[0].message).toMatch(/unit "title".*exactly one <source>/)
    const truncated = await importXliff(translator, filled.slice(0, filled.length / 2))
    expect(truncated.status).toBe(400)
    expect(
      (
        await translator.send('POST', '/api/translations/import', {
          body: 'not xml',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(400)
    expect({ ...(await draft('ru')), updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined })
  })

  it('rejects units for unknown documents and fields, markup the source lacks, and non-localized fields', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1" original="press-releases/${id}">
    <unit id="nonexistent"><segment><source>x</source><target>y</target></segment></unit>
    <unit id="releaseDate"><segment><source>2016</source><target>2016</target></segment></unit>
    <unit id="title"><segment><source>Coalitions against torture meet in Dushanbe</source><target><pc id="c1">Коалиции</pc></target></segment></unit>
    <unit id="body"><segment><source>x</source><target>y</target></segment></unit>
  </file>
  <file id="f2" original="press-releases/999999"><unit id="title"><segment><source>x</source><target>y</target></segment></unit></file>
  <file id="f3" original="users/1"><unit id="name"><segment><source>x</source><target>y</target></segment></unit></file>
</xliff>`
    expect(validate(xml, 'rejects.xlf')).toBe('')
    const reply = await importXliff(translator, xml)
    expect(reply.status).toBe(200)
    const result = (unit: string, document = `press-releases/${id}`) =>
      reply.body.units.find((u: { unit: string; document: string }) => u.unit === unit && u.document === document)
    expect(result('nonexistent')).toMatchObject({ result: 'rejected', reason: expect.stringMatching(/Unknown field/) })
    expect(result('releaseDate')).toMatchObject({ result: 'rejected', reason: expect.stringMatching(/Unknown field/) })
    expect(result('title')).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/Malformed markup: .*plain text/),
    })
    expect(result('body')).toMatchObject({ result: 'stale' })
    expect(result('title', 'press-releases/999999')).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/Unknown document/),
    })
    expect(result('name', 'users/1')).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/Unknown document/),
    })
    expect(reply.body.summary.applied).toBe(0)
  })

  it('lets a translator work only in their own locales; editors in all', async () => {
    const kk = fillTargets(exported).replace('trgLang="ru"', 'trgLang="kk"')
    const refused = await importXliff(translator, kk)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/You translate into ru, not "kk"/)
    expect(
      (await editor.get(`/api/press-releases/${id}?locale=kk&draft=true&depth=0&fallback-locale=none`)).body.title,
    ).toBeFalsy()
    expect((await translator.send('GET', `/api/translations/export?collection=press-releases&target=kk`)).status).toBe(
      403,
    )
    expect((await anonymous.send('GET', `/api/translations/export?collection=press-releases&target=ru`)).status).toBe(
      403,
    )
    expect((await importXliff(anonymous, kk)).status).toBe(403)
    const intoSource = await importXliff(
      editor,
      fillTargets(exported).replace('trgLang="ru"', 'trgLang="en"').replace('srcLang="en"', 'srcLang="ru"'),
    )
    expect(intoSource.status).toBe(400)
    const byEditor = await importXliff(editor, kk, '?dryRun=true')
    expect(byEditor.status).toBe(200)
    // The English summary changed since the export (previous test): that unit is stale.
    expect(byEditor.body).toMatchObject({ dryRun: true, summary: { applied: 5, stale: 1 } })
    expect(
      (await editor.get(`/api/press-releases/${id}?locale=kk&draft=true&depth=0&fallback-locale=none`)).body.title,
    ).toBeFalsy()
  })

  it('exchanges JSON for machine pipelines, array rows included, leaving other rows and fields alone', async () => {
    const reply = await translator.get(
      `/api/translations/export?collection=events&ids=${eventId}&target=ru&format=json`,
    )
    expect(reply.status).toBe(200)
    const [document] = reply.body.documents
    const units = document.units as {
      id: string
      kind: string
      segments: { source: string; target: string | null }[]
    }[]
    expect(units.map((unit) => unit.id)).toEqual([
      'title',
      'venue.name',
      expect.stringMatching(/^programme\.[0-9a-f]+\.title$/),
      expect.stringMatching(/^programme\.[0-9a-f]+\.title$/),
    ])
    const opening = units[2]
    opening.segments[0].target = 'Открытие'
    const answer = await translator.post('/api/translations/import', {
      ...reply.body,
      documents: [{ ...document, units: [opening] }],
    })
    expect(answer.status).toBe(200)
    expect(answer.body.summary).toMatchObject({ applied: 1 })
    const ru = (await editor.get(`/api/events/${eventId}?locale=ru&draft=true&depth=0&fallback-locale=none`)).body
    expect(ru.programme.map((row: { title?: string }) => row.title ?? null)).toEqual(['Открытие', null])
    expect(ru.programme[1].startTime).toBe('2016-06-02T10:00:00.000Z')
    expect(
      (await editor.get(`/api/events/${eventId}?locale=en&draft=true&depth=0`)).body.programme.map(
        (row: { title: string }) => row.title,
      ),
    ).toEqual(['Opening', 'Closing'])
    const cell = await status('events', eventId)
    expect(cell.counts).toMatchObject({ translated: 1, missing: 3 })

    const bad = await translator.post('/api/translations/import', {
      source: 'en',
      target: 'ru',
      documents: [{ collection: 'events' }],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/documents\[0\] needs a collection and an id/)
  })

  it('keeps the ledger to staff, and written by hooks only', async () => {
    expect((await anonymous.get('/api/translation-records')).status).toBe(403)
    const read = await translator.get(
      `/api/translation-records?where[document][equals]=${id}&where[collection][equals]=press-releases`,
    )
    expect(read.status).toBe(200)
    expect(read.body.docs[0].ledger.ru.title).toMatchObject({ source: expect.any(String), target: expect.any(String) })
    expect(
      (
        await editor.post('/api/translation-records', {
          collection: 'press-releases',
          document: String(id),
          ledger: {},
        })
      ).status,
    ).toBe(403)
    expect((await editor.patch(`/api/translation-records/${read.body.docs[0].id}`, { ledger: {} })).status).toBe(403)
    expect((await editor.delete(`/api/translation-records/${read.body.docs[0].id}`)).status).toBe(403)
  })

  it('limits imports per address', async () => {
    let limited: { status: number; body: { errors: { message: string }[] } } | undefined
    for (let attempt = 0; attempt < 45 && !limited; attempt += 1) {
      const reply = await importXliff(translator, exported, '?dryRun=true')
      if (reply.status === 429) limited = reply
    }
    expect(limited?.body.errors[0].message).toMatch(/Too many translation imports/)
  })
})
