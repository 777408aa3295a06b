import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { Event } from '@/payload-types'

/** The shape Payload stores for a Lexical rich-text field. */
export type RichText = NonNullable<Event['description']>

type TextNode = { type: 'text'; text: string; format: number; detail: 0; mode: 'normal'; style: ''; version: 1 }

/** Plain paragraphs as a Lexical editor state, for content written in code (the seed, tests). */
export function paragraphs(...texts: string[]): RichText {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: texts.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 } satisfies TextNode,
        ],
      })),
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
