import { convertLexicalToHTML, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

import { validateLinkUrl } from '@/fields/linkUrl'
import { frontendOrigins, frontendUrl } from '@/plugins/delivery/frontendUrl'

type Options = {
  /** The locale the document was read in: internal links point at the linked document's page in it. */
  locale: string
  /** Payload's address: upload URLs are made absolute against it, so a frontend elsewhere can show them. */
  serverUrl?: string
  /** Origins whose links are not external (the frontend's, from FRONTEND_URL). Default: the configured frontends. */
  ownOrigins?: string[]
}

type LinkNode = {
  fields?: {
    url?: string | null
    newTab?: boolean | null
    linkType?: string
    doc?: { relationTo?: string; value?: unknown } | null
  }
}

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel']

/**
 * The href a link may have, or undefined: the same rule as saving (http, https, mailto, tel, or
 * relative; no controls), so content stored before that rule (or by a direct database write)
 * comes out as text, not as a `javascript:` link.
 */
export function safeHref(node: LinkNode, locale: string): string | undefined {
  const fields = node.fields ?? {}
  if (fields.linkType === 'internal') {
    const target = fields.doc
    const doc =
      target?.value && typeof target.value === 'object' ? (target.value as { slug?: string | null }) : undefined
    // Unpopulated (too deep, or not readable by the requester): no page to point at.
    return target?.relationTo && doc ? frontendUrl(target.relationTo, doc, locale) : undefined
  }
  const url = (fields.url ?? '').trim()
  return url && validateLinkUrl(url) === true ? url : undefined
}

const isExternal = (href: string, own: string[]) => {
  if (!/^https?:/i.test(href)) return false
  try {
    return !own.includes(new URL(href).origin)
  } catch {
    return true
  }
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * Link policy: external links (another origin than the frontend's) get `rel="noopener noreferrer"`;
 * `target="_blank"` only where the editor ticked "open in new tab" (the frontend decides the rest).
 */
const linkConverters = (locale: string, own: string[]): HTMLConverters => {
  const link: HTMLConverters['link'] = ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const href = safeHref(node as LinkNode, locale)
    if (!href) return children
    const newTab = Boolean((node as LinkNode).fields?.newTab)
    const rel = isExternal(href, own) || newTab ? ' rel="noopener noreferrer"' : ''
    return `<a href="${escape(href)}"${rel}${newTab ? ' target="_blank"' : ''}>${children}</a>`
  }
  return { link, autolink: link as unknown as HTMLConverters['autolink'] }
}

const sanitizeOptions = (serverUrl: string | undefined): sanitizeHtml.IOptions => {
  const absolute = (url: string | undefined) =>
    url && serverUrl && url.startsWith('/') && !url.startsWith('//') ? new URL(url, serverUrl).toString() : url
  return {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'picture', 'source', 'h1', 'h2'],
    allowedAttributes: {
      a: ['href', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height'],
      source: ['srcset', 'media', 'type'],
      ol: ['class'],
      ul: ['class'],
      li: ['value'],
      span: ['style'],
    },
    allowedClasses: {
      ol: ['list-number', 'list-bullet', 'list-check'],
      ul: ['list-number', 'list-bullet', 'list-check'],
    },
    allowedStyles: { span: { 'text-decoration': [/^(underline|line-through);?$/] } },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
    allowProtocolRelative: false,
    // <source> is a void element: no closing tag.
    selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
    transformTags: {
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, src: absolute(attribs.src) ?? '' } }),
      source: (tagName, attribs) => ({ tagName, attribs: { ...attribs, srcset: absolute(attribs.srcset) ?? '' } }),
    },
  }
}

/**
 * Lexical rich text as an HTML fragment for frontends: Payload's converter (headings, lists,
 * links, uploads as <img>/<picture> with their alt text, read at the request's depth), with the
 * link rule above, then sanitized with sanitize-html as defence in depth.
 */
export function richTextToHtml(state: unknown, { locale, serverUrl, ownOrigins = frontendOrigins() }: Options): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  const html = convertLexicalToHTML({
    data: state as Parameters<typeof convertLexicalToHTML>[0]['data'],
    converters: ({ defaultConverters }) => ({ ...defaultConverters, ...linkConverters(locale, ownOrigins) }),
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitizeHtml(html, sanitizeOptions(serverUrl)).trim()
}
