// Starts the compiled production server on a fresh database for a benchmark, with a logged-in admin.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/**
 * The Node flags of `npm start`, read from package.json so benchmarks run the server as production
 * does: a 384 MB old-space limit makes V8 collect before the heap balloons (peak RSS under load
 * 296 MB instead of 473 MB, at the same throughput).
 */
export const productionNodeFlags = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  .scripts.start.split(' ')
  .filter((word) => word.startsWith('--'))

/**
 * `log`: a file for the server's stdout and stderr (with `nodeFlags: ['--trace-gc']`, the heap after
 * every collection, which is how the soak tells a growing JS heap from growing native memory).
 */
/** Polls /readyz until the server answers 200, for up to `seconds`. */
export async function waitForReady(url, seconds = 60) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return
    } catch {
      // not listening yet
    }
    if (i > seconds * 10) throw new Error('the server did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** `databaseFile`: an existing database (a generated dataset) instead of a fresh one; the admin is then logged in again. */
export async function startBenchServer(name, env = {}, { nodeFlags = [], log, databaseFile } = {}) {
  const port = 3800 + Math.floor(Math.random() * 190)
  const url = `http://127.0.0.1:${port}`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pressroom-${name}-`))
  // stdout and stderr piped (to the log, or drained): with them ignored or a file, the server (like
  // bench/generate.ts) sometimes exits 13 during its start on Node 20 here, an unsettled top-level
  // await that nothing else keeps the event loop alive for.
  const output = 'pipe'
  const child = spawn(process.execPath, [...productionNodeFlags, ...nodeFlags, 'dist/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URI: `file:${databaseFile ?? `${dir}/${name}.db`}`,
      MEDIA_DIR: `${dir}/media`,
      PAYLOAD_SECRET: `${name}-secret-`.repeat(4),
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', output, output],
  })
  const sink = log ? fs.createWriteStream(log) : undefined
  for (const stream of [child.stdout, child.stderr]) {
    if (sink) stream.pipe(sink, { end: false })
    else stream.resume()
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.on('exit', () => child.kill('SIGKILL'))
  await Promise.race([
    waitForReady(url),
    exited.then((code) =>
      Promise.reject(
        new Error(
          `the ${name} server exited (${code}) during its start${log ? `:\n${fs.readFileSync(log, 'utf8').slice(-2000)}` : ''}`,
        ),
      ),
    ),
  ]).catch((error) => {
    // Never leave it running beside the next attempt: two servers on one file fight over its lock.
    child.kill('SIGKILL')
    throw error
  })
  const post = (p, body, token) =>
    fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json())
  await post('/api/users/first-register', { email: `${name}@pressroom.test`, password: `${name}-password-123`, name })
  const { token } = await post('/api/users/login', {
    email: `${name}@pressroom.test`,
    password: `${name}-password-123`,
  })
  // A dataset written past Payload's hooks is read into the read model when the server starts: until
  // then Payload answers every read. Measure once it is filled (an empty dataset has nothing to fill).
  const filling = Date.now()
  // Every stored collection, not just events: the store answers a collection only once all of it
  // is filled, and a fill still running beside a measurement takes its CPU.
  const stored = ['events', 'speakers', 'press-releases', 'organisations', 'projects', 'donor-notices']
  for (;;) {
    // A reset connection while the server is busy filling is no reason to give up on it.
    const probes = await Promise.all(
      stored.map((slug) =>
        fetch(`${url}/api/${slug}?limit=1&depth=0&fill=${Date.now()}`)
          .then(async (response) => ({
            totalDocs: (await response.json()).totalDocs,
            store: response.headers.get('x-pressroom-source') === 'store',
          }))
          .catch(() => undefined),
      ),
    )
    if (probes.every((probe) => probe && (!probe.totalDocs || probe.store)) || Date.now() - filling > 15 * 60_000) break
    if (child.exitCode !== null)
      throw new Error(`the ${name} server exited (${child.exitCode}) while filling its read model`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const fillSeconds = (Date.now() - filling) / 1000
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
  }
  return {
    url,
    child,
    token,
    post,
    stop,
    fillSeconds,
    email: `${name}@pressroom.test`,
    password: `${name}-password-123`,
    rss: () => Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024,
  }
}

/** "Upcoming" from the middle of the dataset's dates, so half the events qualify at every scale. */
export async function upcomingFrom(url) {
  const { totalDocs } = await fetch(`${url}/api/events?limit=1&depth=0`).then((r) => r.json())
  return (
    await fetch(`${url}/api/events?sort=startDate&depth=0&limit=1&page=${Math.max(1, Math.floor(totalDocs / 2))}`).then(
      (r) => r.json(),
    )
  ).docs[0].startDate
}

export const upcomingQuery = (from) => `where[startDate][greater_than_equal]=${from}&sort=startDate&limit=20`

export function writeResult(name, figures) {
  const file = path.join(root, 'bench', 'results', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(figures, null, 2))
  return path.relative(root, file)
}
