import type { CollectionSlug, Endpoint } from 'payload'

import { readRouteDocument, refuseBadQuery, requestedLocale } from '@/endpoints/request'
import { jsonForHtml } from '@/plugins/delivery/jsonForHtml'
import { notFound } from '@/utilities/errors'

type Build<T> = (doc: T, locale: string, serverUrl: string) => Record<string, unknown>

/**
 * GET /api/{collection}/{id}/jsonld?locale=: schema.org structured data for one document, read
 * with the requester's access, so nothing private or unpublished reaches a search engine.
 * Serialized so a frontend can paste it into a <script type="application/ld+json"> as it is.
 */
export const jsonLdEndpoint = <T>(collection: CollectionSlug, build: Build<T>, depth = 1): Endpoint => ({
  path: '/:id/jsonld',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const locale = requestedLocale(req)
    const doc = await readRouteDocument(req, collection, depth)
    if (!doc) return notFound()
    return new Response(jsonForHtml(build(doc as T, locale, req.payload.config.serverURL || 'http://localhost')), {
      headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
    })
  },
})
