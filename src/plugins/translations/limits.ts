import { wholeNumberFromEnv } from '@/env'

type Env = Record<string, string | undefined>

/** What one translation import may hold: each figure, its variable and its default. */
export const limitVariables = {
  /** Bytes of the request body, whatever its content type (multipart included). */
  bytes: ['TRANSLATION_IMPORT_MAX_BYTES', 1024 * 1024],
  /** Documents (`<file>` elements, or entries of `documents`). */
  documents: ['TRANSLATION_IMPORT_MAX_DOCUMENTS', 500],
  /** Units (fields) over the whole file. */
  units: ['TRANSLATION_IMPORT_MAX_UNITS', 20_000],
  /** Characters of text in one segment's source or target. */
  segmentChars: ['TRANSLATION_IMPORT_MAX_SEGMENT_CHARS', 20_000],
  /** Nesting of XML elements, or of JSON objects and arrays. */
  depth: ['TRANSLATION_IMPORT_MAX_DEPTH', 64],
  /** Imports with more documents than this run on the jobs queue and answer 202. */
  queueAbove: ['TRANSLATION_IMPORT_QUEUE_ABOVE', 25],
} as const satisfies Record<string, readonly [string, number]>

/** The figures in force, from the environment or the defaults above. */
export type ImportLimits = Record<keyof typeof limitVariables, number>

export function importLimits(env: Env = process.env): ImportLimits {
  const entries = Object.entries(limitVariables).map(([key, [variable, fallback]]) => [
    key,
    wholeNumberFromEnv(env, variable, fallback),
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
