import type { TextField, Timezone } from 'payload'

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
    validate: alongsidePayload('text', (value: unknown) => validateTimeZone(value, required)),
    ...overrides,
    admin: {
      description: 'IANA time zone of the venue, e.g. Asia/Dushanbe. Online events: the organiser’s zone.',
      ...overrides?.admin,
    },
  }) as TextField

/**
 * Every IANA zone the runtime knows, for Payload's time zone picker (`admin.timezones`): Payload's
 * own short list lacks most of Central Asia.
 */
export const timeZoneOptions = (): Timezone[] =>
  ['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => ({ label: zone.replaceAll('_', ' '), value: zone }))
