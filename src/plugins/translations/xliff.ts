import {
  attributeOf,
  childrenOf,
  escapeXml,
  type Inline,
  inlineToXml,
  MarkupError,
  tagOf,
  type XmlNode,
  xmlToInline,
} from './inline'
import { counter, ImportLimitError, type ImportLimits, importLimits } from './limits'
import type { Code } from './richText'
import { readXml, readXmlYielding, XmlSyntaxError } from './xmlTree'

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'

export type ExchangeSegment = {
  id: string
  source: Inline[]
  target?: Inline[]
  state?: 'initial' | 'translated'
  stale?: boolean
}
export type ExchangeUnit = {
  id: string
  name?: string
  kind?: string
  segments: ExchangeSegment[]
  attributes?: (id: string) => string
  data?: { id: string; value: string }[]
  /** What each inline code stands for, for formats that spell codes otherwise (XLIFF 1.2). */
  codes?: Map<string, Code>
}
export type ExchangeDocument = { collection: string; id: string; title?: string; units: ExchangeUnit[] }
export type Exchange = { source: string; target: string; documents: ExchangeDocument[] }

/** A file that cannot be read at all: a 400 that names where. */
export class ExchangeFileError extends Error {
  constructor(
    message: string,
    readonly where: { line?: number; column?: number; unit?: string; file?: string } = {},
  ) {
    super(message)
  }
}

const fileId = (document: ExchangeDocument) => `${document.collection}-${document.id}`.replace(/[^A-Za-z0-9._-]/g, '_')
const space = ' xml:space="preserve"'

