import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'

/**
 * Keys for frontends. Send `Authorization: api-keys API-Key <key>`. A frontend key reads what the
 * public reads; a preview key also reads drafts and embargoed releases, for a frontend's preview mode.
 * Neither can write, nor log in to the admin panel.
 */
export const ApiKeys: CollectionConfig<'api-keys'> = {
  slug: 'api-keys',
  access: {
    create: isAdmin,
    delete: isAdmin,
    read: isAdmin,
    update: isAdmin,
  },
  admin: {
    defaultColumns: ['name', 'kind', 'updatedAt'],
    description: 'Keys that frontends use to read content. Preview keys also read drafts: keep them on servers, never in a browser.',
    group: 'Admin',
    useAsTitle: 'name',
  },
  auth: {
    disableLocalStrategy: true,
    useAPIKey: true,
  },
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'Which frontend uses it, e.g. “Public website”.' } },
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'frontend',
      options: [
        { label: 'Frontend (published content)', value: 'frontend' },
        { label: 'Preview (drafts too)', value: 'preview' },
      ],
      required: true,
      saveToJWT: true,
    },
  ],
}
