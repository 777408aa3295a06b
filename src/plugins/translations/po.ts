import { type GetTextTranslation, type GetTextTranslations, po } from 'gettext-parser'

import { yieldToLoop } from '@/utilities/yieldToLoop'

import { type Inline, inlineToXml } from './inline'
import { ImportLimitError, type ImportLimits, importLimits } from './limits'
import type { FieldState } from './status'
import { type Exchange, ExchangeFileError } from './xliff'
import { transUnitId } from './xliff12'

type Statuses = Map<string, FieldState>

const plainText = (inlines: Inline[]) => inlines.map((inline) => ('text' in inline ? inline.text : '')).join('')

/** A segment as PO text: plain text as it is, rich text in the inline markup of the JSON exchange (`<pc id="c1">…</pc>`). */
const poText = (kind: string | undefined, inlines: Inline[]) =>
  kind === 'richText' ? inlineToXml(inlines) : plainText(inlines)

const CODES_NOTE =
  'Rich text: keep each <pc id="…">…</pc> around the words it marks (bold, a link) and each <ph id="…"/>.'

/**
 * A gettext PO file of the same units as the XLIFF export: one entry per segment (a field's text,
 * an item of a list, a block of rich text), `msgctxt` the document and field path
 * (`press-releases/12:body#s2`), a stale translation marked fuzzy as gettext tools expect.
 */
export function buildPo(exchange: Exchange & { statuses?: Statuses }, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ') + '+0000'
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    '': { '': { msgid: '', msgstr: [''] } },
  }
  for (const document of exchange.documents) {
    for (const unit of document.units) {
      const status = exchange.statuses?.get(`${document.collection}/${document.id}/${unit.id}`)
      for (const segment of unit.segments) {
        const msgctxt = `${document.collection}/${document.id}:${transUnitId(unit, segment)}`
        const extracted = [
          document.title ? `${document.title} › ${unit.name ?? unit.id}` : (unit.name ?? unit.id),
          ...(unit.kind === 'richText' ? [CODES_NOTE] : []),
        ].join('\n')
        translations[msgctxt] = {
          [poText(unit.kind, segment.source)]: {
            msgctxt,
            msgid: poText(unit.kind, segment.source),
            msgstr: [segment.target ? poText(unit.kind, segment.target) : ''],
            comments: {
              extracted,
              reference: `${document.collection}/${document.id}`,
              ...(segment.stale || status === 'stale' ? { flag: 'fuzzy' } : {}),
            },
          },
        }
      }
    }
  }
  const headers = {
    'Project-Id-Version': 'Pressroom',
    'POT-Creation-Date': stamp,
    'PO-Revision-Date': stamp,
    'Last-Translator': 'Pressroom',
    'Language-Team': exchange.target,
    Language: exchange.target,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Source-Language': exchange.source,
  }
  return po.compile({ charset: 'utf-8', headers, translations: translations as never }).toString('utf8') + '\n'
}

const CONTEXT = /^([a-z0-9-]+)\/([A-Za-z0-9_-]+):([^#]+)(?:#(s[0-9]+))?$/

const CHUNK = 16 * 1024

/** gettext-parser's streaming parser, fed in chunks with a turn of the event loop between them, as XLIFF is read. */
function readPo(text: string): Promise<GetTextTranslations> {
  return new Promise((resolve, reject) => {
    const stream = po.createParseStream({ validation: true })
    let table: GetTextTranslations | undefined
    stream.on('data', (parsed: GetTextTranslations) => (table = parsed))
    stream.on('error', reject)
    stream.on('end', () => (table ? resolve(table) : reject(new Error('the file is empty'))))
    void (async () => {
      const bytes = Buffer.from(text, 'utf8')
      for (let start = 0; start < bytes.length; start += CHUNK) {
        if (!stream.write(bytes.subarray(start, start + CHUNK)))
          await new Promise((drained) => stream.once('drain', drained))
        await yieldToLoop()
      }
      stream.end()
    })().catch(reject)
  })
}

const MSGCTXT = /^msgctxt "((?:[^"\\\n]|\\.)*)"/gm

