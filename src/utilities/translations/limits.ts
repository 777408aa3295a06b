import { wholeNumber } from '@/env'

type Env = Record<string, string | undefined>

/** What one translation import may hold. Every figure can be changed through the environment. */
export type ImportLimits = {
  /** Bytes of the request body, whatever its content type (multipart included). */
  bytes: number
  /** Documents (`<file>` elements, or entries of `documents`). */
  documents: number
  /** Units (fields) over the whole file. */
  units: number
  /** Characters of text in one segment's source or target. */
  segmentChars: number
  /** Nesting of XML elements, or of JSON objects and arrays. */
  depth: number
  /** Imports with more documents than this run on the jobs queue and answer 202. */
  queueAbove: number
}

export const limitVariables: Record<keyof ImportLimits, [string, number]> = {
  bytes: ['TRANSLATION_IMPORT_MAX_BYTES', 1024 * 1024],
  documents: ['TRANSLATION_IMPORT_MAX_DOCUMENTS', 500],
  units: ['TRANSLATION_IMPORT_MAX_UNITS', 20_000],
  segmentChars: ['TRANSLATION_IMPORT_MAX_SEGMENT_CHARS', 20_000],
  depth: ['TRANSLATION_IMPORT_MAX_DEPTH', 64],
  queueAbove: ['TRANSLATION_IMPORT_QUEUE_ABOVE', 25],
}

export function importLimits(env: Env = process.env): ImportLimits {
  const entries = Object.entries(limitVariables).map(([key, [variable, fallback]]) => [
    key,
    wholeNumber(env, variable, fallback),
  ])
  return Object.fromEntries(entries) as ImportLimits
}

/** A file over one of the limits: a 400 (413 for bytes) that names the limit and its variable. */
export class ImportLimitError extends Error {
  readonly status: number
  constructor(
    readonly limit: keyof ImportLimits,
    readonly value: number,
    message: string,
    readonly path = limit as string,
  ) {
    super(`${message} The limit is ${value.toLocaleString('en')} (${limitVariables[limit][0]}).`)
    this.status = limit === 'bytes' ? 413 : 400
  }
}

/** Counts against a limit, throwing the moment it is passed. */
export function counter(limit: keyof ImportLimits, limits: ImportLimits, describe: (count: number) => string) {
  let count = 0
  return () => {
    count += 1
    if (count > limits[limit]) throw new ImportLimitError(limit, limits[limit], describe(count))
    return count
  }
}
