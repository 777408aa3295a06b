// A bounded soak on loopback: mixed reads and writes at concurrency 50 for SOAK_SECONDS (default 180)
// against the production server on a fresh database. Reports requests, 5xx, errors and RSS growth
// after warm-up, and writes bench/results/soak-<time>.json.  Usage: npm run build && node bench/soak.mjs
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

const root = path.resolve(import.meta.dirname, '..')
const seconds = Number(process.env.SOAK_SECONDS ?? 180)
const port = 3800 + Math.floor(Math.random() * 90)
const url = `http://127.0.0.1:${port}`
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-soak-'))
const server = spawn(process.execPath, ['dist/server.js'], {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URI: `file:${dir}/soak.db`, MEDIA_DIR: `${dir}/media`, PAYLOAD_SECRET: 'soak-secret-soak-secret-soak-secret', LOGIN_RATE_LIMIT: '1000' },
  stdio: 'ignore',
})
const rss = () => Number(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${url}/readyz`)).ok) break
  } catch {}
  if (i > 300) throw new Error('server did not start')
  await new Promise((r) => setTimeout(r, 100))
}
const post = (p, body, token) => fetch(`${url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) }, body: JSON.stringify(body) }).then((r) => r.json())
await post('/api/users/first-register', { email: 'soak@pressroom.test', password: 'soak-password-123', name: 'Soak' })
const { token } = await post('/api/users/login', { email: 'soak@pressroom.test', password: 'soak-password-123' })

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
const file = path.join(root, 'bench', 'results', `soak-${figures.when.replace(/[:.]/g, '-')}.json`)
fs.writeFileSync(file, JSON.stringify(figures, null, 2))
console.log(figures)
if (figures.status5xx || figures.errors) process.exitCode = 1
