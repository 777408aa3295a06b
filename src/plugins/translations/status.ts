import { canonical, hashOf, isEmpty, toSegments, type TranslatableField } from './units'

export type FieldState = 'missing' | 'stale' | 'translated'
export const fieldStates: FieldState[] = ['missing', 'stale', 'translated']

/** What was true when a translation was last saved: hashes of its source and of itself. */
export type SavedTranslation = { source: string; target: string; at: string; by?: number | string | null }
/** Per locale, per field path. */
export type TranslationLedger = Record<string, Record<string, SavedTranslation>>

export type FieldStatus = { path: string; label: string; status: FieldState; sameAsSource: boolean }
export type Counts = Record<FieldState, number> & { total: number }

/**
 * A field with nothing in the source has nothing to translate (undefined). Otherwise: missing
 * when the locale is empty; translated when the source is the one it was translated from and the
 * translation is the one that was saved; stale in every other case, including a translation
 * nobody recorded (written around the API), which nobody can vouch for.
 */
export function fieldStatus(
  field: TranslatableField,
  sourceLocale: string,
  locale: string,
  saved?: SavedTranslation,
): FieldStatus | undefined {
  const source = toSegments(field.kind, field.values[sourceLocale]).segments
  if (isEmpty(source)) return undefined
  const target = toSegments(field.kind, field.values[locale]).segments
  const base = {
    path: field.path,
    label: field.label,
    sameAsSource: !isEmpty(target) && canonical(target) === canonical(source),
  }
  if (isEmpty(target)) return { ...base, status: 'missing' }
  const current = saved && saved.target === hashOf(target) && saved.source === hashOf(source)
  return { ...base, status: current ? 'translated' : 'stale' }
}

export function countStates(fields: FieldStatus[]): Counts {
  const counts: Counts = { missing: 0, stale: 0, translated: 0, total: fields.length }
  for (const field of fields) counts[field.status] += 1
  return counts
}

/** A document is stale if any field is, missing if any field is, translated when all are. */
export function documentState(counts: Counts): FieldState {
  if (counts.stale) return 'stale'
  if (counts.missing) return 'missing'
  return 'translated'
}

/**
 * The ledger after a save in `locales`: every field whose translation changed is recorded against
 * the source as it is now; an emptied field is forgotten. Undefined when nothing changed.
 */
export function recordSave(
  ledger: TranslationLedger,
  fields: TranslatableField[],
  sourceLocale: string,
  locales: string[],
  at: string,
  by?: number | string | null,
): TranslationLedger | undefined {
  let changed = false
  const next: TranslationLedger = structuredClone(ledger)
  for (const locale of locales) {
    if (locale === sourceLocale) continue
    const entries = { ...(next[locale] ?? {}) }
    for (const field of fields) {
      const target = toSegments(field.kind, field.values[locale]).segments
      if (isEmpty(target)) {
        if (entries[field.path]) {
          delete entries[field.path]
          changed = true
        }
        continue
      }
      const targetHash = hashOf(target)
      if (entries[field.path]?.target === targetHash) continue
      entries[field.path] = {
        source: hashOf(toSegments(field.kind, field.values[sourceLocale]).segments),
        target: targetHash,
        at,
        by: by ?? null,
      }
      changed = true
    }
    next[locale] = entries
  }
  return changed ? next : undefined
}

/** The ledger with fields confirmed as translations of the current source (a translator re-delivered them unchanged). */
export function confirm(
  ledger: TranslationLedger,
  fields: TranslatableField[],
  sourceLocale: string,
  locale: string,
  at: string,
  by?: number | string | null,
): TranslationLedger {
  const next: TranslationLedger = structuredClone(ledger)
  next[locale] = { ...(next[locale] ?? {}) }
  for (const field of fields) {
    const target = toSegments(field.kind, field.values[locale]).segments
    if (isEmpty(target)) continue
    next[locale][field.path] = {
      source: hashOf(toSegments(field.kind, field.values[sourceLocale]).segments),
      target: hashOf(target),
      at,
      by: by ?? null,
    }
  }
  return next
}
