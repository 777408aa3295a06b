import { attributeOf, childrenOf, escapeXml, type Inline, MarkupError, tagOf, type XmlNode } from './inline'
import type { Code } from './richText'
import { formats } from './richText'
import type { Exchange, ExchangeSegment, ExchangeUnit } from './xliff'

export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'

/** How a code of the source is written in XLIFF 1.2: `<g>` around text, `<x/>` alone, a link as `<bpt>`/`<ept>` holding its markup. */
export type Code12 = { ctype: string; start?: string; end?: string }

const formatTypes: Record<number, string> = { 1: 'bold', 2: 'italic', 8: 'underlined' }

/** The 1.2 form of each code of a field (ctype, and for a link the original markup it stands for). */
export function codes12(
  codes: Map<string, Code>,
  data: { id: string; value: string }[] = [],
): (id: string) => Code12 | undefined {
  const values = new Map(data.map((entry) => [entry.id, entry.value]))
  return (id) => {
    const code = codes.get(id)
    if (!code) return undefined
    switch (code.kind) {
      case 'format':
        return {
          ctype:
            formatTypes[code.bit] ??
            `x-${formats.find((format) => format.bit === code.bit)?.subType.replace(/^pressroom:/, 'pressroom-') ?? 'pressroom-format'}`,
        }
      case 'link':
        return { ctype: 'link', start: values.get(`${id}-start`) ?? '', end: values.get(`${id}-end`) ?? '' }
      case 'linebreak':
        return { ctype: 'lb' }
      case 'tab':
        return { ctype: 'x-pressroom-tab' }
      case 'node':
        return { ctype: `x-pressroom-${String(code.node.type).replace(/[^A-Za-z0-9_-]/g, '') || 'node'}` }
    }
  }
}

// XLIFF 1.2 has no <cp>: a character XML cannot carry is left out, as in 2.0's attributes.
const text12 = (text: string) => escapeXml(text)

/** Inline content as XLIFF 1.2 markup. Without `codeOf` only ids are written (`<g id>`, `<x id/>`). */
export function inlineToXml12(inlines: Inline[], codeOf: (id: string) => Code12 | undefined = () => undefined): string {
  return inlines
    .map((inline) => {
      if ('text' in inline) return text12(inline.text)
      if ('ph' in inline) {
        const code = codeOf(inline.ph)
        return `<x id="${escapeXml(inline.ph)}"${code ? ` ctype="${code.ctype}"` : ''}/>`
      }
      const code = codeOf(inline.pc)
      const inner = inlineToXml12(inline.children, codeOf)
      if (code?.start !== undefined) {
        const id = escapeXml(inline.pc)
        return `<bpt id="${id}" ctype="${code.ctype}">${escapeXml(code.start)}</bpt>${inner}<ept id="${id}">${escapeXml(code.end ?? '')}</ept>`
      }
      return `<g id="${escapeXml(inline.pc)}"${code ? ` ctype="${code.ctype}"` : ''}>${inner}</g>`
    })
    .join('')
}

/** Inline content read from XLIFF 1.2, with what each `<bpt>`/`<ept>` held (`<id>-start`, `<id>-end`). */
export type Inline12 = { inlines: Inline[]; data: Record<string, string> }

const contentText = (nodes: XmlNode[]): string =>
  nodes.map((node) => (tagOf(node) === '#text' ? String(node['#text']) : contentText(childrenOf(node)))).join('')

/**
 * Inline content from the children of a 1.2 `<source>` or `<target>`. `<g>` is a code around
 * text, `<x/>` and `<ph>` stand alone; a `<bpt>` and the `<ept>` with its `rid` (or its `id`, as
 * most tools write) enclose text, as do `<bx/>` and `<ex/>`: such a pair must open and close at
 * the same level, or the markup is refused.
 */
