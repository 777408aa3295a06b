import type { TextField } from 'payload'

import { alongsidePayload } from './validate'
import { validateUrl } from './validators'

type Options = {
  name?: string
  label?: TextField['label']
  /** Editors see this under the input. */
  description?: string
  required?: boolean
  localized?: boolean
  overrides?: Partial<TextField>
}

/** A web address (http or https), validated on the server for every API. */
export const urlField = ({ name = 'url', label, description, required = false, localized, overrides }: Options = {}) =>
  ({
    name,
    type: 'text',
    label,
    localized,
    required,
    admin: { description: description ?? 'A full web address, starting with https://.' },
    validate: alongsidePayload('text', (value: unknown) => validateUrl(value, required)),
    ...overrides,
  }) as TextField
