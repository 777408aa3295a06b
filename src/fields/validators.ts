import { isValidPhoneNumber } from 'libphonenumber-js'

import { defaultLocale } from '@/i18n/localization'

import { isCountryCode } from './countries'
import { webUrlProblem } from './linkUrl'

/**
 * Pure validators shared by the field factories. Each returns `true` or a message for a person,
 * and accepts an empty value unless told the field is required: Payload calls a custom
 * `validate` instead of its own, so the required check lives here too.
 */
type Result = true | string

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === ''

const requiredMessage = 'This field is required.'

let timeZones: Set<string> | undefined
export function isTimeZone(value: string): boolean {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
  if (timeZones.has(value)) return true
  // Intl lists canonical zones only; aliases such as Europe/Kiev are still valid IANA names.
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)
  } catch {
    return false
  }
}

export function validateTimeZone(value: unknown, required = false): Result {
  if (isEmpty(value)) return required ? requiredMessage : true
  if (typeof value !== 'string' || !isTimeZone(value)) {
    return `"${String(value)}" is not an IANA time zone; use a name such as Asia/Dushanbe or Europe/Warsaw.`
  }
  return true
}

export function validateUrl(value: unknown, required = false): Result {
  if (isEmpty(value)) return required ? requiredMessage : true
  if (typeof value !== 'string') return 'A web address must be text.'
  const unsafe = webUrlProblem(value)
  if (unsafe) return unsafe
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return `"${value}" must start with https:// or http://.`
    }
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return `"${value}" has no valid host name.`
    return true
  } catch {
    return `"${value}" is not a valid web address; write it in full, e.g. https://example.org/page.`
  }
}

export function validatePhone(value: unknown, required = false): Result {
  if (isEmpty(value)) return required ? requiredMessage : true
  if (typeof value !== 'string' || !isValidPhoneNumber(value)) {
    return `"${String(value)}" is not a valid phone number; write it in international form, e.g. +48 504 080 257.`
  }
  return true
}

export function validateCountry(value: unknown, required = false): Result {
  if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) return required ? requiredMessage : true
  const values = Array.isArray(value) ? value : [value]
  const unknown = values.filter((code) => typeof code !== 'string' || !isCountryCode(code))
  if (unknown.length) {
    return `${unknown.map((code) => `"${String(code)}"`).join(', ')} ${unknown.length === 1 ? 'is not an ISO 3166-1 alpha-2 country code' : 'are not ISO 3166-1 alpha-2 country codes'} (e.g. TJ, KZ, KG).`
  }
  return true
}

/** `end` must not come before `start`; both are ISO strings or Dates. */
export function validateDateOrder(start: unknown, end: unknown, startLabel = 'the start date'): Result {
  if (isEmpty(start) || isEmpty(end)) return true
  const startTime = new Date(start as string).getTime()
  const endTime = new Date(end as string).getTime()
  if (Number.isNaN(endTime)) return `"${String(end)}" is not a valid date.`
  if (!Number.isNaN(startTime) && endTime < startTime) return `The end must not be before ${startLabel}.`
  return true
}

/**
 * For localized required fields: required in the default locale, where every translation
 * starts; another locale may leave it empty and fall back to English until it is translated.
 */
export const requiredInDefaultLocale = (value: unknown, { req }: { req: { locale?: string | null } }): Result => {
  if (req?.locale && req.locale !== defaultLocale) return true
  return isEmpty(value) || (typeof value === 'string' && !value.trim()) ? requiredMessage : true
}

/**
 * A rich-text value is a Lexical editor state: `{ root: { type: 'root', children: [...] } }`.
 * Payload stores whatever JSON it is given (a plain string included), which the admin's editor
 * then cannot open; empty (null) is fine.
 */
export const validateEditorState = (value: unknown): true | string => {
  if (value === undefined || value === null) return true
  const root = (value as { root?: { type?: unknown; children?: unknown } } | null)?.root
  if (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    root &&
    typeof root === 'object' &&
    root.type === 'root' &&
    Array.isArray(root.children)
  )
    return true
  return typeof value === 'string'
    ? 'Rich text must be an editor state ({ "root": { "type": "root", "children": [...] } }), not a plain string.'
    : 'Rich text must be an editor state: { "root": { "type": "root", "children": [...] } }.'
}
