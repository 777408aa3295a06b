import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { projectRoot } from './projectRoot'

/** `file:/x/y.db` → `/x/y.db`; undefined for anything that is not a SQLite file. */
export const sqliteFile = (uri: string | undefined): string | undefined =>
  uri?.startsWith('file:') ? path.resolve(uri.slice('file:'.length)) : undefined

export const backupName = (now = new Date()) => `pressroom-${now.toISOString().replace(/[:.]/g, '-')}.db`

/**
 * An online backup of the SQLite database: `VACUUM INTO` writes a consistent copy while the
 * server keeps serving (WAL readers are not blocked). Goes through the adapter's own `execute`.
 */
export async function backupSqlite(payload: Payload, target = path.join(projectRoot, 'data', 'backups', backupName())): Promise<string> {
  if (payload.db.name !== 'sqlite') throw new Error('Online backups are for SQLite; for MongoDB use mongodump (see the README).')
  fs.mkdirSync(path.dirname(target), { recursive: true })
  if (fs.existsSync(target)) throw new Error(`${target} exists already.`)
  const db = payload.db as unknown as { execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>; drizzle: unknown }
  await db.execute({ drizzle: db.drizzle, raw: `VACUUM INTO '${target.replaceAll("'", "''")}'` })
  return target
}

/**
 * Puts a backup in place of the database file. The server must be stopped: the WAL and shared
 * memory files of the old database are removed so they cannot be replayed onto the restored one.
 */
export function restoreSqlite(backup: string, databaseFile: string): void {
  if (!fs.existsSync(backup)) throw new Error(`No backup at ${backup}.`)
  const header = Buffer.alloc(16)
  const fd = fs.openSync(backup, 'r')
  fs.readSync(fd, header, 0, 16, 0)
  fs.closeSync(fd)
  if (header.toString('latin1') !== 'SQLite format 3\u0000') throw new Error(`${backup} is not a SQLite database.`)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databaseFile}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  fs.copyFileSync(backup, `${databaseFile}.restoring`)
  fs.renameSync(`${databaseFile}.restoring`, databaseFile)
}
