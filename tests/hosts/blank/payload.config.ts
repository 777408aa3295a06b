import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionConfig } from 'payload'
import sharp from 'sharp'

import { pressroomPlugin } from '../../../src/plugin'

// This repository's node_modules hold @payloadcms/storage-s3 3.90.1 beside payload 3.90.2 for the
// reference application: Payload's version check would refuse this host too (see src/storage.ts).
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

/**
 * A second host, shaped like Payload's blank template: its own `users` (no roles), its own
 * `media`, a `pages` collection, English and French. It installs Pressroom with options, the
 * way an existing Payload site would. The core suite runs on it and on the reference host.
 */

const dirname = path.dirname(fileURLToPath(import.meta.url))

const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email' },
  auth: true,
  fields: [],
}

const Media: CollectionConfig = {
  slug: 'media',
  access: { read: () => true },
  fields: [{ name: 'alt', type: 'text', required: true }],
  upload: { staticDir: process.env.MEDIA_DIR || path.join(dirname, 'media') },
}

const Pages: CollectionConfig = {
  slug: 'pages',
  access: {
    create: ({ req: { user } }) => Boolean(user),
    delete: ({ req: { user } }) => Boolean(user),
    read: () => true,
    update: ({ req: { user } }) => Boolean(user),
  },
  admin: { useAsTitle: 'title' },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'content', type: 'richText', localized: true },
  ],
}

export default buildConfig({
  admin: {
    // The one change from the template's admin settings: Gravatar is out of reach on the test machines.
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname, '../../..') },
    user: Users.slug,
  },
  collections: [Users, Media, Pages],
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI || `file:${path.join(dirname, 'blank.db')}` } }),
  editor: lexicalEditor(),
  // French is the source language here: Pressroom's source locale is the host's default, not English.
  localization: {
    defaultLocale: 'fr',
    fallback: true,
    locales: [
      { code: 'fr', label: 'Français' },
      { code: 'en', label: 'English' },
    ],
  },
  plugins: [
    pressroomPlugin({
      collections: {
        'donor-notices': { labels: { singular: 'Funding notice', plural: 'Funding notices' } },
        projects: {
          group: 'Programmes',
          fields: ({ defaultFields }) => [
            ...defaultFields,
            { name: 'budget', type: 'number', admin: { description: 'In euros.' } },
          ],
        },
      },
      frontend: { url: 'https://site.example', paths: { events: '/{locale}/agenda/{slug}' } },
      media: { host: true },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET || 'blank-host-secret-for-tests-only-0123456789',
  sharp,
  telemetry: false,
  typescript: { outputFile: path.join(dirname, 'payload-types.ts') },
})
