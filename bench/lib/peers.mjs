// The peers (Strapi 5, Directus 11) through the scripts of /work/shared/peers (README.md there):
// start.sh / stop.sh / urls.sh, run from that folder; nothing of theirs is copied here.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const peerNames = ['strapi', 'directus']

export function peersTools(home, work) {
  // The peers run on the machine's node (their native modules, better-sqlite3 and sqlite3, are built
  // for it), not on the project's own Node 22 that `npm run` puts first in PATH (node_modules/.bin).
  const env = {
    ...process.env,
    PATH: (process.env.PATH ?? '')
      .split(':')
      .filter((dir) => !dir.includes('node_modules'))
      .join(':'),
  }
  const run = (script, ...args) =>
    execFileSync('bash', [path.join(home, script), ...args], {
      cwd: home,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  const isSetUp = (name) => fs.existsSync(path.join(work, name, 'node_modules'))
  const urls = () => {
    const found = {}
    for (const line of run('urls.sh', work).trim().split('\n')) {
      const [name, kind, url] = line.trim().split(/\s+/)
      found[name] = { ...found[name], [kind]: url }
    }
    return found
  }
  const pid = (name) => Number(fs.readFileSync(path.join(work, name, 'server.pid'), 'utf8').trim())
  return {
    home,
    work,
    isSetUp,
    urls,
    pid,
    start: (name) => run('start.sh', name, work).trim(),
    stop: (name) => run('stop.sh', name, work).trim(),
    stopAll: () => peerNames.filter(isSetUp).map((name) => run('stop.sh', name, work).trim()),
  }
}

/**
 * How each peer says the same things as Pressroom: the list filtered by "startDate at or after",
 * the median start date (so the lists are realistic), and every event's address for one-event reads.
 */
export const peerApi = {
  strapi: {
    listFrom: (list, instant) => `${list}&filters%5BstartDate%5D%5B%24gte%5D=${encodeURIComponent(instant)}`,
    async medianStart(base) {
      const total = (await get(`${base}/api/events?pagination%5BpageSize%5D=1`)).meta.pagination.total
      return (
        await get(
          `${base}/api/events?sort=startDate:asc&pagination%5BpageSize%5D=1&pagination%5Bpage%5D=${Math.max(1, Math.floor(total / 2))}`,
        )
      ).data[0].startDate
    },
    // Strapi 5 addresses a document by its documentId, read from the list API (pages of 100, its maximum).
    async oneUrls(base) {
      const urls = []
      for (let page = 1; ; page += 1) {
        const { data, meta } = await get(
          `${base}/api/events?fields%5B0%5D=documentId&sort=id:asc&pagination%5BpageSize%5D=100&pagination%5Bpage%5D=${page}`,
        )
        urls.push(...data.map((d) => `/api/events/${d.documentId}`))
        if (page >= meta.pagination.pageCount) return urls
      }
    },
  },
  directus: {
    listFrom: (list, instant) => `${list}&filter%5BstartDate%5D%5B_gte%5D=${encodeURIComponent(instant)}`,
    async medianStart(base) {
      const { data } = await get(`${base}/items/events?fields=startDate&sort=startDate&limit=-1`)
      return data[Math.floor(data.length / 2)].startDate
    },
    async oneUrls(base) {
      return (await get(`${base}/items/events?fields=id&sort=id&limit=-1`)).data.map((d) => `/items/events/${d.id}`)
    },
  },
}

async function get(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status} ${(await response.text()).slice(0, 200)}`)
  return response.json()
}
