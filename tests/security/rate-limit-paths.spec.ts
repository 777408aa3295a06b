import { type RunningServer, startServer } from '../helpers/server'

/**
 * Class 4 (REST): the login limit is keyed on the route the router resolves, so no spelling of
 * the path gets another budget. (GraphQL: tests/security/graphql-rate-limit.spec.ts.)
 */
describe('rate limits hold for every spelling of a limited route', () => {
  let server: RunningServer
  const password = 'correct horse battery staple'
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', LOGIN_RATE_LIMIT: '4' })
    expect(
      (await post('/api/users/first-register', { email: 'admin@pressroom.test', password, name: 'Admin' })).status,
    ).toBe(200)
  })
  afterAll(() => server?.stop('SIGKILL'))

  const spellings = [
    '/api/users/login',
    '/api/users/%6Cogin',
    '/api/users/%6c%6f%67%69%6e',
    '/api/%75sers/login',
    '/api//users/login',
    '/api/users//login',
    '/api/users/./login',
    '/api/events/../users/login',
    '/api/users/%2e/login',
    '/API/Users/Login',
    '/api/users/login/',
    '/api/users/login?x=1',
  ]

  it('each spelling reaches the login route', async () => {
    // Proven below: once the budget is spent, each one is the 429 of the limit and not a 404.
    expect(spellings.length).toBeGreaterThan(4)
  })

  it('once the budget is spent, no spelling logs in, not even with the right password', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1)
      await post('/api/users/login', { email: 'admin@pressroom.test', password: 'wrong password, long enough' })
    for (const path of spellings) {
      const reply = await post(path, { email: 'admin@pressroom.test', password })
      const body = await reply.text()
      expect({ path, status: reply.status }).toEqual({ path, status: 429 })
      expect(body).not.toMatch(/"token"/)
    }
    for (const path of ['/api/users/forgot-password', '/api/users/%66orgot-password', '/api//users/reset-password']) {
      expect({ path, status: (await post(path, { email: 'admin@pressroom.test' })).status }).toEqual({
        path,
        status: 429,
      })
    }
  })

  it('GraphQL by another spelling of its path goes through the same route and the same limit', async () => {
    for (const path of ['/api/%67raphql', '/api//graphql', '/api/graphql/']) {
      const reply = await post(path, {
        query: `mutation { loginUser(email: "admin@pressroom.test", password: "${password}") { token } }`,
      })
      const body = await reply.text()
      expect({ path, status: reply.status }).toEqual({ path, status: 429 })
      expect(body).not.toMatch(/"token":"/)
    }
  })
})

describe('a locked account answers as a missing one', () => {
  let server: RunningServer
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', LOGIN_RATE_LIMIT: '1000' })
    await post('/api/users/first-register', {
      email: 'victim@pressroom.test',
      password: 'correct horse battery staple',
      name: 'Victim',
    })
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('after the lockout, over REST and GraphQL, an existing e-mail and an unknown one get the same answer', async () => {
    const answers: Record<string, string[]> = { existing: [], unknown: [] }
    for (let attempt = 0; attempt < 7; attempt += 1) {
      for (const [who, email] of [
        ['existing', 'victim@pressroom.test'],
        ['unknown', 'nobody@pressroom.test'],
      ] as const) {
        const rest = await post('/api/users/login', { email, password: 'a wrong password, long enough' })
        const graphql = await post('/api/graphql', {
          query: `mutation { loginUser(email: "${email}", password: "a wrong password, long enough") { token } }`,
        })
        const message = (await graphql.json()).errors?.[0]?.message
        answers[who].push(`${rest.status} ${JSON.stringify(await rest.json())} ${message}`)
      }
    }
    expect(answers.existing).toEqual(answers.unknown)
  })
})
