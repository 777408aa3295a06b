// Measures GET /api/search on the database in DATABASE_URI (bench/search.mjs prepares it): fills
// the search index as the server does on its first start, then asks Payload's REST handler (what
// the express server calls for every answer not in its cache) as an anonymous reader, one request
// at a time, each a URL not asked before. Prints the figures as JSON.
import { getPayload, handleEndpoints } from 'payload'

import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const option = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const requests = Number(option('requests', '400'))

const { default: config } = await import('../payload.config')
const { searchDeclarations, SEARCH_INDEX } = await import('../src/plugins/search')
const { fillIndex } = await import('../src/plugins/search/reindex')
const payload = await getPayload({ config })
const sanitized = payload.config

const filling = Date.now()
const indexed = await fillIndex(payload, searchDeclarations(sanitized.collections))
const fillSeconds = (Date.now() - filling) / 1000
const documents = (
  await Promise.all(
    Object.keys(searchDeclarations(sanitized.collections)).map((slug) =>
      payload.count({ collection: slug as 'events', overrideAccess: true }),
    ),
  )
).reduce((sum, { totalDocs }) => sum + totalDocs, 0)
const rows = (await payload.count({ collection: SEARCH_INDEX as 'events', overrideAccess: true })).totalDocs

// Words the dataset has in every locale (bench/dataset.ts), in both scripts, a rare one and one no document has.
const queries: [string, string][] = [
  ['en', 'conference'],
  ['en', 'Dushanbe'],
  ['en', 'Душанбе'],
  ['en', 'torture prevention'],
  ['en', 'speaker 17'],
  ['en', 'press release'],
  ['ru', 'конференция'],
  ['ru', 'Душанбе'],
  ['ru', 'dushanbe'],
  ['ru', 'предупреждении пыток'],
  ['ru', 'форум'],
  ['kk', 'аймақтық конференция'],
  ['kk', 'Душанбе'],
  ['ky', 'кыйноолордун'],
  ['tg', 'шиканҷа'],
  ['en', 'conference 4711'],
  ['en', 'nosuchword'],
]
const urls: string[] = []
for (let page = 1; urls.length < requests + 40; page += 1) {
  for (const [locale, q] of queries)
    urls.push(`/api/search?q=${encodeURIComponent(q)}&locale=${locale}&limit=10&page=${page}`)
}
const ask = async (url: string) => {
  const began = performance.now()
  const response = await handleEndpoints({ config: sanitized, request: new Request(`http://localhost${url}`) })
  const body = (await response.json()) as { totalDocs?: number }
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`)
  return { ms: performance.now() - began, totalDocs: body.totalDocs ?? 0 }
}
// Warm-up, discarded: prepared statements, the JIT.
for (const url of urls.slice(0, 40)) await ask(url)
const times: number[] = []
let matched = 0
for (const url of urls.slice(40, 40 + requests)) {
  const { ms, totalDocs } = await ask(url)
  times.push(ms)
  if (totalDocs) matched += 1
}
times.sort((a, b) => a - b)
const at = (share: number) =>
  Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))] * 100) / 100
console.log(
  JSON.stringify({
    documents,
    rows,
    indexed,
    fillSeconds,
    requests: times.length,
    withResults: matched,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
  }),
)
await payload.destroy()
process.exit(0)
