import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { publishedOnly } from '@/access/publishedOnly'
import { countryField } from '@/fields/country'
import { localizedSlug } from '@/fields/slug'
import { validateDateOrder } from '@/fields/validators'
import { hidePrivateSpeakers } from '@/hooks/hidePrivateSpeakers'
import { canUpdateContent } from '@/access/canUpdateContent'
import { lockForTranslators } from '@/access/lockForTranslators'
import { auditFields } from '@/fields/audit'
import { publishOneLocale } from '@/hooks/publishOneLocale'
import { enforceTranslatorRules } from '@/hooks/enforceTranslatorRules'
import { recordAuthor } from '@/hooks/recordAuthor'
import { previewUrl } from '@/utilities/delivery/previewUrl'
import { alongsidePayload, requiredText } from '@/fields/validate'


export const partnerRoles = ['lead', 'partner', 'co-sponsor', 'funder'] as const

export const Projects: CollectionConfig<'projects'> = {
  slug: 'projects',
  access: {
    create: isEditorOrAdmin,
    delete: isEditorOrAdmin,
    read: publishedOnly,
    update: canUpdateContent,
  },
  admin: {
    defaultColumns: ['title', 'startDate', 'endDate', '_status'],
    group: 'Directory',
    listSearchableFields: ['title'],
    livePreview: { url: ({ data, locale }) => previewUrl('projects', data, locale?.code) },
    preview: (doc, { locale }) => previewUrl('projects', doc, locale),
    useAsTitle: 'title',
  },
  defaultPopulate: { title: true, slug: true, summary: true },
  fields: lockForTranslators([
    { name: 'title', type: 'text', localized: true, required: true, validate: requiredText },
    localizedSlug(),
    { name: 'summary', type: 'textarea', localized: true },
    { name: 'description', type: 'richText', localized: true },
    countryField({ name: 'countries', hasMany: true }),
    { name: 'startDate', type: 'date', index: true },
    {
      name: 'endDate',
      type: 'date',
      validate: alongsidePayload('date', (value: unknown, { siblingData }: { siblingData: Partial<{ startDate: unknown }> }) =>
        validateDateOrder(siblingData?.startDate, value)),
    },
    {
      name: 'partners',
      type: 'array',
      admin: { description: 'Who implements and funds the project.' },
      fields: [
        { name: 'organisation', type: 'relationship', relationTo: 'organisations', required: true },
        {
          name: 'role',
          type: 'select',
          defaultValue: 'partner',
          options: partnerRoles.map((value) => ({ label: value, value })),
          required: true,
        },
      ],
    },
    { name: 'coordinator', type: 'relationship', relationTo: 'speakers' },
    { name: 'achievements', type: 'richText', localized: true },
    { name: 'donorNotices', type: 'relationship', relationTo: 'donor-notices', hasMany: true },
    { name: 'events', type: 'join', collection: 'events', on: 'project' },
    { name: 'pressReleases', type: 'join', collection: 'press-releases', on: 'project' },
    ...auditFields(),
  ]),
  hooks: {
    beforeOperation: [enforceTranslatorRules(), publishOneLocale()],
    beforeChange: [recordAuthor],
    afterRead: [hidePrivateSpeakers([{ field: 'coordinator' }])],
  },
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
}
