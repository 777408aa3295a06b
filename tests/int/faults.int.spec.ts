import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

import { createApp } from '@/http/createApp'
import { backupSqlite, restoreSqlite, sqliteFile } from '@/utilities/backup'

import { createUser, startPayload, stopPayload } from '../helpers/payload'
import { PASSWORD, staffClients } from '../helpers/rest'
import { startServer } from '../helpers/server'

/** PRAGMA integrity_check, read straight from the file: the one thing no Payload API answers. */
async function integrity(file: string): Promise<string> {
  const client = createClient({ url: `file:${file}` })
  const { rows } = await client.execute('PRAGMA integrity_check')
  client.close()
  return String(rows[0][0])
}

const sqlite = !process.env.TEST_DATABASE_URI
const onSqlite = sqlite ? describe : describe.skip

onSqlite('when the server is killed during writes', () => {
  it('keeps every write it acknowledged, and the database stays intact', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-kill-'))
    const env = {
      DATABASE_URI: `file:${path.join(dir, 'pressroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      SEED_ON_START: 'false',
    }
    const first = await startServer(env)
    const { editor } = await staffClients(first)
    const acknowledged: number[] = []
    let stop = false
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const reply = await editor
          .post('/api/organisations', { name: `Org ${n}-${i}`, organisationType: 'ngo' })
          .catch(() => undefined)
        if (reply?.status === 201) acknowledged.push(reply.body.doc.id)
      }
    }
    const writers = Array.from({ length: 8 }, (_, n) => writer(n))
    // Killed once a dozen writes are acknowledged, with eight more in flight (a busy machine
    // acknowledges fewer in a fixed time).
    for (const started = Date.now(); acknowledged.length < 12 && Date.now() - started < 20_000;)
      await new Promise((resolve) => setTimeout(resolve, 50))
    first.child.kill('SIGKILL')
    stop = true
    await Promise.all(writers)
    await first.stop()
    expect(acknowledged.length).toBeGreaterThan(10)

    expect(await integrity(path.join(dir, 'pressroom.db'))).toBe('ok')
    const second = await startServer(env)
    const login = await fetch(`${second.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@pressroom.test', password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const ids = new Set<number>()
    for (let page = 1; ; page++) {
      const reply = (await (
        await fetch(`${second.url}/api/organisations?limit=500&page=${page}&depth=0&select[name]=true`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).json()) as { docs: { id: number }[]; hasNextPage: boolean }
      reply.docs.forEach((doc) => ids.add(doc.id))
      if (!reply.hasNextPage) break
    }
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([])
    await second.stop('SIGKILL')
  })
})

type SqliteAdapter = { client?: { close: () => void }; connect: () => Promise<void> }

/** Drops the adapter's connection, as a lost database would, and later opens a new one. */
const disconnect = (payload: Payload) => {
  const db = payload.db as unknown as SqliteAdapter
  db.client?.close()
  return async () => {
    db.client = undefined
    await db.connect()
  }
}

onSqlite('the database going away and coming back', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await startPayload()
  })
  afterAll(() => stopPayload(payload))

  it('turns /readyz 503 while the database is unreachable and 200 again when it returns, without a restart', async () => {
    const app = createApp({ payload, handle: (_req, res) => void res.status(404).end() })
    const server = http.createServer(app).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`
    expect((await fetch(url)).status).toBe(200)
    const reconnect = disconnect(payload)
    const down = await fetch(url)
    expect(down.status).toBe(503)
    expect(((await down.json()) as { status: string }).status).toBe('unavailable')
    await reconnect()
    expect((await fetch(url)).status).toBe(200)
    server.close()
  })

  it('makes an online backup that restores the database as it was', async () => {
    const admin = await createUser(payload, 'admin')
    const kept = await payload.create({
      collection: 'organisations',
      data: { name: 'Before the backup', organisationType: 'ngo' },
      user: admin,
      overrideAccess: false,
    })
    const file = await backupSqlite(
      payload,
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-backup-')), 'backup.db'),
    )
    expect(await integrity(file)).toBe('ok')
    await payload.create({
      collection: 'organisations',
      data: { name: 'After the backup', organisationType: 'ngo' },
      user: admin,
      overrideAccess: false,
    })

    const reconnect = disconnect(payload)
    restoreSqlite(file, sqliteFile(process.env.DATABASE_URI)!)
    await reconnect()
    const names = (await payload.find({ collection: 'organisations', depth: 0 })).docs.map((doc) => doc.name)
    expect(names).toEqual([kept.name])
    expect(() => restoreSqlite(path.join(import.meta.dirname, 'faults.int.spec.ts'), '/tmp/x.db')).toThrow(
      /not a SQLite database/,
    )
  })
})
