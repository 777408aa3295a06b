import { SitemapIndexStream, type SitemapItemLoose, SitemapStream, streamToPromise } from 'sitemap'

import { wholeNumberFromEnv } from '@/env'

import { frontendUrl } from './frontendUrl'

export type LocalizedDoc = {
  slug?: Record<string, string | null | undefined> | null
  updatedAt?: string
  [field: string]: unknown
}

export type SitemapEntry = { alternates: { locale: string; url: string }[]; lastmod?: string }

/** The most URLs one sitemap file may list (sitemaps.org); beyond it /sitemap.xml is an index of files. */
export const SITEMAP_FILE_LIMIT = 50_000

/** URLs per sitemap file: SITEMAP_URLS_PER_FILE, at most (and by default) the protocol's 50,000. */
export function urlsPerFile(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberFromEnv(env, 'SITEMAP_URLS_PER_FILE', SITEMAP_FILE_LIMIT, { max: SITEMAP_FILE_LIMIT })
}

/**
 * The locale versions of one document (read with `locale=all`) that have content: a title (or
 * name) and a slug in that locale. A locale that falls back to English has no page of its own.
 */
export function alternatesOf(
  collection: string,
  doc: LocalizedDoc,
  titleField: string,
  locales: string[],
): SitemapEntry {
  const titles = (doc[titleField] ?? {}) as Record<string, unknown>
  const alternates = locales.flatMap((locale) => {
    const slug = doc.slug?.[locale]
    const title = titles[locale]
    if (!slug || typeof title !== 'string' || !title.trim()) return []
    const url = frontendUrl(collection, { slug }, locale)
    return url ? [{ locale, url }] : []
  })
  return { alternates, lastmod: doc.updatedAt }
}

/** One sitemap item per page, with reciprocal hreflang alternates and x-default pointing at the default locale's page. */
export function sitemapItems(entries: SitemapEntry[], defaultLocale: string): SitemapItemLoose[] {
  return entries.flatMap(({ alternates, lastmod }) => {
    const fallback = alternates.find((alternate) => alternate.locale === defaultLocale) ?? alternates[0]
    const links =
      alternates.length > 1
        ? [...alternates.map(({ locale, url }) => ({ lang: locale, url })), { lang: 'x-default', url: fallback.url }]
        : []
    return alternates.map(({ url }) => ({ url, ...(lastmod ? { lastmod } : {}), ...(links.length ? { links } : {}) }))
  })
}

const written = async (stream: SitemapStream | SitemapIndexStream, items: unknown[]): Promise<string> => {
  const done = streamToPromise(stream)
  for (const item of items) stream.write(item)
  stream.end()
  return (await done).toString()
}

/** One sitemap file (a `urlset`), written by the `sitemap` library. */
export const buildSitemap = (items: SitemapItemLoose[]): Promise<string> =>
  written(new SitemapStream({ xmlns: { news: false, xhtml: true, image: false, video: false } }), items)

/** The sitemap index listing `files` sitemap files at `fileUrl(1…files)`. */
export const buildSitemapIndex = (files: number, fileUrl: (file: number) => string): Promise<string> =>
  written(
    new SitemapIndexStream(),
    Array.from({ length: files }, (_, index) => ({ url: fileUrl(index + 1) })),
  )
