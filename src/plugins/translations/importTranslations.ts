import type { CollectionSlug, PayloadRequest } from 'payload'

import { defaultLocale } from '@/i18n/localization'
import { yieldToLoop } from '@/utilities/yieldToLoop'

import { type ImportFile, readForImport } from './exchange'
import { MarkupError } from './inline'
import { readLedger, writeLedger } from './ledger'
import { confirm } from './status'
import { fieldStatus } from './status'
import { checkCodeData, reconcile, restoreCodeMarkup } from './tolerance'
import {
  canonical,
  fromSegments,
  hasTranslatableFields,
  originalData,
  toSegments,
  type TranslatableField,
  translatableFields,
} from './units'

export type UnitResult = 'applied' | 'unchanged' | 'stale' | 'rejected'
export type UnitReport = { document: string; unit: string; result: UnitResult; reason?: string }
export type ImportReport = {
  source: string
  target: string
  dryRun: boolean
  force: boolean
  summary: Record<UnitResult, number>
  units: UnitReport[]
}

type Doc = Record<string, unknown> & { id: number | string }
type Patch = { field: TranslatableField; value: unknown }

const reasons = {
  unknownDocument: 'Unknown document: it does not exist, or you may not read it.',
  unknownField: 'Unknown field: this document has no translatable field at that path.',
  stale:
    'The source text changed since the export; translate the new text (export again), or import with force to apply it anyway.',
  noTarget: 'The unit has no target.',
  same: 'The target is the translation already stored.',
  confirmed:
    'The target is the translation already stored; it is now recorded as the translation of the current source.',
}

/**
 * Writes the translations of an exchange file into its target locale, as a draft where the
 * collection has drafts, touching only the fields the units name. Each unit is judged on its own:
 * applied, unchanged, stale (the source moved on since the export; applied only with `force`) or
 * rejected with the reason.
 */
export type ImportOptions = {
  force?: boolean
  dryRun?: boolean
  /** Told how many documents are done, before each document and once at the end. */
  onProgress?: (done: number) => Promise<void> | void
}

// Units judged between two turns of the event loop, within one document.
const UNITS_PER_TURN = 200

