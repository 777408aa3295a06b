import fs from 'node:fs'
import path from 'node:path'

import { ConfigurationError } from './env'
import { s3Settings } from './storage'
import { projectRoot } from './utilities/projectRoot'

describe('s3Settings', () => {
  it('keeps media on the disk without S3_BUCKET', () => {
    expect(s3Settings({})).toBeUndefined()
    expect(s3Settings({ S3_BUCKET: ' ', S3_ENDPOINT: 'http://127.0.0.1:9000' })).toBeUndefined()
  })

  it('reads a MinIO-style store', () => {
    expect(
      s3Settings({
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toEqual({
      bucket: 'media',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    })
    expect(s3Settings({ S3_BUCKET: 'media', S3_REGION: 'eu-central-1' })).toMatchObject({
      region: 'eu-central-1',
      endpoint: undefined,
      forcePathStyle: false,
    })
  })

  it('refuses half a key pair, an endpoint without a scheme and an unreadable path style', () => {
    expect(() => s3Settings({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'k' })).toThrow(ConfigurationError)
    expect(() => s3Settings({ S3_BUCKET: 'media', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/)
    expect(() => s3Settings({ S3_BUCKET: 'media', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/)
  })
})

describe('Payload package versions', () => {
  // Stands in for Payload's own check, which src/storage.ts turns off for the one known difference.
  it('are all payload’s version, but the storage plugins, which have no release of it', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>
    }
    const payload = lock.packages['node_modules/payload'].version
    const allowed: Record<string, string> = {
      '@payloadcms/storage-s3': '3.90.1',
      '@payloadcms/plugin-cloud-storage': '3.90.1',
    }
    const wrong = Object.entries(lock.packages)
      .filter(([key]) => /^node_modules\/@payloadcms\/[^/]+$/.test(key))
      .map(([key, { version }]) => [key.slice('node_modules/'.length), version])
      .filter(([name, version]) => version !== payload && version !== allowed[name])
    expect(wrong).toEqual([])
  })
})
