import type { CollectionSlug, PayloadRequest } from 'payload'

import { absentIfRefused } from '@/endpoints/request'
import { defaultLocale } from '@/i18n/localization'

import { attributeOf, childrenOf, type Inline, inlineToXml, MarkupError, type XmlNode, xmlToInline } from './inline'
import { checkJsonDepth, markupTextLength } from './jsonText'
import { readLedgers } from './ledger'
import { counter, ImportLimitError, type ImportLimits, importLimits } from './limits'
import { type FieldState, fieldStatus } from './status'
import {
  alignCodes,
  codeAttributes,
  type FieldKind,
  isEmpty,
  originalData,
  toSegments,
  translatableFields,
} from './units'
import { type Exchange, type ExchangeDocument, ExchangeFileError, type RawExchange, readInlineMarkup } from './xliff'
import { xml12ToInline } from './xliff12'

type Doc = Record<string, unknown> & { id: number | string }

export type ExportQuery = {
  collection: string
  ids?: string[]
  source: string
  target: string
  status?: FieldState[]
  limit?: number
  page?: number
}

/**
 * The documents to translate, each field a unit whose segments carry the source and the current
 * translation (written with the source's code ids). The same model becomes XLIFF or JSON.
 */
export async function exportExchange(
  req: PayloadRequest,
  query: ExportQuery,
): Promise<Exchange & { statuses: Map<string, FieldState>; totalDocs: number; hasNextPage: boolean }> {
  const collection = query.collection as CollectionSlug
  const config = req.payload.collections[collection].config
  const { docs, totalDocs, hasNextPage } = await req.payload.find({
    collection,
    depth: 0,
    draft: true,
    limit: query.limit ?? 500,
    locale: 'all',
    overrideAccess: false,
    page: query.page ?? 1,
    req,
    sort: 'createdAt',
    where: query.ids?.length ? { id: { in: query.ids } } : undefined,
  })
  const ledgers = await readLedgers(
    req,
    collection,
    docs.map((doc) => doc.id),
  )
  const statuses = new Map<string, FieldState>()
  const documents = (docs as unknown as Doc[]).map((doc): ExchangeDocument => {
    const ledger = ledgers.get(String(doc.id)) ?? {}
    const title = config.admin?.useAsTitle
      ? (doc[config.admin.useAsTitle] as Record<string, unknown> | undefined)?.[query.source]
      : undefined
    const units = translatableFields(config.fields, doc).flatMap((field) => {
      const source = toSegments(field.kind, field.values[query.source])
      if (isEmpty(source.segments)) return []
      const status =
        fieldStatus(field, defaultLocale, query.target, ledger[query.target]?.[field.path])?.status ?? 'missing'
      if (query.status?.length && !query.status.includes(status)) return []
      statuses.set(`${collection}/${doc.id}/${field.path}`, status)
      const target = toSegments(field.kind, field.values[query.target])
      // Rich text whose blocks no longer pair with the source's is offered for translation afresh.
      const aligned = target.segments.length === source.segments.length || field.kind === 'textList'
      return [
        {
          id: field.path,
          name: field.label,
          kind: field.kind,
          attributes: codeAttributes(source.codes),
          data: originalData(source.codes),
          codes: source.codes,
          segments: source.segments.map((segment, index) => {
            const existing = aligned ? target.segments[index] : undefined
            return {
              id: `s${index + 1}`,
              source: segment,
              target: existing && alignCodes(existing, target.codes, segment, source.codes),
              state: existing && status === 'translated' ? ('translated' as const) : ('initial' as const),
              stale: status === 'stale',
            }
          }),
        },
      ]
    })
    return { collection, id: String(doc.id), title: typeof title === 'string' ? title : undefined, units }
  })
  return { source: query.source, target: query.target, documents, statuses, totalDocs, hasNextPage }
}

export const JSON_FORMAT = 'pressroom-translations/1'

/** The exchange as JSON for machine pipelines: plain text as strings, rich text as inline markup. */
export function exchangeToJson(exchange: Exchange & { statuses: Map<string, FieldState> }) {
  const text = (kind: string | undefined, inlines: Inline[] | undefined) =>
    inlines === undefined
      ? null
      : kind === 'richText'
        ? inlineToXml(inlines)
        : inlines.map((inline) => ('text' in inline ? inline.text : '')).join('')
  return {
    format: JSON_FORMAT,
    source: exchange.source,
    target: exchange.target,
    documents: exchange.documents.map((document) => ({
      collection: document.collection,
      id: document.id,
      title: document.title ?? null,
      units: document.units.map((unit) => ({
        id: unit.id,
        label: unit.name,
        kind: unit.kind,
        status: exchange.statuses.get(`${document.collection}/${document.id}/${unit.id}`),
        segments: unit.segments.map((segment) => ({
          id: segment.id,
          source: text(unit.kind, segment.source),
          target: text(unit.kind, segment.target),
        })),
      })),
    })),
  }
}

/**
 * What an import reads, whichever format it came in: segments parse on demand, per unit. `data`
 * is what the file says the original markup of its codes is (1.2's `<bpt>`, 2.0's `<originalData>`).
 */
export type ImportSegment = {
  id: string
  source: (kind: FieldKind) => Inline[]
  target?: (kind: FieldKind) => Inline[]
  data?: () => Record<string, string>[]
}
export type ImportDocument = {
  file: string
  collection: string
  id: string
  units: { id: string; segments: ImportSegment[] }[]
}
export type ImportFile = { source: string; target: string; documents: ImportDocument[] }

