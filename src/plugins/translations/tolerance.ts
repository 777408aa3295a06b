import { type Inline, MarkupError, NOT_XML } from './inline'
import { canonical } from './units'

/**
 * What translators' tools do to a file Pressroom exported that changes nothing a translator
 * meant: they pretty-print (a newline and indentation inside `<source>` and `<target>`) and
 * renumber inline codes. An import undoes both when, and only when, the file's source then reads
 * exactly as the current source, and applies the same to the target. Anything else (a changed
 * text, codes that no longer pair up) is left as it is and judged as before: stale or rejected.
 */
export type ReconciledSegment = {
  /** The current source, when the file's is the same text; otherwise the file's as it is. */
  source: Inline[]
  /** The file's target under the same reading. */
  adapt: (target: Inline[]) => Inline[]
  /** The file's code ids and the current source's ids they stand for. */
  codes: Map<string, string>
}

type Reading = (inlines: Inline[]) => Inline[]

const asIs: Reading = (inlines) => inlines

/** Indentation a tool added (a newline and the spaces after it) taken out of every run of text. */
export const withoutIndentation: Reading = (inlines) =>
  inlines.flatMap((inline): Inline[] => {
    if ('text' in inline) {
      const text = inline.text.replace(/\r?\n[ \t]*/g, '')
      return text ? [{ text }] : []
    }
    if ('pc' in inline) return [{ pc: inline.pc, children: withoutIndentation(inline.children) }]
    return [inline]
  })

type CodeShape = { kind: 'pc' | 'ph'; id: string }

const codesIn = (inlines: Inline[]): CodeShape[] =>
  inlines.flatMap((inline): CodeShape[] => {
    if ('text' in inline) return []
    if ('ph' in inline) return [{ kind: 'ph', id: inline.ph }]
    return [{ kind: 'pc', id: inline.pc }, ...codesIn(inline.children)]
  })

/** The file's code ids mapped onto the current source's, when both hold the same kinds of code in the same order. */
export function pairCodes(file: Inline[], current: Inline[]): Map<string, string> | undefined {
  const theirs = codesIn(file)
  const ours = codesIn(current)
  if (theirs.length !== ours.length) return undefined
  const pairs = new Map<string, string>()
  for (const [index, code] of theirs.entries()) {
    if (code.kind !== ours[index].kind) return undefined
    const earlier = pairs.get(code.id)
    if (earlier !== undefined && earlier !== ours[index].id) return undefined
    pairs.set(code.id, ours[index].id)
  }
  return pairs
}

export const renameCodes = (inlines: Inline[], pairs: Map<string, string>): Inline[] =>
  inlines.map((inline): Inline => {
    if ('text' in inline) return inline
    if ('ph' in inline) return { ph: pairs.get(inline.ph) ?? inline.ph }
    return { pc: pairs.get(inline.pc) ?? inline.pc, children: renameCodes(inline.children, pairs) }
  })

// XLIFF 1.2 has no <cp>: its export leaves out characters XML cannot carry, so the file's source
// lacks them and is still the same text.
const xmlSafe = (inlines: Inline[]): Inline[] =>
  inlines.map((inline) =>
    'text' in inline
      ? { text: inline.text.replace(new RegExp(NOT_XML.source, 'g'), '') }
      : 'pc' in inline
        ? { pc: inline.pc, children: xmlSafe(inline.children) }
        : inline,
  )

const sameText = (theirs: Inline[], ours: Inline[]) =>
  canonical([theirs]) === canonical([ours]) || canonical([theirs]) === canonical([xmlSafe(ours)])

/** Each segment of a file read against the current source's segment at the same place. */
export function reconcile(fileSources: Inline[][], current: Inline[][]): ReconciledSegment[] {
  return fileSources.map((source, index) => {
    const ours = current[index] ?? []
    for (const read of [asIs, withoutIndentation]) {
      const candidate = read(source)
      const pairs = pairCodes(candidate, ours)
      if (pairs && sameText(renameCodes(candidate, pairs), ours)) {
        return { source: ours, adapt: (target) => renameCodes(read(target), pairs), codes: pairs }
      }
    }
    return { source, adapt: asIs, codes: new Map() }
  })
}

/**
 * Refuses a file whose copy of a code's original markup (a link's `<a href>`, in `<bpt>`/`<ept>`
 * or `<originalData>`) differs from the current source's: links change in the English, in
 * Pressroom, never through a translation file.
 */
export function checkCodeData(
  claimed: Record<string, string> | undefined,
  codes: Map<string, string>,
  expected: Map<string, string>,
): void {
  if (!claimed) return
  for (const [theirs, ours] of codes) {
    for (const end of ['start', 'end']) {
      const value = claimed[`${theirs}-${end}`]
      const original = expected.get(`${ours}-${end}`)
      if (value === undefined || original === undefined || value === original) continue
      throw new MarkupError(
        `The code "${theirs}" stands for ${original} in the source, the file says ${value}: links are changed in the English text, not in a translation.`,
      )
    }
  }
}

/**
 * Links a tool wrote out as their markup (translate-toolkit's PO conversion turns
 * `<bpt>&lt;a href="…"&gt;</bpt>Dushanbe<ept>&lt;/a&gt;</ept>` into the text
 * `<a href="…">Dushanbe</a>`) made codes again, when the markup is exactly the source's and the
 * target does not hold that code already. `original` is the source's markup by `<id>-start` and
 * `<id>-end`, as in `<originalData>`. Other text is left as it is.
 */
export function restoreCodeMarkup(target: Inline[], original: Map<string, string>): Inline[] {
  const present = new Set(codeIdsOf(target))
  const codes = [...original].flatMap(([key, start]) => {
    const id = key.endsWith('-start') ? key.slice(0, -'-start'.length) : undefined
    return id ? [{ id, start, end: original.get(`${id}-end`) ?? '' }] : []
  })
  let result = target
  for (const code of codes) {
    if (present.has(code.id) || !code.start) continue
    result = result.flatMap((inline): Inline[] => {
      if (!('text' in inline)) return [inline]
      const open = inline.text.indexOf(code.start)
      const close = open < 0 ? -1 : inline.text.indexOf(code.end, open + code.start.length)
      if (close < 0) return [inline]
      present.add(code.id)
      const before = inline.text.slice(0, open)
      const inside = inline.text.slice(open + code.start.length, close)
      const after = inline.text.slice(close + code.end.length)
      return [
        ...(before ? [{ text: before }] : []),
        { pc: code.id, children: inside ? [{ text: inside }] : [] },
        ...(after ? [{ text: after }] : []),
      ]
    })
  }
  return result
}

const codeIdsOf = (inlines: Inline[]): string[] => codesIn(inlines).map((code) => code.id)
