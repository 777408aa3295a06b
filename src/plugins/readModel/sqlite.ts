import crypto from 'node:crypto'

import { createArrayFromCommaDelineated, type Payload, type Where } from 'payload'

import { writeLockOf } from '@/utilities/serialTransactions'

import { TEXT_COLUMNS } from './fields'
import { indexedReads } from './indexedReads'
import type { StoreQuery } from './query'
import { BODY, type Client, column, DATES, depsOf, instant, pageBody, pageMeta, type StoreAnswer, TABLE } from './rows'

type Value = string | number
type Compiled = { sql: string; args: Value[] }

const DEPS_TABLE = 'public_snapshot_deps'
/** Changes kept for instances that have not read them yet; one further behind empties its whole cache. */
const KEPT_CHANGES = 5000

const newChangeId = () => crypto.randomBytes(9).toString('base64url')
const TEXTS = new Set<string>(['document', ...TEXT_COLUMNS])
const RANGE: Record<string, string> = {
  equals: '=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
}

const plain = (value: unknown): value is string => typeof value === 'string' && value !== '' && value !== 'null'

function condition(name: string, operator: string, operand: unknown): Compiled | undefined {
  if (DATES.has(name) && operator in RANGE) {
    const at = instant(operand)
    return at === undefined ? undefined : { sql: `${column(name)} ${RANGE[operator]} ?`, args: [at] }
  }
  if (TEXTS.has(name) && operator === 'equals' && plain(operand)) return { sql: `${column(name)} = ?`, args: [operand] }
  if (TEXTS.has(name) && operator === 'in') {
    const values = Array.isArray(operand)
      ? operand
      : typeof operand === 'string'
        ? createArrayFromCommaDelineated(operand)
        : undefined
    if (!values?.length || !values.every(plain)) return undefined
    return { sql: `${column(name)} IN (${values.map(() => '?').join(',')})`, args: values }
  }
  // As Payload's SQLite adapter reads `contains`: LIKE '%…%', wildcards in the operand left as they are.
  if (name === 'refs' && operator === 'contains' && plain(operand))
    return { sql: 'refs LIKE ?', args: [`%${operand}%`] }
  return undefined
}

/**
 * The snapshot `Where` that `whereOverSnapshots` builds, as SQL over the snapshot table, or
 * undefined for any shape outside the few it builds (the adapter's own query answers those).
 */
export function compileWhere(where: Where): Compiled | undefined {
  const parts: Compiled[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || !value.length) return undefined
      const inner = value.map((item) => compileWhere(item as Where))
      if (inner.some((item) => !item)) return undefined
      parts.push({
        sql: `(${inner.map((item) => item!.sql).join(key === 'and' ? ' AND ' : ' OR ')})`,
        args: inner.flatMap((item) => item!.args),
      })
      continue
    }
    if (!value || typeof value !== 'object') return undefined
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      const part = condition(key, operator, operand)
      if (!part) return undefined
      parts.push(part)
    }
  }
  if (!parts.length) return undefined
  return { sql: parts.map((part) => part.sql).join(' AND '), args: parts.flatMap((part) => part.args) }
}

/** The adapter's sort (`-startDate`, …) as ORDER BY, with the adapter's own last tie-break (the row id, newest first). */
function orderBy(sort: string[]): string | undefined {
  const terms: string[] = []
  for (const entry of sort) {
    const name = entry.replace(/^-/, '')
    if (!DATES.has(name)) return undefined
    terms.push(`${column(name)} ${entry.startsWith('-') ? 'DESC' : 'ASC'}`)
  }
  return [...terms, 'id DESC'].join(', ')
}

/** The answer of a query the SQL here does not cover: the adapter's own query is asked instead. */
export const NOT_COMPILED = Symbol('not compiled')

type Row = { body: ArrayBuffer | null; stale: number | null; expires_at: string | null; deps: string | null }

const usable = (row: Row, now: string) =>
  Boolean(row.body?.byteLength) && !row.stale && !(row.expires_at && row.expires_at <= now)

/**
 * The read model's queries written for SQLite and sent through the adapter's own client: the
 * generic adapter path costs more per request than the rest of the answer (it builds and
 * transforms a query for a table whose rows are sent as stored). Undefined on other adapters.
 */
