import type { Payload } from 'payload'

import { describedId, idKindOf, isValidId } from './ids'
import type { QueryProblem } from './whereShape'

const segmentsOf = (path: string) => path.replace(/\/+$/, '').split('/').slice(1)

/** Endpoint paths are few and fixed: each is split once. */
const patterns = new Map<string, string[]>()
const patternSegments = (pattern: string): string[] => {
  let segments = patterns.get(pattern)
  if (!segments) patterns.set(pattern, (segments = segmentsOf(pattern)))
  return segments
}

function matchSegments(want: string[], got: string[]): Record<string, string> | undefined {
  const optional = want.at(-1)?.endsWith('?') ? 1 : 0
  if (got.length > want.length || got.length < want.length - optional) return undefined
  const params: Record<string, string> = {}
  for (const [index, segment] of want.entries()) {
    const value = got[index]
    if (!segment.startsWith(':')) {
      if (value !== segment) return undefined
    } else if (value !== undefined) {
      if (!value) return undefined
      params[segment.slice(1).replace(/\?$/, '')] = value
    }
  }
  return params
}

/**
 * The parameters of an endpoint path such as '/:id/ics' or '/access/:id?' in a request path, or
 * undefined when it does not match: the subset of path-to-regexp that Payload's endpoints use.
 */
export const matchPath = (pattern: string, path: string): Record<string, string> | undefined =>
  matchSegments(patternSegments(pattern), segmentsOf(path))

/** Routes whose `:id` is no document id (an e-mail verification token). */
const NOT_DOCUMENT_IDS = new Set(['/verify/:id'])

/**
 * An `:id` in a collection route (`/events/abc`, `/events/abc/ics`, `/events/versions/abc`) that
 * cannot be an id of that collection: the SQL adapters pass "abc" or "1e999" to the database,
 * which answers with a 500. The endpoint is found as Payload finds it, first match in the
 * collection's endpoints, so custom endpoints are covered as well.
 */
export function routeIdProblems(payload: Payload, method: string, apiPath: string): QueryProblem[] {
  const slug = apiPath.split('/')[1] ?? ''
  const collection = payload.collections[slug as 'events']
  if (!collection || !Array.isArray(collection.config.endpoints)) return []
  const rest = segmentsOf(apiPath.slice(slug.length + 1) || '/')
  const verb = method.toLowerCase()
  for (const endpoint of collection.config.endpoints) {
    if (endpoint.method !== verb) continue
    const params = matchSegments(patternSegments(endpoint.path), rest)
    if (!params) continue
    if (endpoint.path === '/verify/:id' && !(collection.config.auth as { verify?: unknown } | undefined)?.verify) {
      // Payload looks for a token column that such a collection does not have: a 500.
      return [
        { path: 'id', message: `${slug} do not verify e-mail addresses: there is no verification token to check.` },
      ]
    }
    if (params.id === undefined || NOT_DOCUMENT_IDS.has(endpoint.path)) return []
    const kind = idKindOf(payload, slug, { versions: endpoint.path.startsWith('/versions') })
    let id: string
    try {
      id = decodeURIComponent(params.id)
    } catch {
      return [{ path: 'id', message: `The id in the path is not valid percent-encoding: "${params.id.slice(0, 60)}".` }]
    }
    return isValidId(kind, id)
      ? []
      : [{ path: 'id', message: `The id in the path must be ${describedId[kind]}, got "${id.slice(0, 60)}".` }]
  }
  return []
}
