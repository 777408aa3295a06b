import { MAX_JSON_NESTING } from './limits'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN = new Set([0x5b, 0x7b])
const CLOSE = new Set([0x5d, 0x7d])

/**
 * Follows a JSON text chunk by chunk, as it arrives, and tells whether its objects and arrays
 * have nested deeper than `max`. Payload's hooks walk a document recursively, so a body nested a
 * hundred thousand levels is a stack overflow (a 500) there; JSON.parse itself copes.
 * Works on UTF-8 bytes or on a string: no byte of a multi-byte character is an ASCII bracket.
 */
export function nestingScanner(max = MAX_JSON_NESTING): (chunk: Uint8Array | string) => boolean {
  let depth = 0
  let inString = false
  let escaped = false
  let exceeded = false
  return (chunk) => {
    const codeAt = typeof chunk === 'string' ? (i: number) => chunk.charCodeAt(i) : (i: number) => chunk[i]
    for (let i = 0; i < chunk.length && !exceeded; i++) {
      const code = codeAt(i)
      if (inString) {
        if (escaped) escaped = false
        else if (code === BACKSLASH) escaped = true
        else if (code === QUOTE) inString = false
      } else if (code === QUOTE) inString = true
      else if (OPEN.has(code)) exceeded = ++depth > max
      else if (CLOSE.has(code)) depth--
    }
    return exceeded
  }
}

export const tooDeepMessage = (what: string) =>
  `${what} is nested too deeply: objects and arrays may nest at most ${MAX_JSON_NESTING} levels.`

/** Why a JSON text given as a parameter cannot be used, or undefined when it can. */
export function jsonNestingProblem(text: string, name: string): string | undefined {
  if (nestingScanner()(text)) return tooDeepMessage(name)
  try {
    JSON.parse(text)
    return undefined
  } catch {
    return `${name} must be valid JSON.`
  }
}
