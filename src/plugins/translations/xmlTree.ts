import sax from 'sax'

import { yieldToLoop } from '@/utilities/yieldToLoop'

import type { XmlNode } from './inline'

/** XML that is not well-formed, with where (1-based line and column). */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`)
  }
}

export type TreeOptions = {
  /** Deepest nesting of elements accepted; deeper is an error before anything is built below it. */
  maxDepth: number
  onTooDeep: (line: number) => Error
  /** Called as each element opens (depth 1 is the root); may throw to stop reading. */
  onElement?: (name: string, depth: number, attributes: Record<string, string>) => void
  onDoctype?: () => Error
}

const CHUNK = 16 * 1024

/** XLIFF's own namespaces; an element in no namespace is read as XLIFF too (some tools drop xmlns). */
export const XLIFF_NAMESPACES = ['urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:1.2', '']

/**
 * Names as the readers match them: XLIFF's elements by their local name whatever prefix a tool gave
 * them (`xlf:unit` is `unit`), anything of another namespace (a tool's metadata) by its qualified
 * name, which no reader takes for XLIFF. Attributes without a prefix by their name, others
 * (`xml:space`, a tool's own) qualified.
 */
const elementName = (tag: sax.QualifiedTag) => (XLIFF_NAMESPACES.includes(tag.uri) ? tag.local : tag.name)
const attributesOf = (tag: sax.QualifiedTag): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue
    result[attribute.prefix ? attribute.name : attribute.local] = attribute.value
  }
  return result
}

/**
 * A streaming reader (sax) that builds fast-xml-parser's ordered node shape. It walks no tree
 * recursively and refuses a nesting beyond `maxDepth` as it opens, so hostile files cost one
 * linear pass, and a large one can be read in chunks between which the event loop runs.
 */
function treeReader(options: TreeOptions) {
  const parser = sax.parser(true, { position: true, trim: false, normalize: false, xmlns: true })
  const root: XmlNode[] = []
  const stack: XmlNode[][] = [root]
  let failure: Error | undefined
  const top = () => stack[stack.length - 1]
  const text = (value: string) => {
    const siblings = top()
    const last = siblings[siblings.length - 1]
    if (last && '#text' in last) last['#text'] = String(last['#text']) + value
    else siblings.push({ '#text': value })
  }
  parser.onopentag = (tag) => {
    if (stack.length > options.maxDepth) throw options.onTooDeep(parser.line + 1)
    const qualified = tag as sax.QualifiedTag
    const attributes = attributesOf(qualified)
    const name = elementName(qualified)
    options.onElement?.(name, stack.length, attributes)
    const children: XmlNode[] = []
    const node: XmlNode = { [name]: children }
    if (Object.keys(attributes).length) node[':@'] = attributes
    top().push(node)
    stack.push(children)
  }
  parser.onclosetag = () => void stack.pop()
  parser.ontext = text
  parser.oncdata = text
  parser.ondoctype = () => {
    if (options.onDoctype) throw options.onDoctype()
  }
  parser.onerror = (error) => {
    failure ??= new XmlSyntaxError(error.message.split('\n')[0], parser.line + 1, parser.column + 1)
    throw failure
  }
  const write = (chunk: string) => {
    try {
      parser.write(chunk)
    } catch (error) {
      throw failure ?? error
    }
  }
  const close = (): XmlNode[] => {
    try {
      parser.close()
    } catch (error) {
      throw failure ?? error
    }
    return root
  }
  return { write, close }
}

/** Reads a small document at once (inline markup of one segment). */
export function readXml(xml: string, options: TreeOptions): XmlNode[] {
  const reader = treeReader(options)
  reader.write(xml)
  return reader.close()
}

/** Reads a whole file in chunks, yielding to the event loop between them. */
export async function readXmlYielding(xml: string, options: TreeOptions): Promise<XmlNode[]> {
  const reader = treeReader(options)
  for (let start = 0; start < xml.length; start += CHUNK) {
    reader.write(xml.slice(start, start + CHUNK))
    if (start + CHUNK < xml.length) await yieldToLoop()
  }
  return reader.close()
}
