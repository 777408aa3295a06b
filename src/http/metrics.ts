import crypto from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload, Where } from 'payload'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

import { errorBody } from '@/utilities/errors'

/** Distinct route labels kept; beyond them requests count under "(other)", so no client can grow the series. */
const MAX_ROUTES = 200

export type Metrics = {
  registry: Registry
  observeRequest: (sample: {
    method: string
    route: string
    status: number
    seconds: number
    cache?: 'hit' | 'miss'
  }) => void
}

/** Jobs due and not done: one scheduled for later (a publish date, a render's backstop) is not yet work waiting. */
const pendingJobs = (now: Date): Where => ({
  and: [
    { completedAt: { exists: false } },
    { or: [{ hasError: { equals: false } }, { hasError: { exists: false } }] },
    { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: now.toISOString() } }] },
  ],
})

/**
 * Pressroom's Prometheus metrics, in a registry of their own (a host's prom-client default registry
 * stays the host's). Queue depth and failures are read from the database when scraped, so they
 * are the same whichever instance answers, and a worker's failures count too.
 */
export function createMetrics(payload: Payload): Metrics {
  const registry = new Registry()
  // Event-loop lag (nodejs_eventloop_lag_seconds and percentiles), heap, GC and file descriptors.
  collectDefaultMetrics({ register: registry })

  const durations = new Histogram({
    name: 'pressroom_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status, from the first byte in to the last byte out.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const cacheAnswers = new Counter({
    name: 'pressroom_public_cache_requests_total',
    help: 'Public reads answered from the cache (hit) or by building the answer (miss).',
    labelNames: ['result'],
    registers: [registry],
  })
  new Gauge({
    name: 'pressroom_public_cache_hit_ratio',
    help: 'Hits over all public cache lookups since the process started (0 before the first).',
    registers: [registry],
    async collect() {
      const counts = Object.fromEntries(
        (await cacheAnswers.get()).values.map((value) => [value.labels.result, value.value]),
      )
      const all = (counts.hit ?? 0) + (counts.miss ?? 0)
      this.set(all === 0 ? 0 : (counts.hit ?? 0) / all)
    },
  })
  const fromDatabase = (name: string, help: string, count: () => Promise<number>) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        try {
          this.set(await count())
        } catch (error) {
          // A scrape during a database outage keeps the last value; /readyz is what reports the outage.
          payload.logger.warn({ err: error }, `Could not read ${name} for /metrics`)
        }
      },
    })
  fromDatabase(
    'pressroom_jobs_queued',
    'Jobs due and waiting or running (scheduled publishing once due, webhooks, imports, renders).',
    async () =>
      (await payload.count({ collection: 'payload-jobs', where: pendingJobs(new Date()), overrideAccess: true }))
        .totalDocs,
  )
  fromDatabase(
    'pressroom_jobs_failed',
    'Jobs that failed for good, after their retries.',
    async () =>
      (await payload.count({ collection: 'payload-jobs', where: { hasError: { equals: true } }, overrideAccess: true }))
        .totalDocs,
  )
  fromDatabase(
    'pressroom_webhook_deliveries_failed',
    'Webhook deliveries whose last attempt failed (retrying or given up).',
    async () =>
      (
        await payload.count({
          collection: 'webhook-deliveries',
          where: { status: { equals: 'failed' } },
          overrideAccess: true,
        })
      ).totalDocs,
  )

  const routes = new Set<string>()
  return {
    registry,
    observeRequest({ method, route, status, seconds, cache }) {
      if (!routes.has(route) && routes.size >= MAX_ROUTES) route = '(other)'
      else routes.add(route)
      durations.observe({ method, route, status: String(status) }, seconds)
      if (cache) cacheAnswers.inc({ result: cache })
    },
  }
}

/** GET /metrics for a scraper holding METRICS_TOKEN as a bearer token; 401 for anyone else. */
export function metricsRoute(metrics: Metrics, token: string): RequestHandler {
  const expected = crypto.createHash('sha256').update(token).digest()
  return async (req, res) => {
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? ''
    res.set('Cache-Control', 'no-store')
    // Hashes of equal length, so the comparison takes the same time whatever was sent.
    if (!crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), expected)) {
      res
        .set('WWW-Authenticate', 'Bearer realm="metrics"')
        .status(401)
        .json(errorBody('GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>".'))
      return
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  }
}
