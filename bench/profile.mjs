// npm run bench:profile [-- --database=FILE --seconds=20 --connections=50 --depth=1]
// Where the CPU goes when a request misses the cache: a CPU profile (node --cpu-prof) of the
// production server answering uncached lists of 20 upcoming events in ru, summarised by package and
// by function (self time). Without --database it generates the default dataset first.
// Writes bench/results/profile-<time>.json (summary) and keeps the .cpuprofile beside it for
// Chrome DevTools or speedscope.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { productionNodeFlags, root, upcomingFrom, upcomingQuery, waitForReady, writeResult } from './server.mjs'
import { summariseProfile } from './profileSummary.mjs'

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const seconds = Number(arg('seconds', 20))
const connections = Number(arg('connections', 50))
const depth = Number(arg('depth', 1))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-profile-'))
const databaseFile = arg('database', '') ? path.resolve(arg('database')) : path.join(dir, 'bench.db')
const env = { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', DATABASE_URI: `file:${databaseFile}`, MEDIA_DIR: path.join(dir, 'media'), PAYLOAD_SECRET: 'bench-secret-'.repeat(4), SEED_ON_START: 'false' }
if (!arg('database', '')) {
  process.stderr.write('generating the default dataset…\n')
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/generate.ts', '--scale=default'], { cwd: root, env: { ...env, JOBS_AUTORUN: 'false' }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 }) // stdout a pipe: ignored, generate.ts exits 13 on Node 20
}

const port = 3800 + Math.floor(Math.random() * 190)
const url = `http://127.0.0.1:${port}`
const profileDir = path.join(dir, 'cpu')
const server = spawn(process.execPath, [...productionNodeFlags, '--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'dist/server.js'], { cwd: root, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] })
for (const stream of [server.stdout, server.stderr]) stream.resume() // piped and drained: with stdio ignored the server may exit 13 during its start (bench/server.mjs)
await waitForReady(url)

const list = `/api/events?${upcomingQuery(await upcomingFrom(url))}&depth=${depth}&locale=ru`
let n = 0
const options = { url, connections, requests: [{ setupRequest: (req) => ({ ...req, path: `${list}&_=${n++}` }) }] }
await autocannon({ ...options, duration: 3 }) // warm-up: the profile covers it too, but it is short
const result = await autocannon({ ...options, duration: seconds })

// --cpu-prof writes the profile as the process exits; the server exits 0 on SIGTERM.
const exited = new Promise((resolve) => server.once('exit', resolve))
server.kill('SIGTERM')
await exited
const [profileFile] = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, profileFile), 'utf8'))
const summary = summariseProfile(profile, { root })

const figures = {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  request: list.replace(/&_=.*/, ''),
  connections,
  seconds,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  p99: result.latency.p99,
  // Main-thread CPU per request over the whole profile, warm-up included (n counts every request sent).
  cpuMsPerRequest: Math.round((summary.busyMs / n) * 10) / 10,
  ...summary,
}
const file = writeResult('profile', figures)
fs.copyFileSync(path.join(profileDir, profileFile), file.replace(/\.json$/, '.cpuprofile').replace(/^/, `${root}/`))

const pct = (ms) => `${((ms / summary.busyMs) * 100).toFixed(1)} %`
console.log(`${figures.request}, c=${connections}, ${seconds} s: ${figures.requestsPerSecond} req/s, p99 ${figures.p99} ms, ${figures.cpuMsPerRequest} ms of main-thread CPU per request\n`)
console.log('| package | self ms | share |\n| --- | --- | --- |')
for (const row of summary.byPackage.slice(0, 12)) console.log(`| ${row.name} | ${Math.round(row.ms)} | ${pct(row.ms)} |`)
console.log('\n| function | where | self ms | share |\n| --- | --- | --- | --- |')
for (const row of summary.byFunction.slice(0, 20)) console.log(`| ${row.name} | ${row.where} | ${Math.round(row.ms)} | ${pct(row.ms)} |`)
console.log(`\nwritten to ${file}`)
process.exit(0)
