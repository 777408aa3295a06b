import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { compiledServer, type RunningServer, startServer } from '../helpers/server'

type Json = Record<string, any>

describe('the compiled production server', () => {
  let server: RunningServer
  let token: string

  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...init.headers,
      },
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Json }
  }
  const anonymous = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    })
    return { status: response.status, body: (await response.json()) as Json }
  }

  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })

  it('serves the admin panel, which asks for the first user', async () => {
    const admin = await fetch(`${server.url}/admin`)
    expect(admin.status).toBe(200)
    const page = await fetch(`${server.url}/admin/create-first-user`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('create-first-user')
  })

  it('serves the seeded conference at /api/events to anonymous readers', async () => {
    const { status, body } = await anonymous('/api/events?depth=1')
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(1)
    const [event] = body.docs
    expect(event.title).toBe('Regional Conference: The Role of Civil Society in the Prevention of Torture')
    expect(event.timezone).toBe('Asia/Dushanbe')
    expect(event.speakers.map((row: Json) => row.speaker.name)).toEqual([
      'Margus Solnson',
      'Markus Mueller',
      'Parviz Mullodzhanov',
      'Elena Volochay',
    ])
    const ru = await anonymous(`/api/events/${event.id}?locale=ru&depth=0`)
    expect(ru.body.title).toBe('Региональная конференция: роль гражданского общества в предупреждении пыток')
  })

  it('makes the first registered user an admin, who can then log in', async () => {
    const first = await anonymous('/api/users/first-register', {
      method: 'POST',
      body: JSON.stringify({
        email: 'admin@pressroom.test',
        password: 'correct horse battery staple',
        name: 'First Admin',
      }),
    })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['admin'])
    const login = await anonymous('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'admin@pressroom.test', password: 'correct horse battery staple' }),
    })
    expect(login.status).toBe(200)
    token = login.body.token
    expect(typeof token).toBe('string')
  })

  it('refuses anonymous writes', async () => {
    const { status } = await anonymous('/api/organisations', {
      method: 'POST',
      body: JSON.stringify({ name: 'Nobody' }),
    })
    expect(status).toBe(403)
  })

  it('answers a bad value with 400, the field path and a readable message, and stores nothing', async () => {
    const before = await api('/api/events?limit=1&draft=true')
    const { status, body } = await api('/api/events', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Broken',
        startDate: '2026-06-02T10:00:00.000Z',
        endDate: '2026-06-01T10:00:00.000Z',
        timezone: 'Mars/Olympus',
        venue: { country: 'XX' },
        onlineUrl: 'not a url',
      }),
    })
    expect(status).toBe(400)
    const fields = body.errors[0].data.errors as { path: string; message: string }[]
    expect(Object.fromEntries(fields.map(({ path, message }) => [path, message]))).toEqual({
      endDate: 'The end must not be before the start date.',
      timezone: expect.stringContaining('"Mars/Olympus" is not an IANA time zone'),
      'venue.country': expect.stringContaining('"XX" is not an ISO 3166-1 alpha-2 country code'),
      onlineUrl: expect.stringContaining('"not a url" is not a valid web address'),
    })
    const after = await api('/api/events?limit=1&draft=true')
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
  })

  it('keeps an internal speaker out of every public read over REST and GraphQL', async () => {
    const hidden = await api('/api/speakers', {
      method: 'POST',
      body: JSON.stringify({ name: 'Hidden Witness', visibility: 'internal', consent: { given: false } }),
    })
    expect(hidden.status).toBe(201)
    const events = await api('/api/events?depth=0')
    const event = events.body.docs[0]
    const patched = await api(`/api/events/${event.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ speakers: [...event.speakers, { speaker: hidden.body.doc.id, role: 'discussant' }] }),
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.speakers).toHaveLength(5)

    const publicEvent = await anonymous(`/api/events/${event.id}?depth=1`)
    expect(JSON.stringify(publicEvent.body)).not.toContain('Hidden Witness')
    expect(publicEvent.body.speakers).toHaveLength(4)
    expect(publicEvent.body.speakers.map((row: Json) => row.speaker.id)).not.toContain(hidden.body.doc.id)
    const publicSpeakers = await anonymous('/api/speakers?limit=100')
    expect(publicSpeakers.body.docs.map((doc: Json) => doc.name)).not.toContain('Hidden Witness')
    expect((await anonymous(`/api/speakers/${hidden.body.doc.id}`)).status).toBe(404)

    const graphql = await anonymous('/api/graphql', {
      method: 'POST',
      body: JSON.stringify({
        query: '{ Events { docs { speakers { speaker { id name } } } } Speakers(limit: 100) { docs { name } } }',
      }),
    })
    expect(graphql.status).toBe(200)
    expect(JSON.stringify(graphql.body)).not.toContain('Hidden Witness')
    expect(graphql.body.data.Events.docs[0].speakers).toHaveLength(4)
  })

  it('answers impossible query parameters with 400 and the parameter, not a silent fallback', async () => {
    const problem = async (query: string) => {
      const { status, body } = await anonymous(`/api/events?${query}`)
      return {
        status,
        paths: (body.errors[0].data as { path: string }[]).map((item) => item.path),
        message: body.errors[0].message as string,
      }
    }
    expect(await problem('locale=xx')).toEqual({
      status: 400,
      paths: ['locale'],
      message: 'Unknown locale "xx": use one of en, ru, tg, kk, ky, or all.',
    })
    expect(await problem('depth=100')).toMatchObject({ status: 400, paths: ['depth'] })
    expect(await problem('limit=0')).toMatchObject({ status: 400, paths: ['limit'] })
    expect(await problem('where[nope][equals]=1')).toEqual({
      status: 400,
      paths: ['nope'],
      message: 'The following path cannot be queried: nope',
    })
    expect(await problem('where[title][bogus]=1')).toMatchObject({ status: 400, paths: ['title.bogus'] })
    // No oracle on hidden fields: the same refusal whether or not anything would match.
    const users = await anonymous('/api/users?where[email][like]=admin')
    expect(users.status).toBe(403)
    expect(await problem('where[createdBy.email][like]=admin')).toMatchObject({ status: 400 })
  })

  it('serves every collection through GraphQL', async () => {
    const query = `{
      Events { totalDocs } Speakers { totalDocs } PressReleases { totalDocs } DonorNotices { totalDocs }
      Organisations { totalDocs } Projects { totalDocs } allMedia { totalDocs } Users { totalDocs }
    }`
    const { status, body } = await api('/api/graphql', { method: 'POST', body: JSON.stringify({ query }) })
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data).toMatchObject({
      Events: { totalDocs: 1 },
      PressReleases: { totalDocs: 1 },
      DonorNotices: { totalDocs: 1 },
      Organisations: { totalDocs: 11 },
      Projects: { totalDocs: 1 },
      Users: { totalDocs: 1 },
    })
    expect(body.data.Speakers.totalDocs).toBe(6)
  })

  it('finishes in-flight requests on SIGTERM and exits 0 within 10 s', async () => {
    // Warm the route first: while Next compiles it the event loop cannot accept connections,
    // and a connection still in the kernel's backlog at SIGTERM was never in flight.
    expect((await fetch(`${server.url}/api/press-releases?depth=3&locale=ru`)).status).toBe(200)
    // One connection per request, as separate clients would open; each counts as in flight once
    // its bytes have left this process ('finish'), and only then is the signal sent.
    const sent: Promise<void>[] = []
    const get = (path: string) =>
      new Promise<{ status: number; docs?: number; error?: string }>((resolve) => {
        const request = http.get(`${server.url}${path}`, { agent: false }, (response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, docs: JSON.parse(body).docs.length }))
        })
        request.on('error', (error) => resolve({ status: 0, error: String(error) }))
        sent.push(new Promise((done) => request.once('finish', done)))
      })
    // Ten: twenty of these reads, beside a parallel test run on two cores, outlasted the grace
    // period, which cuts what is left by design.
    const inFlight = Array.from({ length: 10 }, () => get('/api/press-releases?depth=3&locale=ru'))
    await Promise.all(sent)
    const { code, ms } = await server.stop('SIGTERM')
    expect(code).toBe(0)
    expect(ms).toBeLessThan(10_000)
    const results = await Promise.all(inFlight)
    expect(results).toEqual(Array(10).fill({ status: 200, docs: 1 }))
  })
})

describe('starting in production', () => {
  it('refuses to start without PAYLOAD_SECRET, saying what to set', () => {
    const result = spawnSync(process.execPath, [compiledServer], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        PAYLOAD_SECRET: '',
        DATABASE_URI: 'file:/tmp/pressroom-never.db',
      },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[pressroom\] PAYLOAD_SECRET must be set/),
    ])
  })

  // Each was read as Number(): a typo gave NaN, and NaN compared false, so MAX_BODY_BYTES=1mb took the body limit away.
  it.each([
    ['MAX_BODY_BYTES', '1mb', 1],
    ['LOGIN_RATE_LIMIT', 'ten', 1],
    ['WEBHOOK_BACKOFF_MS', '1s', 0],
  ])('refuses to start with %s=%s, in one line naming it, before opening the database', (name, value, min) => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-env-'))
    const result = spawnSync(process.execPath, [compiledServer], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'x'.repeat(48),
        DATABASE_URI: `file:${path.join(directory, 'never.db')}`,
        [name]: value,
      },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      `[pressroom] ${name} must be a whole number from ${min}, got "${value}".`,
    ])
    expect(fs.readdirSync(directory)).toEqual([])
  })
})