/** The original data each code of 2.0 inline content refers to (`dataRefStart`, `dataRefEnd`, `dataRef`), by the code's id. */
function referencedData(
  nodes: XmlNode[],
  data: Record<string, string>,
  found: Record<string, string> = {},
): Record<string, string> {
  for (const node of nodes) {
    const id = attributeOf(node, 'id')
    const refs = {
      start: attributeOf(node, 'dataRefStart') ?? attributeOf(node, 'dataRef'),
      end: attributeOf(node, 'dataRefEnd'),
    }
    for (const [end, ref] of Object.entries(refs))
      if (id && ref && data[ref] !== undefined) found[`${id}-${end}`] = data[ref]
    referencedData(childrenOf(node), data, found)
  }
  return found
}

export function importFromXliff(raw: RawExchange): ImportFile {
  const read = raw.version === '1.2' ? (nodes: XmlNode[]) => xml12ToInline(nodes).inlines : xmlToInline
  return {
    source: raw.source,
    target: raw.target,
    documents: raw.documents.map((document) => ({
      ...document,
      units: document.units.map((unit) => ({
        id: unit.id,
        segments: unit.segments.map((segment) => ({
          id: segment.id,
          source: () => read(segment.source),
          target: segment.target && (() => read(segment.target ?? [])),
          data: () =>
            raw.version === '1.2'
              ? [xml12ToInline(segment.source).data, xml12ToInline(segment.target ?? []).data]
              : [
                  referencedData(segment.source, unit.data ?? {}),
                  referencedData(segment.target ?? [], unit.data ?? {}),
                ],
        })),
      })),
    })),
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

const fromText =
  (value: unknown, where: string, limits: ImportLimits) =>
  (kind: FieldKind): Inline[] => {
    if (typeof value !== 'string') throw new MarkupError(`${where} must be a string.`)
    return kind === 'richText' ? readInlineMarkup(value, limits) : [{ text: value }]
  }

/** The JSON exchange from the text of a body or file: a depth check first, then the parse. */
export function readJsonExchange(text: string, limits: ImportLimits = importLimits()): ImportFile {
  checkJsonDepth(text, limits)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new ExchangeFileError(`The body is not valid JSON: ${(error as Error).message}`)
  }
  return importFromJson(body, limits)
}

function checkSegmentLength(value: unknown, place: string, unit: string, limits: ImportLimits) {
  const length = typeof value === 'string' ? markupTextLength(value) : 0
  if (length > limits.segmentChars)
    throw new ImportLimitError(
      'segmentChars',
      limits.segmentChars,
      `${place} has ${length.toLocaleString('en')} characters.`,
      unit,
    )
}

/** Reads the JSON exchange; a shape it cannot read is an ExchangeFileError naming the place. */
export function importFromJson(body: unknown, limits: ImportLimits = importLimits()): ImportFile {
  if (!isRecord(body)) throw new ExchangeFileError('The body must be a JSON object with source, target and documents.')
  const { source, target, documents } = body
  if (typeof source !== 'string' || typeof target !== 'string')
    throw new ExchangeFileError('"source" and "target" must be locale codes.')
  if (!Array.isArray(documents) || !documents.length)
    throw new ExchangeFileError('"documents" must be a non-empty list.')
  if (documents.length > limits.documents)
    throw new ImportLimitError(
      'documents',
      limits.documents,
      `"documents" lists ${documents.length.toLocaleString('en')} documents.`,
      'documents',
    )
  const countUnit = counter('units', limits, (count) => `The documents hold more than ${count - 1} units.`)
  const seen = new Map<string, string>()
  return {
    source,
    target,
    documents: documents.map((document, d): ImportDocument => {
      const at = `documents[${d}]`
      if (
        !isRecord(document) ||
        typeof document.collection !== 'string' ||
        !['string', 'number'].includes(typeof document.id)
      ) {
        throw new ExchangeFileError(`${at} needs a collection and an id.`, { file: at })
      }
      const name = `${document.collection}/${String(document.id)}`
      // As in XLIFF: one entry per document, so it is read and written once and no unit is ambiguous.
      if (seen.has(name))
        throw new ExchangeFileError(`${at} names ${name} again, as ${seen.get(name)} does: list each document once.`, {
          file: at,
        })
      seen.set(name, at)
      if (!Array.isArray(document.units)) throw new ExchangeFileError(`${at}.units must be a list.`, { file: at })
      return {
        file: at,
        collection: document.collection,
        id: String(document.id),
        units: document.units.map((unit, u) => {
          const where = `${at}.units[${u}]`
          countUnit()
          if (!isRecord(unit) || typeof unit.id !== 'string' || !Array.isArray(unit.segments)) {
            throw new ExchangeFileError(`${where} needs an id and a list of segments.`, { file: at, unit: where })
          }
          const unitId = unit.id
          return {
            id: unitId,
            segments: unit.segments.map((segment, s) => {
              const place = `${where}.segments[${s}]`
              if (!isRecord(segment))
                throw new ExchangeFileError(`${place} must be an object.`, { file: at, unit: unitId })
              checkSegmentLength(segment.source, `${place}.source`, where, limits)
              checkSegmentLength(segment.target, `${place}.target`, where, limits)
              return {
                id: typeof segment.id === 'string' ? segment.id : `s${s + 1}`,
                source: fromText(segment.source, `${place}.source`, limits),
                target:
                  segment.target === null || segment.target === undefined
                    ? undefined
                    : fromText(segment.target, `${place}.target`, limits),
              }
            }),
          }
        }),
      }
    }),
  }
}

/** A document of the import, read with the requester's access in every locale, or undefined. */
export const readForImport = (req: PayloadRequest, collection: CollectionSlug, id: string) =>
  absentIfRefused(
    req.payload.findByID({ collection, id, depth: 0, draft: true, locale: 'all', overrideAccess: false, req }),
  )
