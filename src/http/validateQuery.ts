import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import * as qs from 'qs-esm'

import { localeCodes } from '@/i18n/localization'

import { whereValueProblems } from './whereValues'

/** The deepest relationship population a request may ask for (Payload's `maxDepth` is the same). */
export const MAX_DEPTH = 5
/** The most documents one page may hold; `limit=0` (no limit) is refused on public routes too. */
export const MAX_LIMIT = 500

export type QueryProblem = { path: string; message: string }

type Query = Record<string, unknown>

const isWhole = (value: string, min: number, max: number) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max

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
    problems.push({ path: 'locale', message: `Unknown locale "${locale}": use one of ${localeCodes.join(', ')}, or all.` })
  }
  const fallback = single('fallback-locale')
  if (fallback !== undefined && !['none', 'null', 'false', ...localeCodes].includes(fallback)) {
    problems.push({ path: 'fallback-locale', message: `Unknown fallback locale "${fallback}": use one of ${localeCodes.join(', ')}, or none.` })
  }
  const depth = single('depth')
  if (depth !== undefined && !isWhole(depth, 0, MAX_DEPTH)) {
    problems.push({ path: 'depth', message: `depth must be a whole number from 0 to ${MAX_DEPTH}, got "${depth}".` })
  }
  const limit = single('limit')
  if (limit !== undefined && !isWhole(limit, 1, MAX_LIMIT)) {
    problems.push({ path: 'limit', message: `limit must be a whole number from 1 to ${MAX_LIMIT}, got "${limit}"; use page to read further.` })
  }
  problems.push(...whereProblems(query.where))
  const page = single('page')
  if (page !== undefined && !isWhole(page, 1, 1_000_000)) {
    problems.push({ path: 'page', message: `page must be a whole number from 1, got "${page}".` })
  }
  return problems
}

const NEAR = /^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?(,\s*\d+(\.\d+)?){0,2}$/

/**
 * Geographic operators whose values Payload passes to the database unchecked (a malformed
 * `near` is a 500 there): `near` takes "longitude,latitude[,max,min]", `within` and
 * `intersects` a GeoJSON geometry. Other operators Payload checks itself.
 */
export function whereProblems(where: unknown, path = 'where'): QueryProblem[] {
  if (where === undefined) return []
  if (!where || typeof where !== 'object') return [{ path, message: `${path} must be an object of conditions, e.g. where[title][equals]=…` }]
  return Object.entries(where as Record<string, unknown>).flatMap(([key, value]): QueryProblem[] => {
    const at = `${path}[${key}]`
    if (key === 'near') {
      return typeof value === 'string' && NEAR.test(value) ? [] : [{ path: at, message: `${at} must be "longitude,latitude" with optional maximum and minimum distances in metres.` }]
    }
    if (key === 'within' || key === 'intersects') {
      const geometry = value as { type?: unknown; coordinates?: unknown } | undefined
      return geometry && typeof geometry === 'object' && typeof geometry.type === 'string' && Array.isArray(geometry.coordinates) ? [] : [{ path: at, message: `${at} must be a GeoJSON geometry with a type and coordinates.` }]
    }
    return value && typeof value === 'object' ? whereProblems(value, at) : []
  })
}

/** The query string as Payload reads it (qs, same options), not as express's simple parser does. */
export const parseQuery = (url: string): Query => {
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : ''
  return search ? (qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Query) : {}
}

/** Answers 400, in Payload's error shape, before a request with impossible parameters reaches Payload. */
export const validateQuery =
  (payload: Payload): RequestHandler =>
  (req, res, next) => {
    const collection = req.path.split('/')[1] ?? ''
    const query = parseQuery(req.originalUrl)
    const problems = [...queryProblems(query), ...whereValueProblems(payload, collection, query.where)]
    if (!problems.length) return next()
    res.status(400).json({
      errors: [{ name: 'QueryError', message: problems.map((problem) => problem.message).join(' '), data: problems }],
    })
  }
