import { create } from 'content-disposition'

// Controls (a CRLF would split the header) and path separators (a name, not a path).
const NOT_IN_A_NAME = /[\p{Cc}\p{Cs}/\\]/gu

/** The file name a download is saved under: the slug when it has anything left, else the fallback. */
export function downloadName(base: string | null | undefined, extension: string, fallback: string): string {
  const name = (base ?? '').replace(NOT_IN_A_NAME, '').trim()
  return `${name || fallback}.${extension}`
}

/**
 * A Content-Disposition header for a download. The `content-disposition` package quotes and
 * escapes the name, and adds RFC 8187 `filename*` for names outside ISO-8859-1 (Cyrillic slugs).
 */
export const attachmentHeader = (filename: string): string => create(filename)
