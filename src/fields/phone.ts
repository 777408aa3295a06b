import type { TextField } from 'payload'

import { alongsidePayload } from './validate'
import { validatePhone } from './validators'

type Options = {
  name?: string
  required?: boolean
  overrides?: Partial<TextField>
}

/** A phone number in international form, checked against libphonenumber's numbering plans. */
export const phoneField = ({ name = 'phone', required = false, overrides }: Options = {}) =>
  ({
    name,
    type: 'text',
    required,
    admin: { description: 'International form with the country code, e.g. +48 504 080 257.' },
    validate: alongsidePayload('text', (value: unknown) => validatePhone(value, required)),
    ...overrides,
  }) as TextField
