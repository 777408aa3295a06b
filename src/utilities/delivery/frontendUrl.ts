type Env = Record<string, string | undefined>

/** Collections that have a page on the frontend, and where it is. `{locale}` and `{slug}` are filled in. */
export const defaultFrontendPaths: Record<string, string> = {
  events: '/{locale}/events/{slug}',
  'press-releases': '/{locale}/press-releases/{slug}',
  projects: '/{locale}/projects/{slug}',
  organisations: '/{locale}/organisations/{slug}',
  speakers: '/{locale}/speakers/{slug}',
}

/** FRONTEND_URL may list several origins (comma-separated) for CORS; the first is the canonical one. */
export const frontendOrigins = (env: Env = process.env): string[] =>
  (env.FRONTEND_URL ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)

export const canonicalFrontend = (env: Env = process.env): string => frontendOrigins(env)[0] ?? 'http://localhost:3001'

/** Per-collection path patterns: the defaults, overridden by FRONTEND_PATHS (a JSON object). */
export function frontendPaths(env: Env = process.env): Record<string, string> {
  if (!env.FRONTEND_PATHS) return defaultFrontendPaths
  const parsed: unknown = JSON.parse(env.FRONTEND_PATHS)
  if (!parsed || typeof parsed !== 'object') throw new Error('FRONTEND_PATHS must be a JSON object of collection → path pattern.')
  return { ...defaultFrontendPaths, ...(parsed as Record<string, string>) }
}

/** The page of a document on the frontend, or undefined when its collection has no page or it has no slug. */
export function frontendUrl(collection: string, doc: { slug?: string | null }, locale: string, env: Env = process.env): string | undefined {
  const pattern = frontendPaths(env)[collection]
  if (!pattern || !doc.slug) return undefined
  return canonicalFrontend(env) + pattern.replaceAll('{locale}', encodeURIComponent(locale)).replaceAll('{slug}', encodeURIComponent(doc.slug))
}
