import type { CollectionConfig, FieldHook } from 'payload'

import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { createPreviewToken } from '@/utilities/previewToken'

export const DEFAULT_PREVIEW_DAYS = 7

/** The shareable URL, derived from the link's id and expiry: nothing secret is stored. */
const previewUrl: FieldHook = ({ data, req }) => {
  if (!data?.id || !data.expiresAt) return null
  const token = createPreviewToken(
    { link: data.id, exp: Math.floor(Date.parse(data.expiresAt) / 1000) },
    req.payload.secret,
  )
  return `${req.payload.config.serverURL ?? ''}/api/press-releases/preview?token=${token}`
}

export const PreviewLinks: CollectionConfig<'preview-links'> = {
  slug: 'preview-links',
  access: {
    create: isEditorOrAdmin,
    delete: isEditorOrAdmin,
    read: isEditorOrAdmin,
    update: isEditorOrAdmin,
  },
  admin: {
    defaultColumns: ['pressRelease', 'sharedWith', 'expiresAt', 'revoked'],
    description:
      'Links that let journalists read a release before its embargo lifts. Revoke a link, or delete it, to close it at once.',
    group: 'Newsroom',
    useAsTitle: 'sharedWith',
  },
  fields: [
    { name: 'pressRelease', type: 'relationship', relationTo: 'press-releases', required: true, index: true },
    {
      name: 'sharedWith',
      type: 'text',
      required: true,
      admin: { description: 'Who receives it, e.g. “Reuters Almaty desk”.' },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date(Date.now() + DEFAULT_PREVIEW_DAYS * 86_400_000).toISOString(),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'revoked', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar' } },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      admin: {
        readOnly: true,
        description: 'Send this address; it stops working when the link expires or is revoked.',
      },
      hooks: { afterRead: [previewUrl] },
    },
  ],
}
