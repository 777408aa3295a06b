import type { Endpoint } from 'payload'

import { refuseBadQuery } from '@/endpoints/request'
import {
  type CalendarFilters,
  calendarFilters,
  feedTypes,
  localesOf,
  localizedFeeds,
  type PublicFeed,
  publicFeed,
  sitemapFileOf,
} from '@/plugins/delivery/publicFeeds'
import { badQuery, errorResponse, notFound } from '@/utilities/errors'

/**
 * The calendar, the press-release feeds and the sitemap as Payload endpoints
 * (`/api/feeds/events.ics`, `/api/feeds/press-releases.xml|atom`, `/api/sitemap.xml`), for a
 * host that runs Payload inside Next.js with no express server in front. The same builds and the
 * same public cache as the express routes at the site's root.
 */
const feedEndpoint = (feed: PublicFeed): Endpoint => ({
  path: feed === 'sitemap.xml' ? '/sitemap.xml' : `/feeds/${feed}`,
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const { codes, defaultLocale } = localesOf(req.payload)
    const asked = req.searchParams.get('locale') ?? defaultLocale
    if (localizedFeeds.includes(feed) && asked === 'all') {
      return errorResponse(400, `Feeds are in one locale: use one of ${codes.join(', ')}.`, { data: [] })
    }
    const locale = localizedFeeds.includes(feed) ? asked : defaultLocale
    const path = new URL(req.url ?? 'http://localhost/').pathname
    let filters: CalendarFilters = {}
    if (feed === 'events.ics') {
      const asked = await calendarFilters(req.payload, req.searchParams)
      if (asked.problems.length) return badQuery(asked.problems)
      filters = asked.filters
    }
    const entry = await publicFeed(req.payload, feed, { locale, path, filters })
    const { maxAge, type } = feedTypes[feed]
    const headers = { 'Cache-Control': `public, max-age=${maxAge}`, 'Content-Type': type, ETag: entry.etag }
    if (req.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers })
    return new Response(new Uint8Array(entry.body), { status: 200, headers })
  },
})

/** The files of a sitemap split beyond SITEMAP_URLS_PER_FILE URLs, which /api/sitemap.xml then lists. */
const sitemapFileEndpoint: Endpoint = {
  path: '/sitemaps/:file',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const file = sitemapFileOf(String(req.routeParams?.file ?? ''))
    const path = new URL(req.url ?? 'http://localhost/').pathname
    const entry =
      file === undefined
        ? undefined
        : await publicFeed(req.payload, 'sitemap.xml', { locale: localesOf(req.payload).defaultLocale, path, file })
    if (!entry || entry.status !== 200) return notFound()
    const { maxAge, type } = feedTypes['sitemap.xml']
    const headers = { 'Cache-Control': `public, max-age=${maxAge}`, 'Content-Type': type, ETag: entry.etag }
    if (req.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers })
    return new Response(new Uint8Array(entry.body), { status: 200, headers })
  },
}

export const feedEndpoints: Endpoint[] = [
  ...(Object.keys(feedTypes) as PublicFeed[]).map(feedEndpoint),
  sitemapFileEndpoint,
]
