import type { SelectField } from 'payload'

import { countryOptions } from './countries'
import { alongsidePayload } from './validate'
import { validateCountry } from './validators'

type Options = {
  name?: string
  /** A list of countries rather than one. */
  hasMany?: boolean
  required?: boolean
  description?: string
  overrides?: Partial<SelectField>
}

/** ISO 3166-1 alpha-2 country code(s), stored as codes and shown with their names. */
export const countryField = ({
  name = 'country',
  hasMany = false,
  required = false,
  description,
  overrides,
}: Options = {}) =>
  ({
    name,
    type: 'select',
    hasMany,
    options: countryOptions,
    required,
    admin: { description: description ?? 'ISO 3166-1 alpha-2 code, e.g. TJ for Tajikistan.' },
    validate: alongsidePayload('select', (value: unknown) => validateCountry(value, required)),
    ...overrides,
  }) as SelectField
