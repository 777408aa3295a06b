// node bench/matrix.mjs (or npm run bench -- --scenarios=matrix) [-- --scale=default|medium|large|tiny --duration=20 --runs=3 --connections=1,10,50 --only=words --database=FILE --no-build]
// Builds the dataset, starts the production server on it, and measures the public reads with
// autocannon at each concurrency (warm-up discarded, medians of the runs), beside two ceiling
// references measured the same way. Writes bench/results/<timestamp>.json and prints a table.
import { execFileSync, fork, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { productionNodeFlags, root, upcomingFrom, upcomingQuery, writeResult } from './server.mjs'

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const scale = arg('scale', 'default')
const duration = Number(arg('duration', 20))
const runs = Number(arg('runs', 3))
const connections = arg('connections', '1,10,50').split(',').map(Number)
const only = arg('only', '')
const node = process.execPath
const secret = 'bench-secret-'.repeat(4)
const log = (line) => process.stderr.write(`${line}\n`)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rssOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024

const figures = {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, memory: os.totalmem() },
  scale,
  duration,
  runs,
  connections,
}

if (!process.argv.includes('--no-build')) {
  const began = Date.now()
  log('building…')
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  figures.buildSeconds = (Date.now() - began) / 1000
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-'))
// --database=FILE measures a dataset generated before (npm run bench:dataset), at its own scale.
const reuse = arg('database', '')
const databaseFile = reuse ? path.resolve(reuse) : path.join(dir, 'bench.db')
const env = {
  ...process.env,
  NODE_OPTIONS: '',
  NODE_ENV: 'production',
  DATABASE_URI: `file:${databaseFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: secret,
  SEED_ON_START: 'false',
  LOGIN_RATE_LIMIT: '1000',
}
if (!reuse) {
  const began = Date.now()
  execFileSync(node, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/generate.ts', `--scale=${scale}`], {
    cwd: root,
    env: { ...env, JOBS_AUTORUN: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  }) // stdout a pipe: ignored, generate.ts exits 13 on Node 20
  figures.datasetSeconds = (Date.now() - began) / 1000
}

// The server, cold: time from spawn to the first 200 of a list.
const port = 3800 + Math.floor(Math.random() * 190)
const url = `http://127.0.0.1:${port}`
const began = Date.now()
const server = spawn(node, [...productionNodeFlags, 'dist/server.js'], {
  cwd: root,
  env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
})
for (const stream of [server.stdout, server.stderr]) stream.resume() // piped and drained: with stdio ignored the server may exit 13 during its start (bench/server.mjs)
process.on('exit', () => server.kill('SIGKILL'))
for (;;) {
  try {
    if ((await fetch(`${url}/api/events?limit=1&depth=0`)).ok) break
  } catch {
    // not listening yet
  }
  if (Date.now() - began > 60_000) throw new Error('the server did not start')
  await new Promise((resolve) => setTimeout(resolve, 20))
}
figures.coldStartMs = Date.now() - began

const post = (p, body, headers = {}) =>
  fetch(`${url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }).then((r) => r.json())
await post('/api/users/first-register', {
  email: 'bench@pressroom.test',
  password: 'bench-password-123',
  name: 'Bench',
})
const { token } = await post('/api/users/login', { email: 'bench@pressroom.test', password: 'bench-password-123' })
const previewKey = (
  await post('/api/api-keys', { name: 'bench preview', kind: 'preview' }, { authorization: `JWT ${token}` })
).doc.key
await new Promise((resolve) => setTimeout(resolve, 2000))
figures.idleRss = rssOf(server.pid)

const from = await upcomingFrom(url)
const upcoming = upcomingQuery(from)
const one = (await fetch(`${url}/api/events?${upcoming}&depth=0&locale=ru`).then((r) => r.json())).docs[0]
const graphql = JSON.stringify({
  query: `{ Events(locale: ru, limit: 20, sort: "startDate", where: { startDate: { greater_than_equal: "${from}" } }) { docs { id title slug startDate endDate timezone summary venue { name city } speakers { role topic speaker { id name slug position } } programme { title startTime } } } }`,
})
let n = 0
const uncached = (p) => ({ requests: [{ setupRequest: (req) => ({ ...req, path: `${p}&_=${n++}` }) }] })
// GraphQL answers are kept by request body: a comment line makes each body new. (Headers are made
// afresh for each request: autocannon writes the Content-Length into the object it is given.)
const graphqlOptions = { method: 'POST', body: graphql, headers: { 'content-type': 'application/json' } }
const uncachedGraphql = {
  requests: [
    {
      setupRequest: (req) => ({
        ...req,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `${JSON.parse(graphql).query}\n# ${n++}` }),
      }),
    },
  ],
}
const scenarios = [
  { name: 'list of 20 upcoming, depth 0, ru', path: `/api/events?${upcoming}&depth=0&locale=ru`, both: true },
  { name: 'list of 20 upcoming, depth 1, ru', path: `/api/events?${upcoming}&depth=1&locale=ru`, both: true },
  {
    name: 'event by slug, depth 1',
    path: `/api/events?where[slug][equals]=${one.slug}&depth=1&limit=1&locale=ru`,
    both: true,
  },
  { name: 'press-release feed', path: '/feeds/press-releases.xml' },
  { name: 'iCalendar feed', path: '/feeds/events.ics' },
  {
    name: 'GraphQL list of 20, depth 1, ru',
    path: '/api/graphql',
    options: graphqlOptions,
    both: true,
    uncachedOptions: uncachedGraphql,
  },
  { name: 'one event, locale=all', path: `/api/events/${one.id}?locale=all&depth=1`, both: true },
  {
    name: 'draft read with the preview key',
    path: `/api/events/${one.id}?draft=true&depth=1`,
    options: { headers: { authorization: `api-keys API-Key ${previewKey}` } },
  },
].filter((s) => !only || s.name.includes(only))

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid))), 250)

