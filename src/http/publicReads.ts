import type { Request, RequestHandler, Response } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { syncedPublicCache } from '@/plugins/readModel/generation'
import { nextEmbargoLift } from '@/utilities/embargo'
import { type CachedResponse, etagOf } from '@/utilities/publicCache'

import { asksForNextRoute, audienceOf, webHeaders } from './principal'
import { readFromStore } from './storeReads'

/** The request as a web Request for Payload's handlers; `body` for one express has already read. */
export const toWebRequest = (req: Request, body?: Buffer): globalThis.Request =>
  new globalThis.Request(`http://${req.headers.host ?? 'localhost'}${req.originalUrl}`, {
    method: req.method,
    headers: webHeaders(req),
    body: body && new Uint8Array(body),
  })

/** Copies a handler's response headers, each Set-Cookie kept. */
export function writeHeaders(res: Response, headers: [string, string][]): void {
  for (const [name, value] of headers) {
    if (name === 'set-cookie') res.append(name, value)
    else res.setHeader(name, value)
  }
}

/** Sends a response made for anonymous readers, from the cache (`hit`) or just made, with its ETag. */
export function sendEntry(
  req: Request,
  res: Response,
  { status, headers, body, etag }: CachedResponse,
  hit: boolean,
): void {
  writeHeaders(res, headers)
  res.setHeader('ETag', etag)
  if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate')
  res.setHeader('X-Cache', hit ? 'hit' : 'miss')
  // Conditional answers are for reads by URL; a GraphQL query by POST is always answered whole.
  if (req.method !== 'POST' && req.headers['if-none-match'] === etag) return void res.status(304).end()
  res.status(status).end(req.method === 'HEAD' ? undefined : body)
}

/** Response headers worth keeping: the body is sent whole, by express. */
export const keptHeaders = (response: globalThis.Response): [string, string][] =>
  [...response.headers.entries()].filter(
    ([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name),
  )

export { nextEmbargoLift } from '@/utilities/embargo'

/**
 * Anonymous GET requests to the REST API, answered by Payload's own REST handler without the
 * Next.js layer, with an ETag, 304 for If-None-Match, and an in-process cache of published
 * responses that writes purge. Authenticated requests and GraphQL go on to Next.js.
 */
export const publicReads =
  (payload: Payload, storedCollections: string[] = []): RequestHandler =>
  async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || asksForNextRoute(req)) return next()
    if (req.path.startsWith('/graphql') || req.path.startsWith('/users')) return next()
    const audience = await audienceOf(payload, req)
    if (!audience) {
      // Answers for someone signed in are theirs alone: no shared cache downstream may keep them.
      res.setHeader('Cache-Control', 'private, no-store')
      return next()
    }
    const cache = await syncedPublicCache(payload)
    // CORS headers depend on the Origin: one entry per origin, and caches downstream told so. A
    // frontend key reads what the public reads, but some endpoints answer keys only: its own entries.
    const key = `${audience} ${req.headers.origin ?? ''} ${req.originalUrl}`
    res.setHeader('Vary', audience === 'anonymous' ? 'Origin' : 'Origin, Authorization')
    const send = (entry: CachedResponse, hit: boolean) => sendEntry(req, res, entry, hit)
    const cached = cache.get(key)
    if (cached) return send(cached, true)

    const generation = cache.currentGeneration
    if (!cache.expiryKnown) cache.setExpiry(await nextEmbargoLift(payload))
    const stored = await readFromStore(payload, req, storedCollections, cache.lastChangeSeen)
    if (stored) {
      if (cache.seenBefore(key)) cache.set(key, stored, generation)
      return send(stored, false)
    }
    const response = await handleEndpoints({ config: payload.config, request: toWebRequest(req) })
    const body = Buffer.from(await response.arrayBuffer())
    const headers = keptHeaders(response)
    const entry = { status: response.status, headers, body, etag: etagOf(body) }
    // An endpoint that says how it may be cached (preview links: never; time-based lists) is not kept here.
    if (response.status === 200 && !response.headers.has('cache-control')) cache.set(key, entry, generation)
    send(entry, false)
  }
