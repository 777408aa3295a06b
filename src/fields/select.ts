import type { ArrayField, SelectField } from 'payload'

/**
 * A select that always holds a value: required, with its default. The options are values, shown
 * as they are, or labels by value; `extra` adds what only some selects have (an index, a description).
 */
export const choiceField = (
  name: string,
  options: readonly string[] | Record<string, string>,
  defaultValue: string,
  extra: Pick<SelectField, 'admin' | 'index'> = {},
): SelectField => ({
  name,
  type: 'select',
  defaultValue,
  options: Array.isArray(options)
    ? options.map((value) => ({ label: value, value }))
    : Object.entries(options).map(([value, label]) => ({ label, value })),
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
