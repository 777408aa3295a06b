import crypto from 'node:crypto'

import type { Where } from 'payload'

import { type KeyIndex, keyIndexOf, type KeyRow, type Range, rangeOf, rowsInRange } from './keyIndex'
import type { StoreQuery } from './query'
import { RowBodies } from './rowBodies'
import { BODY, type Client, column, DATES, depsOf, instant, pageBody, pageMeta, type StoreAnswer, TABLE } from './rows'

/**
 * Stored answers kept in memory: a page of a list is the same twenty rows for many instants, and
 * one document by id the same row for every query string. Least recently used go first, so a
 * working set larger than this misses on every read (docs/PERFORMANCE.md, target 3).
 */
const BODY_BYTES = 64 * 2 ** 20
/** After a scope was indexed with a row stale or expired (Payload answers for it), the next look. */
const RETRY_MS = 1000
/** Scopes indexed at most; one is a few hundred bytes per row. */
const MAX_SCOPES = 64

type Scope = { index?: KeyIndex; change: number; validUntil: number; triedAt: number; building?: Promise<void> }

/**
 * An ETag from what the bytes are made of: each row's version (its id, token and expiry name one
 * stored answer) and the pagination fields. Hashing a page's bytes cost more than reading them.
 */
export const versionTag = (rows: KeyRow[], meta: Record<string, unknown>): string =>
  `"v${crypto.hash('sha1', `${rows.map((row) => `${row.id}:${row.token}:${row.expires}`).join(',')}|${JSON.stringify(meta)}`, 'base64url')}"`

/**
 * The column and range of a list filtered only on its sort column, or undefined for any other
 * shape. The sort is one date, then creation newest first (the tie-break the query adds).
 */
export function rangeQueryOf(
  where: Where | undefined,
  sort: string[],
): { column: string; descending: boolean; range: Range } | undefined {
  if (sort.length > 2 || (sort.length === 2 && sort[1] !== '-docCreatedAt')) return undefined
  const name = sort[0].replace(/^-/, '')
  if (!DATES.has(name)) return undefined
  const conditions: [string, string][] = []
  const collect = (part: Where): boolean => {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'and') {
        if (
          !Array.isArray(value) ||
          !value.every((inner) => inner && typeof inner === 'object' && collect(inner as Where))
        )
          return false
        continue
      }
      if (key !== name || !value || typeof value !== 'object') return false
      for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
        const at = instant(operand)
        if (at === undefined) return false
        conditions.push([operator, at])
      }
    }
    return true
  }
  if (where && !collect(where)) return undefined
  const range = rangeOf(conditions)
  return range && { column: column(name), descending: sort[0].startsWith('-'), range }
}

/**
 * Answers from the store without its list statements: the sort keys of a scope in memory (see
 * keyIndex.ts), built from the table after the last public change this instance has seen and
 * dropped at the next one, and the rows' stored answers from memory or by id. Null when it
 * cannot answer exactly (a row stale, expired or changed meanwhile): the store's SQL answers.
 */
