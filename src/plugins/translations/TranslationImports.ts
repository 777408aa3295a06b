import type { Access, CollectionConfig } from 'payload'

import { checkRole } from '@/access/checkRole'
import { isAdmin } from '@/access/isAdmin'

const nobody = () => false

/** The person who started an import reads it; admins read every one. */
const starterOrAdmin: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (checkRole(['admin'], user)) return true
  return { user: { equals: user.id } }
}

/**
 * A large translation import waiting on, or run by, the jobs queue: the file until the job has
 * read it, the progress, then the per-unit report. Written only by the import endpoint and the
 * job (with overrideAccess); read through GET /api/translations/import/{id}.
 */
export const TranslationImports: CollectionConfig<'translation-imports'> = {
  slug: 'translation-imports',
  access: { create: nobody, delete: isAdmin, read: starterOrAdmin, update: nobody },
  admin: { group: 'Admin', hidden: true },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: ['queued', 'running', 'done', 'failed'],
    },
    { name: 'format', type: 'select', required: true, options: ['xliff', 'json'] },
    { name: 'force', type: 'checkbox', defaultValue: false },
    { name: 'dryRun', type: 'checkbox', defaultValue: false },
    { name: 'documents', type: 'number', required: true },
    { name: 'done', type: 'number', defaultValue: 0 },
    // A JSON string rather than a text field: text fields stop at 20,000 characters.
    { name: 'file', type: 'json', admin: { description: 'The file as sent, until the job has read it.' } },
    { name: 'report', type: 'json' },
    { name: 'error', type: 'text' },
  ],
}
