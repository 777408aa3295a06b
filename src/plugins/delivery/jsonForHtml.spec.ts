import { hostileStrings } from '../../../tests/helpers/hostile'
import { jsonForHtml } from './jsonForHtml'

describe('jsonForHtml', () => {
  it('writes no character that can close a <script> or open a comment', () => {
    const body = jsonForHtml({ name: '</script><script>alert(1)</script>', description: '<!-- & -->' })
    expect(body).not.toMatch(/[<>&]/)
    expect(body).toContain('\\u003c/script\\u003e')
  })
  it('escapes U+2028 and U+2029', () => {
    expect(jsonForHtml('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"')
  })
  it('parses back to the same values, hostile ones included', () => {
    const value = { '@type': 'Event', names: hostileStrings, nested: { '<key>': [1, true, null, 'x & y'] } }
    const body = jsonForHtml(value)
    expect(body).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(body)).toEqual(value)
  })
})
