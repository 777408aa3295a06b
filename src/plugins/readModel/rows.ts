import { DATE_COLUMNS } from './fields'
import type { StoreQuery } from './query'

/** The store's table, as the SQLite adapter names `public-snapshots`. */
export const TABLE = 'public_snapshots'

/** The part of the adapter's libsql client the store's own SQL uses. */
export type Client = {
  execute: (statement: { sql: string; args: (string | number)[] }) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The store's date columns, as the adapter names them in SQL. */
export const DATES = new Set(Object.values(DATE_COLUMNS))

export const column = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** The instant Payload's SQLite adapter compares a date column with, or undefined where it would not compare one. */
export function instant(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString() : undefined
  if (typeof value !== 'string' || value === '' || value === 'null') return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** An answer from the store (the JSON's UTF-8 bytes) with the documents it was made from, for the response cache. */
export type StoreAnswer = { body: Buffer; deps: string[]; etag?: string }

/**
 * The stored bodies are read as bytes (`CAST(body AS BLOB)` is the text's UTF-8 as stored) and
 * joined as bytes: turning a page of strings into a Buffer again cost more than the query.
 */
export const BODY = 'CAST(body AS BLOB) AS body'
const COMMA = Buffer.from(',')

/** `{"docs":[…],…meta}` from the rows' bytes. */
export function pageBody(bodies: (ArrayBuffer | Buffer)[], meta: Record<string, unknown>): Buffer {
  const parts: Buffer[] = [Buffer.from('{"docs":[')]
  bodies.forEach((body, index) => {
    if (index) parts.push(COMMA)
    parts.push(Buffer.isBuffer(body) ? body : Buffer.from(body))
  })
  parts.push(Buffer.from(`],${JSON.stringify(meta).slice(1)}`))
  return Buffer.concat(parts)
}

/** The `collection:id` keys of what these rows' answers embed. */
export const depsOf = (rows: { deps?: string | null }[]): string[] =>
  rows.flatMap((row) => (row.deps ? row.deps.split('|').filter(Boolean) : []))

/** Payload's pagination fields for a page of `query` out of `totalDocs`. */
export function pageMeta(query: StoreQuery, totalDocs: number): Record<string, unknown> {
  const totalPages = Math.ceil(totalDocs / query.limit)
  const hasPrevPage = query.page > 1
  const hasNextPage = totalPages > query.page
  return {
    hasNextPage,
    hasPrevPage,
    limit: query.limit,
    nextPage: hasNextPage ? query.page + 1 : null,
    page: query.page,
    pagingCounter: (query.page - 1) * query.limit + 1,
    prevPage: hasPrevPage ? query.page - 1 : null,
    totalDocs,
    totalPages,
  }
}
