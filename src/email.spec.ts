import { emailAdapter, emailWarning, NO_EMAIL_ADAPTER, parseFrom } from './email'
import { ConfigurationError } from './env'

describe('emailAdapter', () => {
  it('leaves development without SMTP_URL to Payload’s console adapter', () => {
    expect(emailAdapter({ NODE_ENV: 'development' })).toBeUndefined()
    expect(emailWarning({ NODE_ENV: 'development' })).toBeUndefined()
  })

  it('gives production without SMTP_URL an adapter that refuses to send, and a warning', async () => {
    const adapter = emailAdapter({ NODE_ENV: 'production' })
    expect(typeof adapter).toBe('function')
    const instance = (adapter as Exclude<typeof adapter, undefined | Promise<unknown>>)({ payload: {} as never })
    expect(instance.name).toBe(NO_EMAIL_ADAPTER)
    await expect(instance.sendEmail({ to: 'a@b.test' })).rejects.toMatchObject({ status: 503 })
    expect(emailWarning({ NODE_ENV: 'production' })).toContain('SMTP_URL is not set')
  })

  it('refuses an SMTP_URL of another scheme, and production links without SERVER_URL', () => {
    expect(() => emailAdapter({ SMTP_URL: 'http://mail.example.org' })).toThrow(ConfigurationError)
    expect(() => emailAdapter({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org' })).toThrow(/SERVER_URL/)
  })
})

describe('parseFrom', () => {
  it('reads a named and a bare address', () => {
    expect(parseFrom('Pressroom CMS <cms@example.org>')).toEqual({ name: 'Pressroom CMS', address: 'cms@example.org' })
    expect(parseFrom('"Quoted Name" <cms@example.org>')).toEqual({ name: 'Quoted Name', address: 'cms@example.org' })
    expect(parseFrom(' cms@example.org ')).toEqual({ name: 'Pressroom', address: 'cms@example.org' })
  })

  it.each(['', 'Pressroom', 'a <b>', 'a@b, c@d'])('refuses %p', (value) => {
    expect(() => parseFrom(value)).toThrow(ConfigurationError)
  })
})
