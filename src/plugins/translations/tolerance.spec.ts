import type { Inline } from './inline'
import { MarkupError } from './inline'
import { checkCodeData, reconcile, restoreCodeMarkup } from './tolerance'

const source: Inline[] = [
  { text: 'The ' },
  { pc: 'c1', children: [{ text: 'Coalition' }] },
  { text: ' met.' },
  { ph: 'c2' },
  { text: 'Next' },
]

describe('reading a file as the tools left it', () => {
  it('maps renumbered codes onto the source when they pair up, in the source and the target alike', () => {
    const [segment] = reconcile(
      [
        [
          { text: 'The ' },
          { pc: '1', children: [{ text: 'Coalition' }] },
          { text: ' met.' },
          { ph: '2' },
          { text: 'Next' },
        ],
      ],
      [source],
    )
    expect(segment.source).toEqual(source)
    expect(segment.adapt([{ ph: '2' }, { pc: '1', children: [{ text: 'Коалиция' }] }])).toEqual([
      { ph: 'c2' },
      { pc: 'c1', children: [{ text: 'Коалиция' }] },
    ])
  })

  it('leaves codes that do not pair (another kind, or one more) and changed text to be judged as before', () => {
    expect(
      reconcile([[{ text: 'The ' }, { ph: '1' }, { text: ' met.' }, { ph: '2' }, { text: 'Next' }]], [source])[0]
        .source,
    ).not.toEqual(source)
    expect(
      reconcile(
        [
          [
            { text: 'The other ' },
            { pc: 'c1', children: [{ text: 'Coalition' }] },
            { text: ' met.' },
            { ph: 'c2' },
            { text: 'Next' },
          ],
        ],
        [source],
      )[0].source,
    ).not.toEqual(source)
  })

  it('takes out indentation a tool added, only when the source then reads the same', () => {
    const indented: Inline[] = [
      { text: 'The \n          ' },
      { pc: 'c1', children: [{ text: 'Coalition' }] },
      { text: ' met.\n          ' },
      { ph: 'c2' },
      { text: 'Next\n        ' },
    ]
    const [segment] = reconcile([indented], [source])
    expect(segment.source).toEqual(source)
    expect(segment.adapt([{ text: '\n          Эта ' }, { ph: 'c2' }, { text: '\n        ' }])).toEqual([
      { text: 'Эта ' },
      { ph: 'c2' },
    ])
    // A text with its own line breaks, sent back as it was, keeps them.
    const lines: Inline[] = [{ text: 'One\nTwo' }]
    expect(reconcile([lines], [lines])[0].adapt([{ text: 'Раз\nДва' }])).toEqual([{ text: 'Раз\nДва' }])
  })

  it('refuses a link whose markup the file changed', () => {
    const expected = new Map([
      ['c1-start', '<a href="https://notabene.tj/">'],
      ['c1-end', '</a>'],
    ])
    expect(() =>
      checkCodeData(
        { '7-start': '<a href="https://notabene.tj/">', '7-end': '</a>' },
        new Map([['7', 'c1']]),
        expected,
      ),
    ).not.toThrow()
    expect(() =>
      checkCodeData({ '7-start': '<a href="https://elsewhere.example/">' }, new Map([['7', 'c1']]), expected),
    ).toThrow(MarkupError)
  })

  it('makes a link written out as its markup a code again, when it is exactly the source’s', () => {
    const link = new Map([
      ['c3-start', '<a href="https://notabene.tj/">'],
      ['c3-end', '</a>'],
    ])
    expect(restoreCodeMarkup([{ text: 'Встреча в <a href="https://notabene.tj/">Душанбе</a>.' }], link)).toEqual([
      { text: 'Встреча в ' },
      { pc: 'c3', children: [{ text: 'Душанбе' }] },
      { text: '.' },
    ])
    expect(restoreCodeMarkup([{ text: 'в <a href="https://other/">Душанбе</a>' }], link)).toEqual([
      { text: 'в <a href="https://other/">Душанбе</a>' },
    ])
  })

  it('takes a source without the characters XLIFF 1.2 cannot carry as the same text', () => {
    const ours: Inline[] = [{ text: 'Tab\u000Bhere' }]
    expect(reconcile([[{ text: 'Tabhere' }]], [ours])[0].source).toEqual(ours)
    expect(reconcile([[{ text: 'Tab here' }]], [ours])[0].source).not.toEqual(ours)
  })
})
