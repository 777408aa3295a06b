import type { CollectionSlug, PayloadRequest } from 'payload'

import type { QueryProblem } from '@/http/whereShape'
import { frontendPath } from '@/plugins/delivery/frontendUrl'
import { searchWords } from '@/utilities/searchText'

import { SEARCH_INDEX } from './collection'
import type { SearchRow } from './rows'
import { matchRows } from './wordStore'

export const MAX_QUERY_LENGTH = 100
export const MAX_QUERY_WORDS = 8
export const MAX_SEARCH_LIMIT = 50
const MAX_PAGE = 1000

export type SearchParams = {
  q: string
  words: string[]
  locale: string
  collections: string[]
  limit: number
  page: number
}

const whole = (value: string, min: number, max: number): boolean =>
  /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max

/**
 * The search's parameters, or what is wrong with them, each with its parameter's name. Pure:
 * `searchable` and `locales` are what this site indexes.
 */
export function parseSearchParams(
  params: URLSearchParams,
  { searchable, locales, defaultLocale }: { searchable: string[]; locales: string[]; defaultLocale: string },
): { params: SearchParams } | { problems: QueryProblem[] } {
  const problems: QueryProblem[] = []
  const one = (name: string): string | undefined => {
    const values = params.getAll(name)
    if (values.length > 1) problems.push({ path: name, message: `"${name}" must be given once.` })
    return values[0]
  }
  const q = (one('q') ?? '').trim()
  const words = searchWords(q)
  if (!q) problems.push({ path: 'q', message: 'q is required: the words to search for.' })
  else if (q.length > MAX_QUERY_LENGTH)
    problems.push({ path: 'q', message: `q is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.` })
  else if (!words.length) problems.push({ path: 'q', message: 'q has no letters or digits to search for.' })
  else if (words.length > MAX_QUERY_WORDS)
    problems.push({ path: 'q', message: `q has ${words.length} words; at most ${MAX_QUERY_WORDS} are allowed.` })
  const locale = one('locale') ?? defaultLocale
  if (!locales.includes(locale))
    problems.push({ path: 'locale', message: `Search is in one locale: use one of ${locales.join(', ')}.` })
  const asked = one('collections')
  const collections =
    asked === undefined
      ? searchable
      : [
          ...new Set(
            asked
              .split(',')
              .map((slug) => slug.trim())
              .filter(Boolean),
          ),
        ]
  const unknown = collections.filter((slug) => !searchable.includes(slug))
  if (unknown.length || !collections.length) {
    problems.push({
      path: 'collections',
      message: `${unknown.length ? `Not searchable: ${unknown.join(', ')}.` : 'collections is empty.'} Use a comma-separated list of ${searchable.join(', ')}.`,
    })
  }
  const limit = one('limit') ?? '10'
  if (!whole(limit, 1, MAX_SEARCH_LIMIT))
    problems.push({
      path: 'limit',
      message: `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got "${limit}".`,
    })
  const page = one('page') ?? '1'
  if (!whole(page, 1, MAX_PAGE))
    problems.push({ path: 'page', message: `page must be a whole number from 1 to ${MAX_PAGE}, got "${page}".` })
  if (problems.length) return { problems }
  return { params: { q, words, locale, collections, limit: Number(limit), page: Number(page) } }
}

export type SearchResult = {
  collection: string
  id: string
  title: string
  summary: string | null
  slug: string | null
  path: string | null
  rank: 'title' | 'text'
}

export type SearchAnswer = {
  docs: SearchResult[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

const select = { collection: true, document: true, title: true, summary: true, slug: true, slugLocale: true } as const

/**
 * Searches the index with the requester's own access. Ranked: documents with every word in their
 * title first, then those with every word somewhere in their text; newest first within each rank.
 * Each query word finds the words that start with it (src/plugins/search/words.ts), through one
 * index of `search-words`; the page's rows are then read from the index with the reader's access.
 */
export async function search(
  req: PayloadRequest,
  { words, locale, collections, limit, page }: SearchParams,
): Promise<SearchAnswer> {
  // The index's read rule decides which rows the reader may find: all, or those whose embargo has lifted.
  const rule = await req.payload.collections[SEARCH_INDEX as CollectionSlug].config.access.read({ req })
  const liftedAt = rule === true ? undefined : new Date().toISOString()
  const { page: matches, total } =
    rule === false
      ? { page: [], total: 0 }
      : await matchRows(req, { words, locale, collections, liftedAt, limit, offset: (page - 1) * limit })
  // Read as the reader: a row the rule above let through and Payload's own read would not is left out.
  const { docs } = matches.length
    ? await req.payload.find({
        collection: SEARCH_INDEX as CollectionSlug,
        where: { id: { in: matches.map((match) => match.row) } },
        limit: matches.length,
        pagination: false,
        depth: 0,
        overrideAccess: false,
        req,
        select: select as never,
      })
    : { docs: [] }
  const byId = new Map((docs as unknown as (SearchRow & { id: number | string })[]).map((row) => [String(row.id), row]))
  const found = matches.flatMap((match) => {
    const row = byId.get(match.row)
    return row ? [{ ...row, rank: (match.title ? 'title' : 'text') as SearchResult['rank'] }] : []
  })
  const totalPages = Math.max(1, Math.ceil(total / limit))
  return {
    docs: found.map((row) => ({
      collection: row.collection,
      id: row.document,
      title: row.title,
      summary: row.summary ?? null,
      slug: row.slug ?? null,
      path: frontendPath(row.collection, row.slug, row.slugLocale ?? locale) ?? null,
      rank: row.rank,
    })),
    totalDocs: total,
    limit,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
  }
}
