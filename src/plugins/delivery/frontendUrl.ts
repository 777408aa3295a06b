type Env = Record<string, string | undefined>

/** Collections that have a page on the frontend, and where it is. `{locale}` and `{slug}` are filled in. */
export const defaultFrontendPaths: Record<string, string> = {
  events: '/{locale}/events/{slug}',
  'press-releases': '/{locale}/press-releases/{slug}',
  projects: '/{locale}/projects/{slug}',
  organisations: '/{locale}/organisations/{slug}',
  speakers: '/{locale}/speakers/{slug}',
}

let configured: { url?: string; paths?: Record<string, string> } = {}

/** The frontend a host declared (pressroomPlugin's `frontend`); FRONTEND_URL and FRONTEND_PATHS still win, as deployments set them. */
export const useFrontend = (frontend: { url?: string; paths?: Record<string, string> }): void => {
  configured = frontend
}

/** FRONTEND_URL may list several origins (comma-separated) for CORS; the first is the canonical one. */
export const frontendOrigins = (env: Env = process.env): string[] =>
  (env.FRONTEND_URL ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)

export const canonicalFrontend = (env: Env = process.env): string =>
  frontendOrigins(env)[0] ?? configured.url?.replace(/\/+$/, '') ?? 'http://localhost:3001'

/** Per-collection path patterns: the defaults, overridden by FRONTEND_PATHS (a JSON object). */
export function frontendPaths(env: Env = process.env): Record<string, string> {
  const defaults = configured.paths ? { ...defaultFrontendPaths, ...configured.paths } : defaultFrontendPaths
  if (!env.FRONTEND_PATHS) return defaults
  const parsed: unknown = JSON.parse(env.FRONTEND_PATHS)
  if (!parsed || typeof parsed !== 'object')
    throw new Error('FRONTEND_PATHS must be a JSON object of collection → path pattern.')
  return { ...defaults, ...(parsed as Record<string, string>) }
}

/** The path of a document's page on the frontend (no origin), or undefined when its collection has no page or it has no slug. */
export function frontendPath(
  collection: string,
  slug: string | null | undefined,
  locale: string,
  env: Env = process.env,
): string | undefined {
  const pattern = frontendPaths(env)[collection]
  if (!pattern || !slug) return undefined
  return pattern.replaceAll('{locale}', encodeURIComponent(locale)).replaceAll('{slug}', encodeURIComponent(slug))
}

/** The page of a document on the frontend, or undefined when its collection has no page or it has no slug. */
export function frontendUrl(
  collection: string,
  doc: { slug?: string | null },
  locale: string,
  env: Env = process.env,
): string | undefined {
  const path = frontendPath(collection, doc.slug, locale, env)
  return path === undefined ? undefined : canonicalFrontend(env) + path
}
