// npm run bench [-- --scenarios=all|1,2,…|list-peers,list-own,one,autosave,neighbour,speaker,express,scale,search,matrix (--only=search: the site search alone)
//                   --duration=10 --runs=3 --connections=50 --peers=/tmp/peers-work --scale=large --reuse-data --no-build --docs|--no-docs]
// Measures the targets of the published-read-model issue (docs/PERFORMANCE.md) on Pressroom and,
// with --peers=WORK (or PEERS_WORK), the same reads on Strapi 5 and Directus 11, one system at a
// time: warm-up discarded, medians of the runs. Writes bench/results/bench-<time>.json, prints the
// targets table and, after a run of every target (or with --docs), rewrites the figures in
// docs/PERFORMANCE.md. `--scenarios=matrix` runs the older matrix of reads × concurrencies (bench/matrix.mjs).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { arg, flag, log } from './lib/cli.mjs'
import { ownDataset, peersDataset } from './lib/datasets.mjs'
import { rssOf, rssSampler } from './lib/load.mjs'
import { peerApi, peerNames, peersTools } from './lib/peers.mjs'
import { renderReport, targetRows, updateDocs } from './lib/report.mjs'
import * as t from './lib/targets.mjs'
import { root, startBenchServer, writeResult } from './server.mjs'

// --render=bench/results/bench-….json: the table and docs/PERFORMANCE.md again from a run's figures, measuring nothing.
if (arg('render', '')) {
  const file = path.resolve(arg('render'))
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'))
  saved.targets = targetRows(saved)
  const report = renderReport(saved, path.relative(root, file))
  console.log(report)
  if (!flag('no-docs')) log(`updated ${updateDocs(report)}`)
  process.exit(0)
}

const scenarioIds = {
  'list-peers': 1,
  'list-own': 2,
  one: 3,
  autosave: 4,
  neighbour: 5,
  speaker: 6,
  express: 8,
  scale: 9,
  search: 10,
}
// --only=search is --scenarios=search: the site search alone (bench/search.mjs runs it without the rest, too).
const requested = arg('only', '') || arg('scenarios', 'all')
if (requested === 'matrix') {
  // The older matrix, unchanged: its own options (--only=, --connections=1,10,50, …) pass through.
  const { status } = spawnSync(
    process.execPath,
    [path.join(root, 'bench/matrix.mjs'), ...process.argv.slice(2).filter((a) => !a.startsWith('--scenarios='))],
    { stdio: 'inherit' },
  )
  process.exit(status ?? 1)
}
const large = arg('scale', 'default') === 'large' || Boolean(arg('large-database', ''))
const wanted = new Set(
  requested === 'all'
    ? [1, 2, 3, 4, 5, 6, 8, 10, ...(large ? [9] : [])]
    : requested.split(',').map((word) => {
        const id = scenarioIds[word] ?? Number(word)
        if (!Object.values(scenarioIds).includes(id))
          throw new Error(
            `unknown scenario "${word}": use numbers or ${Object.keys(scenarioIds).join(', ')}, or matrix`,
          )
        return id
      }),
)
const o = { duration: Number(arg('duration', 10)), runs: Number(arg('runs', 3)) }
const c = Number(arg('connections', 50))
const reuse = flag('reuse-data')
const peersHome = path.resolve(arg('peers-home', process.env.PEERS_HOME ?? '/work/shared/peers'))
const peersWork = arg('peers', process.env.PEERS_WORK ?? '')
const peerEvents = Number(arg('peer-events', process.env.PEERS_EVENTS ?? 2000))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-'))
const notes = []
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}
const figures = {
  when: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
  // The last commit that changed what is measured (the server, its model and packages), not the bench.
  serverCommit: git(
    'log',
    '-1',
    '--format=%h',
    '--',
    'src',
    'collections',
    'payload.config.ts',
    'next.config.mjs',
    'package-lock.json',
  ),
  dirty: git('status', '--porcelain', '--', 'src', 'collections', 'payload.config.ts') !== '',
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    node: process.version,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadBefore: os.loadavg().map((l) => Math.round(l * 100) / 100),
  },
  options: { ...o, connections: c, scenarios: [...wanted].sort(), peers: peersWork || null },
  systems: {},
  notes,
}
const run = async (id, name, body) => {
  if (!wanted.has(id)) return undefined
  log(`target ${id}: ${name}`)
  // One target failing leaves the others' figures standing, and the run still writes them.
  return body().catch((error) => {
    notes.push(`target ${id}: ${error.message.slice(0, 300).replace(/\s+/g, ' ')}`)
    log(`  target ${id} failed: ${error.message}`)
  })
}

if (!flag('no-build')) {
  const began = Date.now()
  log('building (npm run build)…')
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  figures.buildSeconds = (Date.now() - began) / 1000
}

// The peers, if they are set up: stopped now, so that only one system runs at a time.
let peers
if (!peersWork)
  notes.push(
    'Strapi and Directus not measured: no --peers=WORK (or PEERS_WORK) given; set them up with /work/shared/peers/setup.sh WORK.',
  )
