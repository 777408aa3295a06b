import { Router } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { feedEndpoints } from '@/plugins/delivery/feedEndpoints'

import { toWebRequest, writeHeaders } from './publicReads'

/**
 * Calendars, press-release feeds and the sitemap at the site's root (`/feeds/events.ics`,
 * `/sitemap.xml`, `/sitemaps/:file`), answered by the Payload endpoints that serve them under
 * /api: a host without express gets the same feeds, and one implementation decides every answer.
 * The endpoint sees the root URL, so a feed's link to itself names the address it was read at.
 */
export function feedsRouter(payload: Payload): Router {
  const router = Router()
  router.get(
    feedEndpoints.map((endpoint) => endpoint.path),
    async (req, res) => {
      // Express answers HEAD with its GET route; Payload's router knows GET only, and Node drops the body.
      const request = new globalThis.Request(toWebRequest(req), { method: 'GET' })
      const response = await handleEndpoints({
        config: payload.config,
        request,
        path: `${payload.config.routes.api}${req.path}`,
      })
      res.status(response.status)
      writeHeaders(res, [...response.headers])
      res.end(Buffer.from(await response.arrayBuffer()))
    },
  )
  return router
}
