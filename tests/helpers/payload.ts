import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { getPayload, type Payload } from 'payload'

import type { User } from '@/payload-types'

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-production-checks'

/** A database nobody else uses: a SQLite file in `dir`, or a new database on TEST_DATABASE_URI (MongoDB). */
export function throwawayDatabaseUri(dir: string): string {
  const base = process.env.TEST_DATABASE_URI
  if (!base) return `file:${path.join(dir, 'pressroom.db')}`
  const url = new URL(base)
  url.pathname = `/pressroom_test_${crypto.randomBytes(4).toString('hex')}`
  return url.toString()
}

/** A fresh database and upload folder for one test file, set in the environment the config reads. */
export function useThrowawayDatabase(): { dir: string; uri: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-test-'))
  const uri = throwawayDatabaseUri(dir)
  process.env.DATABASE_URI = uri
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET ||= TEST_SECRET
  process.env.SEED_ON_START = 'false'
  return { dir, uri }
}

/**
 * Boots the real Payload config against a throwaway database; `cron` runs the jobs queue as the
 * server does. Call `stopPayload()` in afterAll.
 */
export async function startPayload({ cron = false } = {}): Promise<Payload> {
  useThrowawayDatabase()
  const { default: config } = await import('@payload-config')
  return getPayload({ config, cron })
}

/**
 * Drops a MongoDB test database (the adapter offers no Payload-level call for it, hence the
 * connection; test teardown only). SQLite files stay in the temp folder for post-mortems.
 */
export async function stopPayload(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  if (payload.db.name === 'mongoose') await (payload.db as unknown as MongooseAdapter).connection.dropDatabase()
  await payload.destroy()
}

export type Role = 'admin' | 'editor' | 'translator'

/** A real user of the role, created the way an admin would, returned as the Local API expects it. */
export async function createUser(
  payload: Payload,
  role: Role,
  extra: Partial<User> = {},
): Promise<User & { collection: 'users' }> {
  const email = `${role}-${crypto.randomBytes(3).toString('hex')}@pressroom.test`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'correct horse battery staple', name: `Test ${role}`, roles: [role], ...extra },
    overrideAccess: true,
  })
  return { ...user, collection: 'users' }
}
