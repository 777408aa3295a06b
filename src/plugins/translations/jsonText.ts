import { ImportLimitError, type ImportLimits } from './limits'

/**
 * Refuses JSON nested deeper than the limit before JSON.parse builds it, in one pass over the
 * text: the import reads a handful of levels, and a deep document costs only this scan.
 */
export function checkJsonDepth(text: string, limits: ImportLimits): void {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index)
    if (inString) {
      if (char === 0x5c) index += 1
      else if (char === 0x22) inString = false
      continue
    }
    if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) {
      depth += 1
      if (depth > limits.depth)
        throw new ImportLimitError(
          'depth',
          limits.depth,
          `The JSON nests objects and arrays more than ${limits.depth} deep (at character ${index + 1}); the exchange format nests seven.`,
          'body',
        )
    } else if (char === 0x7d || char === 0x5d) depth -= 1
  }
}

// A tag, without crossing another '<' so that text full of them is read once; entities count one character.
const TAG = /<[^<>]*>/g
const ENTITY = /&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);/g

/** Characters of text in a JSON segment (plain text, or rich text as inline markup). */
export const markupTextLength = (value: string): number => value.replace(TAG, '').replace(ENTITY, '.').length
