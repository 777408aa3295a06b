import { validations } from 'payload'

import { requiredInDefaultLocale } from './validators'

type Check = (value: unknown, options: any) => true | string
type FieldType = 'text' | 'textarea' | 'select' | 'date' | 'number'

/**
 * A custom `validate` replaces Payload's own: without this, a field with a custom rule would lose
 * its length limit (a 1 MB title), option check or date parsing. The field's own rule speaks
 * first (its message is the more precise one), then Payload's check, with `required` left to ours.
 */
export const alongsidePayload =
  (type: FieldType, check: Check) =>
  async (value: unknown, options: any): Promise<true | string> => {
    const own = check(value, options)
    if (own !== true) return own
    return (validations[type] as (value: unknown, options: any) => true | string | Promise<true | string>)(value, {
      ...options,
      required: false,
    })
  }

/** Localized text required in English only, within Payload's length limits. */
export const requiredText = alongsidePayload('text', requiredInDefaultLocale)
export const requiredTextarea = alongsidePayload('textarea', requiredInDefaultLocale)

/** A count of people or things: Payload turns "sixty" into NaN and would store nothing without a word. */
export const wholeNumber = alongsidePayload('number', (value) =>
  value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    ? true
    : 'Write a whole number, such as 60.',
)