/**
 * Counts documents and units (fields) by the msgctxt lines before anything is parsed, so a file
 * over a limit is refused after one scan of its text, as an XLIFF file is while it is read.
 */
function checkPoCounts(text: string, limits: ImportLimits) {
  const documents = new Set<string>()
  const units = new Set<string>()
  for (const [, context] of text.matchAll(MSGCTXT)) {
    const match = CONTEXT.exec(context)
    if (!match) continue
    documents.add(`${match[1]}/${match[2]}`)
    units.add(`${match[1]}/${match[2]}:${match[3]}`)
    if (documents.size > limits.documents)
      throw new ImportLimitError(
        'documents',
        limits.documents,
        `The file names more than ${limits.documents.toLocaleString('en')} documents in its msgctxt lines.`,
        'documents',
      )
    if (units.size > limits.units)
      throw new ImportLimitError(
        'units',
        limits.units,
        `The file holds more than ${limits.units.toLocaleString('en')} units (fields) in its msgctxt lines.`,
        'units',
      )
  }
}

type JsonSegment = { id: string; source: string; target: string | null }

/**
 * A PO file as the JSON exchange (the same documents, units and segments), which the import then
 * reads with its checks and limits. Fuzzy entries count as untranslated, as in every gettext tool.
 * A language code a tool wrote with a region (`ru_RU`) is read as the language.
 */
export async function poToExchange(
  text: string,
  fallbackSource: string,
  limits: ImportLimits = importLimits(),
): Promise<unknown> {
  checkPoCounts(text, limits)
  let parsed: GetTextTranslations
  try {
    parsed = await readPo(text)
  } catch (error) {
    throw new ExchangeFileError(`The file is not a PO file gettext can read: ${(error as Error).message}`)
  }
  const language = (value: string | undefined) =>
    value
      ?.trim()
      .split(/[_@.-]/)[0]
      .toLowerCase()
  const target = language(parsed.headers.Language)
  if (!target)
    throw new ExchangeFileError('The PO header has no Language: it names the language of the translations.', {
      file: 'Language',
    })
  const documents = new Map<string, { collection: string; id: string; units: Map<string, JsonSegment[]> }>()
  for (const [context, entries] of Object.entries(parsed.translations)) {
    for (const entry of Object.values(entries)) {
      if (context === '' && entry.msgid === '') continue
      const match = CONTEXT.exec(entry.msgctxt ?? '')
      if (!match) {
        throw new ExchangeFileError(
          `The entry "${entry.msgid.slice(0, 40)}" has msgctxt "${entry.msgctxt ?? ''}", not the "collection/id:field" Pressroom wrote: keep each msgctxt as exported.`,
          { unit: entry.msgctxt ?? entry.msgid.slice(0, 40) },
        )
      }
      const [, collection, id, path, segment] = match
      const key = `${collection}/${id}`
      const document = documents.get(key) ?? { collection, id, units: new Map() }
      documents.set(key, document)
      const segments = document.units.get(path) ?? []
      document.units.set(path, segments)
      const fuzzy = (entry.comments?.flag ?? '').split(',').some((flag) => flag.trim() === 'fuzzy')
      const translated = entry.msgstr[0] ?? ''
      segments.push({
        id: segment ?? `s${segments.length + 1}`,
        source: entry.msgid,
        target: fuzzy || translated === '' ? null : translated,
      })
    }
  }
  if (!documents.size)
    throw new ExchangeFileError(
      'The PO file holds no entry: export it from Pressroom, whose entries name their document and field in msgctxt.',
    )
  const order = (segment: JsonSegment) => Number(segment.id.slice(1))
  return {
    source: language(parsed.headers['X-Source-Language']) || fallbackSource,
    target,
    documents: [...documents.values()].map((document) => ({
      collection: document.collection,
      id: document.id,
      units: [...document.units].map(([id, segments]) => ({
        id,
        segments: segments.sort((a, b) => order(a) - order(b)),
      })),
    })),
  }
}
