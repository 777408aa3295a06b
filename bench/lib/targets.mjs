// The measurements of the published-read-model issue's targets (docs/PERFORMANCE.md lists them).
// Each function measures one thing on one running system and returns plain figures; run.mjs
// decides the order (one system at a time) and bench/lib/report.mjs turns figures into rows.
import { fork } from 'node:child_process'
import path from 'node:path'

import { root } from '../server.mjs'
import { log, sleep } from './cli.mjs'
import { check, measure, median, once, summarise, varying } from './load.mjs'

export const locales = ['en', 'ru', 'tg', 'kk', 'ky']

const json = async (url, init) => {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`)
  return response.json()
}

/** The median start date: "upcoming from" there leaves half the events in the answer. */
export async function medianStart(url) {
  const { totalDocs } = await json(`${url}/api/events?limit=1&depth=0`)
  return (await json(`${url}/api/events?sort=startDate&depth=0&limit=1&page=${Math.max(1, Math.floor(totalDocs / 2))}`))
    .docs[0].startDate
}

/** The list of 20 upcoming events from an instant `n` milliseconds after `from`: every request a new query. */
export const upcomingList = (from, { depth, locale }) => {
  const base = Date.parse(from)
  return (n) =>
    `/api/events?sort=startDate&limit=20&depth=${depth}&locale=${locale}&where[startDate][greater_than_equal]=${new Date(base + n).toISOString()}`
}

export async function eventIds(url) {
  const ids = []
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await json(
      `${url}/api/events?limit=100&depth=0&sort=createdAt&page=${page}&select[id]=true`,
    )
    ids.push(...docs.map((d) => d.id))
    if (!hasNextPage) return ids
  }
}

/** Every id in every locale, ids first: n → (id n mod N, locale ⌊n / N⌋ mod 5). */
export const oneEventPaths =
  (ids, { depth = 0, fresh = false } = {}) =>
  (n) =>
    `/api/events/${ids[n % ids.length]}?depth=${depth}&locale=${locales[Math.floor(n / ids.length) % locales.length]}${fresh ? `&_=${n}` : ''}`

/** A frontend's 600 public URLs over Pressroom's own dataset: events, lists, speakers, press releases, in the five locales. */
export async function frontendUrls(url, ids) {
  const speakers = (await json(`${url}/api/speakers?limit=20&depth=0&sort=createdAt`)).docs.map((d) => d.id)
  const urls = []
  for (const locale of locales) {
    for (const id of ids.slice(0, 60)) urls.push(`/api/events/${id}?depth=1&locale=${locale}`)
    for (let page = 1; page <= 20; page += 1)
      urls.push(`/api/events?sort=startDate&limit=20&depth=1&locale=${locale}&page=${page}`)
    for (const id of speakers.slice(0, 20)) urls.push(`/api/speakers/${id}?depth=1&locale=${locale}`)
    for (let page = 1; page <= 20; page += 1)
      urls.push(`/api/press-releases?sort=-releaseDate&limit=10&depth=1&locale=${locale}&page=${page}`)
  }
  return urls
}

/**
 * Requests every URL twice, `concurrency` at a time, so that they are in the cache (an answer from
 * the store is kept from a URL's second request on), or to check that they answer.
 */
export async function touch(url, paths, concurrency = 8) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const p = paths[next++]
        for (let time = 0; time < 2; time += 1) {
          const response = await fetch(url + p)
          if (!response.ok) throw new Error(`${p}: ${response.status}`)
          await response.arrayBuffer()
        }
      }
    }),
  )
}

export const cycling = (paths) => (n) => paths[n % paths.length]

/** Throughput and latency of requests whose paths `path(n)` makes, at `connections`. */
export const load = (name, o, url, path, connections) => {
  log(`  ${name}, c=${connections}`)
  return measure(name, o, () => ({ url, connections, requests: varying(path) }))
}

/**
 * Target 4: frontend traffic over cached URLs at c=50 alone and with an editor autosaving one draft
 * every 2 s. The two are interleaved run by run, so that drift on a shared machine hits both.
 */
export async function autosaveRatio(o, server, editorToken, urls, eventId, connections = 50) {
  log(`  frontend over ${urls.length} cached URLs, c=${connections}, without and with an autosave every 2 s`)
  await touch(server.url, urls)
  const make = () => ({ url: server.url, connections, requests: varying(cycling(urls)) })
  await once({ ...make(), duration: Math.min(3, o.duration) })
  const alone = []
  const withEditor = []
  const saves = []
  for (let r = 0; r < o.runs; r += 1) {
    // Refilled before each run: the previous run's last autosave emptied the cache, and refilling
    // 600 misses would otherwise be most of an "alone" run.
    await touch(server.url, urls)
    alone.push(await once({ ...make(), duration: o.duration }))
    await touch(server.url, urls)
    let editing = true
    const editor = (async () => {
      for (let k = 0; editing; k += 1) {
        const began = Date.now()
        const response = await fetch(`${server.url}/api/events/${eventId}?draft=true&autosave=true&locale=en&depth=0`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization: `JWT ${editorToken}` },
          body: JSON.stringify({ title: `Autosaved draft ${r}.${k} ${began}` }),
        })
        await response.arrayBuffer()
        saves.push({ ms: Date.now() - began, status: response.status })
        await sleep(Math.max(0, 2000 - (Date.now() - began)))
      }
    })()
    withEditor.push(await once({ ...make(), duration: o.duration }))
    editing = false
    await editor
  }
  check('frontend alone', alone)
  check('frontend with autosave', withEditor)
  const failed = saves.filter((s) => s.status !== 200).length
  if (failed) throw new Error(`autosave: ${failed} of ${saves.length} PATCHes were not 200`)
  const a = summarise(alone)
  const w = summarise(withEditor)
  return {
    alone: a,
    withAutosave: w,
    ratio: round(w.requestsPerSecond / a.requestsPerSecond, 3),
    autosaves: saves.length,
    autosaveMedianMs: median(saves.map((s) => s.ms)),
  }
}

/**
 * Target 5: one client sends a new query string on every request (c=10) while another reads cached
 * pages (c=10); the second client's p99, beside its p99 alone. Interleaved run by run.
 */
export async function noisyNeighbour(o, server, missPath, cachedUrls, connections = 10) {
  log(`  cached reader c=${connections} alone, then beside a cache-missing client c=${connections}`)
  await touch(server.url, cachedUrls)
  const reader = () => ({ url: server.url, connections, requests: varying(cycling(cachedUrls)) })
  const misser = () => ({ url: server.url, connections, requests: varying(missPath) })
  await Promise.all([
    once({ ...reader(), duration: Math.min(3, o.duration) }),
    once({ ...misser(), duration: Math.min(3, o.duration) }),
  ])
  const alone = []
  const beside = []
  const missing = []
  for (let r = 0; r < o.runs; r += 1) {
    await touch(server.url, cachedUrls)
    alone.push(await once({ ...reader(), duration: o.duration }))
    const [b, m] = await Promise.all([
      once({ ...reader(), duration: o.duration }),
      once({ ...misser(), duration: o.duration }),
    ])
    beside.push(b)
    missing.push(m)
  }
  check('cached reader alone', alone)
  check('cached reader beside misses', beside)
  check('cache-missing client', missing)
  return { readerAlone: summarise(alone), readerBeside: summarise(beside), misser: summarise(missing) }
}

/**
 * Target 6: a speaker embedded in 100 events (added to events until there are 100, as an admin),
 * saved as an editor: time until the PATCH returns, and until all 100 events' public answers
 * (depth 1, cached beforehand) show the change, polling them 10 at a time.
 */
export async function speakerPropagation(o, server, editorToken, embeddedIn = 100) {
  const { url, token } = server
  const admin = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  const first = (await json(`${url}/api/events?limit=1&depth=0&sort=createdAt`, { headers: admin })).docs[0]
  const speaker = first.speakers[0].speaker
  const using = async () =>
    (
      await json(`${url}/api/events?where[speakers.speaker][equals]=${speaker}&limit=100&depth=0&sort=createdAt`, {
        headers: admin,
      })
    ).docs
  let events = await using()
  if (events.length < embeddedIn) {
    log(`  adding speaker ${speaker} to ${embeddedIn - events.length} more events (it is in ${events.length})`)
    const have = new Set(events.map((e) => e.id))
    const others = []
    for (let page = 1; others.length < embeddedIn - events.length; page += 1) {
      const { docs } = await json(`${url}/api/events?limit=100&depth=0&sort=-createdAt&locale=en&page=${page}`, {
        headers: admin,
      })
      others.push(...docs.filter((e) => !have.has(e.id) && !e.speakers.some((row) => row.speaker === speaker)))
    }
    others.length = embeddedIn - events.length
    let next = 0
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < others.length) {
          const event = others[next++]
          const speakers = [
            ...event.speakers.map(({ id, speaker: s, role, topic }) => ({ id, speaker: s, role, topic })),
            { speaker, role: 'speaker', topic: 'Benchmark' },
          ]
          await json(`${url}/api/events/${event.id}?locale=en&depth=0`, {
            method: 'PATCH',
            headers: admin,
            body: JSON.stringify({ speakers, _status: 'published' }),
          })
        }
      }),
    )
    events = await using()
  }
  const publicUrls = events.slice(0, embeddedIn).map((e) => `/api/events/${e.id}?depth=1&locale=en`)
  const trials = []
  for (let r = 0; r < Math.max(3, o.runs); r += 1) {
    await touch(url, publicUrls)
    const position = `Benchmark position ${Date.now()}-${r}`
    const began = Date.now()
    const response = await fetch(`${url}/api/speakers/${speaker}?locale=en&depth=0`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${editorToken}` },
      body: JSON.stringify({ position }),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`speaker PATCH: ${response.status}`)
    const patchMs = Date.now() - began
    const pending = new Set(publicUrls)
    let polls = 0
    while (pending.size && Date.now() - began < 30_000) {
      const round = [...pending]
      let next = 0
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (next < round.length) {
            const p = round[next++]
            polls += 1
            if ((await fetch(url + p).then((res) => res.text())).includes(position)) pending.delete(p)
          }
        }),
      )
    }
    trials.push({ patchMs, visibleMs: pending.size ? null : Date.now() - began, stale: pending.size, polls })
  }
  const visible = trials.map((t) => t.visibleMs ?? Infinity)
  return {
    speaker,
    events: publicUrls.length,
    patchMs: median(trials.map((t) => t.patchMs)),
    visibleMs: median(visible) === Infinity ? null : median(visible),
    trials,
  }
}

/** Target 8's reference: bare express sending `bodyFile` from memory, measured like the cached list. */
export async function expressReference(o, bodyFile, connections = 50) {
  const port = 3990 + Math.floor(Math.random() * 9)
  const child = fork(path.join(root, 'bench/references/express.mjs'), {
    env: { ...process.env, PORT: String(port), BODY_FILE: bodyFile },
    stdio: 'ignore',
    execArgv: ['--no-warnings'],
  })
  await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`express.mjs exited with ${code}`)))
  })
  log(`  bare express, same bytes, c=${connections}`)
  try {
    return await measure('express reference', o, { url: `http://127.0.0.1:${port}/`, connections })
  } finally {
    child.kill()
  }
}

export const round = (value, places = 2) => Math.round(value * 10 ** places) / 10 ** places
