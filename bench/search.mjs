// npm run bench:search [-- --reuse-data --requests=400]  (or npm run bench -- --scenarios=search)
// The site search's target (issue 20): GET /api/search answers in ≤ 20 ms at p50 over 10,000
// documents. Generates the `search` dataset (bench/dataset.ts: 8,500 events, 1,000 press releases,
// 300 organisations, 200 speakers, every locale filled), fills the index and measures
// (bench/search-measure.ts). Writes bench/results/search-<time>.json and prints the figures.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { arg, flag, log } from './lib/cli.mjs'
import { ownDataset } from './lib/datasets.mjs'
import { root, writeResult } from './server.mjs'

export const SEARCH_P50_MS = 20

export async function benchSearch({
  reuse = flag('reuse-data'),
  requests = Number(arg('requests', 400)),
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-search-')),
} = {}) {
  const dataset = await ownDataset({ scale: 'search', dir, reuse })
  log(`measuring the search over ${dataset.file}…`)
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/search-measure.ts', `--requests=${requests}`],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        DATABASE_URI: `file:${dataset.file}`,
        MEDIA_DIR: path.join(dir, 'media'),
        PAYLOAD_SECRET: 'bench-secret-'.repeat(4),
        SEED_ON_START: 'false',
        JOBS_AUTORUN: 'false',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 2 ** 20,
      encoding: 'utf8',
    },
  )
  const figures = JSON.parse(out.trim().split('\n').at(-1))
  return {
    ...figures,
    datasetSeconds: dataset.seconds,
    target: { p50: SEARCH_P50_MS },
    met: figures.p50 <= SEARCH_P50_MS,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadBefore: os.loadavg() },
    search: await benchSearch(),
  }
  const file = writeResult('search', figures)
  console.log(JSON.stringify(figures.search, null, 2))
  log(
    `search p50 ${figures.search.p50} ms (target ≤ ${SEARCH_P50_MS} ms) over ${figures.search.documents} documents; written to ${file}`,
  )
}
