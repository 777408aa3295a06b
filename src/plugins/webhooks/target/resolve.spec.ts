import {
  checkedLookup,
  checkWebhookUrl,
  privateAllowance,
  type Resolve,
  resolveChecked,
  webhookDns,
  WebhookTargetRefused,
} from './resolve'

const dnsAnswering =
  (answers: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = answers[host]
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }

const answers = {
  'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'rebind.example.org': ['127.0.0.1'],
  'mixed.example.org': ['93.184.215.14', '10.0.0.7'],
  'mapped.example.org': ['::ffff:169.254.169.254'],
}

describe('privateAllowance', () => {
  it.each([
    [{ WEBHOOK_ALLOW_PRIVATE: 'loopback', NODE_ENV: 'test' }, 'loopback'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'loopback' }, 'loopback'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'loopback', NODE_ENV: 'production' }, 'none'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'all', NODE_ENV: 'test' }, 'none'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'true' }, 'none'],
    [{}, 'none'],
  ])('%j gives %s', (env, expected) => {
    expect(privateAllowance(env)).toBe(expected)
  })
})

describe('resolveChecked', () => {
  const resolve = dnsAnswering(answers)

  it('returns every address of a public name', async () => {
    await expect(
      resolveChecked('https://hooks.example.org/', 'hooks.example.org', 'none', resolve),
    ).resolves.toHaveLength(2)
  })

  it('refuses a name when any of its addresses is refused', async () => {
    await expect(resolveChecked('https://rebind.example.org/', 'rebind.example.org', 'none', resolve)).resolves.toBe(
      '"https://rebind.example.org/": rebind.example.org resolves to 127.0.0.1 is a loopback address (this server itself); webhooks may only reach public internet addresses.',
    )
    await expect(resolveChecked('x', 'mixed.example.org', 'none', resolve)).resolves.toContain(
      '10.0.0.7 is a private network address',
    )
    await expect(resolveChecked('x', 'mapped.example.org', 'none', resolve)).resolves.toContain(
      'IPv6 form of 169.254.169.254',
    )
  })

  it('refuses names that do not resolve, saying why', async () => {
    await expect(resolveChecked('x', 'nowhere.example.org', 'none', resolve)).resolves.toContain('does not exist')
    const failing: Resolve = async () => Promise.reject(Object.assign(new Error('timeout'), { code: 'EAI_AGAIN' }))
    await expect(resolveChecked('x', 'slow.example.org', 'none', failing)).resolves.toContain(
      'could not be resolved (EAI_AGAIN)',
    )
  })
})

describe('checkWebhookUrl', () => {
  const system = webhookDns.resolve
  beforeAll(() => (webhookDns.resolve = dnsAnswering(answers)))
  afterAll(() => (webhookDns.resolve = system))

  it('asks DNS about names and judges the answer', async () => {
    await expect(checkWebhookUrl('https://hooks.example.org/hook', 'none')).resolves.toBe(true)
    await expect(checkWebhookUrl('https://rebind.example.org/hook', 'none')).resolves.toContain('resolves to 127.0.0.1')
    await expect(checkWebhookUrl('https://rebind.example.org/hook', 'loopback')).resolves.toBe(true)
    await expect(checkWebhookUrl('http://127.0.0.1:9/', 'none')).resolves.toContain('loopback')
  })
})

describe('checkedLookup', () => {
  const lookup = checkedLookup('https://x/', 'none', dnsAnswering(answers))
  const call = (host: string, options: { all?: boolean; family?: number | 'IPv4' | 'IPv6' }) =>
    new Promise<{ error: unknown; address: unknown; family?: number }>((resolve) =>
      lookup(host, options as never, (error, address, family) => resolve({ error, address, family })),
    )

  it('hands the socket the addresses it checked, in the form asked for', async () => {
    expect(await call('hooks.example.org', { all: true })).toMatchObject({
      error: null,
      address: [{ address: '93.184.215.14', family: 4 }, { family: 6 }],
    })
    expect(await call('hooks.example.org', {})).toEqual({ error: null, address: '93.184.215.14', family: 4 })
    expect(await call('hooks.example.org', { family: 'IPv6' })).toMatchObject({ error: null, family: 6 })
  })

  it('fails the connection with the reason when an address is refused', async () => {
    const { error } = await call('rebind.example.org', { all: true })
    expect(error).toBeInstanceOf(WebhookTargetRefused)
    expect((error as Error).message).toContain('127.0.0.1 is a loopback address')
  })
})
