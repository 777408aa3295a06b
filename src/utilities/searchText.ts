/**
 * The search form of a text: lower case, diacritics folded (ё = е, й = и), the letters of
 * Kazakh, Kyrgyz and Tajik folded to their Russian base letters, then Cyrillic written in Latin
 * letters. Documents are stored and queries asked in this one form, so "Бишкек", "бишкек" and
 * "Bishkek" are the same word, and a plain `like` (SQLite's LIKE, MongoDB's regex) finds them.
 */

/** Letters that are letters of their own, not a base letter with a combining mark. */
const baseLetters: Record<string, string> = {
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ї: 'и',
  ӣ: 'и',
  ӯ: 'у',
  ҳ: 'х',
  ҷ: 'ч',
  ә: 'а',
  ҝ: 'к',
  ҹ: 'ч',
  є: 'е',
  ў: 'у',
}

/** Russian romanisation close to the spellings used in English texts (BGN/PCGN, дж as j). */
const latin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
}

/** Lower case without diacritics, Central Asian letters folded, every run of non-letters one space. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[қғңөұүһіїӣӯҳҷәҝҹєў]/g, (letter) => baseLetters[letter])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The folded text in Latin letters: the one form stored and searched. */
export function searchForm(text: string): string {
  return foldText(text)
    .replace(/дж/g, 'j')
    .replace(/[а-яё]/g, (letter) => latin[letter] ?? letter)
}

/** The distinct words of a query in search form. */
export const searchWords = (query: string): string[] => [...new Set(searchForm(query).split(' ').filter(Boolean))]
