import Database from 'libsql'

const PATCHED = Symbol.for('pressroom.busyTimeout')
const SET = Symbol('pressroom.busyTimeoutSet')

type Connection = InstanceType<typeof Database> & { [SET]?: boolean }

/**
 * Gives every SQLite connection a busy timeout, set as it prepares its first statement (libsql
 * opens a new connection after each transaction, and @libsql/client sets none: a write meeting
 * another process's lock failed at once with "database is locked"). Within one process the
 * writes queue on a promise first (serialTransactions.ts), so only another process's lock is
 * waited for here, and its holder runs on.
 */
export function waitForOtherProcesses(ms = 5000): void {
  const prototype = Database.prototype as unknown as Record<symbol, boolean> & {
    prepare: (this: Connection, sql: string, ...rest: unknown[]) => unknown
  }
  if (prototype[PATCHED]) return
  prototype[PATCHED] = true
  const prepare = prototype.prepare
  prototype.prepare = function (this: Connection, sql: string, ...rest: unknown[]) {
    if (!this[SET]) {
      this[SET] = true
      this.exec(`PRAGMA busy_timeout = ${Math.floor(ms)}`)
    }
    return prepare.call(this, sql, ...rest)
  }
}
