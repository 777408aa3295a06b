import { XMLBuilder } from 'fast-xml-parser'

import { frontendUrl } from './frontendUrl'

export type LocalizedDoc = {
  slug?: Record<string, string | null | undefined> | null
  updatedAt?: string
  [field: string]: unknown
}

export type SitemapEntry = { alternates: { locale: string; url: string }[]; lastmod?: string }

/**
 * The locale versions of one document (read with `locale=all`) that have content: a title (or
 * name) and a slug in that locale. A locale that falls back to English has no page of its own.
 */
export function alternatesOf(collection: string, doc: LocalizedDoc, titleField: string, locales: string[]): SitemapEntry {
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

/** A sitemap with reciprocal hreflang alternates and x-default pointing at the default locale's page. */
export function buildSitemap(entries: SitemapEntry[], defaultLocale: string): string {
  const urls = entries.flatMap(({ alternates, lastmod }) => {
    const fallback = alternates.find((alternate) => alternate.locale === defaultLocale) ?? alternates[0]
    const links = alternates.length > 1 ? [...alternates.map(({ locale, url }) => ({ '@_rel': 'alternate', '@_hreflang': locale, '@_href': url })), { '@_rel': 'alternate', '@_hreflang': 'x-default', '@_href': fallback.url }] : []
    return alternates.map(({ url }) => ({ loc: url, ...(lastmod ? { lastmod } : {}), ...(links.length ? { 'xhtml:link': links } : {}) }))
  })
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true })
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    builder.build({
      urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', '@_xmlns:xhtml': 'http://www.w3.org/1999/xhtml', url: urls },
    })
  )
}
