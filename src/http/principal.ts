import type { Request } from 'express'
import { type CollectionConfig, executeAuthStrategies, type Payload } from 'payload'

import { apiKeyStrategy } from '../../collections/ApiKeys/apiKeyStrategy'

/** The request's headers as a web Headers object, each repeated header joined as Node joins it. */
export const webHeaders = (req: Request): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return headers
}

/**
 * Whether every auth strategy reads its credentials from the Authorization and Cookie headers
 * only: Payload's own (a JWT in either, its API keys in Authorization) and Pressroom's hashed API
 * keys. A host's own strategy may read any header, and then every request is put to them all.
 */
export const credentialsOnlyInAuthHeaders = (collections: Pick<CollectionConfig, 'auth'>[]): boolean =>
  collections.every((collection) =>
    (typeof collection.auth === 'object' ? (collection.auth.strategies ?? []) : []).every(
      (strategy) => strategy.authenticate === apiKeyStrategy.authenticate,
    ),
  )

const headerStrategies = new WeakMap<Payload, boolean>()

/** No strategy could find anyone: no credential header, and no strategy that looks elsewhere. */
function surelyAnonymous(payload: Payload, req: Request): boolean {
  if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) return false
  let known = headerStrategies.get(payload)
  if (known === undefined)
    headerStrategies.set(payload, (known = credentialsOnlyInAuthHeaders(payload.config.collections)))
  return known
}

/**
 * Whether Payload itself would find nobody behind this request: its own auth strategies (session
 * cookie, JWT header, API key) run on the same headers its handler will see. A shared answer may
 * be cached only then; a home-made test of the Cookie header disagreed with Payload's parser on
 * some spellings and let an admin's answer into the public cache.
 */
export async function isAnonymous(payload: Payload, req: Request): Promise<boolean> {
  if (surelyAnonymous(payload, req)) return true
  const { user } = await executeAuthStrategies({ headers: webHeaders(req), payload, canSetHeaders: false })
  return !user
}

/**
 * Who reads, for answers shared between readers: `anonymous`, or `frontend` for a frontend API
 * key (which reads what the public reads); undefined for anyone else, whose answers are their own.
 */
export async function audienceOf(payload: Payload, req: Request): Promise<'anonymous' | 'frontend' | undefined> {
  if (surelyAnonymous(payload, req)) return 'anonymous'
  const { user } = await executeAuthStrategies({ headers: webHeaders(req), payload, canSetHeaders: false })
  if (!user) return 'anonymous'
  const key = user as { collection?: string; kind?: string }
  return key.collection === 'api-keys' && key.kind === 'frontend' ? 'frontend' : undefined
}

/**
 * Tests compare the fast path with Next.js's copy of Payload's handler by this header. A client may
 * never choose a route or skip the cache: it is honoured only when the operator started the server
 * with PRESSROOM_ROUTE_HEADER=enabled (never in a deployment).
 */
export const ROUTE_HEADER = 'x-pressroom-path'

export const asksForNextRoute = (req: Request, env: Record<string, string | undefined> = process.env): boolean =>
  env.PRESSROOM_ROUTE_HEADER === 'enabled' && req.headers[ROUTE_HEADER] === 'next'
