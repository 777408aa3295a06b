import crypto from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { Metrics } from './metrics'
import { routeLabel } from './routeLabel'

/** A request id a proxy may pass on; anything else is replaced, so a log line cannot be forged through it. */
const FORWARDED_ID = /^[\w.:-]{1,64}$/

/**
 * One log line per request, when its answer is finished or the client went away: method, route
 * (never the query or an id, see routeLabel), status, duration, request id and, for public reads,
 * whether the cache answered. Headers and bodies are not logged. The same sample goes to /metrics.
 */
export function accessLog(payload: Payload, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    const forwarded = req.get('x-request-id')
    const requestId = forwarded && FORWARDED_ID.test(forwarded) ? forwarded : crypto.randomUUID()
    res.setHeader('X-Request-Id', requestId)
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      // Not set while the request was canonicalised or routed: this is the path the client asked for.
      const route = routeLabel(req.originalUrl)
      const header = res.getHeader('x-cache')
      const cache = header === 'hit' || header === 'miss' ? header : undefined
      const status = res.writableFinished ? res.statusCode : 499
      payload.logger.info(
        {
          method: req.method,
          route,
          status,
          durationMs: Math.round(seconds * 1e4) / 10,
          requestId,
          ...(cache ? { cache } : {}),
        },
        'request',
      )
      metrics?.observeRequest({ method: req.method, route, status, seconds, cache })
    })
    next()
  }
}
