import type { Field, FieldAccess } from 'payload'

import { isStaffField } from '@/access/isStaff'

const nobody: FieldAccess = () => false

const authorField = (name: 'createdBy' | 'updatedBy', label: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label,
  // Set by the recordAuthor hook from the logged-in user; no client can write it.
  access: { create: nobody, read: isStaffField, update: nobody },
  admin: { position: 'sidebar', readOnly: true },
  index: true,
})

/** Who created a document and who changed it last, kept in every version. */
export const auditFields = (): Field[] => [
  authorField('createdBy', 'Created by'),
  authorField('updatedBy', 'Last changed by'),
]