export function indexedReads(client: Client) {
  const scopes = new Map<string, Scope>()
  const bodies = new RowBodies(BODY_BYTES)

  async function build(
    scope: Scope,
    query: StoreQuery,
    name: string,
    embargoed: boolean,
    change: number,
  ): Promise<void> {
    const now = Date.now()
    const nowIso = new Date(now).toISOString()
    const { rows } = await client.execute({
      sql: `SELECT id, document, ${name} AS value, doc_created_at AS created, token, stale, expires_at, embargo_until FROM ${TABLE} WHERE collection = ? AND locale = ? AND depth = ?`,
      args: [query.collection, query.locale, query.depth],
    })
    scope.triedAt = now
    scope.change = change
    scope.index = undefined
    let validUntil = Number.POSITIVE_INFINITY
    let complete = true
    const keys: KeyRow[] = []
    for (const row of rows) {
      const expires = (row.expires_at as string | null) ?? null
      // Payload answers for a row that is stale or past its expiry, and for every list that could
      // hold it; the scope's other documents are still answered by id. Looked at again shortly,
      // since its new render may be written without a public change.
      if (row.stale || (expires && expires <= nowIso)) {
        complete = false
        validUntil = Math.min(validUntil, now + RETRY_MS)
        continue
      }
      if (expires) validUntil = Math.min(validUntil, Date.parse(expires))
      const embargo = row.embargo_until as string | null
      if (embargoed && embargo && embargo > nowIso) {
        validUntil = Math.min(validUntil, Date.parse(embargo))
        continue
      }
      keys.push({
        id: Number(row.id),
        document: String(row.document),
        value: (row.value as string | null) ?? null,
        created: (row.created as string | null) ?? null,
        token: (row.token as string | null) ?? null,
        expires,
      })
    }
    scope.index = keyIndexOf(keys, complete)
    scope.validUntil = validUntil
  }

  async function indexFor(
    query: StoreQuery,
    name: string,
    embargoed: boolean,
    change: number,
  ): Promise<KeyIndex | undefined> {
    const key = `${query.collection}|${query.locale}|${query.depth}|${name}|${embargoed}`
    let scope = scopes.get(key)
    if (scope?.index && scope.change === change && Date.now() < scope.validUntil) return scope.index
    if (!scope) {
      if (scopes.size >= MAX_SCOPES) scopes.delete(scopes.keys().next().value as string)
      scope = { change: -1, validUntil: 0, triedAt: 0 }
      scopes.set(key, scope)
    }
    if (
      !scope.building &&
      (scope.change !== change || Date.now() - scope.triedAt >= RETRY_MS || Date.now() >= scope.validUntil)
    ) {
      const building = build(scope, query, name, embargoed, change).finally(() => (scope.building = undefined))
      scope.building = building
    }
    await scope.building
    return scope.index && scope.change === change && Date.now() < scope.validUntil ? scope.index : undefined
  }

  /** The page's stored answers, each as current as the index says, or undefined when one is not. */
  async function bodiesOf(page: KeyRow[]): Promise<{ body: Buffer; deps: string | null }[] | undefined> {
    const found = page.map((row) => bodies.get(row.id, row.token, row.expires))
    const missing = page.filter((_, at) => !found[at])
    if (missing.length) {
      const { rows } = await client.execute({
        sql: `SELECT id, token, stale, expires_at, ${BODY}, deps FROM ${TABLE} WHERE id IN (${missing.map(() => '?').join(',')})`,
        args: missing.map((row) => row.id),
      })
      const byId = new Map(rows.map((row) => [Number(row.id), row]))
      for (const wanted of missing) {
        const row = byId.get(wanted.id)
        const body = row?.body as ArrayBuffer | null | undefined
        if (
          !row ||
          row.stale ||
          !body?.byteLength ||
          ((row.token as string | null) ?? null) !== wanted.token ||
          ((row.expires_at as string | null) ?? null) !== wanted.expires
        )
          return undefined
        bodies.set(wanted.id, {
          token: wanted.token,
          expires: wanted.expires,
          body: Buffer.from(body),
          deps: (row.deps as string | null) ?? null,
        })
      }
    }
    return page.map((row, at) => found[at] ?? bodies.get(row.id, row.token, row.expires)!)
  }

  return {
    /** `change`: the last public change committed, read during this request. */
    async answer(query: StoreQuery, embargoed: boolean, change: number): Promise<StoreAnswer | null> {
      if (query.id !== undefined) {
        const index = await indexFor(query, 'doc_created_at', embargoed, change)
        const row = index?.byDocument.get(query.id)
        if (!row) return null
        const [one] = (await bodiesOf([row])) ?? []
        return one
          ? { body: one.body, deps: [`${query.collection}:${query.id}`, ...depsOf([one])], etag: versionTag([row], {}) }
          : null
      }
      const shape = rangeQueryOf(query.where, query.sort)
      if (!shape) return null
      const index = await indexFor(query, shape.column, embargoed, change)
      if (!index?.complete) return null
      const rows = rowsInRange(index, shape.range, shape.descending)
      const offset = (query.page - 1) * query.limit
      const page = rows.slice(offset, offset + query.limit)
      // Payload shapes an empty page its own way: it answers those.
      if (!page.length) return null
      const found = await bodiesOf(page)
      if (!found) return null
      const meta = pageMeta(query, rows.length)
      return {
        body: pageBody(
          found.map((one) => one.body),
          meta,
        ),
        deps: [`${query.collection}:*`, ...new Set(depsOf(found))],
        etag: versionTag(page, meta),
      }
    },
  }
}