else if (!fs.existsSync(path.join(peersHome, 'start.sh')))
  notes.push(`Strapi and Directus not measured: no peers' scripts in ${peersHome} (--peers-home=).`)
else {
  peers = peersTools(peersHome, path.resolve(peersWork))
  for (const name of peerNames)
    if (!peers.isSetUp(name))
      notes.push(`${name} not measured: not set up in ${peersWork} (run ${peersHome}/setup.sh ${peersWork}).`)
  for (const line of peers.stopAll()) log(`  ${line}`)
}

async function pressroom(key, databaseFile, body) {
  const start = () =>
    startBenchServer('bench', { SEED_ON_START: 'false' }, { databaseFile, log: path.join(dir, `${key}.log`) })
  // Once more on another random port if it fails to start (another engineer's server may hold the port).
  const server = await start().catch((error) => {
    log(`  ${error.message.split('\n')[0]}: starting again`)
    notes.push(
      `The Pressroom server (${key}) failed to start once: ${error.message.slice(0, 300).replace(/\s+/g, ' ')}`,
    )
    return start()
  })
  const sampler = rssSampler(server.child.pid)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const system = (figures.systems[key] = { idleRss: rssOf(server.child.pid) })
  try {
    await body(server, system, sampler)
  } finally {
    Object.assign(system, { rss: sampler.stop() })
    await server.stop()
  }
  return system
}

// 1, 3 on the peers' events loaded into Pressroom: the like-for-like figures.
if (wanted.has(1) || wanted.has(3)) {
  if (!fs.existsSync(path.join(peersHome, 'load-pressroom.mjs')))
    notes.push(`Targets 1 and 3 on the peers' data not measured in Pressroom: no load-pressroom.mjs in ${peersHome}.`)
  else {
    const data = await peersDataset({ peersHome, events: peerEvents, dir, reuse })
    figures.peersDataset = { events: peerEvents, seconds: data.seconds, reused: data.reused }
    await pressroom('pressroomPeersData', data.file, async (server, system, sampler) => {
      const from = await t.medianStart(server.url)
      system.from = from
      await run(1, 'uncached list of 20, depth 0, en, on the peers’ events', async () => {
        sampler.mark('list')
        system.list = await t.load(
          'list, new instant per request',
          o,
          server.url,
          t.upcomingList(from, { depth: 0, locale: 'en' }),
          c,
        )
      })
      await run(3, 'one event by id, all ids × 5 locales, on the peers’ events', async () => {
        const ids = await t.eventIds(server.url)
        sampler.mark('one')
        system.oneUncached = await t.load(
          'one event, a new query string each request',
          o,
          server.url,
          t.oneEventPaths(ids, { fresh: true }),
          c,
        )
        system.one = await t.load(`one event, ${ids.length} ids × 5 locales`, o, server.url, t.oneEventPaths(ids), c)
      })
    })
  }
}

// 2, 3, 4, 5, 6, 8 on Pressroom's own dataset: 5 locales, speakers, programme.
let bodyFile
if ([2, 3, 4, 5, 6, 8, 9].some((id) => wanted.has(id))) {
  const data = await ownDataset({ scale: 'default', dir, reuse })
  figures.ownDataset = { scale: 'default', seconds: data.seconds, reused: data.reused }
  await pressroom('pressroomOwnData', data.file, async (server, system, sampler) => {
    const from = await t.medianStart(server.url)
    system.from = from
    await server.post(
      '/api/users',
      { email: 'editor@pressroom.test', password: 'editor-password-123', name: 'Editor', roles: ['editor'] },
      server.token,
    )
    const { token: editorToken } = await server.post('/api/users/login', {
      email: 'editor@pressroom.test',
      password: 'editor-password-123',
    })
    if (!editorToken) throw new Error('the editor could not log in')
    const ids = await t.eventIds(server.url)
    const missList = t.upcomingList(from, { depth: 1, locale: 'ru' })
    await run(2, 'uncached list of 20, depth 1, ru, own dataset', async () => {
      sampler.mark('list')
      system.list = await t.load('list depth 1 ru, new instant per request', o, server.url, missList, c)
    })
    await run(3, 'one event by id, all ids × 5 locales, own dataset', async () => {
      sampler.mark('one')
      system.oneUncached = await t.load(
        'one event, a new query string each request',
        o,
        server.url,
        t.oneEventPaths(ids, { fresh: true }),
        c,
      )
      system.one = await t.load(`one event, ${ids.length} ids × 5 locales`, o, server.url, t.oneEventPaths(ids), c)
    })
    if (wanted.has(9)) {
      sampler.mark('latency')
      system.latency = await latencyPair(server.url, from, ids)
    }
    await run(8, 'cached list of 20, depth 1, ru, against bare express', async () => {
      const cachedList = missList(0)
      bodyFile = path.join(dir, 'list.json')
      fs.writeFileSync(bodyFile, Buffer.from(await fetch(server.url + cachedList).then((r) => r.arrayBuffer())))
      system.bodyBytes = fs.statSync(bodyFile).size
      sampler.mark('cached list')
      system.cachedList = await t.load('cached list', o, server.url, () => cachedList, c)
    })
    const urls = await t.frontendUrls(server.url, ids)
    await run(5, 'cached reader c=10 beside a cache-missing client c=10', async () => {
      sampler.mark('neighbour')
      system.neighbour = await t.noisyNeighbour(o, server, missList, urls, 10)
    })
    await run(4, 'frontend over 600 cached URLs, with and without autosaves', async () => {
      sampler.mark('autosave')
      system.autosave = await t.autosaveRatio(o, server, editorToken, urls, ids[Math.floor(ids.length / 2)], c)
    })
    await run(6, 'saving a speaker embedded in 100 events', async () => {
      sampler.mark('speaker')
      system.speaker = await t.speakerPropagation(o, server, editorToken)
    })
  })
  if (bodyFile) figures.systems.express = { cachedList: await t.expressReference(o, bodyFile, c) }
}

