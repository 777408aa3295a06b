import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { startBucket, type TestBucket } from '../helpers/s3'
import { type RunningServer, startServer } from '../helpers/server'

/**
 * The same uploads on both stores: the local disk (MEDIA_DIR), and an S3-compatible bucket served
 * by s3rver on loopback. Every size is stored, each goes out only through Payload's
 * access-checked file route, and a delete removes them all.
 */
describe.each(['disk', 's3'] as const)('media on %s', (kind) => {
  let server: RunningServer
  let bucket: TestBucket | undefined
  let mediaDir: string
  let editor: RestClient
  let anonymous: RestClient
  let token: string

  /** The names in the store, and a file's bytes, read from the store itself (not through Pressroom). */
  const stored = async (): Promise<string[]> =>
    bucket ? bucket.keys() : fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : []
  const bytesInStore = async (name: string): Promise<Buffer> =>
    bucket ? bucket.read(name) : fs.readFileSync(path.join(mediaDir, name))

  beforeAll(async () => {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-media-'))
    bucket = kind === 's3' ? await startBucket() : undefined
    server = await startServer({ SEED_ON_START: 'false', MEDIA_DIR: mediaDir, ...bucket?.env })
    const staff = await staffClients(server)
    ;({ editor, anonymous } = staff)
    token = `JWT ${(await anonymous.post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD })).body.token}`
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
    await bucket?.stop()
  })

  const upload = async (name: string, data: Record<string, unknown>) => {
    const image = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#a52' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), name)
    form.append('_payload', JSON.stringify(data))
    const response = await fetch(`${server.url}/api/media?depth=0`, {
      method: 'POST',
      body: form,
      headers: { authorization: token },
    })
    return { status: response.status, body: (await response.json()) as any }
  }
  const fetchFile = async (url: string, authorization?: string) => {
    const response = await fetch(`${server.url}${url}`, { headers: authorization ? { authorization } : {} })
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }
  }

  it('stores every size, serves each through the access-checked route only, and deletes them all', async () => {
    const { status, body } = await upload(`${kind}-photo.png`, { alt: 'A speaker at the lectern' })
    expect(status).toBe(201)
    const doc = body.doc
    const sizes = doc.sizes as Record<string, { filename: string; url: string; width: number }>
    expect(Object.keys(sizes).sort()).toEqual(['card', 'hero', 'social', 'thumbnail'])
    const files = [{ filename: doc.filename as string, url: doc.url as string }, ...Object.values(sizes)]
    expect(await stored()).toEqual(files.map((file) => file.filename).sort())
    // On S3 nothing lands on the disk; every URL is Payload's route, never the bucket's address.
    if (bucket) expect(fs.readdirSync(mediaDir)).toEqual([])
    for (const file of files) expect(file.url).toBe(`/api/media/file/${file.filename}`)

    for (const file of files) {
      const served = await fetchFile(file.url, token)
      expect(served.status).toBe(200)
      expect(served.bytes.equals(await bytesInStore(file.filename))).toBe(true)
    }
    expect((await sharp((await fetchFile(sizes.social.url, token)).bytes).metadata()).width).toBe(1200)

    // Not public, used by nothing public: refused to the public, the original and every size.
    for (const file of files) expect((await fetchFile(file.url)).status).toBe(403)
    // The photo of a public speaker is public; made internal, it is refused again.
    const speaker = await editor.post('/api/speakers?depth=0', {
      name: `Photo Speaker ${kind}`,
      visibility: 'public',
      consent: { given: true },
      photo: doc.id,
    })
    expect(speaker.status).toBe(201)
    for (const file of files) {
      const served = await fetchFile(file.url)
      expect(served.status).toBe(200)
      expect(served.bytes.equals(await bytesInStore(file.filename))).toBe(true)
    }
    expect(
      (await editor.patch(`/api/speakers/${speaker.body.doc.id}?depth=0`, { visibility: 'internal' })).status,
    ).toBe(200)
    for (const file of files) expect((await fetchFile(file.url)).status).toBe(403)

    expect((await editor.delete(`/api/speakers/${speaker.body.doc.id}`)).status).toBe(200)
    expect((await editor.delete(`/api/media/${doc.id}`)).status).toBe(200)
    expect(await stored()).toEqual([])
    // Payload answers a file missing from the disk with a 500 (and logs it); from a bucket, 404.
    for (const file of files) expect((await fetchFile(file.url, token)).status).toBe(kind === 's3' ? 404 : 500)
  })
})
