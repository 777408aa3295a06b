import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { TEST_SECRET } from '../helpers/payload'
import { PASSWORD, type RestClient, restClient, staffClients } from '../helpers/rest'
import { startBucket, type TestBucket } from '../helpers/s3'
import { type RunningServer, startServer } from '../helpers/server'

/**
 * `npm run backup` and `npm run restore` as an operator runs them, with the server's environment:
 * a backup of a server on the disk restores into an empty directory and into an empty bucket; a
 * server on the restored database and bucket answers every document and every file byte for byte;
 * and a backup taken from that bucket holds the same bytes.
 */
describe('backup and restore, database and media', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-backup-'))
  const source = {
    DATABASE_URI: `file:${path.join(dir, 'source', 'pressroom.db')}`,
    MEDIA_DIR: path.join(dir, 'source', 'media'),
  }
  let server: RunningServer
  let editor: RestClient
  let bucket: TestBucket

  const cli = (script: 'backup' | 'restore', arg: string, env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.resolve('node_modules/tsx/dist/cli.mjs'), `scripts/${script}.ts`, arg],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            NODE_OPTIONS: '',
            NODE_ENV: 'production',
            PAYLOAD_SECRET: TEST_SECRET,
            S3_BUCKET: '',
            ...env,
          },
          timeout: 90_000,
        },
        (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: out + err }),
      )
    })

  beforeAll(async () => {
    bucket = await startBucket('restored')
    server = await startServer({ SEED_ON_START: 'false', ...source })
    ;({ editor } = await staffClients(server))
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
    await bucket?.stop()
  })

  const upload = async (
    client: RunningServer,
    token: string,
    name: string,
    file: Blob,
    data: Record<string, unknown>,
  ) => {
    const form = new FormData()
    form.append('file', file, name)
    form.append('_payload', JSON.stringify(data))
    const response = await fetch(`${client.url}/api/media?depth=0`, {
      method: 'POST',
      body: form,
      headers: { authorization: token },
    })
    expect(response.status).toBe(201)
    return ((await response.json()) as any).doc
  }
  const bytesOf = async (target: RunningServer, token: string, url: string) => {
    const response = await fetch(`${target.url}${url}`, { headers: { authorization: token } })
    expect(response.status).toBe(200)
    return Buffer.from(await response.arrayBuffer())
  }
  const urlsOf = (doc: any): string[] =>
    [
      doc.url,
      ...Object.values((doc.sizes ?? {}) as Record<string, { url: string | null }>)
        .map((size) => size.url)
        .filter(Boolean),
    ] as string[]

  it('restores the documents and every file into an empty directory and an empty bucket', async () => {
    const login = async (target: RunningServer) =>
      `JWT ${(await restClient(target).post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD })).body.token}`
    const token = await login(server)
    const image = new Blob(
      [
        new Uint8Array(
          await sharp({ create: { width: 900, height: 700, channels: 3, background: '#384' } })
            .jpeg()
            .toBuffer(),
        ),
      ],
      { type: 'image/jpeg' },
    )
    const pdf = new Blob(
      [new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/release.pdf')))],
      { type: 'application/pdf' },
    )
    const media = [
      await upload(server, token, 'hall.jpg', image, { alt: 'The hall' }),
      await upload(server, token, 'release.pdf', pdf, { public: true }),
    ]
    const organisation = await editor.post('/api/organisations?depth=0', {
      name: 'Backed-up Organisation',
      organisationType: 'ngo',
      logo: media[0].id,
    })
    expect(organisation.status).toBe(201)
    const originals = new Map<string, Buffer>()
    for (const doc of media) for (const url of urlsOf(doc)) originals.set(url, await bytesOf(server, token, url))
    expect(originals.size).toBe(6)

    // Online, while the server runs.
    const backup = path.join(dir, 'backup')
    const made = await cli('backup', backup, source)
    expect([made.code, made.out]).toEqual([0, expect.stringContaining('the database and 6 files')])

    // Into an empty directory: the database and the files on the disk.
    const onDisk = {
      DATABASE_URI: `file:${path.join(dir, 'empty', 'pressroom.db')}`,
      MEDIA_DIR: path.join(dir, 'empty', 'media'),
    }
    expect((await cli('restore', backup, onDisk)).code).toBe(0)
    for (const doc of media)
      for (const url of urlsOf(doc)) {
        expect(
          fs
            .readFileSync(path.join(onDisk.MEDIA_DIR, decodeURIComponent(url.split('/').pop()!)))
            .equals(originals.get(url)!),
        ).toBe(true)
      }
    // Into an empty bucket, and a server there reads everything back.
    const inBucket = {
      DATABASE_URI: `file:${path.join(dir, 'bucket', 'pressroom.db')}`,
      MEDIA_DIR: path.join(dir, 'bucket', 'unused'),
      ...bucket.env,
    }
    expect(await bucket.keys()).toEqual([])
    const restored = await cli('restore', backup, inBucket)
    expect([restored.code, restored.out]).toEqual([0, expect.stringContaining('Restored 6 files to s3://restored')])

    const second = await startServer({ SEED_ON_START: 'false', ...inBucket })
    try {
      const secondToken = await login(second)
      const reader = restClient(second, secondToken)
      expect((await reader.get(`/api/organisations/${organisation.body.doc.id}?depth=0`)).body).toMatchObject({
        name: 'Backed-up Organisation',
        logo: media[0].id,
      })
      const listed = (await reader.get('/api/media?depth=0&sort=id')).body.docs
      expect(listed.map((doc: any) => [doc.filename, doc.public])).toEqual([
        ['hall.jpg', false],
        ['release.pdf', true],
      ])
      for (const doc of listed)
        for (const url of urlsOf(doc))
          expect((await bytesOf(second, secondToken, url)).equals(originals.get(url)!)).toBe(true)
      // Still public after the restore: the PDF ticked public, the image as a public organisation's logo.
      expect((await fetch(`${second.url}${media[1].url}`)).status).toBe(200)
      expect((await fetch(`${second.url}${media[0].sizes.thumbnail.url}`)).status).toBe(200)

      // A backup from the bucket holds the same bytes as the one from the disk.
      const again = await cli('backup', path.join(dir, 'from-bucket'), inBucket)
      expect(again.code).toBe(0)
      const manifest = (folder: string) =>
        (
          JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')).media as {
            key: string
            sha256: string
          }[]
        )
          .map(({ key, sha256 }) => `${key} ${sha256}`)
          .sort()
      expect(manifest(path.join(dir, 'from-bucket'))).toEqual(manifest(backup))
    } finally {
      await second.stop('SIGKILL')
    }
  })

  it('refuses a damaged backup and puts nothing in place', async () => {
    const backup = path.join(dir, 'backup')
    const [first] = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8')).media as { key: string }[]
    fs.appendFileSync(path.join(backup, 'media', first.key), 'x')
    const target = {
      DATABASE_URI: `file:${path.join(dir, 'damaged', 'pressroom.db')}`,
      MEDIA_DIR: path.join(dir, 'damaged', 'media'),
    }
    const result = await cli('restore', backup, target)
    expect([result.code, result.out]).toEqual([1, expect.stringContaining('does not match its manifest')])
    expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false)
  })
})
