// A bounded soak on loopback: mixed reads and writes at concurrency 50 for SOAK_SECONDS (default 180)
// against the production server on a fresh database. Reports requests, 5xx, errors and RSS growth
// after warm-up, and writes bench/results/soak-<time>.json.  Usage: npm run build && node bench/soak.mjs
import autocannon from 'autocannon'

import { startBenchServer, writeResult } from './server.mjs'

const seconds = Number(process.env.SOAK_SECONDS ?? 180)
const { url, child: server, token, rss } = await startBenchServer('soak')

let n = 0
const reads = ['/api/events?depth=1&locale=ru&limit=20', '/api/press-releases?depth=1', '/api/speakers?limit=20', '/feeds/events.ics', '/feeds/press-releases.xml', '/sitemap.xml', '/api/events/upcoming']
const requests = [
  { setupRequest: (req) => ({ ...req, method: 'GET', path: reads[n++ % reads.length] }) },
  { setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/organisations?limit=10&page=${(n % 5) + 1}&_=${n++}` }) },
  {
    setupRequest: (req) => ({
      ...req,
      method: 'POST',
      path: '/api/organisations',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ name: `Soak organisation ${n++}`, organisationType: 'ngo', countries: ['TJ'] }),
    }),
  },
]
const run = (duration) => autocannon({ url, connections: 50, duration, requests })
await run(Math.min(20, seconds / 6)) // warm-up
const rssAfterWarmup = rss()
const samples = []
const sampler = setInterval(() => samples.push(rss()), 5000)
const result = await run(seconds)
clearInterval(sampler)
const rssEnd = rss()
server.kill('SIGTERM')
const figures = {
  when: new Date().toISOString(),
  seconds,
  connections: 50,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  status5xx: result['5xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  latencyP99: result.latency.p99,
  rssAfterWarmupMB: Math.round(rssAfterWarmup / 2 ** 20),
  rssMaxMB: Math.round(Math.max(...samples, rssEnd) / 2 ** 20),
  rssEndMB: Math.round(rssEnd / 2 ** 20),
  rssGrowthPercent: Math.round(((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 1000) / 10,
}
const file = writeResult('soak', figures)
console.log(figures, `written to ${file}`)
if (figures.status5xx || figures.errors) process.exitCode = 1
