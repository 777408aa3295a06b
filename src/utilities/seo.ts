import { frontendUrl } from '@/plugins/delivery/frontendUrl'

import { plainText } from './lexical'

/**
 * Where a collection's SEO defaults come from, declared in its config as `custom.pressroom.seo`:
 * field names of the document's title, its summary (plain text; a rich-text field is read as its
 * text) and its share image.
 */
export type SeoSources = {
  title: string
  description?: string[]
  image?: string
  /** The Open Graph type of its pages. Default `website`. */
  type?: 'article' | 'website'
}

/** The lengths plugin-seo shows as its hints (`@payloadcms/plugin-seo` defaults): search engines cut longer ones. */
export const TITLE_MAX = 60
export const DESCRIPTION_MAX = 150

/** The social image size in the media collection: Open Graph's 1200×630. */
export const SOCIAL_SIZE = 'social'

type Doc = Record<string, unknown>

/** Whitespace collapsed, and cut at the last word that fits, with an ellipsis, when longer than `max`. */
export function fitLength(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  // A single long word (a URL, a compound) is cut where it must be.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? plainText(value) : ''

const idOf = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value)) return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return undefined
}

/** The meta title a document gets when the editor leaves it empty: its title, fitted to the hint. */
export const generatedTitle = (doc: Doc | undefined, sources: SeoSources): string =>
  fitLength(textOf(doc?.[sources.title]), TITLE_MAX)

/** The meta description when left empty: the first non-empty source (summary, else the text of the body), fitted. */
export function generatedDescription(doc: Doc | undefined, sources: SeoSources): string {
  for (const name of sources.description ?? []) {
    const text = textOf(doc?.[name]).trim()
    if (text) return fitLength(text, DESCRIPTION_MAX)
  }
  return ''
}

/** The share image when left empty: the document's own image (hero, featured, logo), as an id. */
export const generatedImage = (doc: Doc | undefined, sources: SeoSources): number | string | undefined =>
  sources.image ? idOf(doc?.[sources.image]) : undefined

export type Meta = { title?: string | null; description?: string | null; image?: unknown }

/**
 * The meta of a document being saved with every empty part filled from its sources, or undefined
 * when nothing is missing (or there is nothing to fill it with).
 */
export function filledMeta(doc: Doc, sources: SeoSources): Meta | undefined {
  const meta = (doc.meta && typeof doc.meta === 'object' ? doc.meta : {}) as Meta
  const filled: Meta = { ...meta }
  if (!meta.title?.trim()) filled.title = generatedTitle(doc, sources) || meta.title
  if (!meta.description?.trim()) filled.description = generatedDescription(doc, sources) || meta.description
  if (idOf(meta.image) === undefined) filled.image = generatedImage(doc, sources) ?? meta.image
  const changed = filled.title !== meta.title || filled.description !== meta.description || filled.image !== meta.image
  return changed ? filled : undefined
}

type MediaDoc = {
  url?: string | null
  alt?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
  sizes?: Record<
    string,
    { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null } | undefined
  >
}

export type OpenGraph = {
  title: string
  description: string | null
  url: string | null
  locale: string
  type: string
  image: { url: string; width: number | null; height: number | null; alt: string | null; type: string | null } | null
}

const absolute = (url: string, serverUrl: string) => new URL(url, serverUrl).toString()

/**
 * The Open Graph block of a document as read (one locale): its meta, else what would be generated,
 * the frontend page, and the 1200×630 social rendition of the image when the image is populated
 * (depth ≥ 1); an image known only by id is left out rather than guessed.
 */
export function openGraphOf(
  collection: string,
  doc: Doc,
  locale: string,
  sources: SeoSources,
  serverUrl: string,
): OpenGraph {
  const meta = (doc.meta && typeof doc.meta === 'object' ? doc.meta : {}) as Meta
  const title = meta.title?.trim() || generatedTitle(doc, sources)
  const description = meta.description?.trim() || generatedDescription(doc, sources) || null
  const candidate = [meta.image, sources.image ? doc[sources.image] : undefined].find(
    (value) => value && typeof value === 'object',
  ) as MediaDoc | undefined
  const social = candidate?.sizes?.[SOCIAL_SIZE]
  const image = candidate?.url
    ? social?.url
      ? {
          url: absolute(social.url, serverUrl),
          width: social.width ?? null,
          height: social.height ?? null,
          alt: candidate.alt ?? null,
          type: social.mimeType ?? candidate.mimeType ?? null,
        }
      : {
          url: absolute(candidate.url, serverUrl),
          width: candidate.width ?? null,
          height: candidate.height ?? null,
          alt: candidate.alt ?? null,
          type: candidate.mimeType ?? null,
        }
    : null
  return {
    title,
    description,
    url: frontendUrl(collection, doc as { slug?: string | null }, locale) ?? null,
    locale,
    type: sources.type ?? 'website',
    image,
  }
}
