import fc from 'fast-check'
import { XMLParser } from 'fast-xml-parser'

/** Values an attacker types into a text field to break out of the format it is written into. */
export const hostileStrings: string[] = [
  'Title\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected',
  'lone\rCR and lone\nLF',
  'control \u0001\u0008\u000b\u000c\u001f\u007f\u0085 chars',
  'a ]]> b ]]> <item><title>injected</title></item>',
  '</script><script>alert(1)</script>',
  '<!-- comment --> & &amp; &#x3c;',
  `"double" 'single' \`back\``,
  'semi;colon,comma\\backslash:colon',
  'x'.repeat(5000),
  'non-BMP 😀 𝄞 𠜎',
  'Роль гражданского общества в предупреждении пыток',
  'line\u2028separator\u2029paragraph',
  'lone surrogate \ud800 here',
  'non-characters \ufffe\uffff',
]

const hostileParts = [
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  ']]>',
  '<![CDATA[',
  '</script>',
  '<!--',
  '-->',
  '<',
  '>',
  '&',
  '"',
  "'",
  ';',
  ',',
  '\\',
  ':',
  'END:VEVENT',
  'BEGIN:VEVENT',
  '\u2028',
  '\u2029',
  '😀',
  'Ж',
  'ҷ',
  ' ',
  "filename*=UTF-8''evil.html",
]

/** Strings built from the pieces above and arbitrary Unicode, for property tests. */
export const hostileString = (maxLength = 12): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...hostileParts),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { minLength: 1, maxLength },
    )
    .map((parts) => parts.join(''))

/** The five entities escapeHtml writes, decoded: what a feed reader shows. */
export const decodeHtml = (value: string): string =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
  )

/** RSS and Atom as a feed reader sees them: CDATA kept apart, values untrimmed, items always a list. */
export const feedXml = new XMLParser({
  ignoreAttributes: false,
  cdataPropName: '#cdata',
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'entry'].includes(name),
})

/** The text of an HTML value sent in CDATA, as a reader shows it. */
export const cdataText = (node: unknown): string => decodeHtml(String((node as { '#cdata': unknown })['#cdata']))
