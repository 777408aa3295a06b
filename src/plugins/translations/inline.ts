/**
 * Translatable text as XLIFF 2.0 sees it: runs of text and inline codes. A `pc` code wraps text
 * (bold, a link), a `ph` code stands alone (a line break). The ids name codes of the source, so a
 * target may move them but not invent them.
 */
export type Inline = { text: string } | { pc: string; children: Inline[] } | { ph: string }

/** A problem with the markup of one segment: the unit is rejected, the rest of the file is not. */
export class MarkupError extends Error {}

// Characters XML 1.0 cannot carry, not even as references: controls, U+FFFE/U+FFFF and halves of
// surrogate pairs standing alone. XLIFF writes them as <cp hex="…"/> inside <source> and <target>.
export const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const escapeMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Text for an attribute or an element outside inline content (a note, original data), where
 * XLIFF has no <cp>: characters XML 1.0 cannot carry are left out, so the file stays well-formed.
 */
export const escapeXml = (text: string): string => escapeMarkup(text).replace(NOT_XML, '')

const escapeText = (text: string): string =>
  escapeMarkup(text).replace(
    NOT_XML,
    (char) => `<cp hex="${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`,
  )

export type CodeAttributes = (id: string) => string

/**
 * The inline content as XLIFF markup. `attributes` adds what each code means (type, subType, data
 * references); without it only the ids are written, which is the form compared and hashed.
 */
export function inlineToXml(inlines: Inline[], attributes: CodeAttributes = () => ''): string {
  return inlines
    .map((inline) => {
      if ('text' in inline) return escapeText(inline.text)
      if ('ph' in inline) return `<ph id="${escapeXml(inline.ph)}"${attributes(inline.ph)}/>`
      return `<pc id="${escapeXml(inline.pc)}"${attributes(inline.pc)}>${inlineToXml(inline.children, attributes)}</pc>`
    })
    .join('')
}

/** A node of fast-xml-parser's ordered output. */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

export const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((key) => key !== ':@')

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node)
  const value = tag ? node[tag] : undefined
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

export const attributeOf = (node: XmlNode, name: string): string | undefined => node[':@']?.[name]

/** Inline content from the parsed children of a <source> or <target>. */
export function xmlToInline(nodes: XmlNode[]): Inline[] {
  const result: Inline[] = []
  const pushText = (text: string) => {
    const last = result[result.length - 1]
    if (last && 'text' in last) last.text += text
    else result.push({ text })
  }
  for (const node of nodes) {
    const tag = tagOf(node)
    if (tag === '#text') {
      pushText(String(node['#text']))
      continue
    }
    const id = attributeOf(node, 'id')
    switch (tag) {
      case 'pc':
        if (!id) throw new MarkupError('A <pc> code has no id.')
        result.push({ pc: id, children: xmlToInline(childrenOf(node)) })
        break
      case 'ph':
        if (!id) throw new MarkupError('A <ph> code has no id.')
        result.push({ ph: id })
        break
      case 'cp': {
        const hex = attributeOf(node, 'hex') ?? ''
        if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw new MarkupError(`<cp hex="${hex}"> is not a code point.`)
        pushText(String.fromCodePoint(parseInt(hex, 16)))
        break
      }
      case 'mrk':
        // Annotations (terms, comments) a CAT tool adds: their content is the text.
        for (const inline of xmlToInline(childrenOf(node))) {
          if ('text' in inline) pushText(inline.text)
          else result.push(inline)
        }
        break
      case 'sm':
      case 'em':
        break
      case 'sc':
      case 'ec':
        throw new MarkupError('Spanning codes <sc>/<ec> are not supported here: keep each <pc> code whole.')
      default:
        throw new MarkupError(`<${tag}> is not XLIFF inline markup.`)
    }
  }
  return result
}

/** The text of inline content, codes left out. */
export const inlineText = (inlines: Inline[]): string =>
  inlines.map((inline) => ('text' in inline ? inline.text : 'pc' in inline ? inlineText(inline.children) : '')).join('')
