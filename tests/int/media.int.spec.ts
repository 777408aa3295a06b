import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { MAX_UPLOAD_BYTES } from '../../collections/Media'
import { type RunningApp, startApp } from '../helpers/app'
import { type RestClient, staffClients } from '../helpers/rest'

// In this process, without Next.js: uploads and file downloads are the API's, and Payload's handler answers them.
describe('media uploads, over HTTP', () => {
  let server: RunningApp
  let editor: RestClient
  let token: string

  const upload = async (file: Blob, name: string, data: Record<string, unknown> = {}) => {
    const form = new FormData()
    form.append('file', file, name)
    form.append('_payload', JSON.stringify(data))
    const response = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      body: form,
      headers: { authorization: token },
    })
    return { status: response.status, body: (await response.json().catch(() => null)) as any }
  }
  const png = async (width = 1600, height = 1000) =>
    new Blob(
      [
        new Uint8Array(
          await sharp({ create: { width, height, channels: 3, background: '#246' } })
            .png()
            .toBuffer(),
        ),
      ],
      { type: 'image/png' },
    )

  beforeAll(async () => {
    server = await startApp()
    const staff = await staffClients(server)
    editor = staff.editor
    const login = await staff.anonymous.post('/api/users/login', {
      email: 'editor@pressroom.test',
      password: 'correct horse battery staple',
    })
    token = `JWT ${login.body.token}`
  })
  afterAll(() => server?.stop())

  it('stores an image with its alt text and makes every size, the social one 1200×630', async () => {
    const { status, body } = await upload(await png(), 'conference.png', {
      alt: 'Participants in the conference hall',
      credit: 'IPHR',
    })
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({
      alt: 'Participants in the conference hall',
      mimeType: 'image/png',
      width: 1600,
      height: 1000,
    })
    expect(body.doc.sizes.social).toMatchObject({ width: 1200, height: 630 })
    expect(body.doc.sizes.thumbnail).toMatchObject({ width: 320, height: 240 })
    expect(body.doc.sizes.hero.width).toBe(1600)
    const file = await fetch(`${server.url}${body.doc.sizes.social.url}`, { headers: { authorization: token } })
    expect(file.status).toBe(200)
    const bytes = Buffer.from(await file.arrayBuffer())
    expect((await sharp(bytes).metadata()).width).toBe(1200)
    expect(file.headers.get('content-type')).toBe('image/png')
    // HEAD: the same headers, the length of the file, and no body.
    const head = await fetch(`${server.url}${body.doc.sizes.social.url}`, {
      method: 'HEAD',
      headers: { authorization: token },
    })
    expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([
      200,
      String(bytes.length),
      0,
    ])
  })

  it('refuses an image without alt text, naming the field, and stores nothing', async () => {
    const before = (await editor.get('/api/media/count')).body.totalDocs
    const { status, body } = await upload(await png(200, 200), 'no-alt.png')
    expect(status).toBe(400)
    expect(body.errors[0].data.errors).toEqual([
      { label: 'Alt', message: 'Alternative text is required for images.', path: 'alt' },
    ])
    expect((await editor.get('/api/media/count')).body.totalDocs).toBe(before)
  })

  it('accepts a PDF without alt text', async () => {
    const pdf = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/release.pdf'))
    const { status, body } = await upload(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'release.pdf', {
      caption: 'The release as PDF',
    })
    expect(status).toBe(201)
    expect(body.doc.mimeType).toBe('application/pdf')
  })

  it('refuses SVG and other types with a message saying what is accepted', async () => {
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
      type: 'image/svg+xml',
    })
    const refused = await upload(svg, 'logo.svg', { alt: 'Logo' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([
      {
        path: 'file',
        message: 'SVG files (they can carry scripts) are not accepted: upload JPEG, PNG, WebP, AVIF or PDF.',
      },
    ])
    const text = await upload(new Blob(['plain text'], { type: 'text/plain' }), 'notes.txt', { alt: 'x' })
    expect(text.status).toBe(400)
    expect(text.body.errors[0].data.errors[0].message).toBe(
      'Files of type text/plain are not accepted: upload JPEG, PNG, WebP, AVIF or PDF.',
    )
    // A script renamed to .png and declared as an image: Payload sniffs the content and refuses it.
    const spoofed = await upload(new Blob(['<script>alert(1)</script>'], { type: 'image/png' }), 'photo.png', {
      alt: 'x',
    })
    expect(spoofed.status).toBe(400)
  })

  it('refuses a file over the size limit with 413', async () => {
    const big = new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1024)], { type: 'image/png' })
    const { status } = await upload(big, 'huge.png', { alt: 'Too big' })
    expect(status).toBe(413)
  })

  it('answered uploads, downloads and their refusals without Next.js', () => {
    expect(server.nextRequests).toEqual([])
  })
})
