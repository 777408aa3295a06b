import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { po } from 'gettext-parser'
import xliff from 'xliff'

import { elementNode as block, textNode as text } from '@/utilities/lexical'

import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { validateXliff, validateXliff12 } from '../helpers/xliff'

// Round trips through tools nobody here wrote: the `xliff` npm library, Debian's translate-toolkit
// (pocount, xliff2po, pomerge) and gettext's msgfmt, each as a translator would use it.

const link = (label: string) =>
  block('link', [text(label)], { fields: { linkType: 'custom', url: 'https://notabene.tj/', newTab: false } })
const release = {
  title: 'Coalitions against torture meet in Dushanbe',
  summary: 'Sixty NGO representatives from five countries.',
  body: {
    root: block('root', [
      block('paragraph', [
        text('The '),
        text('Coalition against Torture', 1),
        text(' met in '),
        link('Dushanbe'),
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
  },
  releaseDate: '2016-05-31T00:00:00.000Z',
  dateline: { places: ['Almaty', 'Bishkek', 'Brussels'] },
  quotes: [{ text: 'Torture has no place in our societies.', attribution: 'Project co-ordinator' }],
  _status: 'published',
}
// Fields of the release: title, summary, body (3 blocks), dateline.places (3 items), a quote's text and attribution.
const FIELDS = 6
const SEGMENTS = 10

const scratch = mkdtempSync(path.join(tmpdir(), 'pressroom-tools-'))
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: scratch })

/** What a translator types: the text of every string of a value of the `xliff` library, with a prefix before the first. */
const translateValue = (value: unknown, prefix: string): unknown => {
  if (typeof value === 'string') return `${prefix}${value}`
  if (Array.isArray(value))
    return typeof value[0] === 'string' ? [`${prefix}${value[0]}`, ...value.slice(1)] : [prefix, ...value]
  return [prefix, value]
}
const fillResources = (
  js: { resources: Record<string, Record<string, { source: unknown; target?: unknown }>> },
  prefix: string,
) => {
  for (const units of Object.values(js.resources))
    for (const unit of Object.values(units)) unit.target = translateValue(unit.source, prefix)
  return js
}

/** A PO file with every msgstr filled (as Poedit would save it), through gettext-parser. */
const fillPo = (file: string, prefix: string) => {
  const parsed = po.parse(file)
  for (const [context, entries] of Object.entries(parsed.translations)) {
    for (const entry of Object.values(entries)) {
      if (context === '' && entry.msgid === '') continue
      entry.msgstr = [`${prefix}${entry.msgid}`]
      if (entry.comments?.flag)
        entry.comments.flag = entry.comments.flag.replace('fuzzy', '').replace(/^,\s*|,\s*$/g, '')
    }
  }
  return po.compile(parsed).toString('utf8')
}

describe('translations through translators’ tools: the xliff library, translate-toolkit, gettext', () => {
  let server: RunningServer
  let editor: RestClient
  let translator: RestClient
  let releaseId: number
  let organisationId: number

  const upload = (client: RestClient, content: string, name: string, query = '') => {
    const form = new FormData()
    form.append('file', new Blob([content], { type: 'application/octet-stream' }), name)
    return client.send('POST', `/api/translations/import${query}`, { body: form })
  }
  const exportFile = async (query: string) => {
    const reply = await translator.send('GET', `/api/translations/export?${query}`)
    expect(reply.status).toBe(200)
    return reply.body as string
  }
  const draft = async (collection: string, id: number, locale: string) =>
    (await editor.get(`/api/${collection}/${id}?locale=${locale}&draft=true&depth=0&fallback-locale=none`)).body
  const cell = async (collection: string, id: number, locale: string) =>
    (await editor.get(`/api/translations/status?collection=${collection}&locale=${locale}&id=${id}`)).body.documents[0]
      .locales[locale]
  const content = ({ _status, updatedAt, updatedBy, ...rest }: Record<string, unknown>) => rest

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', TRANSLATION_IMPORT_RATE_LIMIT: '100' })
    ;({ editor, translator } = await staffClients(server, ['ru', 'kk', 'tg', 'ky']))
    const created = await editor.post('/api/press-releases?locale=en', release)
    expect(created.status).toBe(201)
    releaseId = created.body.doc.id
    const organisation = await editor.post('/api/organisations?locale=en', {
      name: 'Legal Aid Network',
      city: 'Bishkek',
      organisationType: 'ngo',
      description: {
        root: block('root', [
          block('paragraph', [text('Free '), text('legal aid', 1), text(' in '), link('six regions'), text('.')]),
        ]),
      },
    })
    expect(organisation.status).toBe(201)
    organisationId = organisation.body.doc.id
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('exports XLIFF 1.2 that the OASIS strict schema accepts, with the units and paths of the 2.0 export', async () => {
    const twenty = await exportFile(`collection=press-releases&ids=${releaseId}&target=ru`)
    const twelve = await exportFile(`collection=press-releases&ids=${releaseId}&target=ru&version=1.2`)
    expect(validateXliff12(twelve, 'release.xliff12.xlf')).toBe('')
    expect(twelve).toContain(
      `<file original="press-releases/${releaseId}" datatype="x-pressroom" source-language="en" target-language="ru">`,
    )
    const paths20 = [...twenty.matchAll(/<unit id="([^"]+)"/g)].map((match) => match[1])
    const paths12 = [...new Set([...twelve.matchAll(/resname="([^"]+)"/g)].map((match) => match[1]))]
    expect(paths12).toEqual(paths20)
    expect(paths20).toHaveLength(FIELDS)
    expect(twelve.match(/<trans-unit /g)).toHaveLength(SEGMENTS)
    expect(twelve).toContain(
      'The <g id="c1" ctype="bold">Coalition against Torture</g> met in <bpt id="c2" ctype="link">&lt;a href=&quot;https://notabene.tj/&quot;&gt;</bpt>Dushanbe<ept id="c2">&lt;/a&gt;</ept>.',
    )
    const wrong = await translator.get(
      `/api/translations/export?collection=press-releases&target=ru&format=json&version=1.2`,
    )
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].data.errors[0]).toMatchObject({
      path: 'version',
      message: expect.stringMatching(/format=xliff/),
    })
    expect(
      (await translator.get(`/api/translations/export?collection=press-releases&target=ru&version=3.0`)).body.errors[0]
        .data.errors[0].path,
    ).toBe('version')
  })

  it('the xliff library (npm) round-trips XLIFF 2.0: its file has no original and no segment ids, and every unit applies', async () => {
    const exported = await exportFile(`collection=organisations&ids=${organisationId}&target=ru`)
    const written = await xliff.js2xliff(fillResources(await xliff.xliff2js(exported), '[ru] '))
    // What the library changes: the document is named only by <file id>, segments lose their ids, content is indented.
    expect(written).not.toContain('original=')
    expect(written).not.toContain('<segment id=')
    expect(written).toMatch(/<target>\[ru\] Free \n\s+<pc id="c1"/)
    expect(validateXliff(written, 'organisation.lib.xlf')).toBe('')
    const englishBefore = await draft('organisations', organisationId, 'en')

    const reply = await upload(translator, written, 'organisation.xlf')
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: 3, stale: 0, rejected: 0 })
    const russian = await draft('organisations', organisationId, 'ru')
    expect(russian).toMatchObject({ name: '[ru] Legal Aid Network', city: '[ru] Bishkek' })
    expect(russian.description.root.children[0].children).toEqual([
      expect.objectContaining({ text: '[ru] Free ', format: 0 }),
      expect.objectContaining({ text: 'legal aid', format: 1 }),
      expect.objectContaining({ text: ' in ', format: 0 }),
      expect.objectContaining({
        type: 'link',
        fields: expect.objectContaining({ url: 'https://notabene.tj/' }),
        children: [expect.objectContaining({ text: 'six regions' })],
      }),
      expect.objectContaining({ text: '.' }),
    ])
    expect(content(await draft('organisations', organisationId, 'en'))).toEqual(content(englishBefore))
    expect(await cell('organisations', organisationId, 'ru')).toMatchObject({ status: 'translated' })
  })

  it('the xliff library round-trips XLIFF 1.2 of rich text, formatting and links kept', async () => {
    const exported = await exportFile(`collection=press-releases&ids=${releaseId}&target=ru&version=1.2`)
    const written = await xliff.jsToXliff12(fillResources(await xliff.xliff12ToJs(exported), '[ru] '))
    expect(validateXliff12(written, 'release.lib.xliff12.xlf')).toBe('')
    const englishBefore = await draft('press-releases', releaseId, 'en')

    const reply = await upload(translator, written, 'release.xlf')
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: FIELDS, stale: 0, rejected: 0 })
    const russian = await draft('press-releases', releaseId, 'ru')
    expect(russian.dateline.places).toEqual(['[ru] Almaty', '[ru] Bishkek', '[ru] Brussels'])
    expect(russian.body.root.children[0].children).toEqual([
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
    expect(russian.body.root.children[1].children[1].children).toEqual([
      expect.objectContaining({ text: '[ru] ' }),
      expect.objectContaining({ text: 'Legal aid', format: 2 }),
    ])
    expect(content(await draft('press-releases', releaseId, 'en'))).toEqual(content(englishBefore))
    expect(await cell('press-releases', releaseId, 'ru')).toMatchObject({
      status: 'translated',
      counts: { translated: FIELDS },
    })
  })

  it('translate-toolkit: pocount sees every unit of a 1.2 export, xliff2po and pomerge bring the targets back, and every unit applies', async () => {
    const exported = await exportFile(`collection=press-releases&ids=${releaseId}&target=kk&version=1.2`)
    writeFileSync(path.join(scratch, 'release.xlf'), exported)
    const counted = run('pocount', ['--no-color', 'release.xlf'])
    expect(counted).toMatch(new RegExp(`Untranslated:\\s+${SEGMENTS} \\(100%\\)`))
    expect(counted).toMatch(new RegExp(`Total:\\s+${SEGMENTS}\\b`))

    run('xliff2po', ['--progress=none', '-i', 'release.xlf', '-o', 'release.po'])
    writeFileSync(
      path.join(scratch, 'release.kk.po'),
      fillPo(readFileSync(path.join(scratch, 'release.po'), 'utf8'), '[kk] '),
    )
    run('pomerge', ['--progress=none', '-t', 'release.xlf', '-i', 'release.kk.po', '-o', 'merged.xlf'])
    const merged = readFileSync(path.join(scratch, 'merged.xlf'), 'utf8')
    expect(run('pocount', ['--no-color', 'merged.xlf'])).toMatch(new RegExp(`Translated:\\s+${SEGMENTS} \\(100%\\)`))
    const englishBefore = await draft('press-releases', releaseId, 'en')

    const reply = await upload(translator, merged, 'merged.xlf')
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: FIELDS, stale: 0, rejected: 0 })
    const kazakh = await draft('press-releases', releaseId, 'kk')
    expect(kazakh.title).toBe('[kk] Coalitions against torture meet in Dushanbe')
    expect(kazakh.dateline.places).toEqual(['[kk] Almaty', '[kk] Bishkek', '[kk] Brussels'])
    // xliff2po writes <g> and <x/> as nothing and a link as its markup: the link comes back as a link, bold does not.
    expect(kazakh.body.root.children[0].children).toEqual([
      expect.objectContaining({ text: '[kk] The Coalition against Torture met in ', format: 0 }),
      expect.objectContaining({
        type: 'link',
        fields: expect.objectContaining({ url: 'https://notabene.tj/' }),
        children: [expect.objectContaining({ text: 'Dushanbe' })],
      }),
      expect.objectContaining({ text: '.' }),
    ])
    expect(JSON.stringify(kazakh.body)).not.toContain('href')
    expect(content(await draft('press-releases', releaseId, 'en'))).toEqual(content(englishBefore))
    expect(await cell('press-releases', releaseId, 'kk')).toMatchObject({
      status: 'translated',
      counts: { translated: FIELDS },
    })
  })

  it('gettext PO: an export msgfmt --check accepts, filled, imports with every unit applied', async () => {
    const exported = await exportFile(`collection=press-releases&ids=${releaseId}&target=tg&format=po`)
    const entries = Object.values(po.parse(exported).translations)
      .flatMap((byId) => Object.values(byId))
      .filter((entry) => entry.msgid)
    expect(entries).toHaveLength(SEGMENTS)
    expect(entries).toContainEqual(
      expect.objectContaining({ msgctxt: `press-releases/${releaseId}:title`, msgid: release.title }),
    )
    expect(entries).toContainEqual(
      expect.objectContaining({
        msgctxt: `press-releases/${releaseId}:body#s1`,
        msgid: 'The <pc id="c1">Coalition against Torture</pc> met in <pc id="c2">Dushanbe</pc>.',
      }),
    )
    const filled = fillPo(exported, '[tg] ')
    writeFileSync(path.join(scratch, 'release.tg.po'), filled)
    expect(run('msgfmt', ['--check', '--statistics', '-o', '/dev/null', 'release.tg.po'])).toBe('')
    const englishBefore = await draft('press-releases', releaseId, 'en')

    const reply = await upload(translator, filled, 'release.tg.po')
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: FIELDS, stale: 0, rejected: 0 })
    const tajik = await draft('press-releases', releaseId, 'tg')
    expect(tajik.summary).toBe('[tg] Sixty NGO representatives from five countries.')
    expect(tajik.body.root.children[0].children).toEqual([
      expect.objectContaining({ text: '[tg] The ', format: 0 }),
      expect.objectContaining({ text: 'Coalition against Torture', format: 1 }),
      expect.objectContaining({ text: ' met in ', format: 0 }),
      expect.objectContaining({ type: 'link', children: [expect.objectContaining({ text: 'Dushanbe' })] }),
      expect.objectContaining({ text: '.' }),
    ])
    expect(content(await draft('press-releases', releaseId, 'en'))).toEqual(content(englishBefore))
    expect(await cell('press-releases', releaseId, 'tg')).toMatchObject({
      status: 'translated',
      counts: { translated: FIELDS },
    })

    // The same file as a raw body is the same import: nothing new to write.
    const again = await translator.send('POST', '/api/translations/import', {
      body: filled,
      headers: { 'content-type': 'text/x-gettext-translation' },
    })
    expect(again.body.summary).toMatchObject({ applied: 0, unchanged: FIELDS })
    const broken = await upload(
      translator,
      filled.replace(`msgctxt "press-releases/${releaseId}:title"`, 'msgctxt "title"'),
      'broken.po',
    )
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].message).toMatch(/msgctxt "title"/)
  })

  it('takes namespace prefixes, extra attributes, states, notes and renumbered codes, and still refuses what must not change', async () => {
    const exported = await exportFile(`collection=press-releases&ids=${releaseId}&target=ky`)
    let renumbered = 0
    const numbers = new Map<string, string>()
    const reworked = exported
      .replace(/ original="[^"]*"/g, '')
      .replace(
        /<segment id="s[0-9]+" state="initial">/g,
        '<segment state="reviewed" subState="acme:checked" acme:seen="yes">',
      )
      .replace(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"',
        '<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" xmlns:acme="urn:example:acme"',
      )
      .replace('</xliff>', '</x:xliff>')
      .replace(/<(\/?)(file|notes|note|unit|originalData|data|segment|source|target|pc|ph)\b/g, '<$1x:$2')
      .replace(
        /(<x:unit [^>]*>)/g,
        '$1<x:notes><x:note category="acme">Checked</x:note></x:notes><acme:meta>kept out</acme:meta>',
      )
      .replace(/ id="(c[0-9]+)"/g, (_all, id: string) => {
        if (!numbers.has(id)) numbers.set(id, String((renumbered += 1) * 10))
        return ` id="${numbers.get(id)}"`
      })
    const filled = reworked.replace(
      /<x:source xml:space="preserve">([\s\S]*?)<\/x:source>/g,
      (source, inner: string) => `${source}<x:target xml:space="preserve">[ky] ${inner}</x:target>`,
    )
    expect(filled).not.toContain('original=')
    expect(filled).toContain('<x:pc id="10"')
    const reply = await upload(translator, filled, 'ky.xlf')
    expect(reply.status).toBe(200)
    expect(reply.body.summary).toMatchObject({ applied: FIELDS, stale: 0, rejected: 0 })
    const kyrgyz = await draft('press-releases', releaseId, 'ky')
    expect(kyrgyz.body.root.children[0].children[1]).toMatchObject({ text: 'Coalition against Torture', format: 1 })
    expect(kyrgyz.body.root.children[0].children[3]).toMatchObject({
      type: 'link',
      fields: expect.objectContaining({ url: 'https://notabene.tj/' }),
    })

    // What must not change: the English of a unit, a link's address, the units themselves.
    const tampered = filled
      .replace(/(<x:unit id="summary"[\s\S]*?<x:source xml:space="preserve">)Sixty/, '$1Seventy')
      .replace(
        '&lt;a href=&quot;https://notabene.tj/&quot;&gt;',
        '&lt;a href=&quot;https://phishing.example/&quot;&gt;',
      )
      .replace('<x:unit id="title"', '<x:unit id="slug"')
    const refused = await upload(translator, tampered.replace(/\[ky\] /g, '[ky, v2] '), 'tampered.xlf')
    expect(refused.status).toBe(200)
    const result = (unit: string) => refused.body.units.find((entry: { unit: string }) => entry.unit === unit)
    expect(result('summary')).toMatchObject({ result: 'stale' })
    expect(result('body')).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/https:\/\/notabene\.tj\/.*phishing\.example.*links are changed in the English/),
    })
    expect(result('slug')).toMatchObject({ result: 'rejected', reason: expect.stringMatching(/Unknown field/) })
    const after = await draft('press-releases', releaseId, 'ky')
    expect(after.summary).toBe(kyrgyz.summary)
    expect(after.body).toEqual(kyrgyz.body)
    expect(after.slug).toBe(kyrgyz.slug)

    // In 1.2 a link's markup travels in <bpt>: changed there, the unit is refused too.
    const twelve = await exportFile(`collection=press-releases&ids=${releaseId}&target=ky&version=1.2`)
    const phishing = twelve
      .replace(
        '&lt;a href=&quot;https://notabene.tj/&quot;&gt;</bpt>Dushanbe',
        '&lt;a href=&quot;https://phishing.example/&quot;&gt;</bpt>Dushanbe',
      )
      .replace(/(<target xml:lang="ky" state="[^"]+">)/g, '$1[ky, v3] ')
    const body12 = await upload(translator, phishing, 'phishing.xlf')
    expect(body12.body.units.find((entry: { unit: string }) => entry.unit === 'body')).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/phishing\.example/),
    })
    expect((await draft('press-releases', releaseId, 'ky')).body).toEqual(kyrgyz.body)
  })

  it('offers the formats in the admin’s translations view, for the collection and language chosen', async () => {
    const page = await editor.get('/admin/translations?collection=press-releases&locale=ru')
    expect(page.status).toBe(200)
    const links = [...String(page.body).matchAll(/href="(\/api\/translations\/export[^"]*)"/g)].map((match) =>
      match[1].replace(/&amp;/g, '&'),
    )
    expect(links).toEqual([
      '/api/translations/export?collection=press-releases&source=en&target=ru&format=xliff',
      '/api/translations/export?collection=press-releases&source=en&target=ru&format=xliff&version=1.2',
      '/api/translations/export?collection=press-releases&source=en&target=ru&format=po',
      '/api/translations/export?collection=press-releases&source=en&target=ru&format=json',
    ])
    for (const link of links) expect((await translator.send('GET', link)).status).toBe(200)
    expect(String((await editor.get('/admin/translations')).body)).not.toContain('/api/translations/export')
  })
})
