import type { Field, Tab } from 'payload'

import { localizedSlug } from './slug'
import { requiredText } from './validate'

/**
 * The edit view of a public document: its slug, then tabs, the first of them Content, opening with
 * the title. The tabs are unnamed: they only arrange the edit view, so field names, the schema
 * and the API stay as they were before there were tabs.
 */
export const editorialTabs = (content: Field[], ...tabs: Tab[]): Field[] => [
  localizedSlug(),
  {
    type: 'tabs',
    tabs: [
      {
        label: 'Content',
        fields: [{ name: 'title', type: 'text', localized: true, required: true, validate: requiredText }, ...content],
      },
      ...tabs,
    ],
  },
]
