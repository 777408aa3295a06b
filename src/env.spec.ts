import { jest } from '@jest/globals'

import {
  calendarPastDays,
  ConfigurationError,
  listenAddress,
  MIN_SECRET_LENGTH,
  resolveSecret,
  wholeNumberFromEnv,
} from './env'

describe('resolveSecret', () => {
  const strong = 'x'.repeat(MIN_SECRET_LENGTH)

  it('refuses to run production without a secret, with a message saying what to set', () => {
    expect(() => resolveSecret({ NODE_ENV: 'production' })).toThrow(ConfigurationError)
    expect(() => resolveSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET must be set/)
  })
  it('refuses known default and short secrets in production', () => {
    expect(() => resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'changeme' })).toThrow(ConfigurationError)
    expect(() => resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(ConfigurationError)
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: strong })).toBe(strong)
  })
  it('generates one secret in development and publishes it for the rest of the process', () => {
    const env: Record<string, string | undefined> = { NODE_ENV: 'development' }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const generated = resolveSecret(env)
    expect(generated.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH)
    expect(env.PAYLOAD_SECRET).toBe(generated)
    expect(resolveSecret(env)).toBe(generated)
    expect(warn).toHaveBeenCalledTimes(1)
    warn.mockRestore()
  })
})

describe('listenAddress', () => {
  it('reads HOST and PORT, with defaults', () => {
    expect(listenAddress({})).toEqual({ host: '0.0.0.0', port: 3000 })
    expect(listenAddress({ HOST: '127.0.0.1', PORT: '4100' })).toEqual({ host: '127.0.0.1', port: 4100 })
  })
  it('rejects a port that is not a number', () => {
    expect(() => listenAddress({ PORT: 'eighty' })).toThrow(
      'PORT must be a whole number from 0 to 65535, got "eighty".',
    )
  })
})

describe('calendarPastDays', () => {
  it('is 90 days unless CALENDAR_PAST_DAYS says otherwise, and refuses what is not a number of days', () => {
    expect(calendarPastDays({})).toBe(90)
    expect(calendarPastDays({ CALENDAR_PAST_DAYS: '0' })).toBe(0)
    expect(calendarPastDays({ CALENDAR_PAST_DAYS: '365' })).toBe(365)
    for (const value of ['-1', '1.5', 'a month', '99999'])
      expect(() => calendarPastDays({ CALENDAR_PAST_DAYS: value })).toThrow(ConfigurationError)
  })
})

describe('wholeNumberFromEnv', () => {
  it('gives the fallback when unset or empty, and the value when it is a whole number in range', () => {
    expect(wholeNumberFromEnv({}, 'N', 7)).toBe(7)
    expect(wholeNumberFromEnv({ N: ' ' }, 'N', 7)).toBe(7)
    expect(wholeNumberFromEnv({ N: '12' }, 'N', 7)).toBe(12)
    expect(wholeNumberFromEnv({ N: '0' }, 'N', 7, { min: 0 })).toBe(0)
  })
  it('refuses anything else with a ConfigurationError naming the variable, its range and the value', () => {
    for (const value of ['abc', '-1', '1.5', '1e3', '0x10', '0'])
      expect(() => wholeNumberFromEnv({ N: value }, 'N', 7)).toThrow(
        new ConfigurationError(`N must be a whole number from 1, got "${value}".`),
      )
    expect(() => wholeNumberFromEnv({ N: '11' }, 'N', 7, { max: 10 })).toThrow(
      'N must be a whole number from 1 to 10, got "11".',
    )
  })
})
