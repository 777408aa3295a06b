import type { CollectionConfig } from 'payload'

import { publishedAndNotEmbargoed } from '@/access/publishedAndNotEmbargoed'
import { editorialTabs } from '@/fields/editorialTabs'
import { phoneField } from '@/fields/phone'
import { requiredTextarea } from '@/fields/validate'
import { hidePrivateSpeakers } from '@/hooks/hidePrivateSpeakers'
import { pressReleaseJsonLd } from '@/plugins/delivery/jsonld'
import { jsonLdEndpoint } from '@/plugins/delivery/jsonLdEndpoint'
import { previewUrl } from '@/plugins/delivery/previewUrl'

import { pressReleasePreview } from './preview'

const dateAndTime = { date: { pickerAppearance: 'dayAndTime' as const } }

export const PressReleases: CollectionConfig<'press-releases'> = {
  slug: 'press-releases',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: {
    pressroom: {
      public: true,
      drafts: { schedulePublish: true },
      search: {
        title: 'title',
        summary: ['summary', 'subtitle'],
        text: ['subtitle', 'dateline.places'],
        date: 'releaseDate',
      },
      seo: { title: 'title', description: ['summary', 'body'], image: 'featuredImage', type: 'article' },
    },
  },
  access: { read: publishedAndNotEmbargoed },
  admin: {
    defaultColumns: ['title', 'releaseDate', 'embargoUntil', '_status'],
    group: 'Newsroom',
    listSearchableFields: ['title', 'subtitle', 'summary'],
    livePreview: { url: ({ data, locale }) => previewUrl('press-releases', data, locale?.code) },
    preview: (doc, { locale }) => previewUrl('press-releases', doc, locale),
    useAsTitle: 'title',
  },
  endpoints: [jsonLdEndpoint('press-releases', pressReleaseJsonLd), pressReleasePreview],
  defaultPopulate: { title: true, subtitle: true, slug: true, releaseDate: true, summary: true, featuredImage: true },
  fields: [
    ...editorialTabs(
      [
        { name: 'subtitle', type: 'text', localized: true },
        { name: 'summary', type: 'textarea', localized: true },
        { name: 'body', type: 'richText', localized: true },
      ],
      {
        label: 'Dateline and embargo',
        fields: [
          {
            name: 'dateline',
            type: 'group',
            admin: {
              description: 'The places and date that open the release: “Almaty, Bishkek, Brussels, 31 May 2016 –”.',
            },
            fields: [
              {
                name: 'places',
                type: 'text',
                hasMany: true,
                localized: true,
                admin: { description: 'Cities, in the order printed.' },
              },
              { name: 'date', type: 'date' },
            ],
          },
          { name: 'releaseDate', type: 'date', required: true, index: true, admin: dateAndTime },
          {
            name: 'embargoUntil',
            type: 'date',
            index: true,
            admin: {
              ...dateAndTime,
              description: 'Until this moment the release stays hidden from the public, even when published.',
            },
          },
        ],
      },
      {
        label: 'Quotes and contacts',
        fields: [
          {
            name: 'quotes',
            type: 'array',
            fields: [
              { name: 'text', type: 'textarea', localized: true, required: true, validate: requiredTextarea },
              { name: 'speaker', type: 'relationship', relationTo: 'speakers' },
              {
                name: 'attribution',
                type: 'text',
                localized: true,
                admin: { description: 'As printed, e.g. “Project co-ordinator Lenur Kerymov”.' },
              },
            ],
          },
          {
            name: 'contacts',
            type: 'array',
            admin: { description: 'Press contacts printed at the end of the release.' },
            fields: [
              { name: 'name', type: 'text', required: true },
              { name: 'role', type: 'text', localized: true },
              { name: 'organisation', type: 'relationship', relationTo: 'organisations' },
              phoneField(),
              { name: 'email', type: 'email' },
            ],
          },
        ],
      },
      {
        label: 'Links and media',
        fields: [
          { name: 'events', type: 'relationship', relationTo: 'events', hasMany: true, index: true },
          { name: 'project', type: 'relationship', relationTo: 'projects', index: true },
          {
            name: 'organisations',
            type: 'relationship',
            relationTo: 'organisations',
            hasMany: true,
            admin: { description: 'Issuing and mentioned organisations.' },
          },
          { name: 'donorNotices', type: 'relationship', relationTo: 'donor-notices', hasMany: true },
          {
            name: 'attachments',
            type: 'upload',
            relationTo: 'media',
            hasMany: true,
            admin: { description: 'e.g. the PDF of the release.' },
          },
          { name: 'featuredImage', type: 'upload', relationTo: 'media' },
        ],
      },
    ),
  ],
  hooks: {
    afterRead: [hidePrivateSpeakers([{ array: 'quotes', field: 'speaker' }])],
  },
  // The public list and the feeds: published, newest first.
  indexes: [{ fields: ['_status', 'releaseDate'] }, { fields: ['_status', 'createdAt'] }],
}