async function measure(target, options, c) {
  await autocannon({ url: target, connections: c, duration: Math.min(3, duration), ...options }) // warm-up, discarded
  const samples = []
  for (let r = 0; r < runs; r += 1) {
    const result = await autocannon({ url: target, connections: c, duration, ...options })
    if (result.non2xx) throw new Error(`${target}: ${result.non2xx} answers were not 2xx`)
    samples.push(result)
  }
  return {
    requestsPerSecond: Math.round(median(samples.map((s) => s.requests.average))),
    p50: median(samples.map((s) => s.latency.p50)),
    p99: median(samples.map((s) => s.latency.p99)),
    // Requests still unanswered after autocannon's 10 s: the server is past its capacity.
    timeouts: samples.reduce((sum, s) => sum + s.timeouts, 0),
  }
}

const rows = []
for (const scenario of scenarios) {
  const variants = scenario.both
    ? [
        ['cached', {}],
        ['uncached', scenario.uncachedOptions ?? uncached(scenario.path)],
      ]
    : [[scenario.options?.headers?.authorization ? 'not cached' : 'cached', {}]]
  for (const [mode, extra] of variants) {
    for (const c of connections) {
      log(`${scenario.name} (${mode}), c=${c}`)
      rows.push({
        scenario: scenario.name,
        mode,
        connections: c,
        ...(await measure(url + scenario.path, { ...scenario.options, ...extra }, c)),
      })
    }
  }
}
clearInterval(sampler)
figures.underLoadPeakRss = peakRss

// The same bytes a frontend gets for the depth-1 list, for the express reference.
const bodyFile = path.join(dir, 'body.json')
fs.writeFileSync(
  bodyFile,
  Buffer.from(await fetch(`${url}/api/events?${upcoming}&depth=1&locale=ru`).then((r) => r.arrayBuffer())),
)
figures.bodyBytes = fs.statSync(bodyFile).size
server.kill('SIGTERM')

async function reference(script, extraEnv) {
  const refPort = port + 1
  const child = fork(path.join(root, 'bench/references', script), {
    env: { ...process.env, PORT: String(refPort), ...extraEnv },
    stdio: 'ignore',
    execArgv: ['--no-warnings'],
  })
  await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  const result = {}
  for (const c of connections) result[c] = await measure(`http://127.0.0.1:${refPort}/`, {}, c)
  child.kill()
  return result
}
log('reference: bare express')
figures.references = { express: await reference('express.mjs', { BODY_FILE: bodyFile }) }
log('reference: bare Node with SQLite')
figures.references.sqlite = await reference('sqlite.mjs', { DATABASE_FILE: databaseFile, FROM: from })

for (const row of rows) {
  row.ofExpress =
    Math.round((row.requestsPerSecond / figures.references.express[row.connections].requestsPerSecond) * 1000) / 1000
  row.ofSqlite =
    Math.round((row.requestsPerSecond / figures.references.sqlite[row.connections].requestsPerSecond) * 1000) / 1000
}
figures.results = rows
const file = writeResult('bench', figures)

const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`
console.log(
  `Scale ${scale}; ${runs} × ${duration} s per figure (medians); build ${figures.buildSeconds ?? '–'} s, dataset ${figures.datasetSeconds} s, cold start ${figures.coldStartMs} ms, RSS idle ${mb(figures.idleRss)}, peak under load ${mb(peakRss)}\n`,
)
console.log(
  '| scenario | mode | c | req/s | p50 ms | p99 ms | timeouts | × express | × sqlite |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
)
for (const r of rows)
  console.log(
    `| ${r.scenario} | ${r.mode} | ${r.connections} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.timeouts} | ${r.ofExpress} | ${r.ofSqlite} |`,
  )
for (const [name, byC] of Object.entries(figures.references)) {
  for (const [c, r] of Object.entries(byC))
    console.log(`| reference: ${name} | – | ${c} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.timeouts} | | |`)
}
console.log(`\nwritten to ${file}`)
process.exit(0)
