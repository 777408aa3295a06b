import type { TextField } from 'payload'

import { alongsidePayload } from './validate'
import { validateTimeZone } from './validators'

type Options = {
  name?: string
  required?: boolean
  defaultValue?: string
  overrides?: Partial<TextField>
}

/** An IANA time zone name; dates are stored in UTC and shown in this zone. */
export const timezoneField = ({ name = 'timezone', required = true, defaultValue, overrides }: Options = {}) =>
  ({
    name,
    type: 'text',
    defaultValue,
    required,
    index: true,
    admin: { description: 'IANA time zone of the venue, e.g. Asia/Dushanbe. Online events: the organiser’s zone.' },
    validate: alongsidePayload('text', (value: unknown) => validateTimeZone(value, required)),
    ...overrides,
  }) as TextField
