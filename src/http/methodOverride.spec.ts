import { overriddenUrl, overridesToGet } from './methodOverride'

describe('method override', () => {
  it('is what Payload turns into a GET: a POST with either header saying GET', () => {
    expect(overridesToGet({ method: 'POST', headers: { 'x-payload-http-method-override': 'GET' } })).toBe(true)
    expect(overridesToGet({ method: 'POST', headers: { 'x-http-method-override': ' GET ' } })).toBe(true)
    expect(overridesToGet({ method: 'POST', headers: { 'x-http-method-override': 'DELETE' } })).toBe(false)
    expect(overridesToGet({ method: 'PATCH', headers: { 'x-payload-http-method-override': 'GET' } })).toBe(false)
    expect(overridesToGet({ method: 'POST', headers: {} })).toBe(false)
  })
  it('builds the URL as Payload does, the form after the URL, without a fragment', () => {
    expect(overriddenUrl('/api/events', 'limit=0&depth=5')).toBe('/api/events?limit=0&depth=5')
    expect(overriddenUrl('/api/events?locale=ru', 'limit=1')).toBe('/api/events?locale=ru?limit=1')
    expect(overriddenUrl('/api/events', 'limit=1#limit=0')).toBe('/api/events?limit=1')
  })
})
