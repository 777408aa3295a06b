import { elementNode as block, textNode as text } from '@/utilities/lexical'

import { releaseExchange, validateXliff12 } from '../../../tests/helpers/xliff'
import { importFromXliff } from './exchange'
import { MarkupError } from './inline'
import { importLimits } from './limits'
import { richTextToSegments } from './richText'
import { codeAttributes, originalData } from './units'
import { buildXliff, parseXliff } from './xliff'
import { buildXliff12, xml12ToInline } from './xliff12'

const body = richTextToSegments({
  root: block('root', [
    block('paragraph', [
      text('The '),
      text('Coalition', 1),
      text(' met in '),
      block('link', [text('Dushanbe')], {
        fields: { linkType: 'custom', url: 'https://notabene.tj/?a=1&b=2', newTab: false },
      }),
      text('.'),
      { type: 'linebreak', version: 1 },
      text('Next'),
    ]),
    block('paragraph', [text('Legal aid', 2)]),
  ]),
})

const exchange = releaseExchange('Coalitions & NGOs', [
  {
    id: 'dateline.places',
    name: 'Places',
    kind: 'textList',
    segments: [
      { id: 's1', source: [{ text: 'Almaty' }] },
      { id: 's2', source: [{ text: 'Bishkek' }], target: [{ text: 'Бишкек' }], stale: true },
    ],
  },
  {
    id: 'body',
    name: 'Body',
    kind: 'richText',
    attributes: codeAttributes(body.codes),
    data: originalData(body.codes),
    codes: body.codes,
    segments: body.segments.map((source, index) => ({ id: `s${index + 1}`, source })),
  },
])

