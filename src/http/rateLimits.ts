import type { RequestHandler } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'

import { wholeNumberFromEnv } from '@/env'
import { errorBody } from '@/utilities/errors'

type Env = Record<string, string | undefined>

/**
 * Attempts per client address per window on the endpoints that guess passwords or send mail.
 * LOGIN_RATE_LIMIT (default 10) and RATE_LIMIT_WINDOW_MS (default 15 minutes) change them.
 * The server counts in the database (`DatabaseRateLimitStore`), so the limit holds across instances.
 */
export function authRateLimit(env: Env = process.env, store?: Store): RequestHandler {
  return limiter(env, rateLimitSettings(env).login, undefined, store)
}

/** The limits' figures from the environment; a value that is not a whole number from 1 is refused. */
export const rateLimitSettings = (env: Env = process.env) => ({
  login: wholeNumberFromEnv(env, 'LOGIN_RATE_LIMIT', 10),
  imports: wholeNumberFromEnv(env, 'TRANSLATION_IMPORT_RATE_LIMIT', 30),
  windowMs: wholeNumberFromEnv(env, 'RATE_LIMIT_WINDOW_MS', 15 * 60_000),
})

/**
 * Translation imports per client address per window: each one may write many documents.
 * TRANSLATION_IMPORT_RATE_LIMIT (default 30) per RATE_LIMIT_WINDOW_MS.
 */
export function importRateLimit(env: Env = process.env, store?: Store): RequestHandler {
  return limiter(
    env,
    rateLimitSettings(env).imports,
    'Too many translation imports from this address. Wait a few minutes and try again.',
    store,
  )
}

function limiter(
  env: Env,
  limit: number,
  message = 'Too many attempts from this address. Wait a few minutes and try again.',
  store?: Store,
): RequestHandler {
  return rateLimit({
    ...(store ? { store } : {}),
    windowMs: rateLimitSettings(env).windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: errorBody(message),
  })
}

/** The routes the limit guards. */
export const rateLimitedRoutes = [
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
  '/api/users/first-register',
]

export const importRoute = '/api/translations/import'
