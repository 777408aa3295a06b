import type { Payload, Where } from 'payload'

import { serverHost, serverURL } from '@/env'
import type { Event, PressRelease } from '@/payload-types'
import { syncedPublicCache } from '@/plugins/readModel/generation'
import { type CachedResponse, etagOf } from '@/utilities/publicCache'

import { atomWithLanguage, buildReleaseFeed } from './feeds'
import { frontendPaths } from './frontendUrl'
import { buildCalendar } from './ical'
import { alternatesOf, buildSitemap, buildSitemapIndex, type LocalizedDoc, sitemapItems, urlsPerFile } from './sitemap'

/**
 * The calendar, the press-release feeds and the sitemap, built the same way whichever route
 * serves them: the express server's `/feeds/…` and `/sitemap.xml`, or Payload's own endpoints
 * under `/api` for a host that runs Payload inside Next.js only.
 */

const FEED_SIZE = 50
/** Documents read per query while the sitemap is built. */
const SITEMAP_PAGE = 1_000

/** As long as a feed is kept: "upcoming" moves with the clock; writes purge it sooner. */
const FEED_TTL_MS = 5 * 60_000

/** A file of a split sitemap: `/sitemaps/2.xml` is file 2, anything else none. */
export const sitemapFileOf = (name: string): number | undefined => (/^[1-9]\d{0,5}\.xml$/.test(name) ? Number(name.slice(0, -4)) : undefined)

export type PublicFeed = 'events.ics' | 'press-releases.xml' | 'press-releases.atom' | 'sitemap.xml'

/** The feeds that are in one locale (the sitemap lists every locale). */
export const localizedFeeds: PublicFeed[] = ['events.ics', 'press-releases.xml', 'press-releases.atom']

export const feedTypes: Record<PublicFeed, { type: string; maxAge: number }> = {
  'events.ics': { type: 'text/calendar; charset=utf-8', maxAge: 300 },
  'press-releases.xml': { type: 'application/rss+xml; charset=utf-8', maxAge: 300 },
  'press-releases.atom': { type: 'application/atom+xml; charset=utf-8', maxAge: 300 },
  'sitemap.xml': { type: 'application/xml; charset=utf-8', maxAge: 600 },
}

/**
 * Where this CMS is, for a feed's link to itself: SERVER_URL, or this server on localhost when it
 * is unset. Never the request's Host or X-Forwarded-Proto: a feed built for one reader is cached
 * for all of them.
 */
export const ownOrigin = (): string => serverURL()?.replace(/\/$/, '') ?? `http://localhost:${process.env.PORT || 3000}`

/** The source locale and every content locale, as the host's localization config has them. */
export const localesOf = (payload: Payload): { defaultLocale: string; codes: string[] } => {
  const { localization } = payload.config
  if (!localization) return { defaultLocale: 'en', codes: ['en'] }
  return { defaultLocale: localization.defaultLocale, codes: localization.localeCodes }
}

const upcoming = (now = new Date()): Where => ({
  endDate: { greater_than_equal: now.toISOString() },
})

const publicRead = { overrideAccess: false, depth: 1 } as const

async function eventsCalendar(payload: Payload, locale: string): Promise<string> {
  const { docs } = await payload.find({ collection: 'events', where: upcoming(), sort: 'startDate', limit: 500, locale: locale as 'en', ...publicRead })
  return buildCalendar(docs as Event[], { name: 'Pressroom events', locale, host: serverHost() })
}

async function releaseFeed(payload: Payload, locale: string, format: 'xml' | 'atom', selfPath: string): Promise<string> {
  const { docs } = await payload.find({
    collection: 'press-releases',
    sort: '-releaseDate',
    limit: FEED_SIZE,
    locale: locale as 'en',
    // Only releases written in this language: no English text under a Russian language tag.
    fallbackLocale: false,
    where: { title: { exists: true } },
    ...publicRead,
  })
  const selfUrl = `${ownOrigin()}${selfPath}${locale === localesOf(payload).defaultLocale ? '' : `?locale=${locale}`}`
  const feed = buildReleaseFeed(docs as PressRelease[], { locale, selfUrl, host: serverHost() })
  return format === 'xml' ? feed.rss2() : atomWithLanguage(feed, locale)
}

