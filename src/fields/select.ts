import type { ArrayField, SelectField } from 'payload'

type Option = string | { label: string; value: string }

/**
 * A select that always holds a value: required, with its default. An option is a value (shown as
 * it is) or a labelled value; `extra` adds what only some selects have (an index, a description).
 */
export const choiceField = (
  name: string,
  options: readonly Option[],
  defaultValue: string,
  extra: Pick<SelectField, 'admin' | 'index'> = {},
): SelectField => ({
  name,
  type: 'select',
  defaultValue,
  options: options.map((option) => (typeof option === 'string' ? { label: option, value: option } : option)),
  required: true,
  ...extra,
})

/** Organisations, each with its role: an event's organisers and sponsors, a project's partners. */
export const organisationsWithRoles = (
  name: string,
  { roles, defaultRole, description }: { roles: readonly string[]; defaultRole: string; description: string },
): ArrayField => ({
  name,
  type: 'array',
  admin: { description },
  fields: [
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', required: true },
    choiceField('role', roles, defaultRole),
  ],
})
