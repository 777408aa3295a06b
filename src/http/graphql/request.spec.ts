import { parse } from 'graphql'

import { CostBudget } from './budget'
import { graphqlLimits } from './limits'
import {
  cacheKeyOf,
  canonicalJson,
  type GraphqlParams,
  isRefusal,
  paramsFromBody,
  paramsFromSearch,
  type Refusal,
} from './request'

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
/** The status of a refusal, undefined for a request that reads. */
const statusOf = (value: GraphqlParams | Refusal) => (isRefusal(value) ? value.status : undefined)

describe('paramsFromBody', () => {
  it('reads a JSON object, whatever the spelling of its media type', () => {
    expect(paramsFromBody('Application/JSON; charset=UTF-8', json({ query: '{ a }', variables: { n: 1 } }))).toEqual({
      query: '{ a }',
      variables: { n: 1 },
    })
  })
  it('refuses batches, other media types and malformed requests with a message that says what to send', () => {
    expect(paramsFromBody('application/json', json([{ query: '{ a }' }, { query: '{ b }' }]))).toEqual({
      status: 400,
      message: expect.stringMatching(/^Batched GraphQL requests/),
    })
    expect(statusOf(paramsFromBody('application/graphql', Buffer.from('{ a }')))).toBe(415)
    expect(statusOf(paramsFromBody('application/x-www-form-urlencoded', Buffer.from('query=%7Ba%7D')))).toBe(415)
    expect(statusOf(paramsFromBody('application/json', Buffer.from('{')))).toBe(400)
    expect(paramsFromBody('application/json', json({ query: 1 }))).toEqual({
      status: 400,
      message: 'Send the GraphQL document as a string in "query".',
    })
    expect(statusOf(paramsFromBody('application/json', json({ query: '{ a }', variables: [] })))).toBe(400)
  })
})

describe('paramsFromSearch', () => {
  it('reads a GET query string as graphql-http does', () => {
    expect(paramsFromSearch(new URLSearchParams('query={a}&variables={"n":2}'))).toEqual({
      query: '{a}',
      variables: { n: 2 },
    })
    expect(statusOf(paramsFromSearch(new URLSearchParams('query={a}&variables={')))).toBe(400)
  })
})

describe('cacheKeyOf', () => {
  const key = (query: string, variables: Record<string, unknown> = {}, search = '') =>
    cacheKeyOf(parse(query), { query, variables }, search)
  it('is the same for documents that differ only in comments and layout, and variables in another order', () => {
    expect(key('{ Events { docs { id } } }')).toBe(key('# a comment\n{\n  Events {   docs { id } }\n}\n# another'))
    expect(key('query ($a: Int, $b: Int) { x(a: $a, b: $b) }', { a: 1, b: 2 })).toBe(
      key('query ($a: Int, $b: Int) { x(a: $a, b: $b) }', { b: 2, a: 1 }),
    )
  })
  it('differs by variables, operation name and query string', () => {
    expect(key('{ a }')).not.toBe(key('{ a }', {}, '?locale=ru'))
    expect(key('query ($a: Int) { x(a: $a) }', { a: 1 })).not.toBe(key('query ($a: Int) { x(a: $a) }', { a: 2 }))
    expect(
      cacheKeyOf(parse('query A { a } query B { b }'), { query: '', operationName: 'A', variables: {} }, ''),
    ).not.toBe(cacheKeyOf(parse('query A { a } query B { b }'), { query: '', operationName: 'B', variables: {} }, ''))
  })
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}')
  })
})

describe('CostBudget', () => {
  it('lets an address spend its budget per window, then says when it may again', () => {
    const budget = new CostBudget(100, 1000)
    expect(budget.spend('a', 60, 0)).toEqual({ ok: true })
    expect(budget.spend('a', 50, 10)).toEqual({ ok: false, retryAfterMs: 990, remaining: 40 })
    expect(budget.spend('b', 100, 10)).toEqual({ ok: true })
    expect(budget.spend('a', 40, 20)).toEqual({ ok: true })
    expect(budget.spend('a', 100, 1000)).toEqual({ ok: true })
  })
})

describe('graphqlLimits', () => {
  it('reads each limit from the environment and refuses nonsense', () => {
    expect(graphqlLimits({ GRAPHQL_MAX_COST: '500' }).maxCost).toBe(500)
    expect(graphqlLimits({}).maxDepth).toBe(15)
    expect(() => graphqlLimits({ GRAPHQL_MAX_DEPTH: 'ten' })).toThrow(
      'GRAPHQL_MAX_DEPTH must be a whole number from 1, got "ten".',
    )
  })
})
