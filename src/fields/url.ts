import type { TextField } from 'payload'

import { webUrlProblem } from './linkUrl'
import { refuseOnSave } from './refuseOnSave'
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

// Drafts skip `validate`; a javascript: address in a draft would still reach a preview.
const refuseUnsafe = refuseOnSave((value) =>
  typeof value === 'string' && value ? (webUrlProblem(value) ?? true) : true,
)

/** A web address (http or https), validated on the server for every API, drafts included for the scheme. */
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
    hooks: { ...overrides?.hooks, beforeValidate: [...(overrides?.hooks?.beforeValidate ?? []), refuseUnsafe] },
  }) as TextField
