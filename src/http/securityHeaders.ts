import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

import { frontendOrigins } from '@/plugins/delivery/frontendUrl'

type Middleware = (req: never, res: never, next: (error?: unknown) => void) => void

/**
 * The headers a middleware sets when it sets the same ones on every response, recorded once.
 * Helmet runs a chain of fourteen middlewares per request for what is, with these options, one
 * fixed list: replaying the list costs a fraction of that on every public read.
 */
export function recordedHeaders(middleware: Middleware): [string, string][] {
  const headers: [string, string][] = []
  let passed = false
  const res = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    // Helmet removes X-Powered-By, which express is told not to send (createApp).
    removeHeader: () => undefined,
  }
  middleware({} as never, res as never, (error) => {
    if (error) throw error
    passed = true
  })
  if (!passed) throw new Error('The security headers middleware did not finish synchronously.')
  return headers
}

/**
 * Security headers for every response. The Content-Security-Policy is the one the Payload admin
 * works under: Next.js hydrates with inline scripts and the admin styles inline, so both need
 * 'unsafe-inline' (dev also needs 'unsafe-eval' for fast refresh); nothing loads from another
 * origin (fonts and icons are bundled); only the frontends may frame the admin's live preview.
 */
/** Helmet's options for these headers. */
export const securityHeaderOptions = (production: boolean): HelmetOptions => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'", ...(production ? [] : ['ws:'])],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      'frame-src': ["'self'", ...frontendOrigins()],
      'img-src': ["'self'", 'data:', 'blob:'],
      'object-src': ["'none'"],
      'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
      'style-src': ["'self'", "'unsafe-inline'"],
      'worker-src': ["'self'", 'blob:'],
    },
  },
  crossOriginEmbedderPolicy: false,
  // API responses are read by frontends on other origins (CORS decides who).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
})

export const securityHeaders = (production: boolean): RequestHandler => {
  const headers = recordedHeaders(helmet(securityHeaderOptions(production)) as Middleware)
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value)
    next()
  }
}
