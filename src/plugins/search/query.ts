import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { QueryProblem } from '@/http/whereShape'
import { frontendPath } from '@/utilities/delivery/frontendUrl'
import { searchWords } from '@/utilities/searchText'

import { SEARCH_INDEX } from './collection'
import type { SearchRow } from './rows'

export const MAX_QUERY_LENGTH = 100
export const MAX_QUERY_WORDS = 8
export const MAX_SEARCH_LIMIT = 50
const MAX_PAGE = 1000

export type SearchParams = { q: string; words: string[]; locale: string; collections: string[]; limit: number; page: number }

const whole = (value: string, min: number, max: number): boolean => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max

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
  else if (q.length > MAX_QUERY_LENGTH) problems.push({ path: 'q', message: `q is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.` })
  else if (!words.length) problems.push({ path: 'q', message: 'q has no letters or digits to search for.' })
  else if (words.length > MAX_QUERY_WORDS) problems.push({ path: 'q', message: `q has ${words.length} words; at most ${MAX_QUERY_WORDS} are allowed.` })
  const locale = one('locale') ?? defaultLocale
  if (!locales.includes(locale)) problems.push({ path: 'locale', message: `Search is in one locale: use one of ${locales.join(', ')}.` })
  const asked = one('collections')
  const collections = asked === undefined ? searchable : [...new Set(asked.split(',').map((slug) => slug.trim()).filter(Boolean))]
  const unknown = collections.filter((slug) => !searchable.includes(slug))
  if (unknown.length || !collections.length) {
    problems.push({ path: 'collections', message: `${unknown.length ? `Not searchable: ${unknown.join(', ')}.` : 'collections is empty.'} Use a comma-separated list of ${searchable.join(', ')}.` })
  }
  const limit = one('limit') ?? '10'
  if (!whole(limit, 1, MAX_SEARCH_LIMIT)) problems.push({ path: 'limit', message: `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got "${limit}".` })
  const page = one('page') ?? '1'
  if (!whole(page, 1, MAX_PAGE)) problems.push({ path: 'page', message: `page must be a whole number from 1 to ${MAX_PAGE}, got "${page}".` })
  if (problems.length) return { problems }
  return { params: { q, words, locale, collections, limit: Number(limit), page: Number(page) } }
}

export type SearchResult = { collection: string; id: string; title: string; summary: string | null; slug: string | null; path: string | null; rank: 'title' | 'text' }

export type SearchAnswer = {
  docs: SearchResult[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

/**
 * `not_like` as each adapter needs it: MongoDB's is a regex, SQLite's (Payload 3.90) is `NOT LIKE`
 * without the wildcards its `like` adds, so they are added here. Words are letters and digits only.
 */
const notLike = (req: PayloadRequest, word: string): string => (req.payload.db.name === 'sqlite' ? `%${word}%` : word)

const select = { collection: true, document: true, title: true, summary: true, slug: true, slugLocale: true } as const

/**
 * Searches the index with the requester's own access (the index's read rule hides what the public
 * may not read yet). Ranked: documents with every word in their title first, then those with
 * every word somewhere in their text; newest first within each rank. Two indexed queries per rank,
 * each a `like` per word, so it runs the same on SQLite and MongoDB.
 */
export async function search(req: PayloadRequest, { words, locale, collections, limit, page }: SearchParams): Promise<SearchAnswer> {
  const base: Where[] = [{ locale: { equals: locale } }, ...(collections.length === 1 ? [{ collection: { equals: collections[0] } }] : [{ collection: { in: collections } }])]
  const inTitle: Where = { and: words.map((word) => ({ titleTerms: { like: word } })) }
  const tiers: Where[] = [
    { and: [...base, inTitle] },
    // The complement of the first rank: some word is missing from the title.
    { and: [...base, ...words.map((word) => ({ terms: { like: word } })), { or: words.map((word) => ({ titleTerms: { not_like: notLike(req, word) } })) }] },
  ]
  const read = (where: Where, pageOf: number, pagination = true) =>
    req.payload.find({ collection: SEARCH_INDEX as CollectionSlug, where, limit, page: pageOf, sort: ['-date', 'id'] as never, depth: 0, overrideAccess: false, req, select: select as never, pagination })
  const offset = (page - 1) * limit
  const found: (SearchRow & { rank: SearchResult['rank'] })[] = []
  let total = 0
  for (const [index, where] of tiers.entries()) {
    const rank = index === 0 ? 'title' : 'text'
    const from = Math.max(0, offset - total)
    const wanted = limit - found.length
    if (!wanted) {
      total += (await req.payload.count({ collection: SEARCH_INDEX as CollectionSlug, where, overrideAccess: false, req })).totalDocs
      continue
    }
    // This rank's rows from `from` on, read in pages of `limit`: at most two pages when `from` falls inside one.
    const first = await read(where, Math.floor(from / limit) + 1)
    const rows = (first.docs as unknown as SearchRow[]).slice(from % limit)
    if (rows.length < wanted && first.hasNextPage) rows.push(...((await read(where, first.page! + 1, false)).docs as unknown as SearchRow[]))
    found.push(...rows.slice(0, wanted).map((row) => ({ ...row, rank: rank as SearchResult['rank'] })))
    total += first.totalDocs
  }
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
