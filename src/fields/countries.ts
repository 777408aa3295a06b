import countries from 'i18n-iso-countries'

export const countryCodes: string[] = Object.keys(countries.getAlpha2Codes()).sort()

export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code)

const names = (locale: string) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
const english = names('en')
const russian = names('ru')

/** Select options with English and Russian labels for the admin. */
export const countryOptions = countryCodes.map((code) => ({
  label: { en: english.of(code) ?? code, ru: russian.of(code) ?? code },
  value: code,
}))
