import { PASSWORD, restClient } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const METRICS_TOKEN = 'scrape-me-0123456789abcdef'
const EMAIL = 'olga.observed@pressroom.test'

type Line = Record<string, any>
const jsonLines = (output: string): Line[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line)
const accessLines = (server: RunningServer) => jsonLines(server.output()).filter((line) => line.msg === 'request')

/** The value of one series in a Prometheus text exposition, or undefined. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('logs and metrics of a production server', () => {
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    server = await startServer({ METRICS_TOKEN, LOG_LEVEL: 'info' })
    const anonymous = restClient(server)
    const first = await anonymous.post('/api/users/first-register', { email: EMAIL, password: PASSWORD, name: 'Olga' })
    expect(first.status).toBe(200)
    token = first.body.token
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('writes its log as JSON lines, Payload’s own included', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim())
    const json = jsonLines(server.output())
    expect(json.find((line) => String(line.msg).startsWith('Pressroom listening'))).toMatchObject({ level: 30 })
    // Everything the logger wrote parses; what is left are Next.js's own start-up lines, if any.
    expect(lines.filter((line) => line.includes('"level":') && !line.startsWith('{'))).toEqual([])
  })

  it('logs one line per request with its route, status, duration, id and cache result', async () => {
    // Asked for once before: the store's answer is kept from the second request for a URL on.
    await fetch(`${server.url}/api/events?limit=1&depth=0`)
    const first = await fetch(`${server.url}/api/events?limit=1&depth=0`)
    const second = await fetch(`${server.url}/api/events?limit=1&depth=0`, { headers: { 'x-request-id': 'edge-4711' } })
    expect([first.status, second.status]).toEqual([200, 200])
    const id = first.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(second.headers.get('x-request-id')).toBe('edge-4711')

    const mine = () => accessLines(server).filter((line) => line.requestId === id || line.requestId === 'edge-4711')
    // The line is written when the answer's last byte has gone, which may be after fetch resolved.
    await until(() => mine().length >= 2, 'both access lines')
    expect(mine()).toHaveLength(2)
    expect(mine()[0]).toMatchObject({
      method: 'GET',
      route: '/api/events',
      status: 200,
      requestId: id,
      cache: first.headers.get('x-cache'),
    })
    expect(mine()[1]).toMatchObject({ route: '/api/events', cache: 'hit' })
    expect(typeof mine()[0].durationMs).toBe('number')
    // A forged id with a line break would start a log line of its own.
    const forged = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'a b' } })
    expect(forged.headers.get('x-request-id')).not.toBe('a b')
  })

  it('never writes a token, a cookie or an e-mail address', async () => {
    const anonymous = restClient(server)
    const login = await anonymous.post('/api/users/login', { email: EMAIL, password: PASSWORD })
    expect(login.status).toBe(200)
    const cookie = `payload-token=${login.body.token}`
    expect((await fetch(`${server.url}/api/users/me`, { headers: { cookie } })).status).toBe(200)
    expect((await fetch(`${server.url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })).status).toBe(200)
    await anonymous.post('/api/users/login', { email: EMAIL, password: 'wrong, and long enough to count' })
    await anonymous.post('/api/users/forgot-password', { email: EMAIL })
    await fetch(`${server.url}/admin/reset/4f1c2e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e`)
    await fetch(`${server.url}/api/users?where[email][equals]=${encodeURIComponent(EMAIL)}`, {
      headers: { authorization: `JWT ${token}` },
    })
    await new Promise((resolve) => setTimeout(resolve, 300))

    const output = server.output()
    expect(accessLines(server).some((line) => line.route === '/api/users/me' && line.status === 200)).toBe(true)
    expect(accessLines(server).some((line) => line.route === '/admin/*')).toBe(true)
    for (const secret of [EMAIL, token, login.body.token, PASSWORD, '4f1c2e9a8b7d6c5e4f3a'])
      expect(output).not.toContain(secret)
  })

  it('keeps /metrics for the holder of METRICS_TOKEN', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status,
    ).toBe(401)
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `JWT ${token}` } })).status).toBe(401)
  })

  it('exports request durations, the cache hit ratio, the job queue, webhook failures and event-loop lag', async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const text = await response.text()
    const count = sample(
      text,
      'pressroom_http_request_duration_seconds_count{method="GET",route="/api/events",status="200"}',
    )
    expect(count).toBeGreaterThanOrEqual(2)
    const hits = sample(text, 'pressroom_public_cache_requests_total{result="hit"}') ?? 0
    const misses = sample(text, 'pressroom_public_cache_requests_total{result="miss"}') ?? 0
    expect(hits).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'pressroom_public_cache_hit_ratio')).toBeCloseTo(hits / (hits + misses), 5)
    // The seeded database has no jobs waiting and no failed delivery; the gauges read it.
    expect(sample(text, 'pressroom_jobs_queued')).toBe(0)
    expect(sample(text, 'pressroom_jobs_failed')).toBe(0)
    expect(sample(text, 'pressroom_webhook_deliveries_failed')).toBe(0)
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    // Neither an id nor a token becomes a label.
    expect(text).toContain('route="/admin/*"')
    expect(text).not.toMatch(/route="[^"]*\d[^"]*"/)
  })
})

describe('a production server without METRICS_TOKEN, at LOG_LEVEL=warn', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ METRICS_TOKEN: '', LOG_LEVEL: 'warn', SEED_ON_START: 'false' })
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('has no /metrics', async () => {
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(404)
  })

  it('writes no access lines below warn', async () => {
    expect((await fetch(`${server.url}/api/events`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(accessLines(server)).toEqual([])
    expect(jsonLines(server.output()).every((line) => line.level >= 40)).toBe(true)
  })
})

describe('LOG_LEVEL and METRICS_TOKEN that cannot be used', () => {
  it.each([
    [{ LOG_LEVEL: 'chatty' }, /\[pressroom\] LOG_LEVEL must be one of/],
    [{ METRICS_TOKEN: 'short' }, /\[pressroom\] METRICS_TOKEN must be at least 16 characters/],
  ])('%p stops the start with one line', async (env, message) => {
    await expect(startServer({ ...env, SEED_ON_START: 'false' })).rejects.toThrow(message)
  })
})
