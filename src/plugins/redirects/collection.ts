import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { isStaff } from '@/access/isStaff'
import { localeCodes } from '@/i18n/localization'

export const REDIRECTS = 'slug-redirects'

/**
 * Old slugs of public documents: kept when a published slug changes, so that links to the old
 * page keep working. Each names the document, not its new slug, so a chain of renames resolves
 * in one step to the slug it has now. The public asks GET /api/redirects, which answers only for
 * documents the public may read; the rows themselves are for staff.
 */
export const redirectsCollection = (collections: string[]): CollectionConfig => ({
  slug: REDIRECTS,
  access: { create: isEditorOrAdmin, read: isStaff, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  admin: {
    defaultColumns: ['from', 'collection', 'locale', 'document', 'createdAt'],
    description:
      'Old slugs that keep resolving to their document. Pressroom adds one whenever a published slug changes.',
    group: 'Admin',
    useAsTitle: 'from',
  },
  graphQL: false,
  labels: { singular: 'Redirect', plural: 'Redirects' },
  fields: [
    { name: 'from', type: 'text', required: true, index: true, admin: { description: 'The old slug.' } },
    { name: 'collection', type: 'select', required: true, options: collections },
    { name: 'locale', type: 'select', required: true, options: [...localeCodes] },
    {
      name: 'document',
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'The id of the document it resolves to.' },
    },
  ],
  indexes: [{ fields: ['collection', 'locale', 'from'] }],
})
