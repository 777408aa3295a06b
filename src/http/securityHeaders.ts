import helmet from 'helmet'

import { frontendOrigins } from '@/plugins/delivery/frontendUrl'

/**
 * Security headers for every response. The Content-Security-Policy is the one the Payload admin
 * works under: Next.js hydrates with inline scripts and the admin styles inline, so both need
 * 'unsafe-inline' (dev also needs 'unsafe-eval' for fast refresh); nothing loads from another
 * origin (fonts and icons are bundled); only the frontends may frame the admin's live preview.
 */
export const securityHeaders = (production: boolean) => {
  const frontends = frontendOrigins()
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'", ...(production ? [] : ['ws:'])],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'frame-src': ["'self'", ...frontends],
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
}
