import { canonicalFrontend } from './frontendUrl'

type Env = Record<string, string | undefined>

/**
 * Where the admin's Preview and Live Preview open a document: the frontend's preview route, which
 * checks PREVIEW_SECRET and then reads the draft with its preview API key (held on the frontend's
 * server, never put in a URL).
 */
export function previewUrl(
  collection: string,
  doc: { slug?: string | null; id?: number | string },
  locale: string | undefined,
  env: Env = process.env,
): string {
  const params = new URLSearchParams({
    collection,
    slug: doc.slug ?? '',
    id: String(doc.id ?? ''),
    locale: locale ?? 'en',
  })
  if (env.PREVIEW_SECRET) params.set('secret', env.PREVIEW_SECRET)
  return `${canonicalFrontend(env)}/api/preview?${params}`
}
