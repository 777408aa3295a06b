import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { TEST_SECRET, throwawayDatabaseUri } from './payload'
import { seededTemplate, usesSeededTemplate } from './seedTemplate'
import { until } from './wait'

const root = path.resolve(import.meta.dirname, '..', '..')
export const compiledServer = path.join(root, 'dist', 'server.js')

/** A free high port on loopback (low ones may be held by other programs on these machines). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export type RunningServer = {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends the signal and resolves with the exit code and how long the exit took. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; ms: number }>
}

/**
 * Boots the compiled production server (`npm run build` first) on a free port with a fresh
 * database, and waits until it answers /healthz. A start that only needs the demo content gets a
 * copy of a database seeded once per test run (see seedTemplate.ts); the others seed their own.
 */
export async function startServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningServer> {
  if (!fs.existsSync(compiledServer)) throw new Error(`${compiledServer} is missing: run "npm run build" first.`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-server-'))
  if (usesSeededTemplate(env)) fs.cpSync(await seededTemplate(buildTemplate), dir, { recursive: true })
  return bootServer(dir, env, timeoutMs)
}

/**
 * Seeds `dir` through a real first start, lets the queue finish the jobs the seed queued (the
 * read model, search, translation status), then stops the server cleanly so the file is whole.
 */
async function buildTemplate(dir: string): Promise<void> {
  const token = crypto.randomBytes(24).toString('hex')
  const server = await bootServer(dir, { METRICS_TOKEN: token, SEED_ON_START: 'true' }, 120_000)
  // Each seeded write also queues a backstop render due 30 s later (BACKSTOP_MS in
  // readModel/invalidate.ts). Those must have come due and run too, or every copy would boot with
  // them already due, as a fresh seed's are not.
  const backstopsDue = Date.now() + 35_000
  const drained = until(
    async () => {
      if (Date.now() < backstopsDue) return false
      const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      return /^pressroom_jobs_queued 0$/m.test(await response.text())
    },
    "the seed's jobs",
    120_000,
  )
  // The server stops either way; a failed wait is reported after it has.
  const waited = await drained.then(
    () => undefined,
    (error: unknown) => error,
  )
  const { code } = await server.stop()
  if (waited) throw waited
  if (code !== 0) throw new Error(`The template server exited with ${code}:\n${server.output()}`)
}

/** Spawns dist/server.js on the database and media folder in `dir`. */
async function bootServer(dir: string, env: Record<string, string>, timeoutMs: number): Promise<RunningServer> {
  // A caller that needs the address before the start (SERVER_URL in mails) picks the port itself.
  const port = env.PORT ? Number(env.PORT) : await freePort()
  let output = ''
  const child = spawn(process.execPath, [compiledServer], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URI: throwawayDatabaseUri(dir),
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: TEST_SECRET,
      SEED_ON_START: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The server did not answer /healthz within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now()
      if (child.exitCode === null) child.kill(signal)
      const code = await exited
      return { code, ms: Date.now() - started }
    },
  }
}

export const compiledWorker = path.join(root, 'dist', 'worker.js')

export type RunningWorker = Pick<RunningServer, 'child' | 'output' | 'stop'>

/** Boots the compiled jobs worker (`npm run worker`) and waits for the line saying it runs the queue. */
export async function startWorker(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningWorker> {
  if (!fs.existsSync(compiledWorker)) throw new Error(`${compiledWorker} is missing: run "npm run build" first.`)
  let output = ''
  const child = spawn(process.execPath, [compiledWorker], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', PAYLOAD_SECRET: TEST_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const deadline = Date.now() + timeoutMs
  while (!output.includes('worker running the jobs queue')) {
    if (child.exitCode !== null) throw new Error(`The worker exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The worker did not start within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now()
      if (child.exitCode === null) child.kill(signal)
      return { code: await exited, ms: Date.now() - started }
    },
  }
}
