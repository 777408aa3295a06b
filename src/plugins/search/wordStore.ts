import type { PayloadRequest, Where } from 'payload'

import { sqlReaderOf, sqlWriterOf } from '@/utilities/sqlClient'

import { SEARCH_WORDS } from './collection'
import type { SearchRow } from './rows'
import { prefixRange, wordsOf } from './words'

const TABLE = 'search_words'

type Indexed = SearchRow & { id: number | string }

/** Removes the words of these index rows. */
export async function removeWords(req: PayloadRequest, rows: (number | string)[]): Promise<void> {
  if (!rows.length) return
  const ids = rows.map(String)
  const sql = await sqlWriterOf(req, req.payload)
  if (sql) {
    await sql.execute({ sql: `DELETE FROM ${TABLE} WHERE row IN (${ids.map(() => '?').join(',')})`, args: ids })
    return
  }
  await req.payload.db.deleteMany({ collection: SEARCH_WORDS, where: { row: { in: ids } }, req })
}

/** Writes the words of one index row (made just now, so it has none yet). */
export async function writeWords(req: PayloadRequest, row: Indexed): Promise<void> {
  const words = wordsOf(row).map(({ word, inTitle }) => ({
    word,
    locale: row.locale,
    row: String(row.id),
    collection: row.collection,
    inTitle,
    date: row.date,
    embargoUntil: row.embargoUntil,
  }))
  const sql = await sqlWriterOf(req, req.payload)
  if (sql) {
    // Many rows per statement: a long text has hundreds of words, and each statement costs.
    for (let start = 0; start < words.length; start += 100) {
      const chunk = words.slice(start, start + 100)
      await sql.execute({
        sql: `INSERT INTO ${TABLE} (word, locale, row, collection, in_title, date, embargo_until) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: chunk.flatMap((word) => [
          word.word,
          word.locale,
          word.row,
          word.collection,
          word.inTitle ? 1 : 0,
          word.date,
          word.embargoUntil,
        ]),
      })
    }
    return
  }
  for (const data of words) await req.payload.db.create({ collection: SEARCH_WORDS, data, req })
}

export type Match = { row: string; title: boolean }

export type MatchQuery = {
  words: string[]
  locale: string
  collections: string[]
  liftedAt?: string
  limit: number
  offset: number
}

/**
 * The index rows that have every query word at the start of one of their words, ranked as the
 * search answers: every word in the title first, then newest first, then oldest row first; one
 * page of them and how many there are. `liftedAt`: only rows whose embargo has lifted by then.
 */
export async function matchRows(req: PayloadRequest, query: MatchQuery): Promise<{ page: Match[]; total: number }> {
  const sql = sqlReaderOf(req.payload)
  return sql ? matchInSql(sql, query) : matchThroughAdapter(req, query)
}

async function matchInSql(
  sql: NonNullable<ReturnType<typeof sqlReaderOf>>,
  { words, locale, collections, liftedAt, limit, offset }: MatchQuery,
) {
  const scope = `locale = ? AND word >= ? AND word < ? AND collection IN (${collections.map(() => '?').join(',')})${liftedAt ? ' AND (embargo_until IS NULL OR embargo_until <= ?)' : ''}`
  // One range of the covering index per query word; a row matches when every word found it.
  const perWord = words
    .map(() => `SELECT row, MAX(in_title) AS t, MAX(date) AS date FROM ${TABLE} WHERE ${scope} GROUP BY row`)
    .join(' UNION ALL ')
  const args = words.flatMap((word) => {
    const { from, to } = prefixRange(word)
    return [locale, from, to, ...collections, ...(liftedAt ? [liftedAt] : [])]
  })
  const order = 'ORDER BY title DESC, date DESC NULLS LAST, CAST(row AS INTEGER) ASC LIMIT ? OFFSET ?'
  const asMatches = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({ row: String(row.row), title: Number(row.title) === 1 }))
  if (words.length === 1) {
    // One word (most searches): a top-N sort and a count of the index range, each cheaper than
    // the window the general query counts with (docs/PERFORMANCE.md, "Why the code is shaped so").
    const page = await sql.execute({
      sql: `SELECT row, t AS title, date FROM (${perWord}) ${order}`,
      args: [...args, limit, offset],
    })
    const counted = await sql.execute({ sql: `SELECT COUNT(DISTINCT row) AS total FROM ${TABLE} WHERE ${scope}`, args })
    return { page: asMatches(page.rows), total: Number(counted.rows[0]?.total ?? 0) }
  }
  const { rows } = await sql.execute({
    sql: `SELECT row, MIN(t) AS title, MAX(date) AS date, COUNT(*) OVER () AS total FROM (${perWord}) GROUP BY row HAVING COUNT(*) = ? ${order}`,
    args: [...args, words.length, limit, offset],
  })
  if (rows.length || !offset) return { page: asMatches(rows), total: Number(rows[0]?.total ?? 0) }
  // A page past the last: the count from the first.
  const counted = await sql.execute({
    sql: `SELECT COUNT(*) AS total FROM (SELECT row FROM (${perWord}) GROUP BY row HAVING COUNT(*) = ?)`,
    args: [...args, words.length],
  })
  return { page: [], total: Number(counted.rows[0]?.total ?? 0) }
}

/** The same through the adapter (MongoDB): each query word's words read, then matched here. */
async function matchThroughAdapter(
  req: PayloadRequest,
  { words, locale, collections, liftedAt, limit, offset }: MatchQuery,
) {
  const found = new Map<string, { title: boolean[]; date: string | null }>()
  for (const [index, word] of words.entries()) {
    const { from, to } = prefixRange(word)
    const where: Where = {
      and: [
        { locale: { equals: locale } },
        { word: { greater_than_equal: from } },
        { word: { less_than: to } },
        { collection: { in: collections } },
        ...(liftedAt
          ? [{ or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: liftedAt } }] }]
          : []),
      ],
    }
    const { docs } = await req.payload.db.find<{ row: string; inTitle: boolean; date?: string | null }>({
      collection: SEARCH_WORDS,
      where,
      limit: 0,
      pagination: false,
      req,
      select: { row: true, inTitle: true, date: true },
    })
    for (const doc of docs) {
      const entry =
        found.get(doc.row) ??
        (index === 0 ? { title: [], date: doc.date ? new Date(doc.date).toISOString() : null } : undefined)
      if (!entry || entry.title.length < index) continue
      entry.title[index] = Boolean(entry.title[index] || doc.inTitle)
      found.set(doc.row, entry)
    }
  }
  const matches = [...found].filter(([, entry]) => entry.title.length === words.length)
  matches.sort(([rowA, a], [rowB, b]) => {
    const title = Number(b.title.every(Boolean)) - Number(a.title.every(Boolean))
    if (title) return title
    if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1
    return rowA < rowB ? -1 : rowA > rowB ? 1 : 0
  })
  return {
    page: matches.slice(offset, offset + limit).map(([row, entry]) => ({ row, title: entry.title.every(Boolean) })),
    total: matches.length,
  }
}
