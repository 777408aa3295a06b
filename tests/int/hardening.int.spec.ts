import http from 'node:http'

import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

describe('hardening, over HTTP', () => {
  let server: RunningServer
  let anonymous: RestClient
  let editor: RestClient
  let admin: RestClient
  let token: string

  beforeAll(async () => {
    server = await startServer({ LOGIN_RATE_LIMIT: '8', SERVER_URL: 'https://cms.example.org' })
    ;({ anonymous, editor, admin } = await staffClients(server))
    token = (await anonymous.post('/api/users/login', { email: 'editor@pressroom.test', password: PASSWORD })).body
      .token
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('sends security headers the admin panel works under', async () => {
    const response = await fetch(`${server.url}/admin/login`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('sets the session cookie HttpOnly, Secure and SameSite in production', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pressroom.test', password: PASSWORD }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...headers },
    })

  it('answers malformed JSON with 400 and an oversize body with 413, storing nothing', async () => {
    const before = (await editor.get('/api/organisations/count')).body.totalDocs
    const malformed = await post('/api/organisations', '{"name": ')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as any).errors[0].message).toBe('Invalid JSON')
    const oversize = await post(
      '/api/organisations',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), organisationType: 'ngo' }),
    )
    expect(oversize.status).toBe(413)
    expect(((await oversize.json()) as any).errors[0].message).toMatch(/larger than 1048576 bytes/)
    expect((await editor.get('/api/organisations/count')).body.totalDocs).toBe(before)
  })

  it('lets a client still sending an oversize body read the 413, instead of a reset connection', async () => {
    const size = 2 * 1024 * 1024
    const outcome = await new Promise<{ status?: number; error?: string; sentWhole?: boolean }>((resolve) => {
      const seen: { status?: number; error?: string; sentWhole?: boolean } = {}
      const request = http.request(
        `${server.url}/api/organisations`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': size, authorization: `JWT ${token}` },
          agent: false,
        },
        (response) => {
          seen.status = response.statusCode
          response.resume()
        },
      )
      request.on('error', (error) => (seen.error = error.message))
      request.on('finish', () => (seen.sentWhole = true))
      request.on('close', () => resolve(seen))
      // Slowly, as over a real network: the answer comes long before the last byte is sent.
      let sent = 0
      const send = () => {
        sent += 64 * 1024
        if (sent >= size) return request.end(Buffer.alloc(64 * 1024, 'x'))
        request.write(Buffer.alloc(64 * 1024, 'x'))
        setTimeout(send, 5)
      }
      send()
    })
    expect(outcome).toEqual({ status: 413, sentWhole: true })
  })

  /** A body sent in chunks without Content-Length, as a client streaming its body does. */
  const postChunked = (path: string, parts: string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}${path}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
          agent: false,
        },
        (response) => {
          let body = ''
          response
            .on('data', (chunk) => (body += chunk))
            .on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        },
      )
      request.on('error', reject)
      expect(request.getHeader('content-length')).toBeUndefined()
      for (const part of parts) request.write(part)
      request.end()
    })

  it('accepts a chunked body without Content-Length and refuses an oversize one with 413, storing nothing of it', async () => {
    const json = JSON.stringify({ name: 'Streamed organisation', organisationType: 'ngo' })
    const accepted = await postChunked('/api/organisations', [json.slice(0, 10), json.slice(10)])
    expect(accepted.status).toBe(201)
    expect(JSON.parse(accepted.body).doc.name).toBe('Streamed organisation')

    const before = (await editor.get('/api/organisations/count')).body.totalDocs
    const chunk = 'x'.repeat(256 * 1024)
    const oversize = await postChunked('/api/organisations', [
      '{"organisationType":"ngo","name":"',
      ...Array(6).fill(chunk),
      '"}',
    ])
    expect(oversize.status).toBe(413)
    expect(JSON.parse(oversize.body).errors[0].message).toMatch(/larger than 1048576 bytes/)
    expect((await editor.get('/api/organisations/count')).body.totalDocs).toBe(before)
    // GraphQL bodies are read by the express server itself: the same limit, the same answer.
    const mutation = await postChunked('/api/graphql', [
      '{"query":"mutation { createOrganisation(data: { organisationType: ngo, name: \\"',
      ...Array(6).fill(chunk),
      '\\" }) { id } }"}',
    ])
    expect(mutation.status).toBe(413)
    expect((await editor.get('/api/organisations/count')).body.totalDocs).toBe(before)
  })

  it.each([
    [
      'events',
      'title',
      { startDate: '2030-01-01T00:00:00.000Z', endDate: '2030-01-02T00:00:00.000Z', timezone: 'UTC' },
    ],
    ['press-releases', 'title', { releaseDate: '2030-01-01T00:00:00.000Z' }],
    ['speakers', 'name', {}],
    ['organisations', 'name', { organisationType: 'ngo' }],
    ['projects', 'title', {}],
    ['donor-notices', 'statement', { name: 'n', donor: 1 }],
  ])('refuses a text of 900 KB in %s.%s with 400 naming the field', async (collection, field, rest) => {
    const reply = await editor.post(`/api/${collection}`, { ...rest, [field]: 'x'.repeat(900 * 1024) })
    expect(reply.status).toBe(400)
    // The slug made from it is refused too: both are named.
    expect(reply.body.errors[0].data.errors).toContainEqual(
      expect.objectContaining({
        path: field,
        message: 'This value must be shorter than the max length of 20000 characters.',
      }),
    )
  })

  it('refuses wrong types and relationships to missing documents, naming the field', async () => {
    const wrongType = await editor.post('/api/events', {
      title: 'T',
      startDate: 'next week',
      endDate: '2030-01-02T00:00:00.000Z',
      timezone: 'UTC',
      expectedParticipants: 'sixty',
    })
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'expectedParticipants',
      'startDate',
    ])
    const missing = await editor.post('/api/press-releases', {
      title: 'T',
      releaseDate: '2030-01-01T00:00:00.000Z',
      events: [999999],
    })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0]).toEqual(
      expect.objectContaining({
        path: 'events',
        message: 'This links to something that does not exist or that you may not use: events 999999.',
      }),
    )
    // Drafts skip validation in Payload, but not this check: no foreign-key 500 for a draft either.
    const draft = await editor.post('/api/press-releases?draft=true', {
      title: 'T',
      releaseDate: '2030-01-01T00:00:00.000Z',
      featuredImage: 424242,
    })
    expect(draft.status).toBe(400)
    expect(draft.body.errors[0].data.errors[0].path).toBe('featuredImage')
  })

  it('refuses rich text that is not an editor state, drafts included, naming the field', async () => {
    const plain = await editor.post('/api/organisations', {
      name: 'Plain',
      organisationType: 'ngo',
      description: 'Just a string',
    })
    expect(plain.status).toBe(400)
    expect(plain.body.errors[0].data.errors[0]).toEqual(
      expect.objectContaining({ path: 'description', message: expect.stringMatching(/not a plain string/) }),
    )
    const nested = await editor.post('/api/events?draft=true', {
      title: 'T',
      programme: [{ title: 'S', description: { root: 'x' } }],
    })
    expect(nested.status).toBe(400)
    expect(nested.body.errors[0].data.errors[0].path).toBe('programme.0.description')
    expect((await editor.get('/api/organisations?where[name][equals]=Plain')).body.totalDocs).toBe(0)
  })

  it('strips unknown fields instead of storing them', async () => {
    const reply = await editor.post('/api/organisations', {
      name: 'Strict',
      organisationType: 'ngo',
      isAdmin: true,
      __proto__pollution: { x: 1 },
    })
    expect(reply.status).toBe(201)
    expect(reply.body.doc).not.toHaveProperty('isAdmin')
    expect(reply.body.doc).not.toHaveProperty('__proto__pollution')
  })

  it('requires passwords of at least 12 characters', async () => {
    const reply = await admin.post('/api/users', {
      email: 'short@pressroom.test',
      password: 'short',
      name: 'Short',
      roles: ['editor'],
    })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'password', message: expect.stringContaining('at least 12 characters') }),
    ])
  })

  it('does not tell whether an account exists, through login or forgot-password', async () => {
    const unknown = await anonymous.post('/api/users/login', {
      email: 'nobody@pressroom.test',
      password: 'wrong password x',
    })
    const known = await anonymous.post('/api/users/login', {
      email: 'translator@pressroom.test',
      password: 'wrong password x',
    })
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body])
    const forgotUnknown = await anonymous.post('/api/users/forgot-password', { email: 'nobody@pressroom.test' })
    const forgotKnown = await anonymous.post('/api/users/forgot-password', { email: 'translator@pressroom.test' })
    expect([forgotUnknown.status, forgotUnknown.body]).toEqual([forgotKnown.status, forgotKnown.body])
  })

  it('never shows users’ e-mail addresses to the public, not even as a filter', async () => {
    expect((await anonymous.get('/api/users')).status).toBe(403)
    const filtered = await anonymous.get('/api/organisations?where[createdBy.email][equals]=admin@pressroom.test')
    expect(filtered.status).toBe(400)
    const guess = await anonymous.get('/api/organisations?where[createdBy.email][like]=zzz')
    expect([guess.status, guess.body]).toEqual([
      filtered.status,
      { ...filtered.body, errors: [{ ...filtered.body.errors[0], message: filtered.body.errors[0].message }] },
    ])
  })

  it('stores API keys only as hashes, shows a key once, and accepts it by its hash', async () => {
    const created = await admin.post('/api/api-keys', { name: 'Preview', kind: 'preview' })
    expect(created.status).toBe(201)
    const key: string = created.body.doc.key
    expect(key).toMatch(/^prk_[\w-]{32}$/)
    const stored = await admin.get(`/api/api-keys/${created.body.doc.id}`)
    expect(JSON.stringify(stored.body)).not.toContain(key)
    expect(stored.body.keyPrefix).toBe(key.slice(0, 12))
    expect(stored.body).not.toHaveProperty('keyHash')
    const draft = await editor.post('/api/events', {
      title: 'Draft for preview',
      startDate: '2030-01-01T00:00:00.000Z',
      endDate: '2030-01-02T00:00:00.000Z',
      timezone: 'UTC',
    })
    const read = (authorization: string) =>
      fetch(`${server.url}/api/events/${draft.body.doc.id}?draft=true`, { headers: { authorization } })
    expect((await read(`api-keys API-Key ${key}`)).status).toBe(200)
    expect((await read(`api-keys API-Key ${key}x`)).status).toBe(404)
  })

  it('limits login attempts per address with 429', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await anonymous.post('/api/users/login', { email: 'nobody@pressroom.test', password: 'wrong password x' }))
          .status,
      )
    expect(statuses).toContain(429)
    const refused = await anonymous.post('/api/users/login', { email: 'admin@pressroom.test', password: PASSWORD })
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toMatch(/Too many attempts/)
  })

  it('counts GraphQL logins against the same limit, whatever the headers, and refuses batched logins', async () => {
    const graphql = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      })
    const login = (password: string) =>
      `mutation { loginUser(email: "nobody@pressroom.test", password: "${password}") { token } }`
    const batched = await graphql(`
      mutation {
        a: loginUser(email: "x@pressroom.test", password: "one guess xx") {
          token
        }
        b: loginUser(email: "x@pressroom.test", password: "two guess xx") {
          token
        }
      }
    `)
    expect(batched.status).toBe(400)
    expect(((await batched.json()) as any).errors[0].message).toMatch(/one login/)
    const statuses: number[] = []
    for (let i = 0; i < 10; i++)
      statuses.push((await graphql(login(`wrong password ${i}`), { authorization: 'JWT not-a-token' })).status)
    expect(statuses).toContain(429)
    // Another spelling of the media type, which the GraphQL handler accepts too, is counted as well.
    expect((await graphql(login('one more guess'), { 'content-type': 'Application/JSON; charset=UTF-8' })).status).toBe(
      429,
    )
    // One budget per address for REST and GraphQL.
    expect(
      (await anonymous.post('/api/users/login', { email: 'admin@pressroom.test', password: PASSWORD })).status,
    ).toBe(429)
    // Reads are not counted.
    expect((await graphql('{ Events(limit: 1) { totalDocs } }')).status).toBe(200)
  })
})
