import type { Request, RequestHandler } from 'express'
import type { Payload } from 'payload'
import * as qs from 'qs-esm'

import { localeCodes } from '@/i18n/localization'
import { RICH_TEXT_FORMATS } from '@/plugins/richTextHtml'
import { queryErrorBody } from '@/utilities/errors'

import { jsonNestingProblem } from './jsonNesting'
import { MAX_DEPTH, MAX_LIMIT } from './limits'
import { isWhole, shapeProblems, sortFields, sortProblems } from './queryShape'
import { routeIdProblems } from './routeIds'
import { type QueryProblem, whereProblems } from './whereShape'
import { type QueryRoute, sortFieldProblems, whereValueProblems } from './whereValues'

export { MAX_DEPTH, MAX_LIMIT } from './limits'
export type { QueryProblem } from './whereShape'
export { whereProblems } from './whereShape'

type Query = Record<string, unknown>

/**
 * Checks the query parameters Payload would otherwise silently ignore or clamp: an unknown locale
 * falls back to English without a word, `depth=100` is cut to the maximum, `limit=abc` is ignored.
 * A frontend asking for something impossible gets a 400 saying so instead.
 */
export function queryProblems(query: Query): QueryProblem[] {
  const problems: QueryProblem[] = []
  const single = (name: string): string | undefined => {
    const value = query[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string') {
      problems.push({ path: name, message: `"${name}" must be given once, as a single value.` })
      return undefined
    }
    return value
  }
  const locale = single('locale')
  if (locale !== undefined && locale !== 'all' && !(localeCodes as string[]).includes(locale)) {
    problems.push({
      path: 'locale',
      message: `Unknown locale "${locale}": use one of ${localeCodes.join(', ')}, or all.`,
    })
  }
  const fallback = single('fallback-locale')
  if (fallback !== undefined && !['none', 'null', 'false', ...localeCodes].includes(fallback)) {
    problems.push({
      path: 'fallback-locale',
      message: `Unknown fallback locale "${fallback}": use one of ${localeCodes.join(', ')}, or none.`,
    })
  }
  const depth = single('depth')
  if (depth !== undefined && !isWhole(depth, 0, MAX_DEPTH)) {
    problems.push({ path: 'depth', message: `depth must be a whole number from 0 to ${MAX_DEPTH}, got "${depth}".` })
  }
  const limit = single('limit')
  if (limit !== undefined && !isWhole(limit, 1, MAX_LIMIT)) {
    problems.push({
      path: 'limit',
      message: `limit must be a whole number from 1 to ${MAX_LIMIT}, got "${limit}"; use page to read further.`,
    })
  }
  problems.push(...whereProblems(query.where))
  const page = single('page')
  if (page !== undefined && !isWhole(page, 1, 1_000_000)) {
    problems.push({ path: 'page', message: `page must be a whole number from 1, got "${page}".` })
  }
  const richText = single('richText')
  if (richText !== undefined && !(RICH_TEXT_FORMATS as readonly string[]).includes(richText)) {
    problems.push({
      path: 'richText',
      message: `richText must be ${RICH_TEXT_FORMATS.join(' or ')}, got "${richText}".`,
    })
  }
  problems.push(...sortProblems(query.sort), ...shapeProblems(query))
  // Payload parses a `data` parameter as JSON itself, and a syntax error there is a 500.
  if (query.data !== undefined) {
    const problem =
      typeof query.data === 'string' ? jsonNestingProblem(query.data, 'data') : `data must be given once, as JSON.`
    if (problem) problems.push({ path: 'data', message: problem })
  }
  return problems
}

/** The query string as Payload reads it (qs, same options), not as express's simple parser does. */
export const parseQuery = (url: string): Query => {
  // As URL parsing does: what follows a '#' is no part of the query.
  const href = url.split('#')[0]
  const search = href.includes('?') ? href.slice(href.indexOf('?')) : ''
  return search
    ? (qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Query)
    : {}
}

const parsed = new WeakMap<Request, Query>()

/** The request's query as Payload reads it, parsed once for the validator and the store's planner (read it, never change it). */
export function queryOf(req: Request): Query {
  let query = parsed.get(req)
  if (!query) parsed.set(req, (query = parseQuery(req.originalUrl)))
  return query
}

/** What an /api path queries: `/events/versions…` are the versions of events. */
export const queryRouteOf = (apiPath: string): QueryRoute => {
  const [, collection = '', second] = apiPath.split('/')
  return { collection, versions: second === 'versions' }
}

/**
 * Everything wrong with the query of one request, the one check behind the /api middleware,
 * Payload endpoints and the feeds. `url` is the request's URL or path with its query string;
 * with a `route` the where values and sort fields are checked against that collection's fields.
 */
export function checkQuery(
  url: string,
  context?: { payload: Payload; route: QueryRoute },
  query: Query = parseQuery(url),
): QueryProblem[] {
  const problems = queryProblems(query)
  if (!context) return problems
  const { payload, route } = context
  problems.push(...whereValueProblems(payload, route, query.where))
  const sort = problems.some((problem) => problem.path === 'sort') ? undefined : sortFields(query.sort)
  if (sort) problems.push(...sortFieldProblems(payload, route, sort))
  return problems
}

/** Answers 400, in Payload's error shape, before a request with impossible parameters reaches Payload. */
export const validateQuery =
  (payload: Payload): RequestHandler =>
  (req, res, next) => {
    const route = queryRouteOf(req.path)
    const problems = [
      ...routeIdProblems(payload, req.method, req.path),
      ...checkQuery(req.originalUrl, { payload, route }, queryOf(req)),
    ]
    if (!problems.length) return next()
    res.status(400).json(queryErrorBody(problems))
  }