export function sqliteStore(payload: Payload, transaction?: Client) {
  const db = payload.db as unknown as { name?: string; client?: Client }
  if (db.name !== 'sqlite') return undefined
  // Read at each call: the adapter makes its client when it connects, which may come after this.
  const client: Client = { execute: (statement) => (db.client as Client).execute(statement) }
  // Writes go into the write's own transaction where there is one; outside of one they wait for
  // the process's write lock, as a transaction does (src/utilities/serialTransactions.ts).
  const lock = writeLockOf(payload.db)
  const writer: Client =
    transaction ?? (lock ? { execute: (statement) => lock.run(() => client.execute(statement)) } : client)

  async function readLastChange(): Promise<number> {
    // The index's last entry (a `max(id)` reads every kept change).
    const { rows } = await client.execute({
      sql: `SELECT id FROM ${TABLE} WHERE collection = '_change' ORDER BY id DESC LIMIT 1`,
      args: [],
    })
    return Number(rows[0]?.id ?? 0)
  }
  // Every public read asks for this, and the statement costs more than the rest of a stored
  // answer. Those asked for during one turn of the event loop share one read, made once the
  // turn's I/O is handled (setImmediate): each request sharing it had arrived before it ran, so
  // none is answered from a state older than its own arrival. A write's transaction store reads at once.
  let batch: Promise<number> | undefined
  const lastChange = transaction
    ? readLastChange
    : (): Promise<number> =>
        (batch ??= new Promise((resolve, reject) =>
          setImmediate(() => {
            batch = undefined
            readLastChange().then(resolve, reject)
          }),
        ))
  // Only the store that answers reads keeps sort keys and bodies; a write's transaction store never reads them.
  const indexed = transaction ? undefined : indexedReads(client)

  return {
    /** Marks every row of these documents stale under a new token: one statement for many documents. */
    async markStale(collection: string, documents: string[], token: string): Promise<void> {
      for (let start = 0; start < documents.length; start += 500) {
        const chunk = documents.slice(start, start + 500)
        await writer.execute({
          sql: `UPDATE ${TABLE} SET stale = 1, token = ? WHERE collection = ? AND document IN (${chunk.map(() => '?').join(',')})`,
          args: [token, collection, ...chunk],
        })
      }
    },

    /** The stored documents that embed `key` (`collection:id`). */
    async dependentsOf(key: string): Promise<{ collection: string; document: string }[]> {
      const { rows } = await writer.execute({
        sql: `SELECT DISTINCT collection, document FROM ${DEPS_TABLE} WHERE dep = ?`,
        args: [key],
      })
      return rows.map((row) => ({ collection: String(row.collection), document: String(row.document) }))
    },

    /** Replaces what one stored document embeds (none: it is no longer stored). */
    async replaceDeps(collection: string, document: string, deps: string[]): Promise<void> {
      await writer.execute({
        sql: `DELETE FROM ${DEPS_TABLE} WHERE collection = ? AND document = ?`,
        args: [collection, document],
      })
      for (let start = 0; start < deps.length; start += 300) {
        const chunk = deps.slice(start, start + 300)
        await writer.execute({
          sql: `INSERT INTO ${DEPS_TABLE} (dep, collection, document) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
          args: chunk.flatMap((dep) => [dep, collection, document]),
        })
      }
    },

    /** Writes one document's row for a locale and depth (made, or changed in place), as the adapter would store it. */
    async upsertRow(data: Record<string, unknown>): Promise<void> {
      const names = Object.keys(data)
      const values = names.map((name) => {
        const value = data[name]
        if (typeof value === 'boolean') return value ? 1 : 0
        return value === undefined ? null : value
      })
      const columns = names.map(column)
      const updates = columns
        .filter((name) => !['collection', 'document', 'locale', 'depth'].includes(name))
        .map((name) => `${name} = excluded.${name}`)
      await writer.execute({
        sql: `INSERT INTO ${TABLE} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (collection, document, locale, depth) DO UPDATE SET ${updates.join(', ')}`,
        args: values as Value[],
      })
    },

    /** Keeps a rendered answer unless the row was invalidated since it was read (its token changed). */
    async keepRender(
      id: number | string,
      token: string | null | undefined,
      body: string,
      expiresAt: string | null,
    ): Promise<void> {
      await writer.execute({
        sql: `UPDATE ${TABLE} SET body = ?, stale = 0, expires_at = ? WHERE id = ? AND token IS ?`,
        args: [body, expiresAt as string, id, token as string],
      })
    },

    /**
     * Records that public answers made from these documents (`collection:id`) may have changed:
     * one row each, numbered in commit order by SQLite's row ids. Every instance reads the rows
     * after the last it saw before answering from its response cache.
     */
    async recordChanges(keys: string[]): Promise<void> {
      for (let start = 0; start < keys.length; start += 200) {
        const chunk = keys.slice(start, start + 200)
        await writer.execute({
          sql: `INSERT INTO ${TABLE} (collection, document, locale, depth, stale, deps) VALUES ${chunk.map(() => "('_change', ?, '-', 0, 0, ?)").join(', ')}`,
          args: chunk.flatMap((key) => [newChangeId(), key]),
        })
      }
      // Now and then, the oldest go; an instance that has not read them since clears its whole cache.
      if (Math.random() < 0.02) {
        const { rows } = await writer.execute({
          sql: `SELECT id FROM ${TABLE} WHERE collection = '_change' ORDER BY id DESC LIMIT 1 OFFSET ?`,
          args: [KEPT_CHANGES],
        })
        const upTo = rows[0]?.id as number | undefined
        if (upTo === undefined) return
        await writer.execute({ sql: `DELETE FROM ${TABLE} WHERE collection = '_change' AND id <= ?`, args: [upTo] })
        await writer.execute({
          sql: `INSERT INTO ${TABLE} (collection, document, locale, depth, stale, token) VALUES ('_pruned', 'changes', '-', 0, 0, ?) ON CONFLICT (collection, document, locale, depth) DO UPDATE SET token = excluded.token`,
          args: [String(upTo)],
        })
      }
    },

    /** The number of the last public change committed (0 before the first). */
    lastChange,

    /** The documents changed after `after` up to `upTo`, or undefined when some of those records are gone. */
    async changesSince(after: number, upTo: number): Promise<string[] | undefined> {
      const { rows: pruned } = await client.execute({
        sql: `SELECT token FROM ${TABLE} WHERE collection = '_pruned' AND document = 'changes' LIMIT 1`,
        args: [],
      })
      if (pruned[0] && Number(pruned[0].token) > after) return undefined
      const { rows } = await client.execute({
        sql: `SELECT deps FROM ${TABLE} WHERE collection = '_change' AND id > ? AND id <= ? ORDER BY id`,
        args: [after, upTo],
      })
      return [...new Set(rows.map((row) => String(row.deps)))]
    },

    async generation(): Promise<string> {
      const { rows } = await client.execute({
        sql: `SELECT token FROM ${TABLE} WHERE collection = '_generation' AND document = 'public' LIMIT 1`,
        args: [],
      })
      return (rows[0]?.token as string | undefined) ?? ''
    },

    /** The answer; undefined when a row is not current; NOT_COMPILED for a query not written here. */
    async answer(
      query: StoreQuery,
      embargoed: boolean,
      now: string,
      change?: number,
    ): Promise<StoreAnswer | undefined | typeof NOT_COMPILED> {
      // `change`, where the caller has just read it (the response cache does, before every answer), saves a statement.
      const fromIndex = indexed && (await indexed.answer(query, embargoed, change ?? (await lastChange())))
      if (fromIndex) return fromIndex
      const scope: Compiled[] = [
        { sql: 'collection = ? AND locale = ? AND depth = ?', args: [query.collection, query.locale, query.depth] },
      ]
      if (embargoed) scope.push({ sql: '(embargo_until IS NULL OR embargo_until <= ?)', args: [now] })
      if (query.id !== undefined) {
        const { rows } = await client.execute({
          sql: `SELECT ${BODY}, stale, expires_at, deps FROM ${TABLE} WHERE ${scope.map((part) => part.sql).join(' AND ')} AND document = ? LIMIT 1`,
          args: [...scope.flatMap((part) => part.args), query.id],
        })
        const row = rows[0] as Row | undefined
        return row && usable(row, now)
          ? { body: Buffer.from(row.body as ArrayBuffer), deps: [`${query.collection}:${query.id}`, ...depsOf([row])] }
          : undefined
      }
      if (query.where) {
        const where = compileWhere(query.where)
        if (!where) return NOT_COMPILED
        scope.push({ sql: `(${where.sql})`, args: where.args })
      }
      const order = orderBy(query.sort)
      if (!order) return NOT_COMPILED
      const filter = scope.map((part) => part.sql).join(' AND ')
      const args = scope.flatMap((part) => part.args)
      const offset = (query.page - 1) * query.limit
      const page = await client.execute({
        sql: `SELECT ${BODY}, stale, expires_at, deps FROM ${TABLE} WHERE ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
        args: [...args, query.limit, offset],
      })
      if (!page.rows.length || !(page.rows as Row[]).every((row) => usable(row, now))) return undefined
      // Stale rows are few: found through their own index, so the count stays an index scan.
      const counted = await client.execute({
        sql: `SELECT (SELECT count(*) FROM ${TABLE} WHERE ${filter}) AS total, EXISTS (SELECT 1 FROM ${TABLE} INDEXED BY public_snapshots_stale_idx WHERE stale = 1 AND ${filter}) AS stale`,
        args: [...args, ...args],
      })
      const { total, stale } = counted.rows[0] as { total: number; stale: number }
      if (stale) return undefined
      const body = pageBody(
        (page.rows as Row[]).map((row) => row.body as ArrayBuffer),
        pageMeta(query, Number(total)),
      )
      // Any change in the collection may change which documents a list holds.
      return { body, deps: [`${query.collection}:*`, ...new Set(depsOf(page.rows as Row[]))] }
    },
  }
}

export type SqliteStore = NonNullable<ReturnType<typeof sqliteStore>>
