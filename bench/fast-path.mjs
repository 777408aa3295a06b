// Requests/s of an anonymous list of 20 events (depth 1, ru) through the express fast path
// (cached and uncached) and through Payload's own REST route in Next.js, measured the same way.
// Usage: npm run build && node bench/fast-path.mjs   (writes bench/results/fast-path-<time>.json)
import os from 'node:os'

import autocannon from 'autocannon'

import { startBenchServer, writeResult } from './server.mjs'

const duration = Number(process.env.BENCH_SECONDS ?? 10)
const { url, child: server, token, post } = await startBenchServer('bench', { PRESSROOM_ROUTE_HEADER: 'enabled' })
const speakers = (await fetch(`${url}/api/speakers?limit=5&depth=0`).then((r) => r.json())).docs.map((d) => d.id)
for (let i = 0; i < 25; i++) {
  await post(
    '/api/events',
    {
      title: `Bench event ${i}`,
      startDate: new Date(Date.UTC(2030, 0, i + 1)).toISOString(),
      endDate: new Date(Date.UTC(2030, 0, i + 2)).toISOString(),
      timezone: 'Asia/Almaty',
      speakers: speakers.map((speaker) => ({ speaker })),
      _status: 'published',
    },
    token,
  )
}

const list = '/api/events?depth=1&locale=ru&limit=20'
async function measure(name, options) {
  await autocannon({ url, connections: 10, duration: 2, ...options }) // warm-up, discarded
  const result = await autocannon({ url, connections: 50, duration, ...options })
  if (result.non2xx) throw new Error(`${name}: ${result.non2xx} answers were not 2xx`)
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}
let n = 0
const results = [
  await measure('fast path, cached', { url: url + list }),
  await measure('fast path, uncached', {
    requests: [{ setupRequest: (req) => ({ ...req, path: `${list}&page=1&_=${n++}` }) }],
  }),
  await measure('Payload REST route in Next.js', { url: url + list, headers: { 'x-pressroom-path': 'next' } }),
]
server.kill('SIGTERM')
const file = writeResult('fast-path', {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  concurrency: 50,
  duration,
  results,
})
console.log('| path | req/s | p50 ms | p99 ms | non-2xx |\n| --- | --- | --- | --- | --- |')
for (const r of results) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.non2xx} |`)
console.log(`\nwritten to ${file}`)
