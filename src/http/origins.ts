import { frontendOrigins } from '@/plugins/delivery/frontendUrl'

type Env = Record<string, string | undefined>

/**
 * Origins allowed to call the API from a browser (CORS) and to send Payload's auth cookie (CSRF):
 * the frontends of FRONTEND_URL plus the CMS itself, whose admin panel must keep working.
 * With no FRONTEND_URL, Payload's defaults stay (no cross-origin access is granted).
 */
export function allowedOrigins(env: Env = process.env): string[] {
  const frontends = frontendOrigins(env)
  if (!frontends.length) return []
  const self = (env.SERVER_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '')
  return [...new Set([self, ...frontends])]
}
