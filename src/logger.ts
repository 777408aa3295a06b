import type { Config } from 'payload'
import { defaultLoggerOptions } from 'payload'
import { stdSerializers } from 'pino'

import { ConfigurationError, isProduction } from './env'

type Env = Record<string, string | undefined>

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g
/** Bearer and JWT credentials, and password-reset or API-key style tokens after a "token" word. */
const CREDENTIAL = /\b((?:bearer|jwt|users api-key)\s+|token["'=:\s]+)[\w.~+/=-]{8,}/gi

/** A text with e-mail addresses and credentials replaced: error messages quote what they were given. */
export const scrub = (text: string): string =>
  text.replace(JWT, '[token]').replace(CREDENTIAL, '$1[token]').replace(EMAIL, '[email]')

/**
 * Payload's pino logger: JSON lines on stdout in production, Payload's pretty lines in development,
 * at LOG_LEVEL (default info). Headers that carry credentials and fields named like them are
 * redacted, and messages are scrubbed, so neither a token, a cookie nor an e-mail address is written.
 */
export function logger(env: Env = process.env): NonNullable<Config['logger']> {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info'
  if (!LEVELS.includes(level))
    throw new ConfigurationError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`)
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.token',
        '*.apiKey',
        '*.email',
        'password',
        'token',
        'email',
      ],
      censor: '[redacted]',
    },
    serializers: {
      err: (error: Error) => {
        const serialized = stdSerializers.err(error)
        return {
          ...serialized,
          message: scrub(String(serialized.message ?? '')),
          stack: scrub(String(serialized.stack ?? '')),
        }
      },
    },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
        // Payload sometimes passes its message inside the object ({ msg }) rather than after it.
        const scrubbed = args.map((arg) => {
          if (typeof arg === 'string') return scrub(arg)
          if (arg && typeof arg === 'object' && typeof (arg as { msg?: unknown }).msg === 'string') {
            return { ...arg, msg: scrub((arg as { msg: string }).msg) }
          }
          return arg
        })
        method.apply(this, scrubbed)
      },
    },
  }
  return isProduction(env) ? { options } : { options, destination: defaultLoggerOptions }
}
