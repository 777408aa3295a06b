// The two datasets the targets are measured on, each a SQLite file copied into the run's folder
// (the measurements write to it). With `reuse`, a generated file is kept in the OS temp folder,
// keyed by the migrations and the generator, so that short development runs skip generation.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root, startBenchServer } from '../server.mjs'
import { log } from './cli.mjs'

export const cacheDir = path.join(os.tmpdir(), 'pressroom-bench-data')

/** A hash of what shapes a database: the migrations (applied on boot) and the generator. */
export function schemaKey(extra) {
  const hash = createHash('sha1')
  const migrations = path.join(root, 'src/migrations')
  for (const file of fs.readdirSync(migrations).sort())
    hash.update(file).update(fs.readFileSync(path.join(migrations, file)))
  hash.update(fs.readFileSync(path.join(root, 'bench/dataset.ts'))).update(extra)
  return hash.digest('hex').slice(0, 12)
}

const copyDatabase = (from, to) => {
  for (const suffix of ['', '-wal', '-shm'])
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix)
  return to
}

async function prepared(name, dir, reuse, make) {
  const target = path.join(dir, `${name}.db`)
  if (!reuse) {
    const began = Date.now()
    await make(target)
    return { file: target, seconds: (Date.now() - began) / 1000, reused: false }
  }
  fs.mkdirSync(cacheDir, { recursive: true })
  const cached = path.join(cacheDir, `${name}-${schemaKey(name)}.db`)
  let seconds = 0
  if (!fs.existsSync(cached)) {
    const began = Date.now()
    const partial = path.join(dir, `${name}.partial.db`)
    await make(partial)
    copyDatabase(partial, cached)
    seconds = (Date.now() - began) / 1000
  }
  return { file: copyDatabase(cached, target), seconds, reused: seconds === 0 }
}

/** Pressroom's own dataset (bench/dataset.ts through bench/generate.ts, as `npm run bench:dataset`). */
export function ownDataset({ scale, dir, reuse, fillStore = scale !== 'search' }) {
  return prepared(`own-${scale}`, dir, reuse, async (file) => {
    log(`generating Pressroom's dataset (${scale})…`)
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/generate.ts', `--scale=${scale}`],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          NODE_ENV: 'production',
          DATABASE_URI: `file:${file}`,
          MEDIA_DIR: path.join(dir, 'media'),
          PAYLOAD_SECRET: 'bench-secret-'.repeat(4),
          SEED_ON_START: 'false',
          JOBS_AUTORUN: 'false',
        },
        // stdout a pipe: with stdout ignored or a file, generate.ts exits 13 (an unsettled top-level
        // await) before writing anything, on Node 20 here.
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 2 ** 20,
      },
    )
    // The generator writes past Payload's hooks, so the first server start fills the read model
    // (minutes at 2,000 events). Filled once here, kept with the dataset: every run then measures
    // a server whose store is full, as a production server is after its first start.
    // (Not the search's dataset: its measurement fills its own index, and reads no store.)
    if (!fillStore) return
    const server = await startBenchServer('bench', { SEED_ON_START: 'false' }, { databaseFile: file })
    log(`read model filled in ${Math.round(server.fillSeconds)} s`)
    await server.stop()
  })
}

/** The peers' N events published into an empty Pressroom by the peers' load-pressroom.mjs, over REST. */
export function peersDataset({ peersHome, events, dir, reuse }) {
  return prepared(`peers-${events}`, dir, reuse, async (file) => {
    log(`loading the peers' ${events} events into Pressroom (load-pressroom.mjs)…`)
    const server = await startBenchServer('bench', { SEED_ON_START: 'false' }, { databaseFile: file })
    try {
      const out = execFileSync(
        process.execPath,
        [path.join(peersHome, 'load-pressroom.mjs'), server.url, server.email, server.password, String(events)],
        { cwd: peersHome, encoding: 'utf8' },
      )
      log(out.trim())
      if (!/failed 0\b/.test(out)) throw new Error(`load-pressroom.mjs: ${out.trim()}`)
    } finally {
      await server.stop()
    }
  })
}
