import crypto from 'node:crypto'

export const SIGNATURE_HEADER = 'x-pressroom-signature'
export const TIMESTAMP_HEADER = 'x-pressroom-timestamp'

/**
 * HMAC-SHA256 over `${timestamp}.${body}`, hex, prefixed "sha256=". Signing the timestamp lets
 * receivers refuse replays: reject a delivery whose timestamp is older than a few minutes.
 */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** What a receiver does: recompute, compare in constant time, and check the timestamp is recent. */
export function verifyWebhook(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  now = Date.now(),
  toleranceMs = 5 * 60_000,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body))
  const given = Buffer.from(signature)
  return (
    given.length === expected.length &&
    crypto.timingSafeEqual(given, expected) &&
    Math.abs(now - timestamp * 1000) <= toleranceMs
  )
}
