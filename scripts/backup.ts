// npm run backup [-- <target folder>]: the SQLite database (online, safe while the server runs) and
// every media file, from the disk or the S3 bucket, into one folder with a manifest.
import path from 'node:path'

import { getPayload } from 'payload'

import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const { default: config } = await import('../payload.config')
const { backupAll, backupName, mediaStoreFor } = await import('../src/utilities/backup')
const { projectRoot } = await import('../src/utilities/projectRoot')
const payload = await getPayload({ config })
try {
  const target = path.resolve(
    process.argv[2] || path.join(projectRoot, 'data', 'backups', backupName().replace(/\.db$/, '')),
  )
  const store = await mediaStoreFor()
  const manifest = await backupAll(payload, target, store)
  console.log(
    `Backup written to ${target}: ${manifest.database ? 'the database and ' : ''}${manifest.media.length} files from ${store.describe}.`,
  )
  if (!manifest.database) console.log('The database is MongoDB: back it up with mongodump (docs/DEPLOYMENT.md).')
} finally {
  await payload.destroy()
}
process.exit(0)
