import { releaseExchange } from '../../../tests/helpers/xliff'
import { inlineToXml, xmlToInline } from './inline'
import { buildXliff, ExchangeFileError, parseXliff } from './xliff'

const exchange = releaseExchange('Coalitions & NGOs <meet>', [
  {
    id: 'body',
    kind: 'richText',
    attributes: (id: string) => (id === 'c1' ? ' type="fmt" subType="xlf:b"' : ''),
    segments: [
      { id: 's1', source: [{ text: 'Hello ' }, { pc: 'c1', children: [{ text: 'world' }] }, { text: '\u0001' }] },
    ],
  },
])

describe('XLIFF 2.0 files', () => {
  it('round-trips documents, units, segments, escapes and control characters', async () => {
    const xml = buildXliff(exchange)
    expect(xml).toContain('<file id="press-releases-12" original="press-releases/12">')
    expect(xml).toContain('<pc id="c1" type="fmt" subType="xlf:b">world</pc><cp hex="0001"/>')
    const parsed = await parseXliff(xml)
    expect(parsed).toMatchObject({ source: 'en', target: 'ru' })
    const [document] = parsed.documents
    expect(document).toMatchObject({ collection: 'press-releases', id: '12' })
    expect(document.units.map((unit) => unit.id)).toEqual(['title', 'body'])
    expect(xmlToInline(document.units[0].segments[0].source)).toEqual([{ text: 'A & B < C' }])
    expect(xmlToInline(document.units[0].segments[0].target ?? [])).toEqual([{ text: 'А и Б' }])
    expect(inlineToXml(xmlToInline(document.units[1].segments[0].source))).toBe(
      'Hello <pc id="c1">world</pc><cp hex="0001"/>',
    )
    expect(document.units[1].segments[0].target).toBeUndefined()
  })

  it('names the line of a file that is not well-formed', async () => {
    const broken = buildXliff(exchange).replace('</source>', '</sorce>')
    const line = broken.split('\n').findIndex((text) => text.includes('</sorce>')) + 1
    const error = await parseXliff(broken).then(
      () => undefined,
      (caught: unknown) => caught as ExchangeFileError,
    )
    expect(error).toBeInstanceOf(ExchangeFileError)
    expect(error?.where.line).toBe(line)
    expect(error?.message).toMatch(new RegExp(`line ${line}`))
  })

  it('refuses DOCTYPEs, other versions and files that do not name their documents', async () => {
    await expect(parseXliff('<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff/>')).rejects.toThrow(/DOCTYPE/)
    await expect(parseXliff('<xliff version="1.0" srcLang="en" trgLang="ru"><file id="f"/></xliff>')).rejects.toThrow(
      /2.0 and 1.2 are read/,
    )
    await expect(parseXliff('<xliff version="1.2"><file original="events/1"><body/></file></xliff>')).rejects.toThrow(
      /source-language and target-language/,
    )
    await expect(
      parseXliff(
        '<xliff version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>',
      ),
    ).rejects.toThrow(/original="collection\/id"/)
    await expect(
      parseXliff(
        '<xliff version="2.0" srcLang="en" trgLang="ru"><file id="f" original="events/1"><unit id="u"><segment></segment></unit></file></xliff>',
      ),
    ).rejects.toThrow(/unit "u".*exactly one <source>/)
  })
})
