import { ConfigurationError } from '../env'
import { seedsOnStart } from './index'

describe('seedsOnStart', () => {
  it('loads the demo content by default in development and tests, never by default in production', () => {
    expect(seedsOnStart({})).toBe(true)
    expect(seedsOnStart({ NODE_ENV: 'development' })).toBe(true)
    expect(seedsOnStart({ NODE_ENV: 'production' })).toBe(false)
    expect(seedsOnStart({ NODE_ENV: 'production', SEED_ON_START: '' })).toBe(false)
  })

  it('follows SEED_ON_START either way', () => {
    expect(seedsOnStart({ NODE_ENV: 'production', SEED_ON_START: 'true' })).toBe(true)
    expect(seedsOnStart({ NODE_ENV: 'development', SEED_ON_START: 'false' })).toBe(false)
    expect(seedsOnStart({ NODE_ENV: 'production', SEED_ON_START: 'TRUE' })).toBe(true)
  })

  it.each(['yes', '1', 'on'])('refuses %p', (value) => {
    expect(() => seedsOnStart({ SEED_ON_START: value })).toThrow(ConfigurationError)
  })
})
