// npm run backup [-- <target file>]: an online backup of the SQLite database, safe while the server runs.
import { getPayload } from 'payload'

import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const { default: config } = await import('../payload.config')
const { backupSqlite } = await import('../src/utilities/backup')
const payload = await getPayload({ config })
try {
  const file = await backupSqlite(payload, process.argv[2])
  console.log(`Backup written to ${file}`)
} finally {
  await payload.destroy()
}
process.exit(0)