/** Target 9's figures: p50 at c=1 (latency without queueing) of the uncached list and of one event. */
async function latencyPair(url, from, ids) {
  const list = await t.load(
    'latency: uncached list depth 1 ru',
    o,
    url,
    t.upcomingList(from, { depth: 1, locale: 'ru' }),
    1,
  )
  const one = await t.load('latency: one event, new query string', o, url, t.oneEventPaths(ids, { fresh: true }), 1)
  return { list, one }
}

if (wanted.has(9)) {
  const reused = arg('large-database', '')
  let file = reused && path.resolve(reused)
  if (!file) file = (await ownDataset({ scale: 'large', dir, reuse })).file
  await pressroom('pressroomLarge', file, async (server, system) => {
    log('target 9: latency at 100,000 events')
    const { totalDocs } = await fetch(`${server.url}/api/events?limit=1&depth=0`).then((r) => r.json())
    system.events = totalDocs
    const ids = (
      await fetch(`${server.url}/api/events?limit=100&depth=0&select[id]=true&sort=createdAt`).then((r) => r.json())
    ).docs.map((d) => d.id)
    system.latency = await latencyPair(server.url, await t.medianStart(server.url), ids)
  })
}

// 10: the site search over 10,000 documents, in its own process on its own dataset (bench/search.mjs).
await run(10, 'site search, p50 over 10,000 documents', async () => {
  const { benchSearch } = await import('./search.mjs')
  figures.search = await benchSearch({ reuse, dir })
  log(`  search p50 ${figures.search.p50} ms, p95 ${figures.search.p95} ms over ${figures.search.documents} documents`)
})

// The peers, one at a time, each started for its measurements and stopped after.
if (peers && (wanted.has(1) || wanted.has(3))) {
  const urls = peers.urls()
  for (const name of peerNames.filter(peers.isSetUp)) {
    log(`peer ${name}: ${peers.start(name)}`)
    const system = (figures.systems[name] = {})
    let sampler
    try {
      const base = new URL(urls[name].list).origin
      const api = peerApi[name]
      const from = await api.medianStart(base)
      sampler = rssSampler(peers.pid(name))
      system.idleRss = rssOf(peers.pid(name))
      system.from = from
      const { pathname, search } = new URL(urls[name].list)
      const base0 = Date.parse(from)
      if (wanted.has(1)) {
        log(`target 1 on ${name}`)
        sampler.mark('list')
        system.list = await t.load(
          `${name} list, new instant per request`,
          o,
          base,
          (n) => api.listFrom(pathname + search, new Date(base0 + n).toISOString()),
          c,
        )
      }
      if (wanted.has(3)) {
        log(`target 3 on ${name}`)
        sampler.mark('one')
        const ones = await api.oneUrls(base)
        system.one = await t.load(`${name} one event, ${ones.length} ids`, o, base, t.cycling(ones), c)
      }
    } catch (error) {
      // One peer failing leaves the other figures standing.
      notes.push(`${name}: ${error.message.slice(0, 300).replace(/\s+/g, ' ')}`)
      log(`  ${name} failed: ${error.message}`)
    } finally {
      if (sampler) system.rss = sampler.stop()
      log(`  ${peers.stop(name)}`)
    }
  }
}

figures.machine.loadAfter = os.loadavg().map((l) => Math.round(l * 100) / 100)
figures.targets = targetRows(figures)
const file = writeResult('bench', figures)
const report = renderReport(figures, file)
console.log(report)
const full = [1, 2, 3, 4, 5, 6, 8].every((id) => wanted.has(id))
if (!flag('no-docs') && (flag('docs') || full)) log(`updated ${updateDocs(report)}`)
else log('docs/PERFORMANCE.md left as it is (a subset of the targets: add --docs to write it anyway)')
log(`written to ${file}`)
if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true }) // the databases' copies, logs and the list's bytes
process.exit(0)