export async function importTranslations(
  req: PayloadRequest,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const force = Boolean(options.force)
  const dryRun = Boolean(options.dryRun)
  const report: ImportReport = {
    source: file.source,
    target: file.target,
    dryRun,
    force,
    summary: { applied: 0, unchanged: 0, stale: 0, rejected: 0 },
    units: [],
  }
  const note = (document: string, unit: string, result: UnitResult, reason?: string) => {
    report.units.push({ document, unit, result, ...(reason ? { reason } : {}) })
    report.summary[result] += 1
  }

  for (const [index, document] of file.documents.entries()) {
    // Each document is a few milliseconds of work: other requests are served between them.
    if (index > 0) await yieldToLoop()
    await options.onProgress?.(index)
    const name = `${document.collection}/${document.id}`
    const config = req.payload.collections[document.collection as CollectionSlug]?.config
    const doc =
      config && hasTranslatableFields(config.fields)
        ? ((await readForImport(req, config.slug as CollectionSlug, document.id)) as Doc | undefined)
        : undefined
    if (!config || !doc) {
      for (const unit of document.units) note(name, unit.id, 'rejected', reasons.unknownDocument)
      continue
    }
    const fields = new Map(translatableFields(config.fields, doc).map((field) => [field.path, field]))
    const ledger = await readLedger(req, { collection: config.slug, document: doc.id })
    const patches: Patch[] = []
    const confirmations: TranslatableField[] = []
    const pending: string[] = []
    for (const [position, unit] of document.units.entries()) {
      if (position > 0 && position % UNITS_PER_TURN === 0) await yieldToLoop()
      const field = fields.get(unit.id)
      if (!field) {
        note(name, unit.id, 'rejected', reasons.unknownField)
        continue
      }
      try {
        const current = toSegments(field.kind, field.values[file.source])
        const read = reconcile(
          unit.segments.map((segment) => segment.source(field.kind)),
          current.segments,
        )
        const changed = canonical(read.map((segment) => segment.source)) !== canonical(current.segments)
        if (changed && !force) {
          note(name, unit.id, 'stale', reasons.stale)
          continue
        }
        const expected = new Map(originalData(current.codes).map((entry) => [entry.id, entry.value]))
        unit.segments.forEach((segment, index) =>
          segment.data?.().forEach((claimed) => checkCodeData(claimed, read[index].codes, expected)),
        )
        const targets = unit.segments.map((segment, index) => {
          const target = segment.target?.(field.kind)
          return target && restoreCodeMarkup(read[index].adapt(target), expected)
        })
        if (targets.every((target) => target === undefined)) {
          note(name, unit.id, 'unchanged', reasons.noTarget)
          continue
        }
        const missing = unit.segments.find((_, index) => targets[index] === undefined)
        if (missing)
          throw new MarkupError(`Segment "${missing.id}" has no target; translate every segment of the unit.`)
        const value = fromSegments(
          field.kind,
          targets as NonNullable<(typeof targets)[number]>[],
          field.values[file.source],
          current.codes,
        )
        const stored = toSegments(field.kind, field.values[file.target]).segments
        if (canonical(toSegments(field.kind, value).segments) === canonical(stored)) {
          const status = fieldStatus(field, defaultLocale, file.target, ledger[file.target]?.[field.path])?.status
          if (status === 'stale' && !changed && file.source === defaultLocale) {
            confirmations.push(field)
            note(name, unit.id, 'unchanged', reasons.confirmed)
          } else note(name, unit.id, 'unchanged', reasons.same)
          continue
        }
        patches.push({ field, value })
        pending.push(unit.id)
      } catch (error) {
        if (!(error instanceof MarkupError)) throw error
        note(name, unit.id, 'rejected', `Malformed markup: ${error.message}`)
      }
    }
    if (dryRun) {
      for (const unit of pending) note(name, unit, 'applied')
      continue
    }
    if (patches.length) {
      try {
        await writeTranslations(
          req,
          config.slug as CollectionSlug,
          doc.id,
          file.target,
          patches,
          Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts),
        )
        for (const unit of pending) note(name, unit, 'applied')
      } catch (error) {
        const message =
          (error as { data?: { errors?: { message: string; path: string }[] }; message?: string }).data?.errors
            ?.map((e) => `${e.path}: ${e.message}`)
            .join('; ') ?? (error as Error).message
        const status = (error as { status?: number }).status ?? 500
        if (status >= 500) throw error
        for (const unit of pending) note(name, unit, 'rejected', `Not saved: ${message}`)
      }
    }
    if (confirmations.length) {
      const latest = await readLedger(req, { collection: config.slug, document: doc.id })
      const by = req.user?.collection === 'users' ? req.user.id : null
      await writeLedger(
        req,
        { collection: config.slug, document: doc.id },
        confirm(latest, confirmations, defaultLocale, file.target, new Date().toISOString(), by),
      )
    }
  }
  await options.onProgress?.(file.documents.length)
  return report
}

/**
 * One update of one document in the target locale. Arrays are sent whole (Payload replaces
 * them), taken from the stored document in that locale, so only the named fields change.
 */
async function writeTranslations(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  locale: string,
  patches: Patch[],
  drafts: boolean,
) {
  const stored = (await req.payload.findByID({
    collection,
    id,
    depth: 0,
    draft: true,
    fallbackLocale: false,
    locale: locale as never,
    overrideAccess: false,
    req,
  })) as unknown as Doc
  const data: Record<string, unknown> = {}
  for (const { field, value } of patches) {
    const [top, ...rest] = field.path.split('.')
    if (!(top in data)) data[top] = structuredClone(stored[top])
    if (!rest.length) {
      data[top] = value
      continue
    }
    let container: unknown = data[top]
    for (let index = 0; index < rest.length - 1; index += 1) {
      const key = rest[index]
      container = Array.isArray(container)
        ? container.find((row: { id?: unknown }) => String(row?.id) === key)
        : (container as Record<string, unknown> | undefined)?.[key]
    }
    if (!container || typeof container !== 'object')
      throw new MarkupError(`The document has no place for ${field.path}.`)
    ;(container as Record<string, unknown>)[rest[rest.length - 1]] = value
  }
  await req.payload.update({
    collection,
    id,
    data,
    depth: 0,
    draft: drafts,
    locale: locale as never,
    overrideAccess: false,
    req,
  })
}
