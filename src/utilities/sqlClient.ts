import type { Payload, PayloadRequest } from 'payload'

import { writeLockOf } from './serialTransactions'

type Value = string | number | null
export type SqlClient = {
  execute: (statement: { sql: string; args: Value[] }) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The libsql transaction behind one of the adapter's sessions (drizzle's transaction keeps it as `session.tx`). */
export function transactionClientOf(payload: Payload, id: number | string): SqlClient | undefined {
  const sessions = (payload.db as unknown as { sessions?: Record<string, { db?: { session?: { tx?: SqlClient } } }> })
    .sessions
  const tx = sessions?.[id]?.db?.session?.tx
  return tx && typeof tx.execute === 'function' ? tx : undefined
}

/** The SQLite adapter's own client, for reads a hot path writes in SQL; undefined on other adapters. */
export function sqlReaderOf(payload: Payload): SqlClient | undefined {
  const db = payload.db as unknown as { name?: string; client?: SqlClient }
  if (db.name !== 'sqlite') return undefined
  // Read at each call: the adapter makes its client when it connects, which may come after this.
  return { execute: (statement) => (db.client as SqlClient).execute(statement) }
}

/**
 * Where a write's own SQL goes on SQLite: into the write's database transaction when it runs in
 * one (its statements then commit or roll back with the document), else the adapter's client
 * under the process's write lock, as a transaction would be (src/utilities/serialTransactions.ts).
 * Undefined on other adapters, and inside a transaction whose client cannot be found (the caller
 * then writes through the adapter, which knows the transaction).
 */
export async function sqlWriterOf(req: PayloadRequest | undefined, payload: Payload): Promise<SqlClient | undefined> {
  const reader = sqlReaderOf(payload)
  if (!reader) return undefined
  // `req.transactionID` is a promise of null where the adapter opened none, and Payload's
  // dataloader may replace it with `{}`: only a string or a number is a transaction.
  const id = req ? await req.transactionID : undefined
  if (typeof id === 'string' || typeof id === 'number') return transactionClientOf(payload, id)
  const lock = writeLockOf(payload.db)
  return lock ? { execute: (statement) => lock.run(() => reader.execute(statement)) } : reader
}
