import type { CollectionConfig } from 'payload'

import { isStaffField } from '@/access/isStaff'
import { readSpeakers } from '@/access/speakerVisibility'
import { countryField } from '@/fields/country'
import { choiceField } from '@/fields/select'
import { localizedSlug } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { requiredText } from '@/fields/validate'
import { personJsonLd } from '@/plugins/delivery/jsonld'
import { jsonLdEndpoint } from '@/plugins/delivery/jsonLdEndpoint'

export const Speakers: CollectionConfig<'speakers'> = {
  slug: 'speakers',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: {
    pressroom: {
      public: true,
      search: { title: 'name', summary: ['position'], text: ['honorific', 'position', 'expertise'] },
    },
  },
  access: { read: readSpeakers },
  admin: {
    defaultColumns: ['name', 'position', 'organisation', 'visibility'],
    description:
      'Everyone who speaks at an event or is quoted. Internal or non-consenting people never appear in public output.',
    group: 'Events',
    listSearchableFields: ['name', 'position'],
    useAsTitle: 'name',
  },
  endpoints: [jsonLdEndpoint('speakers', personJsonLd)],
  defaultPopulate: { name: true, honorific: true, slug: true, position: true, photo: true, organisation: true },
  fields: [
    {
      name: 'name',
      type: 'text',
      localized: true,
      required: true,
      validate: requiredText,
      admin: { description: 'Transliteration differs by script: write the name as readers of this language know it.' },
    },
    { name: 'honorific', type: 'text', localized: true, admin: { description: 'e.g. Ambassador, Dr.' } },
    localizedSlug({ useAsSlug: 'name' }),
    {
      name: 'position',
      type: 'text',
      localized: true,
      admin: { description: 'Role at the time, e.g. “EU Chargé d’affaires a.i. in Tajikistan”.' },
    },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations' },
    countryField(),
    { name: 'bio', type: 'richText', localized: true },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'expertise',
      type: 'text',
      hasMany: true,
      localized: true,
      admin: { description: 'Topics, one per entry.' },
    },
    {
      name: 'links',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', localized: true, required: true, validate: requiredText },
        urlField({ required: true }),
      ],
    },
    {
      name: 'email',
      type: 'email',
      access: { read: isStaffField },
      admin: { description: 'Internal: never published.' },
    },
    choiceField('visibility', { public: 'Public', internal: 'Internal (never published)' }, 'public', {
      index: true,
      admin: { position: 'sidebar' },
    }),
    {
      name: 'consent',
      type: 'group',
      admin: { description: 'Whether this person agreed to be named in public. Without consent, they stay internal.' },
      fields: [
        { name: 'given', type: 'checkbox', defaultValue: false, index: true },
        { name: 'date', type: 'date' },
        { name: 'note', type: 'textarea', access: { read: isStaffField }, admin: { description: 'Internal.' } },
      ],
    },
    {
      name: 'events',
      type: 'join',
      collection: 'events',
      on: 'speakers.speaker',
      admin: { defaultColumns: ['title', 'startDate'] },
    },
  ],
}
