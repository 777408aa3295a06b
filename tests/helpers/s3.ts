import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

import { freePort } from './server'

export type TestBucket = {
  /** The S3_* variables that point a server at this bucket. */
  env: Record<string, string>
  client: S3Client
  keys: () => Promise<string[]>
  read: (key: string) => Promise<Buffer>
  clear: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * An S3-compatible server on a loopback port (s3rver: the wire protocol, signatures checked, on a
 * temporary folder), with one empty bucket. It stands in for S3 or MinIO; it checks no ACLs.
 */
export async function startBucket(bucket = 'pressroom-media'): Promise<TestBucket> {
  const port = await freePort()
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  await server.run()
  // s3rver's fixed credentials: requests signed with others are refused.
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  }
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const keys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? [])
      .map((object) => object.Key!)
      .sort()
  return {
    env,
    client,
    keys,
    read: async (key) =>
      Buffer.from(
        await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray(),
      ),
    clear: async () => {
      for (const key of await keys()) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },
    stop: async () => {
      client.destroy()
      await server.close()
    },
  }
}
