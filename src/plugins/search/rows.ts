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
  titleTerms: string
  terms: string
  date: string | null
  embargoUntil: string | null
}

/** The strings at a dotted path: a text, or each entry of a hasMany text. */
export function textsAt(doc: Record<string, unknown>, path: string): string[] {
  const value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc)
  const values = Array.isArray(value) ? value : [value]
  return values.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
}

/** The fields a declaration reads, as a Payload `select`. */
export function selectOf(declaration: SearchDeclaration): Record<string, true> {
  const paths = [declaration.title, ...(declaration.summary ?? []), ...(declaration.text ?? []), ...(declaration.date ? [declaration.date] : []), 'slug', 'embargoUntil']
  return Object.fromEntries(paths.map((path) => [path.split('.')[0], true]))
}

/** The index row of one document in one locale, as the public reads it there; none without a title. */
export function searchRowOf(collection: string, declaration: SearchDeclaration, doc: Doc, locale: string): SearchRow | undefined {
  const [title] = textsAt(doc, declaration.title)
  if (!title) return undefined
  const summary = (declaration.summary ?? []).flatMap((path) => textsAt(doc, path))[0] ?? null
  const text = [title, ...(declaration.summary ?? []), ...(declaration.text ?? [])].flatMap((path, index) => (index === 0 ? [path] : textsAt(doc, path)))
  const date = declaration.date ? (textsAt(doc, declaration.date)[0] ?? null) : null
  return {
    collection,
    document: String(doc.id),
    locale,
    title,
    summary,
    slug: typeof doc.slug === 'string' ? doc.slug : null,
    titleTerms: ` ${searchForm(title)} `,
    terms: ` ${searchForm([...new Set(text)].join(' '))} `,
    date,
    embargoUntil: typeof doc.embargoUntil === 'string' ? doc.embargoUntil : null,
  }
}