/** An XLIFF 2.0 file: one <file> per document, one <unit> per field, one <segment> per block of text. */
export function buildXliff(exchange: Exchange): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0" srcLang="${escapeXml(exchange.source)}" trgLang="${escapeXml(exchange.target)}">`,
  ]
  for (const document of exchange.documents) {
    lines.push(`  <file id="${fileId(document)}" original="${escapeXml(`${document.collection}/${document.id}`)}">`)
    if (document.title) lines.push(`    <notes><note category="title">${escapeXml(document.title)}</note></notes>`)
    for (const unit of document.units) {
      lines.push(
        `    <unit id="${escapeXml(unit.id)}"${unit.name ? ` name="${escapeXml(unit.name)}"` : ''}${unit.kind ? ` type="pressroom:${unit.kind}"` : ''}>`,
      )
      if (unit.data?.length) {
        lines.push(
          `      <originalData>${unit.data.map((data) => `<data id="${escapeXml(data.id)}">${escapeXml(data.value)}</data>`).join('')}</originalData>`,
        )
      }
      for (const segment of unit.segments) {
        const state = segment.state ?? (segment.target ? 'translated' : 'initial')
        lines.push(
          `      <segment id="${escapeXml(segment.id)}" state="${state}"${segment.stale ? ' subState="pressroom:stale"' : ''}>`,
        )
        lines.push(`        <source${space}>${inlineToXml(segment.source, unit.attributes)}</source>`)
        if (segment.target)
          lines.push(`        <target${space}>${inlineToXml(segment.target, unit.attributes)}</target>`)
        lines.push('      </segment>')
      }
      lines.push('    </unit>')
    }
    lines.push('  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}

/** A parsed segment keeps its markup raw: a unit whose markup is wrong is rejected on its own. */
export type RawSegment = { id: string; source: XmlNode[]; target?: XmlNode[] }
/** `data` is what the file says each code's original markup is (2.0's `<originalData>`). */
export type RawUnit = { id: string; segments: RawSegment[]; data?: Record<string, string> }
export type RawDocument = { file: string; collection: string; id: string; units: RawUnit[] }
export type RawExchange = { version: '1.2' | '2.0'; source: string; target: string; documents: RawDocument[] }

const elements = (nodes: XmlNode[], tag: string) => nodes.filter((node) => tagOf(node) === tag)

const tooDeep = (limits: ImportLimits) => (line: number) =>
  new ImportLimitError(
    'depth',
    limits.depth,
    `Elements are nested more than ${limits.depth} deep at line ${line}; an XLIFF file from Pressroom nests about fifteen.`,
    `line ${line}`,
  )

const BY_ORIGINAL = /^([a-z0-9-]+)\/([A-Za-z0-9_-]+)$/
const BY_FILE_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)-([A-Za-z0-9_]+)$/

/**
 * The document a `<file>` is for: `original="collection/id"` as Pressroom writes it or, where a
 * tool dropped or rewrote `original`, the `collection-id` Pressroom wrote as the file's id (the
 * id is the last part after a hyphen: slugs have hyphens, ids have none).
 */
export function documentKey(...names: (string | undefined)[]): { collection: string; id: string } | undefined {
  for (const name of names) {
    const match = name === undefined ? null : (BY_ORIGINAL.exec(name) ?? BY_FILE_ID.exec(name))
    if (match) return { collection: match[1], id: match[2] }
  }
  return undefined
}

const fileNameOf = (file: XmlNode) => attributeOf(file, 'id') ?? attributeOf(file, 'original') ?? '?'

/**
 * Reads an XLIFF file, 2.0 or 1.2 (told apart by its version); anything that keeps it from being
 * read whole is an ExchangeFileError (an ImportLimitError when it passes a limit). Counts are
 * checked as elements open, so a file over a limit is refused without being read to the end.
 */
export async function parseXliff(xml: string, limits: ImportLimits = importLimits()): Promise<RawExchange> {
  const countFile = counter(
    'documents',
    limits,
    (count) => `The file holds more than ${count - 1} <file> elements (documents).`,
  )
  const countUnit = counter(
    'units',
    limits,
    (count) => `The file holds more than ${count - 1} <unit> or <trans-unit> elements.`,
  )
  const seen = new Map<string, string>()
  let lastPath: string | undefined
  let nodes: XmlNode[]
  try {
    nodes = await readXmlYielding(xml, {
      maxDepth: limits.depth,
      onTooDeep: tooDeep(limits),
      onDoctype: () =>
        new ExchangeFileError('The file declares a DOCTYPE; XLIFF files have none (entities are not expanded here).'),
      onElement: (element, depth, attributes) => {
        if (element === 'unit') countUnit()
        // A 1.2 field is a run of <trans-unit>s (one per segment) with one resname: counted once, as in 2.0.
        if (element === 'trans-unit') {
          const path = attributes.resname ?? attributes.id?.replace(SEGMENT_SUFFIX, '')
          if (path === undefined || path !== lastPath) countUnit()
          lastPath = path
        }
        if (element !== 'file' || depth !== 2) return
        lastPath = undefined
        countFile()
        const id = attributes.id ?? attributes.original ?? '?'
        const key = documentKey(attributes.original, attributes.id)
        const document = key && `${key.collection}/${key.id}`
        const first = document === undefined ? undefined : seen.get(document)
        // Two <file>s for one document would make the import read and write it twice, and leave
        // unclear which translation of a unit wins; Pressroom's export writes each document once.
        if (first !== undefined)
          throw new ExchangeFileError(
            `<file id="${id}"> names ${document} again, as <file id="${first}"> does: put each document in one <file>.`,
            { file: id },
          )
        if (document !== undefined) seen.set(document, id)
      },
    })
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    throw new ExchangeFileError(`The file is not well-formed XML: ${error.message}`, {
      line: error.line,
      column: error.column,
    })
  }
  const root = elements(nodes, 'xliff')[0]
  if (!root) throw new ExchangeFileError('The file has no <xliff> element.')
  const version = attributeOf(root, 'version') ?? '?'
  if (/^1\.[12]$/.test(version)) return readXliff12(root, limits)
  if (!/^2\.[0-2]$/.test(version))
    throw new ExchangeFileError(`This is XLIFF version "${version}"; 2.0 and 1.2 are read.`)
  const source = attributeOf(root, 'srcLang')
  const target = attributeOf(root, 'trgLang')
  if (!source || !target) throw new ExchangeFileError('The <xliff> element needs both srcLang and trgLang.')
  const documents = elements(childrenOf(root), 'file').map((file): RawDocument => {
    const fileName = fileNameOf(file)
    const key = documentKey(attributeOf(file, 'original'), attributeOf(file, 'id'))
    if (!key)
      throw new ExchangeFileError(
        `<file id="${fileName}"> names no document: Pressroom writes original="collection/id" and id="collection-id"; keep one of them.`,
        { file: fileName },
      )
    return { file: fileName, ...key, units: unitsOf(childrenOf(file), fileName, limits) }
  })
  if (!documents.length) throw new ExchangeFileError('The file holds no <file> element.')
  return { version: '2.0', source, target, documents }
}

function checkLength(part: XmlNode | undefined, segment: string, unit: string, file: string, limits: ImportLimits) {
  const length = part ? textLength(childrenOf(part)) : 0
  if (part && length > limits.segmentChars) {
    throw new ImportLimitError(
      'segmentChars',
      limits.segmentChars,
      `The <${tagOf(part)}> of segment "${segment}" of unit "${unit}" (file "${file}") has ${length.toLocaleString('en')} characters.`,
      unit,
    )
  }
}

const SEGMENT_SUFFIX = /#(s[0-9]+)$/

/**
 * XLIFF 1.2 as Pressroom writes it: a `<trans-unit>` per segment, `resname` the field's path (or
 * the id without its `#s2`), the segments of one field in file order.
 */
function readXliff12(root: XmlNode, limits: ImportLimits): RawExchange {
  const files = elements(childrenOf(root), 'file')
  if (!files.length) throw new ExchangeFileError('The file holds no <file> element.')
  const source = attributeOf(files[0], 'source-language')
  const target = attributeOf(files[0], 'target-language')
  if (!source || !target)
    throw new ExchangeFileError('The first <file> needs both source-language and target-language.', {
      file: fileNameOf(files[0]),
    })
  const documents = files.map((file): RawDocument => {
    const fileName = fileNameOf(file)
    if (
      attributeOf(file, 'source-language') !== source ||
      (attributeOf(file, 'target-language') ?? target) !== target
    ) {
      throw new ExchangeFileError(
        `<file original="${fileName}"> is not from ${source} to ${target} like the first: one pair of languages a file.`,
        { file: fileName },
      )
    }
    const key = documentKey(attributeOf(file, 'original'), attributeOf(file, 'id'))
    if (!key)
      throw new ExchangeFileError(
        `<file original="${fileName}"> names no document: keep original="collection/id" as Pressroom wrote it.`,
        { file: fileName },
      )
    const units = new Map<string, RawUnit>()
    const numberedIds = new Set<RawSegment>()
    const collect = (nodes: XmlNode[]) => {
      for (const node of nodes) {
        const tag = tagOf(node)
        if (tag === 'body' || tag === 'group') collect(childrenOf(node))
        if (tag !== 'trans-unit') continue
        const id = attributeOf(node, 'id')
        const path = attributeOf(node, 'resname') ?? id?.replace(SEGMENT_SUFFIX, '')
        if (!path)
          throw new ExchangeFileError(`A <trans-unit> of file "${fileName}" has neither id nor resname.`, {
            file: fileName,
          })
        const unit = units.get(path) ?? { id: path, segments: [] }
        units.set(path, unit)
        const content = childrenOf(node)
        const sources = elements(content, 'source')
        const targets = elements(content, 'target')
        const segmentId = SEGMENT_SUFFIX.exec(id ?? '')?.[1] ?? `s${unit.segments.length + 1}`
        if (sources.length !== 1)
          throw new ExchangeFileError(
            `<trans-unit id="${id ?? path}"> (file "${fileName}") needs exactly one <source>.`,
            { file: fileName, unit: path },
          )
        checkLength(sources[0], segmentId, path, fileName, limits)
        checkLength(targets[0], segmentId, path, fileName, limits)
        const segment = {
          id: segmentId,
          source: childrenOf(sources[0]),
          target: targets[0] ? childrenOf(targets[0]) : undefined,
        }
        if (SEGMENT_SUFFIX.test(id ?? '')) numberedIds.add(segment)
        unit.segments.push(segment)
      }
    }
    collect(childrenOf(file))
    // Segments the file numbers (`body#s2`) go in their order, wherever a tool moved them; others in file order.
    const numbered = (unit: RawUnit) => unit.segments.every((segment) => numberedIds.has(segment))
    const order = (segment: RawSegment) => Number(segment.id.slice(1))
    for (const unit of units.values()) if (numbered(unit)) unit.segments.sort((a, b) => order(a) - order(b))
    return { file: fileName, ...key, units: [...units.values()] }
  })
  return { version: '1.2', source, target, documents }
}

/** Characters of text in parsed inline content: what a translator sees, codes left out. */
export const textLength = (nodes: XmlNode[]): number =>
  nodes.reduce((sum, node) => {
    const tag = tagOf(node)
    if (tag === '#text') return sum + String(node['#text']).length
    if (tag === 'cp') return sum + 1
    return sum + textLength(childrenOf(node))
  }, 0)

function unitsOf(nodes: XmlNode[], file: string, limits: ImportLimits): RawUnit[] {
  return nodes.flatMap((node): RawUnit[] => {
    const tag = tagOf(node)
    if (tag === 'group') return unitsOf(childrenOf(node), file, limits)
    if (tag !== 'unit') return []
    const id = attributeOf(node, 'id')
    if (!id) throw new ExchangeFileError(`A <unit> of file "${file}" has no id.`, { file })
    const segments = elements(childrenOf(node), 'segment').map((segment, index): RawSegment => {
      const content = childrenOf(segment)
      const sources = elements(content, 'source')
      const targets = elements(content, 'target')
      if (sources.length !== 1)
        throw new ExchangeFileError(
          `Segment ${index + 1} of unit "${id}" (file "${file}") needs exactly one <source>.`,
          { file, unit: id },
        )
      // A tool may drop segment ids: segments are then told apart by their order, as they were written.
      const segmentId = attributeOf(segment, 'id') ?? `s${index + 1}`
      checkLength(sources[0], segmentId, id, file, limits)
      checkLength(targets[0], segmentId, id, file, limits)
      return { id: segmentId, source: childrenOf(sources[0]), target: targets[0] ? childrenOf(targets[0]) : undefined }
    })
    const data = elements(childrenOf(node), 'originalData').flatMap((original) =>
      elements(childrenOf(original), 'data'),
    )
    return [
      {
        id,
        segments,
        data: Object.fromEntries(data.map((entry) => [attributeOf(entry, 'id') ?? '', textOf(childrenOf(entry))])),
      },
    ]
  })
}

const textOf = (nodes: XmlNode[]): string =>
  nodes.map((node) => (tagOf(node) === '#text' ? String(node['#text']) : textOf(childrenOf(node)))).join('')

/** Inline markup of a JSON exchange (`Hello <pc id="c1">world</pc>`), parsed like XLIFF content. */
export const parseInlineMarkup = (markup: string): Inline[] => readInlineMarkup(markup, importLimits())

export function readInlineMarkup(markup: string, limits: ImportLimits): Inline[] {
  try {
    const nodes = readXml(`<m>${markup}</m>`, {
      maxDepth: limits.depth,
      onTooDeep: () => new MarkupError(`Inline codes are nested more than ${limits.depth} deep.`),
    })
    return xmlToInline(childrenOf(elements(nodes, 'm')[0]))
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new MarkupError(`Malformed inline markup: ${error.reason}`)
    throw error
  }
}

export { xmlToInline }
