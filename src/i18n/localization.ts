import type { LocalizationConfig } from 'payload'

/** The reference host's content locales. English is the source language every translation starts from. */
const referenceLocales = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'tg', label: 'Тоҷикӣ' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'ky', label: 'Кыргызча' },
] as const

export type LocaleCode = (typeof referenceLocales)[number]['code']

/**
 * The content locales in use: the reference host's, or the host's own once pressroomPlugin has
 * read its localization config. Changed in place (and `defaultLocale` rebound), so every module
 * that imported them sees the host's; a value derived from them when a module loads does not.
 */
export const locales: { code: LocaleCode; label: string }[] = referenceLocales.map((locale) => ({ ...locale }))
export let defaultLocale: LocaleCode = 'en'
export const localeCodes: LocaleCode[] = locales.map((locale) => locale.code)

export const isLocaleCode = (value: unknown): value is LocaleCode =>
  typeof value === 'string' && (localeCodes as string[]).includes(value)

/** Takes the host's locales and default locale (the source of every translation) as Pressroom's. */
export function useHostLocalization(config: LocalizationConfig): void {
  const host = config.locales.map((locale) =>
    typeof locale === 'string'
      ? { code: locale, label: locale }
      : { code: locale.code, label: String(typeof locale.label === 'string' ? locale.label : locale.code) },
  )
  locales.splice(0, locales.length, ...(host as typeof locales))
  localeCodes.splice(0, localeCodes.length, ...(host.map((locale) => locale.code) as LocaleCode[]))
  defaultLocale = config.defaultLocale as LocaleCode
}

export const localization: LocalizationConfig = {
  defaultLocale,
  fallback: true,
  locales: locales.map(({ code, label }) => ({ code, label, fallbackLocale: defaultLocale })),
}
