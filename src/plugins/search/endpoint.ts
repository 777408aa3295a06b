import type { Endpoint } from 'payload'

import { refuseBadQuery } from '@/endpoints/request'
import { localesOf } from '@/plugins/delivery/publicFeeds'
import { badQuery } from '@/utilities/errors'

import { parseSearchParams, search } from './query'

/**
 * GET /api/search?q=&locale=&collections=&limit=&page=: ranked results with their collection,
 * title, summary and the path of their page, read with the requester's access. Anonymous
 * answers are kept in the public cache like every public read, and go with every public write.
 */
export const searchEndpoint = (searchable: string[]): Endpoint => ({
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const { codes, defaultLocale } = localesOf(req.payload)
    const parsed = parseSearchParams(req.searchParams, { searchable, locales: codes, defaultLocale })
    if ('problems' in parsed) return badQuery(parsed.problems)
    return Response.json({ ...(await search(req, parsed.params)), q: parsed.params.q, locale: parsed.params.locale })
  },
})
