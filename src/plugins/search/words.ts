import type { SearchRow } from './rows'

export type SearchWord = { word: string; inTitle: boolean }

const wordsIn = (terms: string): string[] => terms.split(' ').filter(Boolean)

/** The distinct words of an index row (its text in search form), each marked when the title has it. */
export function wordsOf(row: Pick<SearchRow, 'titleTerms' | 'terms'>): SearchWord[] {
  const title = new Set(wordsIn(row.titleTerms))
  return [...new Set([...title, ...wordsIn(row.terms)])].map((word) => ({ word, inTitle: title.has(word) }))
}

/**
 * The words a query word finds: those that start with it, as the range [from, to) in code point
 * order (SQLite compares text as UTF-8 bytes and MongoDB strings likewise: the same order), so
 * that an index on the word answers it.
 */
export function prefixRange(word: string): { from: string; to: string } {
  const letters = Array.from(word)
  const last = letters.pop()!.codePointAt(0)!
  return { from: word, to: letters.join('') + String.fromCodePoint(last + 1) }
}
