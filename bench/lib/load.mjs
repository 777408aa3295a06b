// autocannon helpers: warm-up, medians of runs, the spread between runs (how noisy a figure is),
// and an RSS sampler for a process.
import fs from 'node:fs'

import autocannon from 'autocannon'

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const rssOf = (pid) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024
  } catch {
    return 0
  }
}

/** Samples a process's RSS every 250 ms; `mark(name)` starts a new section, `peaks` maps sections to their peak bytes. */
export function rssSampler(pid) {
  const peaks = {}
  let section = 'start'
  let peak = 0
  const tick = () => {
    const rss = rssOf(pid)
    peak = Math.max(peak, rss)
    peaks[section] = Math.max(peaks[section] ?? 0, rss)
  }
  const timer = setInterval(tick, 250)
  tick()
  return {
    mark: (name) => {
      section = name
      tick()
    },
    stop: () => {
      tick()
      clearInterval(timer)
      return { peak, peaks }
    },
  }
}

/** One autocannon run, the figures we keep. `requests` closures are shared, so counters carry on. */
export async function once({ url, connections, duration, ...options }) {
  // A 30 s timeout rather than autocannon's 10 s: past its capacity a server's latency is measured, not cut off.
  const result = await autocannon({ url, connections, duration, timeout: 30, ...options })
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

export const summarise = (samples) => {
  const rps = samples.map((s) => s.requestsPerSecond)
  const med = median(rps)
  return {
    requestsPerSecond: Math.round(med),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    // The runs' spread around the median, in per cent: how far one figure can be trusted.
    spreadPercent: med ? Math.round(((Math.max(...rps) - Math.min(...rps)) / med) * 100) : 0,
    runs: samples.map((s) => ({ requestsPerSecond: Math.round(s.requestsPerSecond), p50: s.p50, p99: s.p99 })),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    timeouts: samples.reduce((sum, s) => sum + s.timeouts, 0),
  }
}

/**
 * Fails loudly when answers were not 2xx: a figure of error pages measures nothing. Connection errors
 * and timeouts (a server past its capacity) are kept in the figures instead, and shown in the tables.
 */
export function check(name, samples) {
  const total = samples.reduce((sum, s) => sum + s.total, 0)
  const bad = samples.reduce((sum, s) => sum + s.non2xx, 0)
  if (bad > Math.max(5, total * 0.005)) throw new Error(`${name}: ${bad} of ${total} answers were not 2xx`)
}

/** A warm-up (discarded), then `runs` runs of `duration` s; medians. `options` is a function so each run gets fresh ones. */
export async function measure(name, { runs, duration, warmup = Math.min(3, duration) }, options) {
  const make = typeof options === 'function' ? options : () => options
  if (warmup > 0) await once({ ...make(), duration: warmup })
  const samples = []
  for (let r = 0; r < runs; r += 1) samples.push(await once({ duration, ...make() }))
  check(name, samples)
  return summarise(samples)
}

/**
 * A request list for autocannon in which `path(n)` makes each request's path. `n` is one counter for
 * the whole process, so a "new query string on every request" is never repeated by a later run,
 * warm-up or scenario (each of which would otherwise find the earlier run's answers in the cache).
 */
let counter = 0
export const varying = (path) => [{ setupRequest: (req) => ({ ...req, path: path(counter++) }) }]
