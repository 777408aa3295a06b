import { MAX_DEPTH, queryProblems } from './validateQuery'

describe('queryProblems', () => {
  it('accepts what frontends send', () => {
    expect(queryProblems({})).toEqual([])
    expect(queryProblems({ locale: 'ru', 'fallback-locale': 'en', depth: '1', limit: '20', page: '3' })).toEqual([])
    expect(queryProblems({ locale: 'all', 'fallback-locale': 'none', depth: String(MAX_DEPTH) })).toEqual([])
  })
  it('refuses an unknown locale instead of falling back silently', () => {
    expect(queryProblems({ locale: 'xx' })).toEqual([{ path: 'locale', message: 'Unknown locale "xx": use one of en, ru, tg, kk, ky, or all.' }])
    expect(queryProblems({ 'fallback-locale': 'de' })[0].path).toBe('fallback-locale')
  })
  it('refuses depths, limits and pages out of range or not numbers', () => {
    expect(queryProblems({ depth: '100' })).toEqual([{ path: 'depth', message: 'depth must be a whole number from 0 to 5, got "100".' }])
    for (const depth of ['-1', 'abc', '1.5', '']) expect(queryProblems({ depth })[0].path).toBe('depth')
    for (const limit of ['0', '-5', 'abc', '100000']) expect(queryProblems({ limit })[0].path).toBe('limit')
    expect(queryProblems({ page: '0' })[0].path).toBe('page')
  })
  it('refuses a parameter given twice', () => {
    expect(queryProblems({ locale: ['en', 'ru'] })).toEqual([{ path: 'locale', message: '"locale" must be given once, as a single value.' }])
  })
})

describe('where checks', () => {
  it('refuses geographic operators with malformed values, at any depth', () => {
    expect(queryProblems({ where: { title: { near: '\u0000' } } })).toEqual([
      { path: 'where[title][near]', message: 'where[title][near] must be "longitude,latitude" with optional maximum and minimum distances in metres.' },
    ])
    expect(queryProblems({ where: { or: [{ 'venue.coordinates': { within: 'x' } }] } })[0].path).toBe('where[or][0][venue.coordinates][within]')
  })
  it('lets well-formed conditions through to Payload', () => {
    expect(queryProblems({ where: { 'venue.coordinates': { near: '68.77,38.56,10000' }, title: { like: 'torture' } } })).toEqual([])
  })
})
