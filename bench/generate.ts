// npm run bench:dataset -- [--scale=tiny|default|medium|large]: fills the configured database with the benchmark's dataset.
// Beyond 2,000 events it works in one process per 2,000, so that a long generation's memory stays
// that of one chunk (libsql's statements pile up natively between collections: bench/libsql-memory.mjs)
// and a failed chunk can be rerun with --offset.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { getPayload } from 'payload'

import { loadEnvironment } from '../src/loadEnvironment'

const CHUNK = 2_000
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
const scaleName = option('scale') ?? 'default'
loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const { generateDataset, scales } = await import('./dataset')
const scale =
  scales[scaleName] ??
  (console.error(`Unknown scale ${scaleName}: use ${Object.keys(scales).join(', ')}.`), process.exit(2))
const began = Date.now()

if (scale.events > CHUNK && option('offset') === undefined) {
  for (let offset = 0; offset < scale.events; offset += CHUNK) {
    execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        `--scale=${scaleName}`,
        `--offset=${offset}`,
        `--events=${Math.min(CHUNK, scale.events - offset)}`,
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    process.stderr.write(`events so far: ${Math.min(scale.events, offset + CHUNK)}/${scale.events}\n`)
  }
  console.log(JSON.stringify({ scale: scaleName, ...scale, seconds: Math.round((Date.now() - began) / 100) / 10 }))
  process.exit(0)
}

const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
let last = ''
const counts = await generateDataset(
  payload,
  { ...scale, events: Number(option('events') ?? scale.events) },
  (step, done, total) => {
    const line = `${step}: ${done}/${total}`
    if (line !== last) process.stderr.write(`\r${line.padEnd(40)}${done === total ? '\n' : ''}`)
    last = line
  },
  { offset: Number(option('offset') ?? 0) },
)
// Written past Payload's hooks: the read model is emptied, so that the server fills it from what is here.
await payload.db.deleteMany({ collection: 'public-snapshots', where: { id: { exists: true } } })
await payload.db.deleteMany({ collection: 'public-snapshot-deps', where: { id: { exists: true } } })
console.log(JSON.stringify({ scale: scaleName, ...counts, seconds: Math.round((Date.now() - began) / 100) / 10 }))
await payload.destroy()
process.exit(0)
