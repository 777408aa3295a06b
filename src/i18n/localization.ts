import type { LocalizationConfig } from 'payload'

/** Content locales. English is the source language every translation starts from. */
export const locales = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'tg', label: 'Тоҷикӣ' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'ky', label: 'Кыргызча' },
] as const

export type LocaleCode = (typeof locales)[number]['code']

export const defaultLocale: LocaleCode = 'en'
export const localeCodes: LocaleCode[] = locales.map((locale) => locale.code)

export const isLocaleCode = (value: unknown): value is LocaleCode =>
  typeof value === 'string' && (localeCodes as string[]).includes(value)

export const localization: LocalizationConfig = {
  defaultLocale,
  fallback: true,
  locales: locales.map(({ code, label }) => ({ code, label, fallbackLocale: defaultLocale })),
}
