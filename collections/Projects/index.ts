import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { organisationsWithRoles } from '@/fields/select'
import { localizedSlug } from '@/fields/slug'
import { alongsidePayload, requiredText } from '@/fields/validate'
import { validateDateOrder } from '@/fields/validators'
import { hidePrivateSpeakers } from '@/hooks/hidePrivateSpeakers'
import { previewUrl } from '@/plugins/delivery/previewUrl'

export const partnerRoles = ['lead', 'partner', 'co-sponsor', 'funder'] as const

export const Projects: CollectionConfig<'projects'> = {
  slug: 'projects',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: {
    pressroom: {
      public: true,
      drafts: { schedulePublish: true },
      search: { title: 'title', summary: ['summary'], date: 'startDate' },
      seo: { title: 'title', description: ['summary', 'description'] },
    },
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
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, validate: requiredText },
    localizedSlug(),
    { name: 'summary', type: 'textarea', localized: true },
    { name: 'description', type: 'richText', localized: true },
    countryField({ name: 'countries', hasMany: true }),
    { name: 'startDate', type: 'date', index: true },
    {
      name: 'endDate',
      type: 'date',
      validate: alongsidePayload(
        'date',
        (value: unknown, { siblingData }: { siblingData: Partial<{ startDate: unknown }> }) =>
          validateDateOrder(siblingData?.startDate, value),
      ),
    },
    organisationsWithRoles('partners', {
      roles: partnerRoles,
      defaultRole: 'partner',
      description: 'Who implements and funds the project.',
    }),
    { name: 'coordinator', type: 'relationship', relationTo: 'speakers' },
    { name: 'achievements', type: 'richText', localized: true },
    { name: 'donorNotices', type: 'relationship', relationTo: 'donor-notices', hasMany: true },
    { name: 'events', type: 'join', collection: 'events', on: 'project' },
    { name: 'pressReleases', type: 'join', collection: 'press-releases', on: 'project' },
  ],
  hooks: {
    afterRead: [hidePrivateSpeakers([{ field: 'coordinator' }])],
  },
}
