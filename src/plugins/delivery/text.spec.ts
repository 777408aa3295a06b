import { hostileStrings } from '../../../tests/helpers/hostile'
import { cleanText, escapeHtml } from './text'

describe('cleanText', () => {
  it('drops control characters, lone surrogates and XML non-characters; keeps tabs', () => {
    expect(cleanText('a\u0000b\u0001c\u001fd\u007fe\u0085f\tg')).toBe('abcdef\tg')
    expect(cleanText('lone \ud800 surrogate')).toBe('lone  surrogate')
    expect(cleanText('x\ufffe\uffffy')).toBe('xy')
  })
  it('writes every line break as one LF', () => {
    expect(cleanText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd')
  })
  it('keeps Cyrillic, non-BMP characters and markup as they are', () => {
    expect(cleanText('Роль 😀 𝄞 </script> ]]>')).toBe('Роль 😀 𝄞 </script> ]]>')
  })
  it('leaves nothing an XML 1.0 document cannot hold', () => {
    const xmlChar = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u
    for (const value of hostileStrings) expect(cleanText(value)).toMatch(xmlChar)
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that mean markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
  it('leaves no ">" that could end a CDATA section', () => {
    expect(escapeHtml('a ]]> b ]]>')).not.toContain(']]>')
  })
})
