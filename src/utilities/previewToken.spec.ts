import { createPreviewToken, verifyPreviewToken } from './previewToken'

const secret = 'a'.repeat(40)
const now = new Date('2026-05-30T12:00:00Z')
const inAnHour = now.getTime() / 1000 + 3600

describe('preview tokens', () => {
  it('verify with the secret that signed them, until they expire', () => {
    const token = createPreviewToken({ link: 12, exp: inAnHour }, secret)
    expect(verifyPreviewToken(token, secret, now)).toEqual({ ok: true, claims: { link: 12, exp: inAnHour } })
    expect(verifyPreviewToken(token, secret, new Date(inAnHour * 1000))).toEqual({ ok: false, reason: 'expired' })
  })
  it('fail with another secret or a changed body', () => {
    const token = createPreviewToken({ link: 12, exp: inAnHour }, secret)
    expect(verifyPreviewToken(token, 'b'.repeat(40), now)).toEqual({ ok: false, reason: 'signature' })
    const forged = `${Buffer.from(JSON.stringify({ link: 13, exp: inAnHour })).toString('base64url')}.${token.split('.')[1]}`
    expect(verifyPreviewToken(forged, secret, now)).toEqual({ ok: false, reason: 'signature' })
  })
  it('call anything else malformed', () => {
    for (const token of [undefined, '', 'abc', 'a.b.c', ['x'], '<script>.x']) {
      expect(verifyPreviewToken(token, secret, now)).toMatchObject({ ok: false })
    }
    expect(verifyPreviewToken('abc', secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })
})
