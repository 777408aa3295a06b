import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { readMedia } from '@/access/readMedia'
import { alongsidePayload } from '@/fields/validate'
import { projectRoot } from '@/utilities/projectRoot'

import { refuseUnacceptedFiles } from './hooks/refuseUnacceptedFiles'

/** Uploads larger than this are refused with 413 before they reach the disk. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

export const acceptedMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf']

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: { pressroom: { public: true } },
  access: { read: readMedia },
  admin: {
    defaultColumns: ['filename', 'alt', 'mimeType', 'updatedAt'],
    group: 'Media',
    useAsTitle: 'filename',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      admin: { description: 'Describes the image for people who cannot see it. Required for images.' },
      validate: alongsidePayload('text', (value: unknown, { data }: { data: Partial<{ mimeType: string | null }> }) => {
        const isImage = typeof data?.mimeType === 'string' ? data.mimeType.startsWith('image/') : true
        if (isImage && (typeof value !== 'string' || !value.trim())) {
          return 'Alternative text is required for images.'
        }
        return true
      }),
    },
    { name: 'caption', type: 'textarea', localized: true },
    {
      name: 'credit',
      type: 'text',
      admin: { description: 'Photographer or source, as it must appear next to the image.' },
    },
    { name: 'license', type: 'text', admin: { description: 'e.g. CC BY 4.0, or “All rights reserved”.' } },
    {
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: 'Public file',
      admin: {
        description:
          'Anyone with the link may read it. Without this, a file is public only while a published document uses it.',
        position: 'sidebar',
      },
    },
  ],
  hooks: {
    beforeOperation: [refuseUnacceptedFiles(acceptedMimeTypes)],
  },
  upload: {
    // MEDIA_DIR lets tests and deployments keep uploads outside the checkout.
    staticDir: process.env.MEDIA_DIR || path.join(projectRoot, 'media'),
    mimeTypes: acceptedMimeTypes,
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1920, withoutEnlargement: true },
      { name: 'social', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
  },
}
