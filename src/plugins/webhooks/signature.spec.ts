import { signWebhook, verifyWebhook } from './signature'

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'publish', collection: 'events', id: 1 })
  const now = Date.parse('2026-12-01T10:00:00Z')
  const timestamp = now / 1000

  it('verify with the shared secret, body and timestamp', () => {
    const signature = signWebhook('s3cret', timestamp, body)
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(verifyWebhook('s3cret', timestamp, body, signature, now)).toBe(true)
  })
  it('fail for another secret, a changed body or timestamp, and a replay after the tolerance', () => {
    const signature = signWebhook('s3cret', timestamp, body)
    expect(verifyWebhook('other', timestamp, body, signature, now)).toBe(false)
    expect(verifyWebhook('s3cret', timestamp, body.replace('1', '2'), signature, now)).toBe(false)
    expect(verifyWebhook('s3cret', timestamp + 1, body, signature, now)).toBe(false)
    expect(verifyWebhook('s3cret', timestamp, body, signature, now + 6 * 60_000)).toBe(false)
  })
})
