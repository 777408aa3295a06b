import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { phoneField } from '@/fields/phone'
import { localizedSlug } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { requiredText } from '@/fields/validate'
import { organisationJsonLd } from '@/plugins/delivery/jsonld'
import { jsonLdEndpoint } from '@/plugins/delivery/jsonLdEndpoint'

export const organisationTypes = [
  'ngo',
  'coalition',
  'intergovernmental',
  'government',
  'donor',
  'foundation',
  'media',
  'academic',
  'other',
] as const

export const Organisations: CollectionConfig<'organisations'> = {
  slug: 'organisations',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: {
    pressroom: {
      public: true,
      search: { title: 'name', summary: ['city'], text: ['acronym', 'city'] },
      seo: { title: 'name', description: ['description'], image: 'logo' },
    },
  },
  admin: {
    defaultColumns: ['name', 'acronym', 'organisationType', 'countries'],
    group: 'Directory',
    listSearchableFields: ['name', 'acronym', 'city'],
    useAsTitle: 'name',
  },
  endpoints: [jsonLdEndpoint('organisations', organisationJsonLd)],
  defaultPopulate: { name: true, acronym: true, slug: true, logo: true, website: true },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, validate: requiredText, index: true },
    {
      name: 'acronym',
      type: 'text',
      admin: { description: 'As the organisation writes it, e.g. HFHR, IPHR, KIBHR.' },
      index: true,
    },
    localizedSlug({ useAsSlug: 'name' }),
    {
      name: 'organisationType',
      type: 'select',
      options: organisationTypes.map((value) => ({ label: value, value })),
      required: true,
      defaultValue: 'ngo',
      index: true,
    },
    countryField({ name: 'countries', hasMany: true, description: 'Countries where it is based or works.' }),
    { name: 'city', type: 'text', localized: true },
    urlField({ name: 'website' }),
    { name: 'email', type: 'email' },
    phoneField(),
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'description', type: 'richText', localized: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'organisations',
      admin: { description: 'The body this one belongs to, e.g. the EU Delegation under the European Union.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
  ],
}
