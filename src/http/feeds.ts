import { type Request, type Response, Router } from 'express'
import type { Payload, Where } from 'payload'

import { serverHost, serverURL } from '@/env'
import { defaultLocale, localeCodes } from '@/i18n/localization'
import type { Event, PressRelease } from '@/payload-types'
import { frontendPaths } from '@/utilities/delivery/frontendUrl'
import { buildReleaseFeed } from '@/utilities/delivery/feeds'
import { buildCalendar } from '@/utilities/delivery/ical'
import { syncedPublicCache } from '@/plugins/readModel/generation'
import { type CachedResponse, etagOf } from '@/utilities/publicCache'
import { alternatesOf, buildSitemap, type LocalizedDoc } from '@/utilities/delivery/sitemap'

import { checkQuery } from './validateQuery'

const FEED_SIZE = 50
const SITEMAP_MAX = 50_000

/** The locale asked for, or an answered 400; feeds have no `all`. */
function feedLocale(req: Request, res: Response): string | undefined {
  const problems = checkQuery(req.originalUrl)
  const locale = typeof req.query.locale === 'string' ? req.query.locale : defaultLocale
  if (problems.length || locale === 'all') {
    res.status(400).json({
      errors: [
        {
          message: problems[0]?.message ?? 'Feeds are in one locale: use one of en, ru, tg, kk, ky.',
          data: problems,
        },
      ],
    })
    return undefined
  }
  return locale
}

const upcoming = (now = new Date()): Where => ({
  endDate: { greater_than_equal: now.toISOString() },
})

/**
 * Where this CMS is, for a feed's link to itself: SERVER_URL, or this server on localhost when it
 * is unset. Never the request's Host or X-Forwarded-Proto: a feed built for one reader is cached
 * for all of them.
 */
const ownOrigin = (_req: Request): string => serverURL()?.replace(/\/$/, '') ?? `http://localhost:${process.env.PORT || 3000}`

/** As long as a feed is kept: "upcoming" moves with the clock; writes purge it sooner. */
const FEED_TTL_MS = 5 * 60_000

/**
 * Feeds are the same for every reader (always read as the public), so one build serves all
 * until a write purges the cache or the TTL ends; an If-None-Match that matches gets a 304.
 */
async function sendFeed(payload: Payload, req: Request, res: Response, type: string, maxAge: number, build: () => Promise<string>) {
  // One entry per feed and locale: other parameters (a tracker's utm_…, a cache-buster) change
  // nothing in the answer, and a client must not choose how many entries it creates.
  const key = `feed ${ownOrigin(req)}${req.path} ${typeof req.query.locale === 'string' ? req.query.locale : defaultLocale}`
  const entry = await (await syncedPublicCache(payload)).remember(key, async (): Promise<CachedResponse> => {
    const body = Buffer.from(await build())
    return { status: 200, headers: [], body, etag: etagOf(body), expires: Date.now() + FEED_TTL_MS }
  })
  res.type(type).set('Cache-Control', `public, max-age=${maxAge}`).set('ETag', entry.etag)
  if (req.headers['if-none-match'] === entry.etag) return res.status(304).end()
  res.send(entry.body)
}

/** Calendars, press-release feeds and the sitemap: public reads through Payload's access rules. */
export function feedsRouter(payload: Payload): Router {
  const router = Router()
  const publicRead = { overrideAccess: false, depth: 1 } as const

  router.get('/feeds/events.ics', async (req, res) => {
    const locale = feedLocale(req, res)
    if (!locale) return
    await sendFeed(payload, req, res, 'text/calendar; charset=utf-8', 300, async () => {
      const { docs } = await payload.find({
        collection: 'events',
        where: upcoming(),
        sort: 'startDate',
        limit: 500,
        locale: locale as 'en',
        ...publicRead,
      })
      return buildCalendar(docs as Event[], {
        name: 'Pressroom events',
        locale,
        host: serverHost(),
      })
    })
  })

  for (const format of ['xml', 'atom'] as const) {
    router.get(`/feeds/press-releases.${format}`, async (req, res) => {
      const locale = feedLocale(req, res)
      if (!locale) return
      const type = format === 'xml' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8'
      await sendFeed(payload, req, res, type, 300, async () => {
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
        const selfUrl = `${ownOrigin(req)}${req.path}${locale === defaultLocale ? '' : `?locale=${locale}`}`
        const feed = buildReleaseFeed(docs as PressRelease[], {
          locale,
          selfUrl,
          host: serverHost(),
        })
        return format === 'xml' ? feed.rss2() : feed.atom1()
      })
    })
  }

  router.get('/sitemap.xml', async (req, res) => {
    await sendFeed(payload, req, res, 'application/xml; charset=utf-8', 600, async () => {
      const titleField: Record<string, string> = {
        events: 'title',
        'press-releases': 'title',
        projects: 'title',
        organisations: 'name',
        speakers: 'name',
      }
      const entries = []
      for (const collection of Object.keys(frontendPaths())) {
        if (!(collection in titleField)) continue
        const { docs } = await payload.find({
          collection: collection as 'events',
          locale: 'all',
          limit: SITEMAP_MAX,
          depth: 0,
          overrideAccess: false,
          select: {
            slug: true,
            [titleField[collection]]: true,
            updatedAt: true,
          } as never,
        })
        for (const doc of docs) entries.push(alternatesOf(collection, doc as unknown as LocalizedDoc, titleField[collection], localeCodes))
      }
      return buildSitemap(
        entries.filter((entry) => entry.alternates.length),
        defaultLocale,
      )
    })
  })

  return router
}