describe('XLIFF 1.2 files', () => {
  it('holds the units of the 2.0 export, valid against the OASIS 1.2 strict schema', async () => {
    const xml = buildXliff12(exchange)
    expect(validateXliff12(xml, 'unit.xlf')).toBe('')
    expect(xml).toContain(
      '<file original="press-releases/12" datatype="x-pressroom" source-language="en" target-language="ru">',
    )
    expect(xml).toContain(
      '<trans-unit id="title" resname="title" restype="x-pressroom-text" approved="yes" xml:space="preserve">',
    )
    expect(xml).toContain(
      '<trans-unit id="dateline.places#s2" resname="dateline.places" restype="x-pressroom-textList" approved="no" xml:space="preserve">',
    )
    expect(xml).toContain('<target xml:lang="ru" state="needs-review-translation">Бишкек</target>')
    expect(xml).toContain(
      'The <g id="c1" ctype="bold">Coalition</g> met in <bpt id="c2" ctype="link">&lt;a href=&quot;https://notabene.tj/?a=1&amp;b=2&quot;&gt;</bpt>Dushanbe<ept id="c2">&lt;/a&gt;</ept>.<x id="c3" ctype="lb"/>Next',
    )

    const parsed = await parseXliff(xml)
    expect(parsed.version).toBe('1.2')
    const [document] = importFromXliff(parsed).documents
    expect(document).toMatchObject({ collection: 'press-releases', id: '12' })
    expect(document.units.map((unit) => [unit.id, unit.segments.map((segment) => segment.id)])).toEqual([
      ['title', ['s1']],
      ['dateline.places', ['s1', 's2']],
      ['body', ['s1', 's2']],
    ])
    // The same inline content as the 2.0 export reads back.
    const twenty = importFromXliff(await parseXliff(buildXliff(exchange))).documents[0]
    expect(document.units[2].segments.map((segment) => segment.source('richText'))).toEqual(
      twenty.units[2].segments.map((segment) => segment.source('richText')),
    )
    expect(document.units[2].segments[0].data?.()).toEqual([
      { 'c2-start': '<a href="https://notabene.tj/?a=1&b=2">', 'c2-end': '</a>' },
      {},
    ])
  })

  it('puts the numbered segments of a field in their order, wherever a tool moved them', async () => {
    const unit = (id: string, text: string) =>
      `<trans-unit id="${id}" resname="body"><source>${text}</source></trans-unit>`
    const parsed = await parseXliff(
      `<xliff version="1.2"><file original="events/1" source-language="en" target-language="ru"><body>${unit('body#s2', 'B')}${unit('body#s1', 'A')}</body></file></xliff>`,
    )
    expect(importFromXliff(parsed).documents[0].units[0].segments.map((segment) => segment.source('richText'))).toEqual(
      [[{ text: 'A' }], [{ text: 'B' }]],
    )
  })

  it('pairs <bpt>/<ept> by rid or id, and refuses pairs that cross or never close', async () => {
    const read = async (content: string) => {
      const parsed = await parseXliff(
        `<xliff version="1.2"><file original="events/1" source-language="en" target-language="ru"><body><trans-unit id="x"><source>${content}</source></trans-unit></body></file></xliff>`,
      )
      const [unit] = importFromXliff(parsed).documents[0].units
      return unit.segments[0].source('richText')
    }
    expect(await read('a<bpt id="1" rid="r">&lt;a&gt;</bpt>b<ept id="2" rid="r">&lt;/a&gt;</ept>')).toEqual([
      { text: 'a' },
      { pc: '1', children: [{ text: 'b' }] },
    ])
    expect(await read('<bx id="5"/>b<ex id="5"/><ph id="6">&lt;br/&gt;</ph>')).toEqual([
      { pc: '5', children: [{ text: 'b' }] },
      { ph: '6' },
    ])
    await expect(read('<g id="1"><bpt id="2">x</bpt>a</g><ept id="2">y</ept>')).rejects.toBeInstanceOf(MarkupError)
    await expect(read('<bpt id="2">x</bpt>a')).rejects.toThrow(/never closed/)
    await expect(read('<it id="1" pos="open">x</it>')).rejects.toThrow(/Isolated/)
    expect(() => xml12ToInline([{ sub: [] }])).toThrow(/not XLIFF 1.2 inline markup/)
  })

  it('takes the document from original in either spelling Pressroom wrote, and refuses two language pairs', async () => {
    const file = (attributes: string) =>
      `<file ${attributes} source-language="en" target-language="ru"><body><trans-unit id="name"><source>A</source></trans-unit></body></file>`
    const parsed = await parseXliff(
      `<xliff version="1.2">${file('original="organisations-7"')}${file('original="x" id="press-releases-8"')}</xliff>`,
    )
    expect(parsed.documents.map((document) => `${document.collection}/${document.id}`)).toEqual([
      'organisations/7',
      'press-releases/8',
    ])
    await expect(
      parseXliff(
        `<xliff version="1.2">${file('original="events/1"')}${file('original="events/2"').replace('"ru"', '"kk"')}</xliff>`,
      ),
    ).rejects.toThrow(/one pair of languages/)
  })

  it('counts <trans-unit>s and <file>s against the import limits, and refuses one document in two <file>s', async () => {
    const units = (count: number) =>
      Array.from({ length: count }, (_, index) => `<trans-unit id="u${index}"><source>a</source></trans-unit>`).join('')
    const file = (original: string, count = 1) =>
      `<file original="${original}" source-language="en" target-language="ru"><body>${units(count)}</body></file>`
    const limits = { ...importLimits({}), units: 5, documents: 2 }
    await expect(parseXliff(`<xliff version="1.2">${file('events/1', 6)}</xliff>`, limits)).rejects.toMatchObject({
      limit: 'units',
    })
    // The segments of one field are one unit, as in 2.0: a rich text of many blocks is not refused for them.
    const blocks = Array.from(
      { length: 8 },
      (_, index) => `<trans-unit id="body#s${index + 1}" resname="body"><source>a</source></trans-unit>`,
    ).join('')
    await expect(
      parseXliff(
        `<xliff version="1.2"><file original="events/1" source-language="en" target-language="ru"><body>${blocks}</body></file></xliff>`,
        limits,
      ),
    ).resolves.toMatchObject({ version: '1.2' })
    await expect(
      parseXliff(`<xliff version="1.2">${file('events/1')}${file('events/2')}${file('events/3')}</xliff>`, limits),
    ).rejects.toMatchObject({ limit: 'documents' })
    await expect(
      parseXliff(`<xliff version="1.2">${file('events/1')}${file('events-1')}</xliff>`, limits),
    ).rejects.toThrow(/names events\/1 again/)
  })
})
