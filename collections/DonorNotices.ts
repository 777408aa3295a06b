import type { CollectionConfig } from 'payload'

import { choiceField } from '@/fields/select'
import { urlField } from '@/fields/url'
import { alongsidePayload, requiredText, wholeNumber } from '@/fields/validate'
import { validateDateOrder } from '@/fields/validators'

export const DonorNotices: CollectionConfig<'donor-notices'> = {
  slug: 'donor-notices',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: { pressroom: { public: true, drafts: true } },
  admin: {
    defaultColumns: ['name', 'donor', 'fundingType', 'validTo'],
    description: 'The funding acknowledgement a donor requires, e.g. “This project is funded by the European Union”.',
    group: 'Newsroom',
    useAsTitle: 'name',
  },
  defaultPopulate: { statement: true, emblem: true, disclaimer: true, donor: true, link: true, fundingType: true },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'Internal name, e.g. “EU — Action for Freedom from Torture”.' },
    },
    { name: 'donor', type: 'relationship', relationTo: 'organisations', required: true },
    choiceField('fundingType', { funded: 'Funded', 'co-funded': 'Co-funded' }, 'funded'),
    {
      name: 'statement',
      type: 'text',
      localized: true,
      required: true,
      validate: requiredText,
      admin: { description: 'Wording the donor requires, word for word.' },
    },
    {
      name: 'emblem',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'The donor’s flag or logo, as its visibility guidelines require.' },
    },
    {
      name: 'disclaimer',
      type: 'textarea',
      localized: true,
      admin: {
        description: 'e.g. “The contents are the sole responsibility of … and do not reflect the views of the donor.”',
      },
    },
    { name: 'aboutDonor', type: 'richText', localized: true },
    urlField({ name: 'link', description: 'The donor’s page, e.g. its delegation in the country.' }),
    { name: 'validFrom', type: 'date', index: true },
    {
      name: 'validTo',
      type: 'date',
      index: true,
      validate: alongsidePayload(
        'date',
        (value: unknown, { siblingData }: { siblingData: Partial<{ validFrom: unknown }> }) =>
          validateDateOrder(siblingData?.validFrom, value, 'the “valid from” date'),
      ),
    },
    {
      name: 'visibility',
      type: 'group',
      label: 'Visibility rules',
      admin: {
        description:
          'What every public event and press release of a project carrying this notice must show. Checked when one is published: editors are warned, and publishing is refused only when “Enforce” is on.',
      },
      fields: [
        { name: 'emblemRequired', type: 'checkbox', defaultValue: false, label: 'The emblem is required' },
        {
          name: 'statementRequired',
          type: 'checkbox',
          defaultValue: false,
          label: 'The statement is required in every published language',
        },
        {
          name: 'disclaimerRequired',
          type: 'checkbox',
          defaultValue: false,
          label: 'The disclaimer is required in every published language',
        },
        {
          type: 'row',
          fields: [
            {
              name: 'minEmblemWidth',
              type: 'number',
              min: 1,
              label: 'Minimum emblem width (px)',
              admin: { step: 1 },
              validate: wholeNumber,
            },
            {
              name: 'minEmblemHeight',
              type: 'number',
              min: 1,
              label: 'Minimum emblem height (px)',
              admin: { step: 1 },
              validate: wholeNumber,
            },
          ],
        },
        {
          name: 'enforce',
          type: 'checkbox',
          defaultValue: false,
          label: 'Enforce: refuse to publish while a rule is not met',
          admin: { description: 'Off: editors see a warning and may still publish. Drafts are never refused.' },
        },
      ],
    },
  ],
}
