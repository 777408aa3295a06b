import { elementNode as block, textNode as text } from '@/utilities/lexical'

import { inlineToXml, MarkupError } from './inline'
import { type LexicalNode, richTextToSegments, segmentsToRichText } from './richText'
import { parseInlineMarkup } from './xliff'

const link = (url: string, children: LexicalNode[]): LexicalNode =>
  block('link', children, { fields: { linkType: 'custom', url, newTab: true } })

export const sample: { root: LexicalNode } = {
  root: block('root', [
    block('heading', [text('Torture prevention')], { tag: 'h2' }),
    block('paragraph', [
      text('The '),
      text('Coalition', 1),
      text(' met in '),
      link('https://notabene.tj', [text('Dushanbe', 2)]),
      text('.'),
    ]),
    block(
      'list',
      [
        block('listitem', [text('First day')], { value: 1 }),
        block('listitem', [text('Second'), { type: 'linebreak', version: 1 }, text('day', 3)], { value: 2 }),
      ],
      { listType: 'bullet', tag: 'ul' },
    ),
    block('paragraph', []),
    { type: 'upload', relationTo: 'media', value: 7, version: 3 },
  ]),
}

describe('rich text as XLIFF segments', () => {
  it('makes one segment per block of text, with codes for formatting, links and line breaks', () => {
    const { segments, codes } = richTextToSegments(sample)
    expect(segments.map((segment) => inlineToXml(segment))).toEqual([
      'Torture prevention',
      'The <pc id="c1">Coalition</pc> met in <pc id="c2"><pc id="c3">Dushanbe</pc></pc>.',
      'First day',
      'Second<ph id="c4"/><pc id="c5"><pc id="c6">day</pc></pc>',
    ])
    expect(codes.get('c1')).toEqual({ kind: 'format', bit: 1 })
    expect(codes.get('c2')).toMatchObject({ kind: 'link', node: { fields: { url: 'https://notabene.tj' } } })
    expect([codes.get('c5'), codes.get('c6')]).toEqual([
      { kind: 'format', bit: 1 },
      { kind: 'format', bit: 2 },
    ])
  })

  it('rebuilds the source structure around translated segments, keeping formatting and links', () => {
    const { codes } = richTextToSegments(sample)
    const targets = [
      'Предупреждение пыток',
      '<pc id="c1">Коалиция</pc> встретилась в <pc id="c2"><pc id="c3">Душанбе</pc></pc>.',
      'Первый день',
      'Второй<ph id="c4"/><pc id="c5"><pc id="c6">день</pc></pc>',
    ].map(parseInlineMarkup)
    const state = segmentsToRichText(sample, targets, codes)
    const [heading, paragraph, list, empty, upload] = state.root.children ?? []
    expect(heading).toMatchObject({
      type: 'heading',
      tag: 'h2',
      children: [{ text: 'Предупреждение пыток', format: 0 }],
    })
    expect(paragraph.children).toEqual([
      expect.objectContaining({ text: 'Коалиция', format: 1 }),
      expect.objectContaining({ text: ' встретилась в ', format: 0 }),
      expect.objectContaining({
        type: 'link',
        fields: { linkType: 'custom', url: 'https://notabene.tj', newTab: true },
        children: [expect.objectContaining({ text: 'Душанбе', format: 2 })],
      }),
      expect.objectContaining({ text: '.', format: 0 }),
    ])
    expect(list.children?.[1].children).toEqual([
      expect.objectContaining({ text: 'Второй' }),
      { type: 'linebreak', version: 1 },
      expect.objectContaining({ text: 'день', format: 3 }),
    ])
    expect([empty, upload]).toEqual([sample.root.children?.[3], sample.root.children?.[4]])
    // The source is not changed by building the translation on it.
    expect(sample.root.children?.[0].children?.[0].text).toBe('Torture prevention')
  })

  it('refuses codes the source does not have, misused codes and a different number of blocks', () => {
    const { codes } = richTextToSegments(sample)
    const three = ['a', 'b', 'c'].map(parseInlineMarkup)
    expect(() => segmentsToRichText(sample, three, codes)).toThrow(/4 blocks of text, the translation 3/)
    const withUnknown = ['a', '<pc id="c99">b</pc>', 'c', 'd'].map(parseInlineMarkup)
    expect(() => segmentsToRichText(sample, withUnknown, codes)).toThrow(MarkupError)
    const phAsPc = ['a', 'b', 'c', '<pc id="c4">d</pc>'].map(parseInlineMarkup)
    expect(() => segmentsToRichText(sample, phAsPc, codes)).toThrow(/stands alone/)
    const linkInLink = ['a', '<pc id="c2"><pc id="c2">b</pc></pc>', 'c', 'd'].map(parseInlineMarkup)
    expect(() => segmentsToRichText(sample, linkInLink, codes)).toThrow(/inside another link/)
  })

  it('has no segments for an empty or missing editor state', () => {
    expect(richTextToSegments(null).segments).toEqual([])
    expect(richTextToSegments({ root: block('root', [block('paragraph', [])]) }).segments).toEqual([])
  })
})
