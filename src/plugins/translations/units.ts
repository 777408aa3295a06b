import { createHash } from 'node:crypto'

import type { Field, SanitizedConfig } from 'payload'

import { type Inline, inlineText, inlineToXml, MarkupError } from './inline'
import { type Code, formats, richTextToSegments, segmentsToRichText } from './richText'

export type FieldKind = 'text' | 'textarea' | 'textList' | 'richText'

/** A localized text field of one document, with its value in every locale. */
export type TranslatableField = { path: string; kind: FieldKind; label: string; values: Record<string, unknown> }

type Doc = Record<string, unknown>

const labelOf = (field: { name: string; label?: unknown }): string =>
  typeof field.label === 'string'
    ? field.label
    : field.name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase())

const kindOf = (field: Field): FieldKind | undefined => {
  if (field.type === 'text') return field.hasMany ? 'textList' : 'text'
  if (field.type === 'textarea') return 'textarea'
  if (field.type === 'richText') return 'richText'
  return undefined
}

/** Fields a person translates: localized text, not generated (slugs) and not opted out. */
const isTranslatable = (field: Field): boolean =>
  'localized' in field &&
  Boolean(field.localized) &&
  kindOf(field) !== undefined &&
  (field.custom as { translatable?: boolean } | undefined)?.translatable !== false

/**
 * Every translatable field of a document read with `locale: 'all'`, with paths that stay the same
 * whatever the locale: `venue.name`, `programme.<row id>.title`. Array rows are shared by all
 * locales (the arrays are not localized), so their ids pair a translation with its source.
 */
export function translatableFields(
  fields: Field[],
  doc: Doc | undefined,
  prefix = '',
  labelPrefix = '',
): TranslatableField[] {
  if (!doc) return []
  return fields.flatMap((field): TranslatableField[] => {
    if (field.type === 'row' || field.type === 'collapsible')
      return translatableFields(field.fields, doc, prefix, labelPrefix)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? translatableFields(
              tab.fields,
              doc[tab.name] as Doc,
              `${prefix}${tab.name}.`,
              `${labelPrefix}${labelOf({ name: tab.name, label: tab.label })} › `,
            )
          : translatableFields(tab.fields, doc, prefix, labelPrefix),
      )
    }
    if (!('name' in field)) return []
    const label = `${labelPrefix}${labelOf(field)}`
    if (field.type === 'group')
      return translatableFields(field.fields, doc[field.name] as Doc, `${prefix}${field.name}.`, `${label} › `)
    if (field.type === 'array') {
      const rows = Array.isArray(doc[field.name]) ? (doc[field.name] as Doc[]) : []
      return rows.flatMap((row, index) =>
        row?.id
          ? translatableFields(
              field.fields,
              row,
              `${prefix}${field.name}.${String(row.id)}.`,
              `${label} ${index + 1} › `,
            )
          : [],
      )
    }
    if (!isTranslatable(field)) return []
    const value = doc[field.name]
    const values = isLocaleMap(value) ? value : {}
    return [{ path: `${prefix}${field.name}`, kind: kindOf(field) as FieldKind, label, values }]
  })
}

// Read with locale 'all', a localized value is { en: …, ru: … }; an editor state alone has a root.
const isLocaleMap = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !('root' in (value as object))

/** A field's value as segments: one for a text, one per item of a list, one per block of rich text. */
export type Segmented = { segments: Inline[][]; codes: Map<string, Code> }

export function toSegments(kind: FieldKind, value: unknown): Segmented {
  if (kind === 'richText') return richTextToSegments(value)
  const codes = new Map<string, Code>()
  if (kind === 'textList')
    return {
      segments: (Array.isArray(value) ? value : [])
        .filter((item) => typeof item === 'string' && item !== '')
        .map((item) => [{ text: item as string }]),
      codes,
    }
  return { segments: typeof value === 'string' && value !== '' ? [[{ text: value }]] : [], codes }
}

const plain = (inlines: Inline[], where: string): string => {
  if (inlines.some((inline) => !('text' in inline)))
    throw new MarkupError(`${where} is plain text: it cannot hold inline codes.`)
  return inlineText(inlines)
}

/** The value a field takes from translated segments, built on the source's structure and codes. */
export function fromSegments(kind: FieldKind, targets: Inline[][], source: unknown, codes: Map<string, Code>): unknown {
  if (kind === 'richText') return segmentsToRichText(source, targets, codes)
  if (kind === 'textList')
    return targets.map((target, index) => plain(target, `Item ${index + 1}`)).filter((item) => item !== '')
  if (targets.length !== 1) throw new MarkupError(`This field takes one segment, the unit has ${targets.length}.`)
  return plain(targets[0], 'This field')
}

