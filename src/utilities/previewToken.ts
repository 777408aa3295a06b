import crypto from 'node:crypto'

export type PreviewClaims = { link: number | string; exp: number }

const sign = (body: string, secret: string) =>
  crypto.createHmac('sha256', secret).update(`preview:${body}`).digest('base64url')

/** A token naming a preview link and its expiry (seconds since the epoch), signed with the server's secret. */
export function createPreviewToken(claims: PreviewClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

export type PreviewCheck =
  { ok: true; claims: PreviewClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

/** Checks the signature and expiry; revocation is the preview link's own state. */
export function verifyPreviewToken(token: unknown, secret: string, now: Date = new Date()): PreviewCheck {
  if (typeof token !== 'string' || !/^[\w-]+\.[\w-]+$/.test(token)) return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.')
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature' }
  let claims: PreviewClaims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof claims?.exp !== 'number' || (typeof claims.link !== 'number' && typeof claims.link !== 'string')) {
    return { ok: false, reason: 'malformed' }
  }
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}
