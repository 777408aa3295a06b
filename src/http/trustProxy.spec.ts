import { ConfigurationError } from '../env'
import { trustProxy } from './trustProxy'

describe('trustProxy', () => {
  it('trusts loopback unless told otherwise', () => {
    expect(trustProxy({})).toEqual(['loopback'])
    expect(trustProxy({ TRUST_PROXY: ' ' })).toEqual(['loopback'])
  })

  it('reads a hop count', () => {
    expect(trustProxy({ TRUST_PROXY: '2' })).toBe(2)
    expect(trustProxy({ TRUST_PROXY: '0' })).toBe(0)
  })

  it('reads addresses, subnets and range names', () => {
    expect(trustProxy({ TRUST_PROXY: '10.0.0.0/8, fd00::/8,192.0.2.1 ,uniquelocal' })).toEqual([
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
      'uniquelocal',
    ])
  })

  it.each(['true', '*', '10.0.0.0/33', '10.0.0', 'proxy.internal', '-1', ','])('refuses %p', (value) => {
    expect(() => trustProxy({ TRUST_PROXY: value })).toThrow(ConfigurationError)
  })
})
