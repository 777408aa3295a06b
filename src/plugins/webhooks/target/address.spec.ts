import { refusedAddress } from './address'

describe('refusedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    // IPv6 forms that deliver to an IPv4 address are judged by that address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::', 'private'],
    // and IPv6 outside global unicast, or in its special blocks.
    ['::7f00:1', 'reserved'], // IPv4-compatible, as the URL parser writes [::127.0.0.1]
    ['64:ff9b:1::8.8.8.8', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['fec0::1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('refuses %s as %s', (address, category) => {
    expect(refusedAddress(address)).toMatchObject({ category })
  })

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('lets public %s through', (address) => {
    expect(refusedAddress(address)).toBeUndefined()
  })

  it('refuses loose spellings and names: only the URL parser or DNS may hand addresses over', () => {
    for (const text of ['127.1', '0177.0.0.1', '0x7f.0.0.1', '2130706433', '0', 'localhost', ''])
      expect(refusedAddress(text)).toMatchObject({ category: 'reserved' })
  })

  it('lets loopback through with the loopback allowance, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect(refusedAddress(address, 'loopback')).toBeUndefined()
    for (const address of ['0.0.0.0', '::', '10.0.0.1', '169.254.169.254', 'fd00:ec2::254', 'fe80::1'])
      expect(refusedAddress(address, 'loopback')).toBeDefined()
  })

  it('says what the address is, naming the IPv4 address inside an IPv6 form', () => {
    expect(refusedAddress('169.254.169.254')?.reason).toBe('169.254.169.254 is a cloud metadata service address')
    expect(refusedAddress('::ffff:7f00:1')?.reason).toBe(
      '::ffff:7f00:1 is an IPv6 form of 127.0.0.1, a loopback address (this server itself)',
    )
  })
})