export function xml12ToInline(nodes: XmlNode[]): Inline12 {
  const data: Record<string, string> = {}
  const read = (children: XmlNode[]): Inline[] => {
    type Frame = { key?: string; id?: string; result: Inline[] }
    const stack: Frame[] = [{ result: [] }]
    const push = (inline: Inline) => {
      const result = stack[stack.length - 1].result
      const last = result[result.length - 1]
      if ('text' in inline && last && 'text' in last) last.text += inline.text
      else result.push(inline)
    }
    for (const node of children) {
      const tag = tagOf(node)
      if (tag === '#text') {
        push({ text: String(node['#text']) })
        continue
      }
      const id = attributeOf(node, 'id')
      switch (tag) {
        case 'g':
          if (!id) throw new MarkupError('A <g> code has no id.')
          push({ pc: id, children: read(childrenOf(node)) })
          break
        case 'x':
        case 'ph':
          if (!id) throw new MarkupError(`A <${tag}> code has no id.`)
          push({ ph: id })
          break
        case 'bpt':
        case 'bx':
          if (!id) throw new MarkupError(`A <${tag}> code has no id.`)
          if (tag === 'bpt') data[`${id}-start`] = contentText(childrenOf(node))
          stack.push({ key: attributeOf(node, 'rid') ?? id, id, result: [] })
          break
        case 'ept':
        case 'ex': {
          const key = attributeOf(node, 'rid') ?? id
          const open = stack[stack.length - 1]
          if (!key || open.key !== key)
            throw new MarkupError(
              `<${tag} id="${id ?? ''}"> does not close the code opened last: keep each <bpt>/<ept> pair around its text.`,
            )
          stack.pop()
          if (tag === 'ept') data[`${open.id}-end`] = contentText(childrenOf(node))
          push({ pc: open.id as string, children: open.result })
          break
        }
        case 'mrk':
          // Annotations (terms, comments) a CAT tool adds: their content is the text.
          for (const inline of read(childrenOf(node))) push(inline)
          break
        case 'it':
          throw new MarkupError('Isolated codes <it> are not supported here: keep each code within its segment.')
        default:
          throw new MarkupError(`<${tag}> is not XLIFF 1.2 inline markup.`)
      }
    }
    if (stack.length > 1)
      throw new MarkupError(`<bpt id="${stack[stack.length - 1].id}"> is never closed by its <ept>.`)
    return stack[0].result
  }
  return { inlines: read(nodes), data }
}

/** Where a segment of a field is in 1.2: one `<trans-unit>` each, its id the path (and `#s2`… when a field has several). */
export const transUnitId = (unit: ExchangeUnit, segment: ExchangeSegment) =>
  unit.segments.length > 1 ? `${unit.id}#${segment.id}` : unit.id

/**
 * An XLIFF 1.2 file of the same units as the 2.0 export: one `<file>` per document
 * (`original="collection/id"`), one `<trans-unit>` per segment with the field's path as `resname`,
 * `state` and `approved` saying what needs work.
 */
export function buildXliff12(exchange: Exchange): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff xmlns="${XLIFF12_NAMESPACE}" version="1.2">`]
  for (const document of exchange.documents) {
    lines.push(
      `  <file original="${escapeXml(`${document.collection}/${document.id}`)}" datatype="x-pressroom" source-language="${escapeXml(exchange.source)}" target-language="${escapeXml(exchange.target)}">`,
    )
    if (document.title) lines.push(`    <header><note from="pressroom">${escapeXml(document.title)}</note></header>`)
    lines.push('    <body>')
    for (const unit of document.units) {
      const codeOf = codes12(unit.codes ?? new Map(), unit.data)
      for (const segment of unit.segments) {
        const translated = segment.state === 'translated' && !segment.stale
        const state = !segment.target
          ? undefined
          : segment.stale
            ? 'needs-review-translation'
            : translated
              ? 'translated'
              : 'needs-translation'
        lines.push(
          `      <trans-unit id="${escapeXml(transUnitId(unit, segment))}" resname="${escapeXml(unit.id)}"${unit.kind ? ` restype="x-pressroom-${unit.kind}"` : ''} approved="${translated ? 'yes' : 'no'}" xml:space="preserve">`,
        )
        lines.push(
          `        <source xml:lang="${escapeXml(exchange.source)}">${inlineToXml12(segment.source, codeOf)}</source>`,
        )
        if (segment.target)
          lines.push(
            `        <target xml:lang="${escapeXml(exchange.target)}" state="${state}">${inlineToXml12(segment.target, codeOf)}</target>`,
          )
        if (unit.name) lines.push(`        <note from="pressroom">${escapeXml(unit.name)}</note>`)
        lines.push('      </trans-unit>')
      }
    }
    lines.push('    </body>', '  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}
