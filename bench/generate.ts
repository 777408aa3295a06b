// npm run bench:dataset -- [--scale=tiny|default|large]: fills the configured database with the benchmark's dataset.
import { getPayload } from 'payload'

import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const scaleName = process.argv.find((arg) => arg.startsWith('--scale='))?.slice(8) ?? 'default'
const { default: config } = await import('../payload.config')
const { generateDataset, scales } = await import('./dataset')
const scale = scales[scaleName] ?? (console.error(`Unknown scale ${scaleName}: use ${Object.keys(scales).join(', ')}.`), process.exit(2))

const payload = await getPayload({ config })
const began = Date.now()
let last = ''
const counts = await generateDataset(payload, scale, (step, done, total) => {
  const line = `${step}: ${done}/${total}`
  if (line !== last) process.stderr.write(`\r${line.padEnd(40)}${done === total ? '\n' : ''}`)
  last = line
})
console.log(JSON.stringify({ scale: scaleName, ...counts, seconds: Math.round((Date.now() - began) / 100) / 10 }))
await payload.destroy()
process.exit(0)
