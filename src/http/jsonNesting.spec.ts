import { jsonNestingProblem, nestingScanner } from './jsonNesting'
import { MAX_JSON_NESTING } from './limits'

describe('nestingScanner', () => {
  it('follows nesting across chunks and ignores brackets inside strings', () => {
    const tooDeep = nestingScanner(3)
    expect(tooDeep('{"a":[{"b":"[[[[\\"[[["')).toBe(false)
    expect(tooDeep(Buffer.from('}]} '))).toBe(false)
    expect(tooDeep(Buffer.from('[[['))).toBe(false)
    expect(tooDeep(Buffer.from('['))).toBe(true)
  })
  it('keeps an escaped backslash from ending a string early', () => {
    expect(nestingScanner(1)('["\\\\", "[["]')).toBe(false)
    expect(nestingScanner(1)('["\\\\"][')).toBe(false)
  })
  it(`accepts ${MAX_JSON_NESTING} levels and refuses a hundred thousand`, () => {
    expect(nestingScanner()('['.repeat(MAX_JSON_NESTING) + ']'.repeat(MAX_JSON_NESTING))).toBe(false)
    expect(nestingScanner()('['.repeat(100_000))).toBe(true)
  })
})

describe('jsonNestingProblem', () => {
  it('names a parameter that is not JSON or nested too deeply', () => {
    expect(jsonNestingProblem('{"title":"x"}', 'data')).toBeUndefined()
    expect(jsonNestingProblem('{"title":', 'data')).toBe('data must be valid JSON.')
    expect(jsonNestingProblem('['.repeat(1000), 'data')).toMatch(/^data is nested too deeply/)
  })
})
