import fs from 'node:fs'

import * as qs from 'qs-esm'

import { staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const COLLECTIONS = [
  'events',
  'press-releases',
  'speakers',
  'organisations',
  'projects',
  'donor-notices',
  'media',
  'users',
  'api-keys',
  'preview-links',
  'webhooks',
  'webhook-deliveries',
  'translation-records',
  'payload-locked-documents',
  'payload-preferences',
  'payload-jobs',
  'rate-limit-hits',
]
const VERSIONED = ['events', 'press-releases', 'projects', 'donor-notices']
const BAD_IDS = ['not-a-number', '%00', '1e999', '%E0%A4%A', '99999999999999999999']

type Case = { name: string; method: string; path: string; body?: string; headers?: Record<string, string> }

const hostile: Case[] = [
  ...COLLECTIONS.flatMap((collection) => [
    // Preferences are read and deleted by their key (any text), not by id.
    ...BAD_IDS.flatMap((id) =>
      (collection === 'payload-preferences' ? ['PATCH'] : ['GET', 'PATCH', 'DELETE']).map((method) => ({
        name: `${method} ${collection}/${id}`,
        method,
        path: `/api/${collection}/${id}`,
        body: method === 'PATCH' ? '{}' : undefined,
        headers: { 'content-type': 'application/json' },
      })),
    ),
    { name: `${collection} where id abc`, method: 'GET', path: `/api/${collection}?where[id][equals]=abc` },
    { name: `${collection} count where id abc`, method: 'GET', path: `/api/${collection}/count?where[id][in]=1,abc` },
    {
      name: `${collection} bulk delete where id abc`,
      method: 'DELETE',
      path: `/api/${collection}?where[id][equals]=abc`,
    },
    {
      name: `POST ${collection} text/plain`,
      method: 'POST',
      path: `/api/${collection}`,
      body: 'garbage{',
      headers: { 'content-type': 'text/plain' },
    },
    {
      name: `POST ${collection} form junk`,
      method: 'POST',
      path: `/api/${collection}`,
      body: 'a=%%%&b&=c',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    {
      name: `POST ${collection} JSON misspelt`,
      method: 'POST',
      path: `/api/${collection}`,
      body: '{"name":"x"}',
      headers: { 'content-type': 'Application/JSON' },
    },
    { name: `POST ${collection} no body`, method: 'POST', path: `/api/${collection}` },
    {
      name: `PATCH ${collection}/1 text/plain`,
      method: 'PATCH',
      path: `/api/${collection}/1`,
      body: 'garbage{',
      headers: { 'content-type': 'text/plain' },
    },
    { name: `PATCH ${collection}/1 no body`, method: 'PATCH', path: `/api/${collection}/1` },
    { name: `${collection} sort unknown`, method: 'GET', path: `/api/${collection}?sort=nope` },
  ]),
  ...VERSIONED.flatMap((collection) => [
    { name: `${collection} versions/x`, method: 'GET', path: `/api/${collection}/versions/x` },
    { name: `${collection} versions/%00`, method: 'GET', path: `/api/${collection}/versions/%00` },
    {
      name: `${collection} versions where parent abc`,
      method: 'GET',
      path: `/api/${collection}/versions?where[parent][equals]=abc`,
    },
    {
      name: `${collection} versions where version date`,
      method: 'GET',
      path: `/api/${collection}/versions?where[updatedAt][equals]=yesterday`,
    },
  ]),
  ...['events', 'press-releases', 'speakers', 'organisations'].map((collection) => ({
    name: `${collection}/x/jsonld`,
    method: 'GET',
    path: `/api/${collection}/x/jsonld`,
  })),
  { name: 'events/x/ics', method: 'GET', path: '/api/events/x/ics' },
  { name: 'users/verify without verification', method: 'POST', path: '/api/users/verify/abc' },
  {
    name: 'where equals a list',
    method: 'GET',
    path: '/api/events?where[title][equals][0]=a&where[title][equals][1]=b',
  },
  { name: 'where equals an object', method: 'GET', path: '/api/events?where[title][equals][a]=b' },
  { name: 'events/1e999/ics', method: 'GET', path: '/api/events/1e999/ics' },
  {
    name: 'where 101 conditions',
    method: 'GET',
    path: `/api/events?${Array.from({ length: 101 }, (_, i) => `where[and][${i}][title][equals]=${i}`).join('&')}`,
  },
  { name: 'where nested 11 levels', method: 'GET', path: `/api/events?where${'[or][0]'.repeat(11)}[title][equals]=x` },
  {
    name: 'in with 600 values',
    method: 'GET',
    path: `/api/events?where[id][in]=${Array.from({ length: 600 }, (_, i) => i + 1).join(',')}`,
  },
  {
    name: 'sort of 6 fields',
    method: 'GET',
    path: '/api/events?sort=title,startDate,endDate,slug,createdAt,updatedAt',
  },
  {
    name: 'select of 150 fields',
    method: 'GET',
    path: `/api/events?${Array.from({ length: 150 }, (_, i) => `select[f${i}]=true`).join('&')}`,
  },
  { name: 'populate not an object', method: 'GET', path: '/api/events?populate=all' },
  { name: 'joins limit 0', method: 'GET', path: '/api/events?joins[pressReleases][limit]=0' },
  {
    name: 'joins where too large',
    method: 'GET',
    path: `/api/events?joins[pressReleases][where][id][in]=${Array(501).fill(1).join(',')}`,
  },
  { name: 'data not JSON', method: 'GET', path: '/api/events?data={' },
  { name: 'where as JSON', method: 'GET', path: '/api/events?where={"id":{"equals":"abc"}}' },
  {
    name: 'login with deep JSON',
    method: 'POST',
    path: '/api/users/login',
    body: `{"email":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    headers: { 'content-type': 'application/json' },
  },
  {
    name: 'forgot-password with deep JSON',
    method: 'POST',
    path: '/api/users/forgot-password',
    body: '['.repeat(100_000),
    headers: { 'content-type': 'application/json' },
  },
  { name: 'where date NUL', method: 'GET', path: '/api/events?where[startDate][greater_than]=%00' },
  { name: 'where number 1e999', method: 'GET', path: '/api/events?where[expectedParticipants][equals]=1e999' },
  { name: 'locale NUL', method: 'GET', path: '/api/events?locale=%00' },
  { name: 'locale as list', method: 'GET', path: '/api/events/1?locale[]=en&locale[]=ru' },
  { name: 'depth NUL', method: 'GET', path: '/api/events?depth=%00' },
  { name: 'page huge', method: 'GET', path: '/api/events?page=1e999' },
  { name: 'where near garbage', method: 'GET', path: '/api/events?where[venue.coordinates][near]=%00' },
]

describe('hostile inputs, over HTTP', () => {
  let server: RunningServer
  let authorization: string

  beforeAll(async () => {
    server = await startServer()
    const { admin } = await staffClients(server)
    authorization = (
      await admin.post('/api/users/login', { email: 'admin@pressroom.test', password: 'correct horse battery staple' })
    ).body.token
    authorization = `JWT ${authorization}`
  })
  afterAll(() => server?.stop('SIGKILL'))

  const send = async ({ method, path, body, headers = {} }: Omit<Case, 'name'>) => {
    const response = await fetch(`${server.url}${path}`, { method, body, headers: { authorization, ...headers } })
    const text = await response.text()
    let json: any
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: response.status, body: json }
  }

  /** CPU time (user and system) the server has used so far, in milliseconds. */
  const serverCpuMs = () => {
    const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime, fields 14 and 15 of the file, counted from the state (field 3) here; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  }

  it.each(hostile.map((entry) => [entry.name, entry] as const))(
    'answers %s with a 4xx that says what is wrong',
    async (_name, entry) => {
      const { status, body } = await send(entry)
      expect({
        status: status >= 400 && status < 500 ? '4xx' : status,
        message: typeof body?.errors?.[0]?.message === 'string' && body.errors[0].message.length > 0,
      }).toEqual({ status: '4xx', message: true })
    },
  )

  it.each([
    '/api/events?sort=-startDate,title&limit=5&depth=1&locale=ru',
    '/api/events?sort=venue.name',
    '/api/events/versions?where[parent][equals]=1&sort=-updatedAt&limit=10',
    '/api/events/versions?where[version.title][like]=conference&where[latest][equals]=true',
    '/api/projects?joins[events][limit]=5&joins[events][sort]=-startDate&joins[pressReleases]=false',
    '/api/events?select[title]=true&select[venue][city]=true&populate[speakers][name]=true',
    `/api/events?where[id][in]=${Array.from({ length: 500 }, (_, i) => i + 1).join(',')}`,
    `/api/events?where[title][like]=${encodeURIComponent('role of civil society in the prevention of torture')}`,
    '/api/events/1',
    '/api/events/1/ics',
    '/api/events/upcoming?locale=ru',
  ])('still answers %s', async (path) => {
    expect((await send({ method: 'GET', path })).status).toBe(200)
  })

  it('names the id, the path and the problem', async () => {
    expect((await send({ method: 'GET', path: '/api/events/not-a-number' })).body.errors[0].data).toEqual([
      { path: 'id', message: 'The id in the path must be a document id (a whole number), got "not-a-number".' },
    ])
    expect(
      (await send({ method: 'GET', path: '/api/events/versions?where[parent][equals]=abc' })).body.errors[0].data[0]
        .path,
    ).toBe('where[parent][equals]')
    const unknownSort = await send({ method: 'GET', path: '/api/events?sort=-nope' })
    expect(unknownSort).toEqual({
      status: 400,
      body: { errors: [expect.objectContaining({ message: 'sort: "nope" is not a field of events.' })] },
    })
    const text = await send({
      method: 'POST',
      path: '/api/events',
      body: 'garbage',
      headers: { 'content-type': 'text/plain' },
    })
    expect(text).toEqual({
      status: 415,
      body: { errors: [{ message: expect.stringContaining('Content-Type: application/json') }] },
    })
  })

  it('answers JSON nested a hundred thousand levels with a 400 saying so, storing nothing', async () => {
    const before = (await send({ method: 'GET', path: '/api/events/count' })).body.totalDocs
    for (const body of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      `{"title":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    ]) {
      const reply = await send({
        method: 'POST',
        path: '/api/events',
        body,
        headers: { 'content-type': 'application/json' },
      })
      expect(reply).toEqual({
        status: 400,
        body: {
          errors: [
            { message: 'The request body is nested too deeply: objects and arrays may nest at most 100 levels.' },
          ],
        },
      })
    }
    const rich = {
      title: 'Nested but fine',
      startDate: '2030-01-01T00:00:00.000Z',
      endDate: '2030-01-02T00:00:00.000Z',
      timezone: 'UTC',
    }
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/events',
          body: JSON.stringify(rich),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(201)
    expect((await send({ method: 'GET', path: '/api/events/count' })).body.totalDocs).toBe(before + 1)
  })

  describe('method override', () => {
    const override = (form: string, headers: Record<string, string> = {}) =>
      send({
        method: 'POST',
        path: '/api/events',
        body: form,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-payload-http-method-override': 'GET',
          ...headers,
        },
      })

    it('checks the query of a form body as the same query in the URL', async () => {
      const asUrl = await send({ method: 'GET', path: '/api/events?limit=0&depth=5&locale=all' })
      expect(asUrl.status).toBe(400)
      expect(await override('limit=0&depth=5&locale=all')).toEqual(asUrl)
      expect(
        await override('limit=0', { 'x-payload-http-method-override': '', 'x-http-method-override': 'GET' }),
      ).toMatchObject({ status: 400 })
      expect((await override('where[id][equals]=abc')).body.errors[0].data[0].path).toBe('where[id][equals]')
    })
    it('answers a well-formed one as the GET it stands for', async () => {
      const asUrl = await send({ method: 'GET', path: '/api/events?limit=1&where[title][like]=conference&depth=0' })
      expect(asUrl.status).toBe(200)
      expect(await override('limit=1&where[title][like]=conference&depth=0')).toEqual(asUrl)
    })
    it('answers the admin panel’s relationship search, as its Relationship field sends it', async () => {
      const query = {
        depth: 0,
        draft: true,
        limit: 10,
        locale: 'en',
        page: 1,
        select: { name: true },
        sort: 'name',
        where: { and: [{ id: { not_in: [1, 2] } }, { name: { like: 'o' } }] },
      }
      const reply = await send({
        method: 'POST',
        path: '/api/organisations',
        body: qs.stringify(query),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
      })
      expect(reply.status).toBe(200)
      expect(reply.body.docs.length).toBeGreaterThan(0)
      expect(reply).toEqual(await send({ method: 'GET', path: `/api/organisations?${qs.stringify(query)}` }))
    })
    it('refuses a JSON body, of which Payload would read only the locale', async () => {
      const reply = await send({
        method: 'POST',
        path: '/api/events',
        body: '{"locale":"xx","limit":0}',
        headers: { 'content-type': 'application/json', 'x-payload-http-method-override': 'GET' },
      })
      expect(reply.status).toBe(415)
      expect(reply.body.errors[0].message).toMatch(/application\/x-www-form-urlencoded/)
    })
  })

  describe('large queries, answered at once', () => {
    const words = Array(3000).fill('a').join(' ')
    const values = Array.from({ length: 120_000 }, (_, i) => i + 1).join(',')
    it.each([
      [
        'like of 3,000 words in the URL',
        { method: 'GET', path: `/api/events?where[title][like]=${encodeURIComponent(words)}` },
        'where[title][like]',
      ],
      [
        'like of 3,000 words in an override body',
        { method: 'POST', path: '/api/events', body: `where[title][like]=${encodeURIComponent(words)}` },
        'where[title][like]',
      ],
      [
        'in of 120,000 values in an override body',
        { method: 'POST', path: '/api/events', body: `where[id][in]=${values}` },
        'where[id][in]',
      ],
    ])('%s: a 400 naming the path, in well under 200 ms of server CPU', async (_name, request, path) => {
      const headers: Record<string, string> =
        request.method === 'POST'
          ? { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }
          : {}
      const logged = server.output().length
      const cpu = serverCpuMs()
      const reply = await send({ ...request, headers })
      const used = serverCpuMs() - cpu
      expect(reply.status).toBe(400)
      expect(reply.body.errors[0].data.map((problem: { path: string }) => problem.path)).toContain(path)
      expect(used).toBeLessThan(200)
      expect(server.output().length - logged).toBeLessThan(2000)
    })
  })

  it('stayed up throughout, with no uncaught exception or stack overflow in its log', async () => {
    expect(server.child.exitCode).toBeNull()
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect(server.output()).not.toMatch(
      /uncaughtException|Cannot set headers|Maximum call stack|Expression tree is too large/,
    )
  })
})
