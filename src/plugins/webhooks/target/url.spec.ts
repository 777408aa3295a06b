import { parseWebhookTarget } from './url'

const refusal = (value: string, allowance?: 'loopback') => {
  const result = parseWebhookTarget(value, allowance)
  return typeof result === 'string' ? result : undefined
}

describe('parseWebhookTarget', () => {
  // Every spelling is normalized by the URL parser first, then judged as the address it means.
  it.each([
    ['http://127.0.0.1:3000/hook', '127.0.0.1 is a loopback'],
    ['http://2130706433/', '127.0.0.1 is a loopback'],
    ['http://0x7f.0.0.1/', '127.0.0.1 is a loopback'],
    ['http://0x7f000001/', '127.0.0.1 is a loopback'],
    ['http://0177.0.0.1/', '127.0.0.1 is a loopback'],
    ['http://127.1/', '127.0.0.1 is a loopback'],
    ['http://127.0.0.1./', '127.0.0.1 is a loopback'],
    ['http://0/', '0.0.0.0 is an unspecified'],
    ['http://0.0.0.0:8080/', '0.0.0.0 is an unspecified'],
    ['http://[::1]/', '::1 is a loopback'],
    ['http://[::]/', ':: is an unspecified'],
    ['http://[fe80::1]/', 'fe80::1 is a link-local'],
    ['http://[fc00::1]/', 'fc00::1 is a unique-local'],
    ['http://[::ffff:127.0.0.1]/', 'IPv6 form of 127.0.0.1'],
    ['http://[64:ff9b::127.0.0.1]/', 'IPv6 form of 127.0.0.1'],
    ['http://[2002:7f00:1::]/', 'IPv6 form of 127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://[fd00:ec2::254]/', 'cloud metadata'],
    ['http://10.1.2.3/', 'private network'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://192.0.2.1/', 'documentation'],
    ['HTTP://LOCALHOST:3000/', 'internal host (localhost)'],
    ['http://localhost./', 'internal host (localhost)'],
    ['http://api.localhost/', 'internal host (api.localhost)'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'internal host (metadata.google.internal)'],
    ['http://METADATA.GOOGLE.INTERNAL./', 'internal host (metadata.google.internal)'],
    ['http://printer.local/', 'internal host (printer.local)'],
    ['http://router.home.arpa/', 'internal host'],
    ['http://example.com@127.0.0.1/', 'user name or password'],
    ['http://user:pass@example.org/', 'user name or password'],
    ['https://:secret@example.org/', 'user name or password'],
    ['ftp://example.org/', 'must start with https:// or http://'],
    ['file:///etc/passwd', 'must start with https:// or http://'],
    ['gopher://127.0.0.1:6379/', 'must start with https:// or http://'],
    ['http://', 'not a valid web address'],
    ['not a url', 'not a valid web address'],
  ])('refuses %s', (value, message) => {
    expect(refusal(value)).toContain(message)
  })

  it('accepts public addresses and names, which DNS checks next', () => {
    const name = parseWebhookTarget('https://hooks.example.org/pressroom')
    expect(name).toMatchObject({ host: 'hooks.example.org' })
    expect(name).not.toHaveProperty('address')
    expect(parseWebhookTarget('https://HOOKS.Example.ORG./x')).toMatchObject({ host: 'hooks.example.org' })
    expect(parseWebhookTarget('http://8.8.8.8:8080/')).toMatchObject({ host: '8.8.8.8', address: '8.8.8.8' })
    expect(parseWebhookTarget('https://[2606:4700:4700::1111]/')).toMatchObject({ address: '2606:4700:4700::1111' })
  })

  it('lets loopback and localhost through with the loopback allowance, and nothing else', () => {
    for (const value of ['http://127.0.0.1:3000/', 'http://[::1]/', 'http://localhost:3000/', 'http://2130706433/'])
      expect(refusal(value, 'loopback')).toBeUndefined()
    for (const value of [
      'http://0.0.0.0/',
      'http://169.254.169.254/',
      'http://10.0.0.1/',
      'http://metadata.google.internal/',
      'http://x.localhost/',
      'http://a@127.0.0.1/',
    ])
      expect(refusal(value, 'loopback')).toBeDefined()
  })
})
