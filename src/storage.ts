import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { ConfigurationError } from './env'

type Env = Record<string, string | undefined>

// @payloadcms/storage-s3 and @payloadcms/plugin-cloud-storage have no 3.90.2 release; their 3.90.1
// runs on payload 3.90.2 (package.json overrides their peers). Payload's own check of matching
// versions, outside production, would reject unhandled on that and end the process, so it is off;
// src/storage.spec.ts checks the installed versions instead, allowing only this one difference.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

export type S3Settings = {
  bucket: string
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle: boolean
}

/**
 * The bucket media go to, from S3_BUCKET and its companions; undefined keeps them on the disk
 * (MEDIA_DIR). Without keys the AWS SDK's own chain is used (instance roles, AWS_* variables).
 */
export function s3Settings(env: Env = process.env): S3Settings | undefined {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigurationError(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then finds credentials itself).',
    )
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  if (endpoint && !/^https?:\/\//.test(endpoint))
    throw new ConfigurationError('S3_ENDPOINT must start with http:// or https://.')
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim().toLowerCase()
  if (pathStyle && !['true', 'false'].includes(pathStyle))
    throw new ConfigurationError('S3_FORCE_PATH_STYLE must be true or false.')
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === 'true',
  }
}

/**
 * Media on S3-compatible storage when S3_BUCKET is set. Files are still served only through
 * Payload's `/api/media/file/…` route (`disablePayloadAccessControl` stays off, no public-read ACL),
 * so the read rule of the media collection decides who gets a file, every image size included.
 * The plugin is installed on disk too, switched off, so the schema (its `prefix` and `_objectKey`
 * columns) is the same either way and one set of migrations serves both.
 */
export function mediaStorage(env: Env = process.env): Plugin {
  const settings = s3Settings(env)
  return s3Storage({
    enabled: Boolean(settings),
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? 'pressroom-media',
    // A prefix (even empty) makes the enabled plugin keep the `prefix` column the disabled one inserts.
    collections: { media: { prefix: '' } },
    config: settings
      ? {
          endpoint: settings.endpoint,
          region: settings.region,
          forcePathStyle: settings.forcePathStyle,
          ...(settings.accessKeyId
            ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey! } }
            : {}),
        }
      : {},
  })
}
