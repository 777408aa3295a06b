import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { importFromJson } from './exchange'
import { ImportLimitError, importLimits } from './limits'
import { buildPo, poToExchange } from './po'
import { parseImportText } from './readImport'
import { ExchangeFileError } from './xliff'

const exchange = {
  source: 'en',
  target: 'ru',
  statuses: new Map([['press-releases/12/summary', 'stale' as const]]),
  documents: [
    {
      collection: 'press-releases',
      id: '12',
      title: 'Coalitions',
      units: [
        { id: 'title', name: 'Title', kind: 'text', segments: [{ id: 's1', source: [{ text: 'A "quoted" & <b>' }] }] },
        {
          id: 'summary',
          name: 'Summary',
          kind: 'textarea',
          segments: [{ id: 's1', source: [{ text: 'One\nTwo' }], target: [{ text: 'Раз\nДва' }], stale: true }],
        },
        {
          id: 'body',
          name: 'Body',
          kind: 'richText',
          segments: [
            { id: 's1', source: [{ text: 'The ' }, { pc: 'c1', children: [{ text: 'Coalition' }] }] },
            { id: 's2', source: [{ text: 'Legal aid' }] },
          ],
        },
      ],
    },
  ],
}

const fill = (po: string) =>
  po.replace(/msgid ((?:"[^\n]*"\n)+)msgstr ""\n/g, (_all, id: string) => `msgid ${id}msgstr "[ru] "\n${id}`)

describe('gettext PO files', () => {
  it('writes one entry per segment that msgfmt --check accepts, with the document and path as msgctxt', () => {
    const po = buildPo(exchange)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pressroom-po-')), 'export.po')
    writeFileSync(file, fill(po))
    expect(
      execFileSync('msgfmt', ['--check', '-o', '/dev/null', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('')
    expect(po).toContain('msgctxt "press-releases/12:title"\nmsgid "A \\"quoted\\" & <b>"')
    expect(po).toContain('msgctxt "press-releases/12:body#s1"\nmsgid "The <pc id=\\"c1\\">Coalition</pc>"')
    expect(po).toMatch(/#, fuzzy\nmsgctxt "press-releases\/12:summary"/)
  })

  it('reads back as the JSON exchange: fuzzy entries untranslated, a regional language code as the language', async () => {
    const po = fill(buildPo(exchange)).replace('Language: ru', 'Language: ru_RU')
    const file = importFromJson(await poToExchange(po, 'en'))
    expect(file).toMatchObject({ source: 'en', target: 'ru' })
    const [document] = file.documents
    expect(document.units.map((unit) => unit.id)).toEqual(['title', 'summary', 'body'])
    expect(document.units[0].segments[0].target?.('text')).toEqual([{ text: '[ru] A "quoted" & <b>' }])
    expect(document.units[1].segments[0].target).toBeUndefined()
    expect(document.units[2].segments.map((segment) => segment.target?.('richText'))).toEqual([
      [{ text: '[ru] The ' }, { pc: 'c1', children: [{ text: 'Coalition' }] }],
      [{ text: '[ru] Legal aid' }],
    ])
  })

  it('refuses an entry whose msgctxt names no document, a file without a language, and one gettext cannot read', async () => {
    await expect(
      poToExchange('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "b"\n', 'en'),
    ).rejects.toThrow(/msgctxt "x"/)
    await expect(poToExchange('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n', 'en')).rejects.toThrow(
      ExchangeFileError,
    )
    await expect(poToExchange('msgid ""\nmsgstr "Language: ru\\n"\n', 'en')).rejects.toThrow(/holds no entry/)
    await expect(
      poToExchange('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', 'en'),
    ).rejects.toThrow(/not a PO file gettext can read/)
  })

  it('holds a PO file to the import limits: units, documents, characters per segment', async () => {
    const entries = (count: number, context = (index: number) => `events/${index}:title`) =>
      'msgid ""\nmsgstr "Language: ru\\n"\n' +
      Array.from(
        { length: count },
        (_, index) => `\nmsgctxt "${context(index)}"\nmsgid "a${index}"\nmsgstr "b"\n`,
      ).join('')
    const limits = { ...importLimits({}), units: 5, documents: 3, segmentChars: 10 }
    await expect(
      parseImportText(
        'po',
        entries(6, (index) => `events/1:field${index}`),
        limits,
      ),
    ).rejects.toMatchObject({ limit: 'units' })
    await expect(parseImportText('po', entries(4), limits)).rejects.toMatchObject({ limit: 'documents' })
    await expect(
      parseImportText('po', entries(1).replace('msgstr "b"', `msgstr "${'b'.repeat(11)}"`), limits),
    ).rejects.toBeInstanceOf(ImportLimitError)
    await expect(parseImportText('po', entries(3), limits)).resolves.toMatchObject({ target: 'ru' })
  })
})
