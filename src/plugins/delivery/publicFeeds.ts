import type { Payload, Where } from 'payload'

import { calendarPastDays, serverHost, serverURL } from '@/env'
import { describedId, idKindOf, isValidId } from '@/http/ids'
import type { QueryProblem } from '@/http/whereShape'
import type { Event, PressRelease } from '@/payload-types'
import { syncedPublicCache } from '@/plugins/readModel/generation'
import { errorBody } from '@/utilities/errors'
import { type CachedResponse, etagOf } from '@/utilities/publicCache'

import { eventTypes } from '../../../collections/Events/eventTypes'
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
export const sitemapFileOf = (name: string): number | undefined =>
  /^[1-9]\d{0,5}\.xml$/.test(name) ? Number(name.slice(0, -4)) : undefined

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

/** What a calendar subscriber may narrow /feeds/events.ics to; every value checked by calendarFilters. */
export type CalendarFilters = { organisation?: string; project?: string; eventType?: string }

const FILTERS = { organisation: 'organisations', project: 'projects' } as const

/**
 * The calendar's filters from the query, or the problems with them: an unknown event type, or an
 * organisation or project that is not there for the public, is a 400 rather than an empty calendar
 * that a subscriber would never notice was wrong.
 */
export async function calendarFilters(
  payload: Payload,
  params: URLSearchParams,
): Promise<{ filters: CalendarFilters; problems: QueryProblem[] }> {
  const filters: CalendarFilters = {}
  const problems: QueryProblem[] = []
  const once = (name: string) => {
    const values = params.getAll(name)
    if (values.length > 1) problems.push({ path: name, message: `${name} must be given once.` })
    return values.length === 1 ? values[0] : undefined
  }
  const eventType = once('eventType')
  if (eventType !== undefined) {
    if ((eventTypes as readonly string[]).includes(eventType)) filters.eventType = eventType
    else
      problems.push({
        path: 'eventType',
        message: `Unknown event type "${eventType.slice(0, 60)}": use one of ${eventTypes.join(', ')}.`,
      })
  }
  for (const [name, collection] of Object.entries(FILTERS) as [keyof typeof FILTERS, 'organisations' | 'projects'][]) {
    const id = once(name)
    if (id === undefined) continue
    const kind = idKindOf(payload, collection)
    if (!isValidId(kind, id)) {
      problems.push({
        path: name,
        message: `${name} must be the id of one of the ${collection}, ${describedId[kind]}, got "${id.slice(0, 60)}".`,
      })
      continue
    }
    // As the public reads: a filter must not tell a subscriber that an unpublished project exists.
    const { totalDocs } = await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: false })
    if (totalDocs) filters[name] = id
    else problems.push({ path: name, message: `There is no public ${name} with the id ${id}.` })
  }
  return { filters, problems }
}

/** The filters as part of a cache key: one entry per distinct calendar, whatever else the URL carries. */
export const filtersKey = (filters: CalendarFilters): string =>
  (['organisation', 'project', 'eventType'] as const).map((name) => `${name}=${filters[name] ?? ''}`).join('&')

/**
 * Events still to come and those of the last CALENDAR_PAST_DAYS days (a subscriber's calendar
 * keeps its history instead of losing each event as it ends), and every series: a series begun
 * long ago may still have occurrences ahead.
 */
const calendarWhere = (filters: CalendarFilters, now = new Date()): Where => {
  const since = new Date(now.getTime() - calendarPastDays() * 86_400_000).toISOString()
  return {
    and: [
      { or: [{ endDate: { greater_than_equal: since } }, { 'recurrence.frequency': { exists: true } }] },
      ...(filters.eventType ? [{ eventType: { equals: filters.eventType } }] : []),
      ...(filters.project ? [{ project: { equals: filters.project } }] : []),
      ...(filters.organisation ? [{ 'organisations.organisation': { equals: filters.organisation } }] : []),
    ],
  }
}

const publicRead = { overrideAccess: false, depth: 1 } as const

async function eventsCalendar(payload: Payload, locale: string, filters: CalendarFilters): Promise<string> {
  const { docs } = await payload.find({
    collection: 'events',
    where: calendarWhere(filters),
    sort: 'startDate',
    limit: 500,
    locale: locale as 'en',
    ...publicRead,
  })
  return buildCalendar(docs as Event[], { name: 'Pressroom events', locale, host: serverHost() })
}

async function releaseFeed(
  payload: Payload,
  locale: string,
  format: 'xml' | 'atom',
  selfPath: string,
): Promise<string> {
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
        for (const doc of docs)
          entries.push(alternatesOf(collection, doc as unknown as LocalizedDoc, titleField[collection], codes))
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
export async function publicFeed(
  payload: Payload,
  feed: PublicFeed,
  { locale, path, file, filters = {} }: { locale: string; path: string; file?: number; filters?: CalendarFilters },
): Promise<CachedResponse> {
  const key = `feed ${ownOrigin()}${path} ${locale} ${filtersKey(filters)}`
  return (await syncedPublicCache(payload)).remember(key, async (): Promise<CachedResponse> => {
    const text =
      feed === 'events.ics'
        ? await eventsCalendar(payload, locale, filters)
        : feed === 'sitemap.xml'
          ? await sitemap(
              payload,
              file === undefined ? path : path.replace(/\/sitemaps\/\d+\.xml$/, '/sitemap.xml'),
              file,
            )
          : await releaseFeed(payload, locale, feed === 'press-releases.xml' ? 'xml' : 'atom', path)
    if (text === undefined) {
      const body = Buffer.from(JSON.stringify(errorBody('Not Found')))
      return { status: 404, headers: [['content-type', 'application/json; charset=utf-8']], body, etag: etagOf(body) }
    }
    const body = Buffer.from(text)
    return { status: 200, headers: [], body, etag: etagOf(body), expires: Date.now() + FEED_TTL_MS }
  })
}
