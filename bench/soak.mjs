// A bounded soak on loopback: mixed reads and writes at concurrency 50 for SOAK_SECONDS (default 180)
// against the production server on a fresh database. Reports requests, 5xx, errors and RSS growth
// after warm-up, and writes bench/results/soak-<time>.json.  Usage: npm run build && node bench/soak.mjs
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { startBenchServer, writeResult } from './server.mjs'

const seconds = Number(process.env.SOAK_SECONDS ?? 180)
const gcLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'soak-gc-')), 'server.log')
const {
  url,
  child: server,
  token,
  post,
  rss,
} = await startBenchServer('soak', JSON.parse(process.env.SOAK_SERVER_ENV ?? '{}'), {
  nodeFlags: ['--trace-gc'],
  log: gcLog,
})
/**
 * The V8 heap after the latest full collection, live and committed, from --trace-gc: RSS minus the
 * committed heap is native memory (SQLite, buffers, code), so the soak says which of them grew.
 */
const heap = () => {
  const collections = [
    ...fs.readFileSync(gcLog, 'utf8').matchAll(/Mark-Compact[^\d]*[\d.]+ \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g),
  ]
  const last = collections.at(-1)
  return last
    ? { liveMB: Number(last[2]), committedMB: Number(last[3]), fullCollections: collections.length }
    : undefined
}

// The dataset stays the same size: autocannon's writes update a pool of organisations, and a few
// workers beside it create organisations and delete them again. A soak that only adds documents
// measures a growing dataset (in session 2's, 8,500 more organisations in a sitemap rebuilt after
// every write) rather than a leak: what we look for is memory that grows while the data does not.
const pool = []
for (let i = 0; i < 100; i++)
  pool.push(
    (
      await post(
        '/api/organisations',
        { name: `Soak organisation ${i}`, organisationType: 'ngo', countries: ['TJ'] },
        token,
      )
    ).doc.id,
  )
const organisations = async () =>
  (await fetch(`${url}/api/organisations?limit=1&depth=0&_=${Date.now()}`).then((r) => r.json())).totalDocs
let n = 0
const reads = [
  '/api/events?depth=1&locale=ru&limit=20',
  '/api/press-releases?depth=1',
  '/api/speakers?limit=20',
  '/feeds/events.ics',
  '/feeds/press-releases.xml',
  '/sitemap.xml',
  '/api/events/upcoming',
]
// Copied into each autocannon request: autocannon writes the Content-Length into the object it gets.
const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
const requests = [
  { setupRequest: (req) => ({ ...req, method: 'GET', path: reads[n++ % reads.length] }) },
  {
    setupRequest: (req) => ({
      ...req,
      method: 'GET',
      path: `/api/organisations?limit=10&page=${(n % 5) + 1}&_=${n++}`,
    }),
  },
  {
    setupRequest: (req) => ({
      ...req,
      method: 'PATCH',
      path: `/api/organisations/${pool[n % pool.length]}`,
      headers: { ...headers },
      body: JSON.stringify({ name: `Soak organisation ${n++}`, website: `https://example.org/${n}` }),
    }),
  },
]
const churn = { created: 0, deleted: 0, failed: 0, status5xx: 0, errors: [] }
async function churnWorker(until) {
  const send = (path, init) =>
    fetch(`${url}${path}`, { headers, ...init }).then(
      (response) => {
        if (response.status >= 500) churn.status5xx += 1
        return response
      },
      (error) => {
        churn.errors.push(`${init.method} ${path}: ${error.cause?.message ?? error.message}`)
        return undefined
      },
    )
  while (Date.now() < until) {
    const made = await send('/api/organisations', {
      method: 'POST',
      body: JSON.stringify({ name: `Soak addition ${n++}`, organisationType: 'ngo', countries: ['KZ'] }),
    })
    if (made?.status !== 201) {
      if (made) churn.errors.push(`POST /api/organisations: ${made.status} ${(await made.text()).slice(0, 200)}`)
      churn.failed += 1
      continue
    }
    churn.created += 1
    const gone = await send(`/api/organisations/${(await made.json()).doc.id}`, { method: 'DELETE' })
    const answer = await gone?.text()
    if (gone?.ok) churn.deleted += 1
    else {
      if (gone) churn.errors.push(`DELETE: ${gone.status} ${answer.slice(0, 200)}`)
      churn.failed += 1
    }
  }
}
const CHURN_WORKERS = 5
const run = async (duration) => {
  const until = Date.now() + duration * 1000
  const [result] = await Promise.all([
    autocannon({ url, connections: 50 - CHURN_WORKERS, duration, requests }),
    ...Array.from({ length: CHURN_WORKERS }, () => churnWorker(until)),
  ])
  return result
}
await run(Math.min(20, seconds / 6)) // warm-up
const rssAfterWarmup = rss()
const churnAfterWarmup = { ...churn, errors: churn.errors.length }
const organisationsAfterWarmup = await organisations()
const heapAfterWarmup = heap()
const samples = []
const timeline = []
const started = Date.now()
const sampler = setInterval(() => {
  samples.push(rss())
  timeline.push({
    second: Math.round((Date.now() - started) / 1000),
    rssMB: Math.round(samples.at(-1) / 2 ** 20),
    heap: heap(),
  })
}, 5000)
const result = await run(seconds)
clearInterval(sampler)
const rssEnd = rss()
const heapEnd = heap()
const churned = Object.fromEntries(
  Object.entries(churn).map(([key, value]) => [
    key,
    Array.isArray(value) ? value.slice(churnAfterWarmup[key]) : value - churnAfterWarmup[key],
  ]),
)
const organisationsAtEnd = await organisations()
server.kill('SIGTERM')
const figures = {
  when: new Date().toISOString(),
  seconds,
  connections: 50,
  requests: result.requests.total + churned.created + churned.deleted + churned.failed,
  requestsPerSecond: Math.round((result.requests.total + churned.created + churned.deleted + churned.failed) / seconds),
  status5xx: result['5xx'] + churned.status5xx,
  // The create-then-delete workers beside autocannon, after warm-up.
  churn: churned,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  latencyP99: result.latency.p99,
  rssAfterWarmupMB: Math.round(rssAfterWarmup / 2 ** 20),
  rssMaxMB: Math.round(Math.max(...samples, rssEnd) / 2 ** 20),
  rssEndMB: Math.round(rssEnd / 2 ** 20),
  rssGrowthPercent: Math.round(((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 1000) / 10,
  heapAfterWarmup,
  heapEnd,
  nativeAfterWarmupMB: heapAfterWarmup && Math.round(rssAfterWarmup / 2 ** 20 - heapAfterWarmup.committedMB),
  nativeEndMB: heapEnd && Math.round(rssEnd / 2 ** 20 - heapEnd.committedMB),
  // Not a growing dataset: how many organisations there were after warm-up and at the end.
  organisationsAfterWarmup,
  organisationsAtEnd,
  timeline,
}
const file = writeResult('soak', figures)
console.log(figures, `written to ${file}`)
if (figures.status5xx || figures.errors || churned.failed) process.exitCode = 1
