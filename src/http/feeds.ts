import { type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'

import {
  type CalendarFilters,
  calendarFilters,
  feedTypes,
  localesOf,
  localizedFeeds,
  type PublicFeed,
  publicFeed,
  sitemapFileOf,
} from '@/utilities/delivery/publicFeeds'
import { errorBody, queryErrorBody } from '@/utilities/errors'

import { checkQuery } from './validateQuery'

/** The locale asked for, or an answered 400; feeds have no `all`. */
function feedLocale(payload: Payload, req: Request, res: Response): string | undefined {
  const problems = checkQuery(req.originalUrl)
  const { codes, defaultLocale } = localesOf(payload)
  const locale = typeof req.query.locale === 'string' ? req.query.locale : defaultLocale
  if (problems.length || locale === 'all') {
    res.status(400).json(
      errorBody(problems[0]?.message ?? `Feeds are in one locale: use one of ${codes.join(', ')}.`, {
        data: problems,
      }),
    )
    return undefined
  }
  return locale
}

/** Calendars, press-release feeds and the sitemap at the site's root: public reads through Payload's access rules. */
export function feedsRouter(payload: Payload): Router {
  const router = Router()
  for (const feed of Object.keys(feedTypes) as PublicFeed[]) {
    const path = feed === 'sitemap.xml' ? '/sitemap.xml' : `/feeds/${feed}`
    router.get(path, async (req, res) => {
      const locale = localizedFeeds.includes(feed) ? feedLocale(payload, req, res) : localesOf(payload).defaultLocale
      if (!locale) return
      let filters: CalendarFilters = {}
      if (feed === 'events.ics') {
        const asked = await calendarFilters(payload, new URL(req.originalUrl, 'http://localhost').searchParams)
        if (asked.problems.length) return void res.status(400).json(queryErrorBody(asked.problems))
        filters = asked.filters
      }
      const entry = await publicFeed(payload, feed, { locale, path: req.path, filters })
      const { maxAge, type } = feedTypes[feed]
      res.type(type).set('Cache-Control', `public, max-age=${maxAge}`).set('ETag', entry.etag)
      if (req.headers['if-none-match'] === entry.etag) return res.status(304).end()
      res.send(entry.body)
    })
  }
  // The files of a sitemap split beyond SITEMAP_URLS_PER_FILE URLs, which /sitemap.xml then lists.
  router.get('/sitemaps/:file', async (req, res) => {
    const problems = checkQuery(req.originalUrl)
    if (problems.length) return void res.status(400).json(errorBody(problems[0].message, { data: problems }))
    const file = sitemapFileOf(req.params.file)
    const entry =
      file === undefined
        ? undefined
        : await publicFeed(payload, 'sitemap.xml', { locale: localesOf(payload).defaultLocale, path: req.path, file })
    if (!entry || entry.status !== 200) return void res.status(404).json(errorBody('Not Found'))
    const { maxAge, type } = feedTypes['sitemap.xml']
    res.type(type).set('Cache-Control', `public, max-age=${maxAge}`).set('ETag', entry.etag)
    if (req.headers['if-none-match'] === entry.etag) return void res.status(304).end()
    res.send(entry.body)
  })
  return router
}
