import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { isProduction } from './env'
import { migrations } from './migrations'
import { waitForOtherProcesses } from './utilities/busyTimeout'
import { indexLocaleParents } from './utilities/localeIndexes'
import { projectRoot } from './utilities/projectRoot'
import { reusePreparedStatements } from './utilities/reuseStatements'
import { serializeTransactions } from './utilities/serialTransactions'

type Env = Record<string, string | undefined>

export type DatabaseChoice = { kind: 'sqlite'; url: string; push: boolean } | { kind: 'mongodb'; url: string }

const MONGODB_SCHEME = /^mongodb(\+srv)?:\/\//

/**
 * Picks the database from `DATABASE_URI`. Development and production default to different
 * SQLite files: a file whose schema was pushed in development makes `payload migrate` stop at
 * an interactive prompt, so production must never open one.
 */
export function chooseDatabase(env: Env = process.env, root: string = projectRoot): DatabaseChoice {
  const uri = env.DATABASE_URI?.trim()
  if (uri && MONGODB_SCHEME.test(uri)) return { kind: 'mongodb', url: uri }
  const production = isProduction(env)
  if (uri && !uri.startsWith('file:')) {
    throw new Error(`DATABASE_URI must start with file:, mongodb:// or mongodb+srv://, got "${uri.split(':')[0]}:…".`)
  }
  const file = production ? 'pressroom.production.db' : 'pressroom.db'
  const url = uri || `file:${path.join(root, 'data', file)}`
  // The worker never changes the schema: the app instances push it (development) or migrate it
  // (production), and a second process pushing at the same time would race them.
  return { kind: 'sqlite', url, push: !production && env.PRESSROOM_ROLE !== 'worker' }
}

export const migrationDir = path.join(projectRoot, 'src', 'migrations')

/**
 * MongoDB options production needs: majority-acknowledged transactions (a replica set) and
 * indexes built on boot. No migrations: the SQLite ones describe tables MongoDB does not have.
 */
export const mongoOptions = (url: string): Parameters<typeof mongooseAdapter>[0] => ({
  url,
  ensureIndexes: true,
  transactionOptions: {
    readConcern: { level: 'majority' },
    readPreference: 'primary',
    writeConcern: { w: 'majority' },
  },
})

export function databaseAdapter(choice: DatabaseChoice = chooseDatabase()): DatabaseAdapterObj {
  if (choice.kind === 'mongodb') return mongooseAdapter(mongoOptions(choice.url))
  reusePreparedStatements()
  // Several processes on one file (instances, the worker, a backup): a writer waits for another's
  // write to end instead of failing at once with SQLITE_BUSY. Not the adapter's `busyTimeout`: it
  // sets the first connection only, and libsql opens a new one after every transaction.
  waitForOtherProcesses()
  const file = choice.url.replace(/^file:/, '')
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const adapter = sqliteAdapter({
    afterSchemaInit: [indexLocaleParents],
    client: { url: choice.url },
    migrationDir,
    // Production applies the committed migrations on boot; dev and tests push the schema.
    prodMigrations: migrations,
    push: choice.push,
    // A write that fails half-way across tables (or in an afterChange hook) is rolled back. libsql
    // begins every transaction IMMEDIATE, whatever is asked; serializeTransactions queues them.
    transactionOptions: {},
    wal: true,
  })
  const init = adapter.init
  return { ...adapter, init: (args) => serializeTransactions(init(args)) }
}
