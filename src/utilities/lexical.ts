import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { Event } from '@/payload-types'

/** The shape Payload stores for a Lexical rich-text field. */
export type RichText = NonNullable<Event['description']>

type TextNode = { type: 'text'; text: string; format: number; detail: 0; mode: 'normal'; style: ''; version: 1 }

/** A Lexical text node as the editor stores it; `format` is Lexical's bit set (1 bold, 2 italic, …). */
export const textNode = (text: string, format = 0): TextNode => ({
  type: 'text',
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

/** A Lexical element node (root, paragraph, heading, link, list…) as the editor stores it; `extra` adds its own keys. */
export const elementNode = <Child>(type: string, children: Child[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  format: '' as const,
  indent: 0,
  version: 1,
  direction: 'ltr' as const,
  ...extra,
})

/** Plain paragraphs as a Lexical editor state, for content written in code (the seed, tests). */
export function paragraphs(...texts: string[]): RichText {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: texts.map((text) => elementNode('paragraph', [textNode(text)], { textFormat: 0, textStyle: '' })),
    },
  }
}

/** The text of a Lexical editor state, paragraphs separated by blank lines (Payload's plain-text converter). */
export function plainText(state: unknown): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  return convertLexicalToPlaintext({ data: state as Parameters<typeof convertLexicalToPlaintext>[0]['data'] }).trim()
}

/** The address of every link in a Lexical editor state (link and autolink nodes), in document order. */
export function linkUrls(state: unknown): string[] {
  const urls: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { fields, url, children } = node as { fields?: { url?: unknown }; url?: unknown; children?: unknown }
    // Payload's link nodes keep the address in `fields.url`; plain Lexical ones in `url`.
    for (const candidate of [fields?.url, url]) if (typeof candidate === 'string') urls.push(candidate)
    if (Array.isArray(children)) children.forEach(walk)
  }
  walk((state as { root?: unknown })?.root)
  return urls
}
