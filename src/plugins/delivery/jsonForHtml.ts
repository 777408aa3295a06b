/**
 * JSON that can sit inside an HTML <script> element, as JSON-LD is meant to: no `<`, `>` or `&`
 * can close the element or open a comment, and U+2028/U+2029 cannot end a line in older script
 * parsers. The escapes are JSON's own, so JSON.parse gives back the same values.
 */
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

export const jsonForHtml = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => ESCAPES[char])
