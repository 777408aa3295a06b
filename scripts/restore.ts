// npm run restore -- <backup folder | .db file>: puts back the SQLite database and every media file
// (to MEDIA_DIR, or to the S3 bucket when S3_BUCKET is set). Stop the server and the worker first.
import fs from 'node:fs'

import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
const { chooseDatabase } = await import('../src/db')
const { mediaStoreFor, restoreAll, restoreSqlite, sqliteFile } = await import('../src/utilities/backup')
const backup = process.argv[2]
if (!backup || !fs.existsSync(backup)) {
  console.error(!backup ? 'Usage: npm run restore -- <backup folder>' : `No backup at ${backup}.`)
  process.exit(1)
}
const choice = chooseDatabase()
const target = choice.kind === 'sqlite' ? sqliteFile(choice.url) : undefined
try {
  if (fs.statSync(backup).isFile()) {
    // A database-only backup, as written before backups held the media.
    if (!target)
      throw new Error('A .db backup is a SQLite database; for MongoDB use mongorestore (docs/DEPLOYMENT.md).')
    restoreSqlite(backup, target)
    console.log(`Restored ${backup} to ${target}. Start the server again.`)
  } else {
    const store = await mediaStoreFor()
    const { files, database } = await restoreAll(backup, store, target)
    console.log(
      `Restored ${files} files to ${store.describe}${database ? ` and the database to ${target}` : ''}. Start the server again.`,
    )
    if (!target) console.log('The database is MongoDB: restore it with mongorestore (docs/DEPLOYMENT.md).')
  }
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
process.exit(0)
