import Database from 'libsql'

const PATCHED = Symbol.for('pressroom.reusePreparedStatements')
const CACHE = Symbol('pressroom.statements')

type Connection = InstanceType<typeof Database>
type Prepared = ReturnType<Connection['prepare']>
type WithCache = Connection & { [CACHE]?: Map<string, Prepared> }

/**
 * Makes each SQLite connection keep its prepared statements, by SQL text (least recently used
 * dropped beyond `limit`), instead of preparing every query anew, as @libsql/client does for every
 * execute. Each libsql statement holds ≈ 4 KB of native memory until V8 collects its small JS
 * wrapper, and V8 does not know about that memory, so statements prepared faster than it collects
 * pile up (tursodatabase/libsql-js#153; `node --expose-gc bench/libsql-memory.mjs` measures it, and
 * docs/PERFORMANCE.md has the figure; the memory goes back to the allocator, it is not kept). Reuse avoids the pile-up
 * and the compile. Kept small: a cached statement holds its compiled program. Safe because the one
 * caller, @libsql/client's executeStmt, sets the statement's modes (safe integers, raw rows)
 * before each use and reads every row synchronously.
 */
export function reusePreparedStatements(limit = 200): void {
  const prototype = Database.prototype as unknown as Record<symbol, boolean> & {
    prepare: (this: WithCache, sql: string) => Prepared
  }
  if (prototype[PATCHED]) return
  prototype[PATCHED] = true
  const prepare = prototype.prepare
  prototype.prepare = function (this: WithCache, sql: string): Prepared {
    const cache = (this[CACHE] ??= new Map())
    const hit = cache.get(sql)
    if (hit) {
      cache.delete(sql)
      cache.set(sql, hit)
      return hit
    }
    const statement = prepare.call(this, sql)
    cache.set(sql, statement)
    if (cache.size > limit) cache.delete(cache.keys().next().value as string)
    return statement
  }
}
