import { elementNode, textNode as text } from '@/utilities/lexical'

import { richTextToHtml } from './richTextHtml'

const link = (url: string, label: string, extra: Record<string, unknown> = {}) => ({
  type: 'link',
  version: 3,
  fields: { linkType: 'custom', url, ...extra },
  children: [text(label)],
})
const state = (...children: unknown[]) => ({ root: elementNode('root', children) })
const paragraph = (...children: unknown[]) => elementNode('paragraph', children, { textFormat: 0 })

const html = (value: unknown) =>
  richTextToHtml(value, { locale: 'en', serverUrl: 'https://cms.example.org', ownOrigins: ['https://www.example.org'] })

describe('rich text as HTML', () => {
  it('keeps a javascript: or data: link stored in rich text as text, without an href', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const out = html(state(paragraph(text('Read '), link(url, 'this'))))
      expect(out).toBe('<p>Read this</p>')
    }
  })

  it('marks external links noopener noreferrer, opens a new tab only when the editor chose one, leaves own links alone', () => {
    const out = html(
      state(
        paragraph(
          link('https://iphronline.org/x?a=1&b=2', 'IPHR'),
          link('https://www.example.org/en/events/x', 'ours'),
          link('https://kibhr.org', 'KIBHR', { newTab: true }),
          link('mailto:press@example.org', 'mail'),
        ),
      ),
    )
    expect(out).toBe(
      '<p><a href="https://iphronline.org/x?a=1&amp;b=2" rel="noopener noreferrer">IPHR</a><a href="https://www.example.org/en/events/x">ours</a><a href="https://kibhr.org" rel="noopener noreferrer" target="_blank">KIBHR</a><a href="mailto:press@example.org">mail</a></p>',
    )
  })

  it('converts headings, lists and uploads with their alt text, and sanitizes what the converter lets through', () => {
    const upload = {
      type: 'upload',
      version: 3,
      relationTo: 'media',
      value: { id: 1, url: '/api/media/file/a.png', alt: 'A "hall"', mimeType: 'image/png', width: 10, height: 5 },
      fields: {},
    }
    const list = {
      type: 'list',
      listType: 'bullet',
      tag: 'ul',
      start: 1,
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        { type: 'listitem', value: 1, version: 1, direction: 'ltr', format: '', indent: 0, children: [text('one', 1)] },
      ],
    }
    const heading = {
      type: 'heading',
      tag: 'h2',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [text('<b>Title</b>')],
    }
    const out = html(state(heading, list, upload))
    expect(out).toContain('<h2>&lt;b&gt;Title&lt;/b&gt;</h2>')
    expect(out).toMatch(/<ul class="list-bullet"><li value="1"><strong>one<\/strong><\/li><\/ul>/)
    expect(out).toContain(
      '<img alt="A &quot;hall&quot;" height="5" src="https://cms.example.org/api/media/file/a.png" width="10" />',
    )
    expect(html(null)).toBe('')
  })
})
