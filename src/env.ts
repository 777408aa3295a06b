import crypto from 'node:crypto'

/** Raised when the environment cannot run Pressroom; the message is meant for the operator. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

type Env = Record<string, string | undefined>

/**
 * A whole number from the environment: `fallback` when the variable is unset or empty, else the
 * value if it is a whole number in range. Anything else stops the start with one line naming the
 * variable, so that a typo never runs quietly on a default, or on NaN.
 */
export function wholeNumberFromEnv(
  env: Env,
  name: string,
  fallback: number,
  { min = 1, max }: { min?: number; max?: number } = {},
): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `from ${min}` : `from ${min} to ${max}`
    throw new ConfigurationError(`${name} must be a whole number ${range}, got "${raw}".`)
  }
  return value
}

export const isProduction = (env: Env = process.env): boolean => env.NODE_ENV === 'production'

/** Values that ship in examples and tutorials; a production server must never sign tokens with them. */
const KNOWN_DEFAULT_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'your-secret-here', 'YOUR_SECRET_HERE'])
export const MIN_SECRET_LENGTH = 32

/**
 * The secret Payload signs tokens with. Production requires a real one; development
 * generates one per process and publishes it to `process.env` so that the express
 * process and the Next.js bundle (two copies of this module) agree on it.
 */
export function resolveSecret(env: Env = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim() ?? ''
  // `next build` imports the config to collect pages; nothing is signed then.
  if (env.NEXT_PHASE === 'phase-production-build') return secret || 'build-time-placeholder'
  if (isProduction(env)) {
    if (KNOWN_DEFAULT_SECRETS.has(secret) || secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigurationError(
        `PAYLOAD_SECRET must be set to a random value of at least ${MIN_SECRET_LENGTH} characters in production ` +
          `(e.g. node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))").`,
      )
    }
    return secret
  }
  if (secret) return secret
  const generated = crypto.randomBytes(32).toString('base64url')
  env.PAYLOAD_SECRET = generated
  console.warn('[pressroom] PAYLOAD_SECRET is not set: using a generated secret; sessions end when the process stops.')
  return generated
}

export function listenAddress(env: Env = process.env): { host: string; port: number } {
  return { host: env.HOST || '0.0.0.0', port: wholeNumberFromEnv(env, 'PORT', 3000, { min: 0, max: 65535 }) }
}

export const serverURL = (env: Env = process.env): string | undefined => env.SERVER_URL || undefined

/** The host part of stable ids (iCalendar UIDs, feed GUIDs): the CMS's own address. */
export const serverHost = (env: Env = process.env): string =>
  new URL(env.SERVER_URL || 'http://pressroom.local').hostname

export const MIN_METRICS_TOKEN_LENGTH = 16

/** The bearer token GET /metrics needs, or undefined: without METRICS_TOKEN there is no /metrics. */
export function metricsToken(env: Env = process.env): string | undefined {
  const token = env.METRICS_TOKEN?.trim()
  if (!token) return undefined
  if (token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new ConfigurationError(
      `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters, or unset to turn /metrics off.`,
    )
  }
  return token
}

/** How many days past events stay in /feeds/events.ics, so subscribers keep their history (CALENDAR_PAST_DAYS, default 90). */
export const calendarPastDays = (env: Env = process.env): number =>
  wholeNumberFromEnv(env, 'CALENDAR_PAST_DAYS', 90, { min: 0, max: 3660 })
