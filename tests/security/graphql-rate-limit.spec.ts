import { type RunningServer, startServer } from '../helpers/server'

const login = (alias: string, guess: string) =>
  `${alias}: loginUser(email: "nobody@pressroom.test", password: "${guess}") { token }`
const tenGuesses = Array.from({ length: 10 }, (_, i) => login(`g${i}`, `guess number ${i}`))

describe('GraphQL rate limits, over HTTP', () => {
  let server: RunningServer
  const post = (query: string, address: string) =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query }),
    })
  const message = async (response: Response) =>
    ((await response.json()) as { errors: { message: string }[] }).errors[0].message

  beforeAll(async () => {
    server = await startServer({ LOGIN_RATE_LIMIT: '3', GRAPHQL_COST_BUDGET: '100', GRAPHQL_COST_WINDOW_MS: '600000' })
  })
  afterAll(() => server?.stop('SIGKILL'))

  it.each([
    ['aliases', `mutation { ${tenGuesses.join(' ')} }`],
    ['a fragment', `mutation { ...Guesses } fragment Guesses on Mutation { ${tenGuesses.join(' ')} }`],
    ['an inline fragment', `mutation { ... on Mutation { ${tenGuesses.join(' ')} } }`],
    [
      'one guess spread ten times through nested fragments',
      `mutation { ...Five ...Five } fragment Five on Mutation { ...One ...One ...One ...One ...One } fragment One on Mutation { ${login('g', 'x')} }`,
    ],
    [
      'guarded mutations in two operations',
      `mutation A { ${login('g', 'x')} } mutation B { unlockUser(email: "nobody@pressroom.test") }`,
    ],
    [
      'forgot and reset password together',
      'mutation { forgotPasswordUser(email: "a@pressroom.test") resetPasswordUser(token: "t", password: "p") { token } }',
    ],
  ])('refuses several guarded mutations in one request, in %s', async (_name, query) => {
    const response = await post(query, '198.51.100.1')
    expect(response.status).toBe(400)
    expect(await message(response)).toBe(
      'Send one login, forgot-password, reset-password or unlock mutation per request (aliases and fragments count).',
    )
  })

  it('counts one guess inside a fragment against the login limit', async () => {
    const guess = (i: number) =>
      post(
        `mutation { ...G } fragment G on Mutation { ... on Mutation { ${login('g', `wrong ${i}`)} } }`,
        '198.51.100.2',
      )
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await guess(i)).status)
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true)
    const refused = await guess(4)
    expect(refused.status).toBe(429)
    expect(await message(refused)).toMatch(/Too many attempts from this address/)
  })

  it('spends each query’s estimate from a per-address budget, with a 429 that says why and when', async () => {
    // 1 + 10 × (1 + 1) + 2 = 23 per query: four fit in a budget of 100, the fifth does not. Each
    // differs, so none is answered from the cache (which costs nothing).
    const query = (i: number) => `{ Events { docs { id } } q${i}: countEvents { totalDocs } }`
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await post(query(i), '198.51.100.3')).status)
    expect(statuses).toEqual([200, 200, 200, 200])
    const refused = await post(query(5), '198.51.100.3')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await message(refused)).toMatch(
      /^Too many GraphQL queries from this address: each query's estimated answer counts against 100 per 600 s, \d+ is left and this query is estimated at 23\. Try again in \d+ s, or ask for less\.$/,
    )
    // Another address has its own budget; a cached answer spends nothing.
    expect((await post(query(0), '198.51.100.4')).status).toBe(200)
    expect((await post(query(0), '198.51.100.3')).headers.get('x-cache')).toBe('hit')
  })
})
