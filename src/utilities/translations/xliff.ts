import { attributeOf, childrenOf, escapeXml, type Inline, inlineToXml, MarkupError, tagOf, type XmlNode, xmlToInline } from './inline'
import { counter, ImportLimitError, type ImportLimits, importLimits } from './limits'
import { readXml, readXmlYielding, XmlSyntaxError } from './xmlTree'

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'

export type ExchangeSegment = { id: string; source: Inline[]; target?: Inline[]; state?: 'initial' | 'translated'; stale?: boolean }
export type ExchangeUnit = { id: string; name?: string; kind?: string; segments: ExchangeSegment[]; attributes?: (id: string) => string; data?: { id: string; value: string }[] }
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
      lines.push(`    <unit id="${escapeXml(unit.id)}"${unit.name ? ` name="${escapeXml(unit.name)}"` : ''}${unit.kind ? ` type="pressroom:${unit.kind}"` : ''}>`)
      if (unit.data?.length) {
        lines.push(`      <originalData>${unit.data.map((data) => `<data id="${escapeXml(data.id)}">${escapeXml(data.value)}</data>`).join('')}</originalData>`)
      }
      for (const segment of unit.segments) {
        const state = segment.state ?? (segment.target ? 'translated' : 'initial')
        lines.push(`      <segment id="${escapeXml(segment.id)}" state="${state}"${segment.stale ? ' subState="pressroom:stale"' : ''}>`)
        lines.push(`        <source${space}>${inlineToXml(segment.source, unit.attributes)}</source>`)
        if (segment.target) lines.push(`        <target${space}>${inlineToXml(segment.target, unit.attributes)}</target>`)
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
export type RawUnit = { id: string; segments: RawSegment[] }
export type RawDocument = { file: string; collection: string; id: string; units: RawUnit[] }
export type RawExchange = { source: string; target: string; documents: RawDocument[] }

const elements = (nodes: XmlNode[], tag: string) => nodes.filter((node) => tagOf(node) === tag)

const tooDeep = (limits: ImportLimits) => (line: number) =>
  new ImportLimitError('depth', limits.depth, `Elements are nested more than ${limits.depth} deep at line ${line}; an XLIFF file from Pressroom nests about fifteen.`, `line ${line}`)

/**
 * Reads an XLIFF 2.0 file; anything that keeps it from being read whole is an ExchangeFileError
 * (an ImportLimitError when it passes a limit). Counts are checked as elements open, so a file
 * over a limit is refused without being read to the end.
 */
export async function parseXliff(xml: string, limits: ImportLimits = importLimits()): Promise<RawExchange> {
  const countFile = counter('documents', limits, (count) => `The file holds more than ${count - 1} <file> elements (documents).`)
  const countUnit = counter('units', limits, (count) => `The file holds more than ${count - 1} <unit> elements.`)
  const originals = new Map<string, string>()
  let nodes: XmlNode[]
  try {
    nodes = await readXmlYielding(xml, {
      maxDepth: limits.depth,
      onTooDeep: tooDeep(limits),
      onDoctype: () => new ExchangeFileError('The file declares a DOCTYPE; XLIFF files have none (entities are not expanded here).'),
      onElement: (name, depth, attributes) => {
        if (name === 'unit') countUnit()
        if (name !== 'file' || depth !== 2) return
        countFile()
        const id = attributes.id ?? '?'
        const first = attributes.original === undefined ? undefined : originals.get(attributes.original)
        // Two <file>s for one document would make the import read and write it twice, and leave
        // unclear which translation of a unit wins; Pressroom's export writes each document once.
        if (first !== undefined) throw new ExchangeFileError(`<file id="${id}"> names ${attributes.original} again, as <file id="${first}"> does: put each document in one <file>.`, { file: id })
        if (attributes.original !== undefined) originals.set(attributes.original, id)
      },
    })
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    throw new ExchangeFileError(`The file is not well-formed XML: ${error.message}`, { line: error.line, column: error.column })
  }
  const root = elements(nodes, 'xliff')[0]
  if (!root) throw new ExchangeFileError('The file has no <xliff> element.')
  if (attributeOf(root, 'version') !== '2.0') throw new ExchangeFileError(`This is XLIFF version "${attributeOf(root, 'version') ?? '?'}"; only 2.0 is read.`)
  const source = attributeOf(root, 'srcLang')
  const target = attributeOf(root, 'trgLang')
  if (!source || !target) throw new ExchangeFileError('The <xliff> element needs both srcLang and trgLang.')
  const documents = elements(childrenOf(root), 'file').map((file): RawDocument => {
    const fileName = attributeOf(file, 'id') ?? '?'
    const original = attributeOf(file, 'original') ?? ''
    const match = /^([a-z0-9-]+)\/([A-Za-z0-9_-]+)$/.exec(original)
    if (!match) throw new ExchangeFileError(`<file id="${fileName}"> has no original="collection/id" naming its document.`, { file: fileName })
    return { file: fileName, collection: match[1], id: match[2], units: unitsOf(childrenOf(file), fileName, limits) }
  })
  if (!documents.length) throw new ExchangeFileError('The file holds no <file> element.')
  return { source, target, documents }
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
      if (sources.length !== 1) throw new ExchangeFileError(`Segment ${index + 1} of unit "${id}" (file "${file}") needs exactly one <source>.`, { file, unit: id })
      const segmentId = attributeOf(segment, 'id') ?? `s${index + 1}`
      for (const part of [sources[0], targets[0]]) {
        const length = part ? textLength(childrenOf(part)) : 0
        if (part && length > limits.segmentChars) {
          throw new ImportLimitError('segmentChars', limits.segmentChars, `The <${tagOf(part)}> of segment "${segmentId}" of unit "${id}" (file "${file}") has ${length.toLocaleString('en')} characters.`, id)
        }
      }
      return { id: segmentId, source: childrenOf(sources[0]), target: targets[0] ? childrenOf(targets[0]) : undefined }
    })
    return [{ id, segments }]
  })
}

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
