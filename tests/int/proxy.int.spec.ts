import { type RunningServer, startServer } from '../helpers/server'

/** A failed login from a client the proxy names in X-Forwarded-For; the rate limit keys on req.ip. */
const login = (server: RunningServer, forwardedFor: string) =>
  fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: 'nobody@pressroom.test', password: 'not the password at all' }),
  }).then((response) => response.status)

const start = (trust: string | undefined) =>
  startServer({ ...(trust === undefined ? {} : { TRUST_PROXY: trust }), LOGIN_RATE_LIMIT: '2', SEED_ON_START: 'false' })

describe('TRUST_PROXY over HTTP', () => {
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')))
  })

  it('by default believes a proxy on loopback: each forwarded client has its own login budget', async () => {
    const server = await start(undefined)
    servers.push(server)
    expect([await login(server, '198.51.100.1'), await login(server, '198.51.100.1')]).toEqual([401, 401])
    expect(await login(server, '198.51.100.1')).toBe(429)
    expect(await login(server, '198.51.100.2')).toBe(401)
  })

  it('with a hop count, believes that many proxies and not what the client wrote before them', async () => {
    // Two proxies: an outer one that saw the client, and 10.0.0.5 before this server's loopback peer.
    const server = await start('2')
    servers.push(server)
    expect(await login(server, '203.0.113.1, 10.0.0.5')).toBe(401)
    expect(await login(server, '203.0.113.1, 10.0.0.5')).toBe(401)
    expect(await login(server, '203.0.113.1, 10.0.0.5')).toBe(429)
    // Another client behind the same proxies has its own budget.
    expect(await login(server, '203.0.113.2, 10.0.0.5')).toBe(401)
    // A forged entry in front changes nothing: the client is still the one the outer proxy saw.
    expect(await login(server, '192.0.2.99, 203.0.113.1, 10.0.0.5')).toBe(429)
  })

  it('with subnets that leave loopback out, ignores the header: every client shares the peer’s budget', async () => {
    const server = await start('10.0.0.0/8, fd00::/8')
    servers.push(server)
    expect(await login(server, '198.51.100.1')).toBe(401)
    expect(await login(server, '198.51.100.2')).toBe(401)
    expect(await login(server, '198.51.100.3')).toBe(429)
  })

  it('refuses to start on a value it cannot read, in one line that names the variable', async () => {
    await expect(start('everyone')).rejects.toThrow(/\[pressroom\] TRUST_PROXY must be a hop count.*"everyone"/)
  })
})
