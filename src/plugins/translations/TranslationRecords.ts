import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { nobody } from '@/access/nobody'

/**
 * Per document, the ledger of its translations: for each locale and field, hashes of the source
 * text a translation was made from and of the translation itself. Written only by the
 * translations plugin's hooks (with overrideAccess); read by staff and the status endpoint.
 */
export const TranslationRecords: CollectionConfig<'translation-records'> = {
  slug: 'translation-records',
  access: { create: nobody, delete: nobody, read: isStaff, update: nobody },
  admin: { group: 'Admin', hidden: true, useAsTitle: 'document' },
  fields: [
    { name: 'collection', type: 'text', required: true, index: true },
    { name: 'document', type: 'text', required: true, index: true },
    {
      name: 'ledger',
      type: 'json',
      required: true,
      admin: { description: 'locale → field path → { source, target, at, by }' },
    },
  ],
  indexes: [{ fields: ['collection', 'document'], unique: true }],
}
