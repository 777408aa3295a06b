import { MAX_LIKE_LENGTH, MAX_LIKE_WORDS, MAX_LIST_VALUES, MAX_WHERE_CONDITIONS, MAX_WHERE_NESTING } from './limits'
import { listSize, whereProblems } from './whereShape'

const nested = (levels: number): Record<string, unknown> =>
  levels ? { or: [nested(levels - 1)] } : { title: { equals: 'x' } }

describe('whereProblems: the size of a query', () => {
  it('counts list values however qs spelt them', () => {
    expect(listSize('1,2,3')).toBe(3)
    expect(listSize(['1', '2'])).toBe(2)
    expect(listSize({ 0: '1', 1200: '2' })).toBe(2)
  })
  it(`refuses an in, not_in or all list of more than ${MAX_LIST_VALUES} values, naming the path`, () => {
    expect(whereProblems({ id: { in: Array(MAX_LIST_VALUES).fill('1').join(',') } })).toEqual([])
    expect(whereProblems({ id: { in: Array(120_000).fill('1').join(',') } })).toEqual([
      {
        path: 'where[id][in]',
        message: `where[id][in] lists 120000 values; at most ${MAX_LIST_VALUES} are allowed in one list.`,
      },
    ])
    expect(whereProblems({ or: [{ speakers: { not_in: Array(MAX_LIST_VALUES + 1).fill('2') } }] })[0].path).toBe(
      'where[or][0][speakers][not_in]',
    )
  })
  it(`refuses like and contains texts over ${MAX_LIKE_WORDS} words or ${MAX_LIKE_LENGTH} characters`, () => {
    expect(whereProblems({ title: { like: 'prevention of torture in central asia' } })).toEqual([])
    expect(whereProblems({ title: { like: Array(3000).fill('w').join(' ') } })).toEqual([
      {
        path: 'where[title][like]',
        message: `where[title][like] is 5999 characters long; at most ${MAX_LIKE_LENGTH} are allowed.`,
      },
    ])
    expect(
      whereProblems({
        title: {
          contains: Array(MAX_LIKE_WORDS + 1)
            .fill('w')
            .join(' '),
        },
      }),
    ).toEqual([
      {
        path: 'where[title][contains]',
        message: `where[title][contains] has ${MAX_LIKE_WORDS + 1} words; at most ${MAX_LIKE_WORDS} are allowed.`,
      },
    ])
    expect(whereProblems({ title: { not_like: ['a', 'b'] } })).toEqual([
      { path: 'where[title][not_like]', message: 'where[title][not_like] must be a single text.' },
    ])
  })
  it(`refuses more than ${MAX_WHERE_CONDITIONS} conditions, however they are grouped`, () => {
    const conditions = (count: number) => ({
      and: Array.from({ length: count }, (_, i) => ({ [`f${i}`]: { equals: 'x' } })),
    })
    expect(whereProblems(conditions(MAX_WHERE_CONDITIONS))).toEqual([])
    expect(whereProblems(conditions(MAX_WHERE_CONDITIONS + 50))).toEqual([
      {
        path: `where[and][${MAX_WHERE_CONDITIONS}][f${MAX_WHERE_CONDITIONS}][equals]`,
        message: `where has more than ${MAX_WHERE_CONDITIONS} conditions; split the query.`,
      },
    ])
  })
  it(`refuses and/or nested more than ${MAX_WHERE_NESTING} levels`, () => {
    expect(whereProblems(nested(MAX_WHERE_NESTING))).toEqual([])
    const problems = whereProblems(nested(MAX_WHERE_NESTING + 1))
    expect(problems).toHaveLength(1)
    expect(problems[0].message).toMatch(`may nest at most ${MAX_WHERE_NESTING} levels deep`)
    expect(whereProblems({ or: 'x' })).toEqual([
      { path: 'where[or]', message: 'where[or] must be a list of conditions, e.g. where[or][0][title][equals]=…' },
    ])
  })
  it('refuses a list or an object where one value is compared', () => {
    expect(whereProblems({ title: { equals: ['a', 'b'] } })).toEqual([
      { path: 'where[title][equals]', message: 'where[title][equals] must be a single value; use "in" for a list.' },
    ])
    expect(whereProblems({ title: { exists: { a: 'b' } } })[0].message).toBe(
      'where[title][exists] must be a single value, true or false.',
    )
  })
  it('still finds geographic operators under a nested field path', () => {
    expect(whereProblems({ venue: { coordinates: { near: 'x' } } })[0].path).toBe('where[venue][coordinates][near]')
  })
})
