import type { Field, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

const notTranslator: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'editor'], user) || !checkRole(['translator'], user)

/**
 * Makes every non-localized field read-only for translators, so the admin panel shows it
 * locked and no write path can change it. Localized fields, and containers that hold them, stay open.
 */
export function lockForTranslators(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ('localized' in tab && tab.localized ? tab : { ...tab, fields: lockForTranslators(tab.fields) })) }
    }
    if ('localized' in field && field.localized) return field
    if (field.type === 'join' || field.type === 'ui') return field
    if ('fields' in field && (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array')) {
      return { ...field, fields: lockForTranslators(field.fields) } as Field
    }
    if (!('name' in field)) return field
    const existing = field.access?.update
    const update: FieldAccess = existing ? async (args) => (await notTranslator(args)) && existing(args) : notTranslator
    return { ...field, access: { ...field.access, update } } as Field
  })
}
