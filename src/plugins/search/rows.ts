import type { SearchDeclaration } from '@/policy/editorial'
import { searchForm } from '@/utilities/searchText'

type Doc = Record<string, unknown> & { id: number | string }

export type SearchRow = {
  collection: string
  document: string
  locale: string
  title: string
  summary: string | null
  slug: string | null
  /** The locale the slug is from: this one, or the default locale's page when this one has no page of its own. */
  slugLocale: string | null
  titleTerms: string
  terms: string
  date: string | null
  embargoUntil: string | null
}

const present = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === 'string'
      ? value.trim() !== ''
      : value !== undefined && value !== null

/**
 * The strings at a dotted path of a document read with `locale: 'all'`: a text, or each entry of
 * a hasMany text, in `locale`, else in `fallback` as the API falls back (a localized field is an
 * object keyed by locale there).
 */
export function textsAt(
  doc: Record<string, unknown>,
  path: string,
  locale: string,
  fallback: string,
  locales: string[],
): string[] {
  let value = path
    .split('.')
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined,
      doc,
    )
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => locales.includes(key))
  ) {
    const byLocale = value as Record<string, unknown>
    value = present(byLocale[locale]) ? byLocale[locale] : byLocale[fallback]
  }
  const values = Array.isArray(value) ? value : [value]
  return values.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
}

/** The fields a declaration reads, as a Payload `select`. */
export function selectOf(declaration: SearchDeclaration): Record<string, true> {
  const paths = [
    declaration.title,
    ...(declaration.summary ?? []),
    ...(declaration.text ?? []),
    ...(declaration.date ? [declaration.date] : []),
    'slug',
    'embargoUntil',
  ]
  return Object.fromEntries(paths.map((path) => [path.split('.')[0], true]))
}

/**
 * The index row of one document (read with `locale: 'all'`) in one locale, as the public reads it
 * there, falling back to `fallback` as the API does; none without a title.
 */
export function searchRowOf(
  collection: string,
  declaration: SearchDeclaration,
  doc: Doc,
  locale: string,
  fallback: string,
  locales: string[],
): SearchRow | undefined {
  const at = (path: string) => textsAt(doc, path, locale, fallback, locales)
  const [title] = at(declaration.title)
  if (!title) return undefined
  const summary = (declaration.summary ?? []).flatMap(at)[0] ?? null
  const text = [title, ...[...(declaration.summary ?? []), ...(declaration.text ?? [])].flatMap(at)]
  const date = declaration.date ? (at(declaration.date)[0] ?? null) : null
  const slugs = (doc.slug ?? {}) as Record<string, string | null | undefined>
  const slugLocale = slugs[locale] ? locale : slugs[fallback] ? fallback : null
  return {
    collection,
    document: String(doc.id),
    locale,
    title,
    summary,
    slug: slugLocale ? slugs[slugLocale]! : null,
    slugLocale,
    titleTerms: ` ${searchForm(title)} `,
    terms: ` ${searchForm([...new Set(text)].join(' '))} `,
    date,
    embargoUntil: typeof doc.embargoUntil === 'string' ? doc.embargoUntil : null,
  }
}
