import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { MAX_UPLOAD_BYTES } from './collections/Media'
import { Users } from './collections/Users'
import { databaseAdapter } from './src/db'
import { emailAdapter } from './src/email'
import { resolveSecret, serverURL } from './src/env'
import { allowedOrigins } from './src/http/origins'
import { MAX_DEPTH } from './src/http/validateQuery'
import { authMessages } from './src/i18n/authMessages'
import { localization } from './src/i18n/localization'
import { jobs } from './src/jobs'
import { logger } from './src/logger'
import { hardenPayloadCollections, pressroomPlugin } from './src/plugin'
import { mediaStorage } from './src/storage'
import { projectRoot } from './src/utilities/projectRoot'

export default buildConfig({
  admin: {
    // A local avatar: these machines, and some users' networks, cannot reach Gravatar.
    avatar: 'default',
    importMap: {
      baseDir: projectRoot,
      importMapFile: path.join(projectRoot, 'src', 'app', '(payload)', 'admin', 'importMap.js'),
    },
    meta: { titleSuffix: ' — Pressroom' },
    user: Users.slug,
  },
  // Pressroom's collections come with the plugin; the host brings its people.
  collections: [Users],
  cors: allowedOrigins(),
  csrf: allowedOrigins(),
  db: databaseAdapter(),
  // Relationships carry their defaultPopulate fields one level deep unless a request asks for more.
  defaultDepth: 1,
  // No text field holds more than this (rich text has its own editor limits).
  defaultMaxTextLength: 20_000,
  editor: lexicalEditor(),
  email: emailAdapter(),
  graphQL: { schemaOutputFile: path.join(projectRoot, 'src', 'generated-schema.graphql') },
  i18n: { fallbackLanguage: 'en', supportedLanguages: { en, ru }, translations: authMessages },
  jobs,
  localization,
  logger: logger(),
  // The reference host: every collection and feature, as they are; media on S3 when S3_BUCKET is set.
  plugins: [pressroomPlugin(), mediaStorage()],
  maxDepth: MAX_DEPTH,
  secret: resolveSecret(),
  serverURL: serverURL(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.join(projectRoot, 'src', 'payload-types.ts') },
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
}).then(hardenPayloadCollections)
