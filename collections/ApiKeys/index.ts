import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { choiceField } from '@/fields/select'

import { apiKeyStrategy } from './apiKeyStrategy'
import { issueKey, revealKeyOnce } from './hooks/issueKey'

/**
 * Keys for frontends. Send `Authorization: api-keys API-Key <key>`. A frontend key reads what the
 * public reads; a preview key also reads drafts and embargoed releases, for a frontend's preview mode.
 * Neither can write, nor log in to the admin panel. Only a hash of each key is stored: the key is
 * shown once, in the answer to its creation; to replace one, create a new key and delete the old.
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
    defaultColumns: ['name', 'kind', 'keyPrefix', 'updatedAt'],
    description:
      'Keys that frontends use to read content. The key is shown once, when it is created. Preview keys also read drafts: keep them on servers, never in a browser.',
    group: 'Admin',
    useAsTitle: 'name',
  },
  auth: {
    disableLocalStrategy: true,
    strategies: [apiKeyStrategy],
  },
  hooks: {
    afterOperation: [revealKeyOnce],
    beforeChange: [issueKey],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'Which frontend uses it, e.g. “Public website”.' },
    },
    choiceField('kind', { frontend: 'Frontend (published content)', preview: 'Preview (drafts too)' }, 'frontend'),
    {
      name: 'keyPrefix',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'The first characters of the key, to tell keys apart.' },
    },
    {
      name: 'keyHash',
      type: 'text',
      hidden: true,
      index: true,
      unique: true,
      access: { create: () => false, update: () => false },
    },
  ],
}