const titleField: Record<string, string> = {
  events: 'title',
  'press-releases': 'title',
  projects: 'title',
  organisations: 'name',
  speakers: 'name',
}

/** Every page of the sitemap, once per generation of the public cache: the index and each file share one read. */
async function sitemapUrls(payload: Payload) {
  return (await syncedPublicCache(payload)).memo('sitemap urls', async () => {
    const { codes, defaultLocale } = localesOf(payload)
    const entries = []
    for (const collection of Object.keys(frontendPaths())) {
      if (!(collection in titleField) || !payload.collections[collection as 'events']) continue
      for (let page = 1; ; page += 1) {
        // Current slugs only: an old slug lives on as a redirect (GET /api/redirects), never here.
        const { docs, hasNextPage } = await payload.find({
          collection: collection as 'events',
          locale: 'all',
          limit: SITEMAP_PAGE,
          page,
          sort: 'id',
          depth: 0,
          overrideAccess: false,
          select: { slug: true, [titleField[collection]]: true, updatedAt: true } as never,
        })
        for (const doc of docs) entries.push(alternatesOf(collection, doc as unknown as LocalizedDoc, titleField[collection], codes))
        if (!hasNextPage) break
      }
    }
    return sitemapItems(
      entries.filter((entry) => entry.alternates.length),
      defaultLocale,
    )
  })
}

/**
 * The sitemap at `path`: one file while the pages fit in one (SITEMAP_URLS_PER_FILE, at most
 * 50,000), else an index of the files `…/sitemaps/1.xml`, `…/sitemaps/2.xml`, beside it.
 * `file` is one of those files; undefined when there is no such file.
 */
async function sitemap(payload: Payload, path: string, file?: number): Promise<string | undefined> {
  const items = await sitemapUrls(payload)
  const perFile = urlsPerFile()
  const files = Math.max(1, Math.ceil(items.length / perFile))
  if (file === undefined) {
    if (files === 1) return buildSitemap(items)
    const base = `${ownOrigin()}${path.replace(/\/sitemap\.xml$/, '')}`
    return buildSitemapIndex(files, (n) => `${base}/sitemaps/${n}.xml`)
  }
  if (files === 1 || file > files) return undefined
  return buildSitemap(items.slice((file - 1) * perFile, file * perFile))
}

/**
 * One feed, from the public cache: feeds are the same for every reader (always read as the
 * public), so one build serves all until a write purges the cache or the TTL ends. `path` is the
 * route it was asked on (the feed's link to itself); `cacheLocale` is the locale as asked, so that
 * other parameters (a tracker's utm_…, a cache-buster) share one entry and a client does not
 * choose how many entries it creates.
 */
export async function publicFeed(payload: Payload, feed: PublicFeed, { locale, path, file }: { locale: string; path: string; file?: number }): Promise<CachedResponse> {
  const key = `feed ${ownOrigin()}${path} ${locale}`
  return (await syncedPublicCache(payload)).remember(key, async (): Promise<CachedResponse> => {
    const text =
      feed === 'events.ics'
        ? await eventsCalendar(payload, locale)
        : feed === 'sitemap.xml'
          ? await sitemap(payload, file === undefined ? path : path.replace(/\/sitemaps\/\d+\.xml$/, '/sitemap.xml'), file)
          : await releaseFeed(payload, locale, feed === 'press-releases.xml' ? 'xml' : 'atom', path)
    if (text === undefined) {
      const body = Buffer.from(JSON.stringify({ errors: [{ message: 'Not Found' }] }))
      return { status: 404, headers: [['content-type', 'application/json; charset=utf-8']], body, etag: etagOf(body) }
    }
    const body = Buffer.from(text)
    return { status: 200, headers: [], body, etag: etagOf(body), expires: Date.now() + FEED_TTL_MS }
  })
}
