// node bench/compare.mjs SMALL.json LARGE.json: latency of each scenario at the larger scale as a
// multiple of the smaller (target: at most 1.5× at 100,000 events against 2,000).
import fs from 'node:fs'

const [small, large] = process.argv.slice(2).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')))
const key = (r) => `${r.scenario} | ${r.mode} | ${r.connections}`
const base = new Map(small.results.map((r) => [key(r), r]))
console.log(
  `| scenario | mode | c | p50 ms at ${small.scale} | p50 ms at ${large.scale} | ratio | req/s ratio |\n| --- | --- | --- | --- | --- | --- | --- |`,
)
for (const r of large.results) {
  const b = base.get(key(r))
  if (!b) continue
  console.log(
    `| ${r.scenario} | ${r.mode} | ${r.connections} | ${b.p50} | ${r.p50} | ${(r.p50 / Math.max(b.p50, 1)).toFixed(2)} | ${(b.requestsPerSecond / Math.max(r.requestsPerSecond, 1)).toFixed(2)} |`,
  )
}
