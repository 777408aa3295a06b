/**
 * Editors' text on its way into a file format. Control characters are refused by every format we
 * write (RFC 5545 TEXT, XML 1.0) or mean nothing to a reader, so they are dropped rather than
 * escaped; line breaks are kept as one `\n`, the form XML and iCalendar parsers hand back anyway.
 */

// C0/C1 controls except tab and line breaks, lone surrogates (no character to encode) and the two
// non-characters XML 1.0 forbids.
const UNWRITABLE = /[^\P{Cc}\t\n\r]|\p{Cs}|[\uFFFE\uFFFF]/gu

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNWRITABLE, '')
}

export const cleanOptional = (value: string | null | undefined): string | undefined =>
  typeof value === 'string' ? cleanText(value) : undefined

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Plain text as HTML, for feed elements that readers render as HTML. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char])
