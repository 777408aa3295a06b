import type { CollectionAfterReadHook, Config, FlattenedField, Plugin } from 'payload'

import { richTextToHtml } from '@/utilities/richTextHtml'
import { withHooks } from '@/utilities/withHooks'

/** The values `?richText=` takes: `lexical` (the default, Payload's editor state) or `html`. */
export const RICH_TEXT_FORMATS = ['lexical', 'html'] as const

type Doc = Record<string, unknown>
type Convert = (state: unknown) => string

/** Every rich-text value of a document as read, in groups, tabs, arrays and blocks alike, converted. */
export function convertRichText(fields: FlattenedField[], doc: Doc, convert: Convert, allLocales: boolean): Doc {
  const out: Doc = { ...doc }
  for (const field of fields) {
    if (!('name' in field) || !(field.name in doc)) continue
    const value = doc[field.name]
    if (value === null || value === undefined) continue
    // Read with locale=all, a localized field is an object of locales.
    const perLocale =
      allLocales &&
      'localized' in field &&
      field.localized &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !('root' in value)
    const each = (inner: (one: unknown) => unknown) =>
      perLocale
        ? Object.fromEntries(Object.entries(value as Doc).map(([locale, one]) => [locale, inner(one)]))
        : inner(value)
    if (field.type === 'richText')
      out[field.name] = each((one) => (one && typeof one === 'object' ? convert(one) : one))
    else if (field.type === 'group' || field.type === 'tab')
      out[field.name] = each((one) =>
        one && typeof one === 'object' ? convertRichText(field.flattenedFields, one as Doc, convert, allLocales) : one,
      )
    else if (field.type === 'array')
      out[field.name] = each((rows) =>
        Array.isArray(rows)
          ? rows.map((row) =>
              row && typeof row === 'object'
                ? convertRichText(field.flattenedFields, row as Doc, convert, allLocales)
                : row,
            )
          : rows,
      )
    else if (field.type === 'blocks')
      out[field.name] = each((rows) =>
        Array.isArray(rows)
          ? rows.map((row) => {
              const block = field.blocks.find((candidate) => candidate.slug === (row as Doc | null)?.blockType)
              return block && row && typeof row === 'object'
                ? convertRichText(block.flattenedFields, row as Doc, convert, allLocales)
                : row
            })
          : rows,
      )
  }
  return out
}

/** Whether a read asked for HTML: only reads (a write's answer is the stored document), by the `richText` query parameter. */
const asksForHtml = (req: Parameters<CollectionAfterReadHook>[0]['req']): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  (req.query as Record<string, unknown> | undefined)?.richText === 'html'

/**
 * Converts rich text in the answer to sanitized HTML for `GET …?richText=html`: the document's own
 * and those populated into it (their reads run this hook too). Runs last among afterRead hooks,
 * after access, hidden speakers and population have decided what the answer holds.
 */
const toHtml: CollectionAfterReadHook = ({ collection, doc, req }) => {
  if (!doc || !asksForHtml(req)) return doc
  const locale =
    req.locale && req.locale !== 'all'
      ? req.locale
      : (req.payload.config.localization && req.payload.config.localization.defaultLocale) || 'en'
  const convert: Convert = (state) =>
    richTextToHtml(state, { locale, serverUrl: req.payload.config.serverURL || undefined })
  return convertRichText(collection.flattenedFields, doc as Doc, convert, req.locale === 'all')
}

/** `?richText=html` on REST reads of every collection: rich text delivered as sanitized HTML instead of Lexical JSON. */
export const richTextHtmlPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => withHooks(collection, { afterRead: [toHtml] })),
})
