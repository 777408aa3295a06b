import { textNode } from '@/utilities/lexical'

import { type Inline, MarkupError } from './inline'

/** A node of a Lexical editor state as Payload stores it. */
export type LexicalNode = {
  type: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  [key: string]: unknown
}
type EditorState = { root: LexicalNode }

/** What an inline code of the source stands for, so the target's copy of it can be rebuilt. */
export type Code =
  | { kind: 'format'; bit: number }
  | { kind: 'link'; node: LexicalNode }
  | { kind: 'linebreak' }
  | { kind: 'tab' }
  | { kind: 'node'; node: LexicalNode }

/** Lexical's text format bits, outermost first, with the XLIFF subType each becomes. */
export const formats: { bit: number; subType: string }[] = [
  { bit: 1, subType: 'xlf:b' },
  { bit: 2, subType: 'xlf:i' },
  { bit: 8, subType: 'xlf:u' },
  { bit: 4, subType: 'pressroom:strikethrough' },
  { bit: 16, subType: 'pressroom:code' },
  { bit: 32, subType: 'pressroom:subscript' },
  { bit: 64, subType: 'pressroom:superscript' },
  { bit: 128, subType: 'pressroom:highlight' },
]

const INLINE_TYPES = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])
// Block-level nodes without text of their own (images, embedded documents, rules): kept as they are.
const isBlockDecorator = (node: LexicalNode) =>
  ['upload', 'relationship', 'horizontalrule', 'block'].includes(node.type)

const isLeafBlock = (node: LexicalNode): boolean =>
  Array.isArray(node.children) &&
  node.children.every(
    (child) => INLINE_TYPES.has(child.type) || (!Array.isArray(child.children) && !isBlockDecorator(child)),
  )

const hasText = (node: LexicalNode): boolean =>
  typeof node.text === 'string' ? node.text.trim() !== '' : (node.children ?? []).some(hasText)

/** The blocks that hold text (paragraphs, headings, list items, quotes), in reading order. */
function textBlocks(node: LexicalNode, found: LexicalNode[] = []): LexicalNode[] {
  if (isLeafBlock(node)) {
    if (node.type !== 'root' && hasText(node)) found.push(node)
    return found
  }
  for (const child of node.children ?? []) if (Array.isArray(child.children)) textBlocks(child, found)
  return found
}

const rootOf = (state: unknown): LexicalNode | undefined => {
  const root = (state as EditorState | null | undefined)?.root
  return root && Array.isArray(root.children) ? root : undefined
}

export type RichTextSegments = { segments: Inline[][]; codes: Map<string, Code> }

/**
 * One segment per block of text; formatting, links and line breaks as inline codes numbered
 * through the whole field (c1, c2, …), so the same source always yields the same ids.
 */
export function richTextToSegments(state: unknown): RichTextSegments {
  const codes = new Map<string, Code>()
  const root = rootOf(state)
  if (!root) return { segments: [], codes }
  const code = (value: Code): string => {
    const id = `c${codes.size + 1}`
    codes.set(id, value)
    return id
  }
  const inline = (node: LexicalNode): Inline[] => {
    switch (node.type) {
      case 'text': {
        const bits = typeof node.format === 'number' ? node.format : 0
        const wrap = ([first, ...rest]: typeof formats): Inline[] => {
          if (!first) return [{ text: node.text ?? '' }]
          if (!(bits & first.bit)) return wrap(rest)
          return [{ pc: code({ kind: 'format', bit: first.bit }), children: wrap(rest) }]
        }
        return wrap(formats)
      }
      case 'link':
      case 'autolink': {
        const { children, ...rest } = node
        const id = code({ kind: 'link', node: rest as LexicalNode })
        return [{ pc: id, children: (children ?? []).flatMap(inline) }]
      }
      case 'linebreak':
        return [{ ph: code({ kind: 'linebreak' }) }]
      case 'tab':
        return [{ ph: code({ kind: 'tab' }) }]
      default:
        return [{ ph: code({ kind: 'node', node }) }]
    }
  }
  return { segments: textBlocks(root).map((block) => (block.children ?? []).flatMap(inline)), codes }
}

function toLexical(inlines: Inline[], codes: Map<string, Code>, format: number, inLink: boolean): LexicalNode[] {
  const nodes: LexicalNode[] = []
  for (const inline of inlines) {
    if ('text' in inline) {
      const last = nodes[nodes.length - 1]
      if (last?.type === 'text' && last.format === format) last.text += inline.text
      else if (inline.text) nodes.push(textNode(inline.text, format))
      continue
    }
    const id = 'pc' in inline ? inline.pc : inline.ph
    const code = codes.get(id)
    if (!code) throw new MarkupError(`The inline code "${id}" is not in the source.`)
    if ('pc' in inline) {
      if (code.kind === 'format') nodes.push(...toLexical(inline.children, codes, format | code.bit, inLink))
      else if (code.kind === 'link') {
        if (inLink) throw new MarkupError(`The link "${id}" is inside another link.`)
        nodes.push({ ...structuredClone(code.node), children: toLexical(inline.children, codes, format, true) })
      } else throw new MarkupError(`The code "${id}" stands alone in the source (<ph>), not around text (<pc>).`)
      continue
    }
    if (code.kind === 'linebreak') nodes.push({ type: 'linebreak', version: 1 })
    else if (code.kind === 'tab') nodes.push({ ...textNode('\t', format), type: 'tab', detail: 2 })
    else if (code.kind === 'node') nodes.push(structuredClone(code.node))
    else throw new MarkupError(`The code "${id}" wraps text in the source (<pc>); it cannot stand alone (<ph>).`)
  }
  return nodes
}

/**
 * The source's editor state with the text of each block replaced by its translated segment:
 * block structure (headings, lists, images) comes from the source, formatting and links from the
 * codes the translation kept. Link addresses are the source's, whatever a file claims.
 */
export function segmentsToRichText(sourceState: unknown, targets: Inline[][], codes: Map<string, Code>): EditorState {
  const root = rootOf(sourceState)
  if (!root) throw new MarkupError('The source of this field has no text.')
  const copy = structuredClone(root)
  const blocks = textBlocks(copy)
  if (blocks.length !== targets.length) {
    throw new MarkupError(`The source has ${blocks.length} blocks of text, the translation ${targets.length}.`)
  }
  blocks.forEach((block, index) => {
    block.children = toLexical(targets[index], codes, 0, false)
  })
  return { root: copy }
}
