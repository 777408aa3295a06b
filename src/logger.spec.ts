import { Writable } from 'node:stream'

import { pino } from 'pino'

import { ConfigurationError } from './env'
import { logger, scrub } from './logger'

describe('scrub', () => {
  it('takes out addresses and credentials, and leaves the rest', () => {
    expect(scrub('No user with olga.p@example.org (login)')).toBe('No user with [email] (login)')
    expect(scrub('Authorization: JWT eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJlMTI')).toBe(
      'Authorization: JWT [token]',
    )
    expect(scrub('Authorization: Bearer 0123456789abcdef0123')).toBe('Authorization: Bearer [token]')
    expect(scrub('token=4f1c2e9a8b7d6c5e4f3a')).toBe('token=[token]')
    expect(scrub('GET /api/events 200 in 12 ms')).toBe('GET /api/events 200 in 12 ms')
  })
})

describe('logger', () => {
  it('writes JSON in production with credentials redacted and messages scrubbed', () => {
    const lines: string[] = []
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) })
    const config = logger({ NODE_ENV: 'production', LOG_LEVEL: 'debug' }) as { options: object }
    const log = pino(config.options, sink)
    log.debug(
      { headers: { cookie: 'payload-token=abc', authorization: 'JWT abc' }, user: { email: 'a@b.org' } },
      'login by a@b.org',
    )
    log.error({ err: new Error('cannot reach olga@example.org') }, 'failed')
    // The shape of Payload's console e-mail adapter.
    log.info({ msg: "Email attempted without being configured. To: 'olga@example.org'" })
    const [first, second, third] = lines.map((line) => JSON.parse(line))
    expect(third.msg).toBe("Email attempted without being configured. To: '[email]'")
    expect(first).toMatchObject({
      level: 20,
      msg: 'login by [email]',
      headers: { cookie: '[redacted]', authorization: '[redacted]' },
      user: { email: '[redacted]' },
    })
    expect(second.err.message).toBe('cannot reach [email]')
    expect(lines.join('')).not.toMatch(/abc|a@b\.org|olga@/)
  })

  it('refuses an unknown LOG_LEVEL', () => {
    expect(() => logger({ LOG_LEVEL: 'loud' })).toThrow(ConfigurationError)
  })
})
