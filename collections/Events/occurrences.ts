import { DateTime } from 'luxon'
import type { Endpoint, Where } from 'payload'

import { refuseBadQuery, requestedLocale } from '@/endpoints/request'
import type { QueryProblem } from '@/http/validateQuery'
import type { Event } from '@/payload-types'
import { badQuery } from '@/utilities/errors'
import { expandOccurrences, type Occurrence, type Series } from '@/utilities/recurrence'

/** The longest range one request may list: a year (and a leap day). */
export const MAX_RANGE_DAYS = 366
/** The most events (series or one-off) one range is expanded from. */
export const MAX_SERIES = 1000
const DEFAULT_LIMIT = 50

export type OccurrenceRange = { from: string; to: string }

/** The range of an occurrences request, or the problems with it (each with its parameter). */
export function occurrenceRange(params: URLSearchParams): { range?: OccurrenceRange; problems: QueryProblem[] } {
  const problems: QueryProblem[] = []
  const read = (name: 'from' | 'to') => {
    const values = params.getAll(name)
    if (values.length !== 1 || !values[0]) {
      problems.push({
        path: name,
        message: `${name} is required, once, as an ISO 8601 date or date-time (e.g. 2030-06-01 or 2030-06-01T00:00:00Z).`,
      })
      return undefined
    }
    const at = DateTime.fromISO(values[0], { zone: 'utc' })
    if (!at.isValid)
      problems.push({
        path: name,
        message: `${name} must be an ISO 8601 date or date-time, got "${values[0].slice(0, 60)}".`,
      })
    return at.isValid ? at : undefined
  }
  const from = read('from')
  const to = read('to')
  if (params.get('locale') === 'all')
    problems.push({ path: 'locale', message: 'Occurrences are listed in one locale: leave locale=all out.' })
  if (from && to) {
    if (to <= from) problems.push({ path: 'to', message: 'to must be after from.' })
    else if (to.diff(from, 'days').days > MAX_RANGE_DAYS)
      problems.push({
        path: 'to',
        message: `A range is at most ${MAX_RANGE_DAYS} days: ask for the next one with another request.`,
      })
  }
  if (problems.length || !from || !to) return { problems }
  return { range: { from: from.toISO()!, to: to.toISO()! }, problems }
}

export type OccurrenceDoc = Occurrence & { event: Event }

/** The events whose occurrences may fall in the range: one-off events overlapping it, and every series begun before its end. */
const candidates = ({ from, to }: OccurrenceRange): Where => ({
  and: [
    { _status: { equals: 'published' } },
    { startDate: { less_than: to } },
    { or: [{ endDate: { greater_than: from } }, { 'recurrence.frequency': { exists: true } }] },
  ],
})

/**
 * GET /api/events/occurrences?from=&to=&locale=&limit=&page=&depth=: every occurrence in the
 * range, sorted by start, each with its event and what changed for it (cancelled, moved, another
 * venue); a one-off event is one occurrence. Read with the requester's access and published
 * events only, so a draft series is not listed even to staff. No Cache-Control of its own: the
 * public cache keeps the answer and every public write removes it (the read model's change rows).
 */
export const eventOccurrences: Endpoint = {
  path: '/occurrences',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const { range, problems } = occurrenceRange(req.searchParams)
    if (!range) return badQuery(problems)
    const limit = Number(req.searchParams.get('limit') ?? DEFAULT_LIMIT)
    const page = Number(req.searchParams.get('page') ?? 1)
    const { docs } = await req.payload.find({
      collection: 'events',
      where: candidates(range),
      sort: 'startDate',
      limit: MAX_SERIES,
      depth: Number(req.searchParams.get('depth') ?? 1),
      locale: requestedLocale(req),
      overrideAccess: false,
      req,
    })
    const all: OccurrenceDoc[] = docs
      .flatMap((event) => expandOccurrences(event as Series, range).map((occurrence) => ({ ...occurrence, event })))
      .sort((a, b) => a.start.localeCompare(b.start) || String(a.event.id).localeCompare(String(b.event.id)))
    const totalPages = Math.max(1, Math.ceil(all.length / limit))
    return Response.json({
      docs: all.slice((page - 1) * limit, page * limit),
      totalDocs: all.length,
      limit,
      page,
      totalPages,
      pagingCounter: (page - 1) * limit + 1,
      hasPrevPage: page > 1,
      hasNextPage: page < totalPages,
      prevPage: page > 1 ? page - 1 : null,
      nextPage: page < totalPages ? page + 1 : null,
      range,
    })
  },
}
