import { defaultLocale, isLocaleCode, localeCodes } from '@/i18n/localization'

import { type ImportFile, importFromXliff, readJsonExchange } from './exchange'
import { type ImportLimits, importLimits } from './limits'
import { parseXliff } from './xliff'

export type ImportFormat = 'xliff' | 'json'

/** An import file's text, read in the format it came in, within the limits. */
export async function parseImportText(format: ImportFormat, text: string, limits: ImportLimits = importLimits()): Promise<ImportFile> {
  return format === 'json' ? readJsonExchange(text, limits) : importFromXliff(await parseXliff(text, limits))
}

const targetLocales = localeCodes.filter((code) => code !== defaultLocale)

/** What is wrong with a file's languages, as { path, message } problems (none when it may be imported). */
export function localeProblems(file: Pick<ImportFile, 'source' | 'target'>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (!isLocaleCode(file.source)) problems.push({ path: 'srcLang', message: `Unknown source locale "${file.source}": use one of ${localeCodes.join(', ')}.` })
  if (!isLocaleCode(file.target) || file.target === defaultLocale) {
    problems.push({ path: 'trgLang', message: `"${file.target}" cannot be a target: use one of ${targetLocales.join(', ')}.` })
  }
  if (file.source === file.target) problems.push({ path: 'trgLang', message: 'The target language must differ from the source.' })
  return problems
}
