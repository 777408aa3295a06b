// npm run bench:profile [-- --database=FILE --seconds=20 --connections=50 --depth=1 --read=list|one]
// Where the CPU goes when a request misses the cache: a CPU profile (node --cpu-prof) of the
// production server answering uncached lists of 20 upcoming events in ru (or, with --read=one, one
// event by id with a new query string each time, as target 3), summarised by package and by function
// (self time). Without --database it generates the default dataset first.
// Writes bench/results/profile-<time>.json (summary) and keeps the .cpuprofile beside it for
// Chrome DevTools or speedscope.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { eventIds, oneEventPaths, upcomingList } from './lib/targets.mjs'
import { summariseProfile } from './profileSummary.mjs'
import { root, startBenchServer, upcomingFrom, writeResult } from './server.mjs'

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const seconds = Number(arg('seconds', 20))
const connections = Number(arg('connections', 50))
const depth = Number(arg('depth', 1))
const read = arg('read', 'list')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-profile-'))
const databaseFile = arg('database', '') ? path.resolve(arg('database')) : path.join(dir, 'bench.db')
const env = {
  ...process.env,
  NODE_OPTIONS: '',
  NODE_ENV: 'production',
  DATABASE_URI: `file:${databaseFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-secret-'.repeat(4),
  SEED_ON_START: 'false',
}
if (!arg('database', '')) {
  process.stderr.write('generating the default dataset…\n')
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/generate.ts', '--scale=default'],
    {
      cwd: root,
      env: { ...env, JOBS_AUTORUN: 'false' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    },
  ) // stdout a pipe: ignored, generate.ts exits 13 on Node 20
}

// A first start fills the read model (a generated dataset is written past Payload's hooks) and
// stops; the profiled start then has nothing to fill, so the profile holds the requests only.
await (await startBenchServer('profile-fill', env, { databaseFile })).stop()
const profileDir = path.join(dir, 'cpu')
const server = await startBenchServer('profile', env, {
  databaseFile,
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
})
const { url } = server
const TICK_MS = 10 // /proc/<pid>/stat counts CPU in ticks of 1/100 s
const cpuMs = () => {
  const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

// A new "upcoming from" instant on every request, as the benchmark's uncached list sends.
const paths =
  read === 'one'
    ? oneEventPaths(await eventIds(url), { depth, fresh: true })
    : upcomingList(await upcomingFrom(url), { depth, locale: 'ru' })
const list = paths(0)
let n = 0
const options = { url, connections, requests: [{ setupRequest: (req) => ({ ...req, path: paths(n++) }) }] }
await autocannon({ ...options, duration: 3 }) // warm-up: the profile covers it too, but it is short
const sentBefore = n
const cpuBefore = cpuMs()
const result = await autocannon({ ...options, duration: seconds })
const measuredCpuMs = cpuMs() - cpuBefore

// --cpu-prof writes the profile as the process exits; the server exits 0 on SIGTERM.
await server.stop()
const [profileFile] = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, profileFile), 'utf8'))
const summary = summariseProfile(profile, { root })

const figures = {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  request: list,
  connections,
  seconds,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  p99: result.latency.p99,
  // Main-thread CPU per request over the whole profile, warm-up included (n counts every request sent).
  cpuMsPerRequest: Math.round((summary.busyMs / n) * 10) / 10,
  // The whole process (every thread: libsql's, the GC's) over the measured seconds only, from /proc.
  processCpuMsPerRequest: Math.round((measuredCpuMs / (n - sentBefore)) * 100) / 100,
  ...summary,
}
const file = writeResult('profile', figures)
fs.copyFileSync(path.join(profileDir, profileFile), file.replace(/\.json$/, '.cpuprofile').replace(/^/, `${root}/`))

const pct = (ms) => `${((ms / summary.busyMs) * 100).toFixed(1)} %`
console.log(
  `${figures.request}, c=${connections}, ${seconds} s: ${figures.requestsPerSecond} req/s, p99 ${figures.p99} ms, ${figures.cpuMsPerRequest} ms of main-thread CPU per request (${figures.processCpuMsPerRequest} ms of process CPU while measured)\n`,
)
console.log('| package | self ms | share |\n| --- | --- | --- |')
for (const row of summary.byPackage.slice(0, 12))
  console.log(`| ${row.name} | ${Math.round(row.ms)} | ${pct(row.ms)} |`)
console.log('\n| function | where | self ms | share |\n| --- | --- | --- | --- |')
for (const row of summary.byFunction.slice(0, 20))
  console.log(`| ${row.name} | ${row.where} | ${Math.round(row.ms)} | ${pct(row.ms)} |`)
console.log(`\nwritten to ${file}`)
process.exit(0)
