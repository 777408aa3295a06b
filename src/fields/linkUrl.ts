import { linkUrls } from '@/utilities/lexical'

/**
 * Which addresses an editor may link to. A browser trims leading spaces and controls and drops
 * tabs and line breaks before it reads the scheme, so `java\tscript:` or ` JaVaScRiPt:` still
 * run script: the scheme is read by the WHATWG URL parser, as a browser would, never by a regex.
 */
type Result = true | string

const linkSchemes = ['http:', 'https:', 'mailto:', 'tel:']
const webSchemes = ['http:', 'https:']
// Relative and fragment links resolve against it, to https:, which is allowed.
const BASE = 'https://relative.invalid/'
const CONTROL = /[\p{Cc}]/u

const allowedList = (schemes: string[]) => schemes.map((scheme) => scheme.replace(':', '')).join(', ')

/** A link in rich text: http, https, mailto, tel, or relative to the page (`/path`, `#part`, `?q`). */
export function validateLinkUrl(value: string): Result {
  // Controls anywhere mean a frontend and a browser may read the address differently.
  if (CONTROL.test(value))
    return `The link "${printable(value)}" contains control characters (a tab, line break or other invisible character); remove them.`
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return `The link "${printable(value)}" is not a valid address.`
  }
  if (!linkSchemes.includes(url.protocol)) {
    return `The link "${printable(value)}" uses ${url.protocol.replace(':', '')}:, which is not allowed; use ${allowedList(linkSchemes)}, or an address on this site (/path or #section).`
  }
  return true
}

/** A plain web-address field: absolute http or https only, with nothing a browser would strip. */
export function webUrlProblem(value: string): string | undefined {
  if (CONTROL.test(value))
    return `"${printable(value)}" contains control characters (a tab, line break or other invisible character); remove them.`
  if (value !== value.trim()) return `"${printable(value)}" starts or ends with a space; remove it.`
  try {
    const { protocol } = new URL(value)
    return webSchemes.includes(protocol) ? undefined : `"${printable(value)}" must start with https:// or http://.`
  } catch {
    return undefined // Not a URL at all: the field's own validator says so.
  }
}

// Messages quote the address; show controls as code points rather than as themselves.
const printable = (value: string) =>
  (value.length > 200 ? `${value.slice(0, 200)}…` : value).replace(
    /[\p{Cc}]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/** Every link of a rich-text value, the first bad one reported. */
export function validateRichTextLinks(state: unknown): Result {
  for (const url of linkUrls(state)) {
    const verdict = validateLinkUrl(url)
    if (verdict !== true) return verdict
  }
  return true
}
