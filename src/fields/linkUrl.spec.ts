import { paragraphs } from '@/utilities/lexical'

import { validateLinkUrl, validateRichTextLinks, webUrlProblem } from './linkUrl'

describe('validateLinkUrl', () => {
  it.each([
    'https://hfhr.pl/en/',
    'http://example.org',
    'mailto:press@example.org',
    'tel:+48504080257',
    '/en/events/x',
    'events/x',
    '#programme',
    '?page=2',
    '//cdn.example.org/a.pdf',
    '',
  ])('accepts %s', (url) => expect(validateLinkUrl(url)).toBe(true))
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('refuses %s, naming the scheme', (url) => {
    expect(validateLinkUrl(url)).toMatch(/is not allowed; use http, https, mailto, tel/)
  })
  it.each(['java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0001javascript:alert(1)', 'https://example.org/\r\nx'])(
    'refuses control characters in %j',
    (url) => {
      expect(validateLinkUrl(url)).toMatch(/control characters/)
    },
  )
  it('shows control characters in the message as code points', () => {
    expect(validateLinkUrl('java\tscript:x')).toContain('java\\u0009script:x')
  })
})

describe('validateRichTextLinks', () => {
  const withLink = (url: string, type = 'link') => {
    const state = paragraphs('see')
    ;(state.root.children[0] as unknown as { children: unknown[] }).children.push({
      type,
      fields: { url, linkType: 'custom' },
      children: [{ type: 'text', text: 'here' }],
    })
    return state
  }
  it('accepts text without links and safe links', () => {
    expect(validateRichTextLinks(paragraphs('plain'))).toBe(true)
    expect(validateRichTextLinks(withLink('https://example.org'))).toBe(true)
  })
  it('refuses a javascript: link or autolink anywhere in the tree', () => {
    expect(validateRichTextLinks(withLink('javascript:alert(1)'))).toMatch(/javascript:/)
    expect(validateRichTextLinks(withLink('JaVaScRiPt:alert(1)', 'autolink'))).toMatch(/not allowed/)
  })
})

describe('webUrlProblem', () => {
  it('accepts absolute http and https addresses', () => {
    expect(webUrlProblem('https://example.org/a?b=c')).toBeUndefined()
  })
  it('refuses other schemes, controls and surrounding spaces', () => {
    expect(webUrlProblem('javascript:alert(1)')).toMatch(/https:\/\//)
    expect(webUrlProblem('data:text/html,x')).toMatch(/https:\/\//)
    expect(webUrlProblem('https://example.org/\r\nSet-Cookie:x')).toMatch(/control characters/)
    expect(webUrlProblem(' https://example.org')).toMatch(/starts or ends with a space/)
  })
})