/** The form two values are compared and hashed in: text and code ids, not how Lexical spells them. */
export const canonical = (segments: Inline[][]): string =>
  JSON.stringify(segments.map((segment) => inlineToXml(segment)))

export const isEmpty = (segments: Inline[][]): boolean => segments.every((segment) => inlineText(segment).trim() === '')

export const hashOf = (segments: Inline[][]): string =>
  createHash('sha256').update(canonical(segments)).digest('base64url').slice(0, 22)

/** The XLIFF attributes of each code: what kind of code it is, and for a link the original markup. */
export function codeAttributes(codes: Map<string, Code>): (id: string) => string {
  return (id) => {
    const code = codes.get(id)
    if (!code) return ''
    switch (code.kind) {
      case 'format':
        return ` type="fmt" subType="${formats.find((format) => format.bit === code.bit)?.subType ?? 'pressroom:format'}"`
      case 'link':
        return ` type="link" dataRefStart="${id}-start" dataRefEnd="${id}-end"`
      case 'linebreak':
        return ' type="fmt" subType="xlf:lb"'
      case 'tab':
        return ' type="fmt" subType="pressroom:tab"'
      case 'node':
        return ` type="other" subType="pressroom:${String(code.node.type).replace(/[^A-Za-z0-9_-]/g, '') || 'node'}"`
    }
  }
}

/** The original markup of links, for <originalData>: CAT tools show it and keep it out of reach. */
export function originalData(codes: Map<string, Code>): { id: string; value: string }[] {
  return [...codes].flatMap(([id, code]) => {
    if (code.kind !== 'link') return []
    const fields = (code.node.fields ?? {}) as { url?: string; newTab?: boolean }
    const href = typeof code.node.url === 'string' ? code.node.url : (fields.url ?? '')
    return [
      { id: `${id}-start`, value: `<a href="${href}"${fields.newTab ? ' target="_blank"' : ''}>` },
      { id: `${id}-end`, value: '</a>' },
    ]
  })
}

/** The collections with anything to translate. */
export const translatableSlugs = (config: SanitizedConfig): string[] =>
  config.collections
    .filter((collection) => hasTranslatableFields(collection.fields))
    .map((collection) => collection.slug)

/** Whether a collection has anything to translate. */
export function hasTranslatableFields(fields: Field[]): boolean {
  return fields.some((field) => {
    if (field.type === 'tabs') return field.tabs.some((tab) => hasTranslatableFields(tab.fields))
    if ('fields' in field && ['row', 'collapsible', 'group', 'array'].includes(field.type))
      return hasTranslatableFields(field.fields)
    return isTranslatable(field)
  })
}

type Signature = string
const signature = (code: Code | undefined): Signature => {
  if (!code) return '?'
  if (code.kind === 'format') return `format:${code.bit}`
  if (code.kind === 'link')
    return `link:${JSON.stringify((code.node.fields as { url?: string } | undefined)?.url ?? code.node.url ?? '')}`
  if (code.kind === 'node') return `node:${code.node.type}`
  return code.kind
}

const codeIds = (inlines: Inline[]): string[] =>
  inlines.flatMap((inline) =>
    'text' in inline ? [] : 'ph' in inline ? [inline.ph] : [inline.pc, ...codeIds(inline.children)],
  )

/**
 * A stored translation's segment written with the source's code ids, so a CAT tool pairs them:
 * each code takes the first unused source code of the same segment that means the same thing
 * (bold for bold, a link to the same address). A code the source lacks is dropped, its text kept.
 */
export function alignCodes(
  target: Inline[],
  targetCodes: Map<string, Code>,
  source: Inline[],
  sourceCodes: Map<string, Code>,
): Inline[] {
  const unused = codeIds(source)
  const take = (id: string): string | undefined => {
    const wanted = signature(targetCodes.get(id))
    const index = unused.findIndex((candidate) => signature(sourceCodes.get(candidate)) === wanted)
    return index < 0 ? undefined : unused.splice(index, 1)[0]
  }
  const walk = (inlines: Inline[]): Inline[] =>
    inlines.flatMap((inline): Inline[] => {
      if ('text' in inline) return [inline]
      if ('ph' in inline) {
        const id = take(inline.ph)
        return id ? [{ ph: id }] : []
      }
      const id = take(inline.pc)
      const children = walk(inline.children)
      return id ? [{ pc: id, children }] : children
    })
  return walk(target)
}
