import type { Field } from 'payload'

/**
 * Rebuilds a field tree with `change` applied to every field that is not a container, inside
 * rows, collapsibles, groups, arrays and tabs alike: how plugins add a hook to every field of a kind.
 */
export function mapLeafFields(fields: Field[], change: (field: Field) => Field): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: mapLeafFields(tab.fields, change) })) }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: mapLeafFields(field.fields, change) } as Field
    return change(field)
  })
}
