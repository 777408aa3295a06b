import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { metricsToken } from '@/env'
import { storedCollections } from '@/plugins/readModel/render'
import { publicSlugs } from '@/policy/editorial'
import { errorBody } from '@/utilities/errors'

import { accessLog } from './accessLog'
import { limitBody } from './bodyLimit'
import { requireReadableBody } from './bodyType'
import { canonicalizeUrl } from './canonicalUrl'
import { feedsRouter } from './feeds'
import { graphqlRoute } from './graphqlRoute'
import { limitImportBody } from './importBodyLimit'
import { methodOverrideAsGet } from './methodOverride'
import { createMetrics, metricsRoute } from './metrics'
import { publicReads } from './publicReads'
import { authRateLimit, importRateLimit, importRoute, rateLimitedRoutes } from './rateLimits'
import { DatabaseRateLimitStore } from './rateLimitStore'
import { checkReadiness } from './readiness'
import { restRoute } from './restRoute'
import { securityHeaders } from './securityHeaders'
import { trustProxy } from './trustProxy'
import { validateQuery } from './validateQuery'

export type CreateAppOptions = {
  payload: Payload
  /** Next.js's request handler: the admin panel (the API is answered without it). */
  handle: (req: Request, res: Response) => Promise<void> | void
  production?: boolean
  /** Express's `trust proxy`: the peers whose X-Forwarded-For and -Proto count. Default: TRUST_PROXY. */
  trustProxy?: number | string[]
  /** The bearer token of GET /metrics; without one there is no /metrics. Default: METRICS_TOKEN. */
  metricsToken?: string
}

/** Builds the HTTP application without listening, so tests and the server share it. */
export function createApp({
  payload,
  handle,
  production = process.env.NODE_ENV === 'production',
  trustProxy: trusted = trustProxy(),
  metricsToken: scrapeToken = metricsToken(),
}: CreateAppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  // req.ip, the key of every rate limit and cost budget, and req.protocol come from these peers' headers.
  app.set('trust proxy', trusted)
  const metrics = scrapeToken ? createMetrics(payload) : undefined

  // First, so that every answer, a 413 or a 429 included, has its line and its sample.
  app.use(accessLog(payload, metrics))
  app.use(canonicalizeUrl)
  app.use(securityHeaders(production))
  // Counted in the database: every instance behind a balancer draws on one budget per address.
  const authLimit = authRateLimit(process.env, new DatabaseRateLimitStore(payload, 'auth'))
  app.post(rateLimitedRoutes, authLimit)
  app.post(importRoute, importRateLimit(process.env, new DatabaseRateLimitStore(payload, 'import')), limitImportBody())
  app.use(limitBody)
  app.use(methodOverrideAsGet)

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })

  if (metrics && scrapeToken) app.get('/metrics', metricsRoute(metrics, scrapeToken))

  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(payload)
    res.set('Cache-Control', 'no-store')
    if (readiness.ready) res.json({ status: 'ready' })
    else res.status(503).json({ status: 'unavailable', reason: readiness.reason })
  })

  app.use('/api', requireReadableBody(payload), validateQuery(payload))
  app.all('/api/graphql', graphqlRoute(payload, { authLimit, handle: (req, res) => handle(req as Request, res) }))
  app.use('/api', publicReads(payload, storedCollections(payload, publicSlugs(payload.config.collections))))
  app.use(feedsRouter(payload))
  // The rest of the REST API: Payload's handler without Next.js, which keeps the admin panel.
  app.use('/api', restRoute(payload))

  // Express 5 rejects a bare '*' route: everything else goes to Next.js and Payload.
  app.use((req, res) => handle(req, res))

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    payload.logger.error({ err: error, url: req.originalUrl }, 'Unhandled error in the HTTP server')
    if (res.headersSent) return res.end()
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500
    res.status(status).json({
      ...errorBody(status < 500 && error?.expose !== false ? String(error.message) : 'Internal server error'),
      ...(production ? {} : { stack: String(error?.stack ?? '') }),
    })
  }
  app.use(onError)
  return app
}
