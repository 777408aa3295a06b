import { defaultLocale, isLocaleCode, localeCodes } from '@/i18n/localization'

import { type ImportFile, importFromJson, importFromXliff, readJsonExchange } from './exchange'
import { type ImportLimits, importLimits } from './limits'
import { poToExchange } from './po'
import { parseXliff } from './xliff'

/** XLIFF is 2.0 or 1.2, told apart by the file's version. */
export type ImportFormat = 'xliff' | 'json' | 'po'

/** An import file's text, read in the format it came in, within the limits. */
export async function parseImportText(
  format: ImportFormat,
  text: string,
  limits: ImportLimits = importLimits(),
): Promise<ImportFile> {
  if (format === 'json') return readJsonExchange(text, limits)
  if (format === 'po') return importFromJson(await poToExchange(text, defaultLocale, limits), limits)
  return importFromXliff(await parseXliff(text, limits))
}

/**
 * The format of an uploaded file, from its content: XML is XLIFF, an object JSON, anything else
 * gettext PO (a name ending in .po says so too). Tools name and type files every which way.
 */
export function sniffFormat(text: string, name = ''): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('<')) return 'xliff'
  if (start.startsWith('{')) return 'json'
  if (/\.pot?$/i.test(name) || /^(#|msgid|msgctxt)/m.test(start)) return 'po'
  return 'xliff'
}

const targetLocales = localeCodes.filter((code) => code !== defaultLocale)

/** What is wrong with a file's languages, as { path, message } problems (none when it may be imported). */
export function localeProblems(file: Pick<ImportFile, 'source' | 'target'>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (!isLocaleCode(file.source))
    problems.push({
      path: 'srcLang',
      message: `Unknown source locale "${file.source}": use one of ${localeCodes.join(', ')}.`,
    })
  if (!isLocaleCode(file.target) || file.target === defaultLocale) {
    problems.push({
      path: 'trgLang',
      message: `"${file.target}" cannot be a target: use one of ${targetLocales.join(', ')}.`,
    })
  }
  if (file.source === file.target)
    problems.push({ path: 'trgLang', message: 'The target language must differ from the source.' })
  return problems
}
