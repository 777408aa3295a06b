// npm run restore -- <backup file>: replaces the SQLite database with a backup. Stop the server first.
import { loadEnvironment } from '../src/loadEnvironment'

loadEnvironment()
const { chooseDatabase } = await import('../src/db')
const { restoreSqlite, sqliteFile } = await import('../src/utilities/backup')
const backup = process.argv[2]
const choice = chooseDatabase()
const target = choice.kind === 'sqlite' ? sqliteFile(choice.url) : undefined
if (!backup || !target) {
  console.error(!backup ? 'Usage: npm run restore -- <backup file>' : 'Restore is for SQLite; for MongoDB use mongorestore (see the README).')
  process.exit(1)
}
restoreSqlite(backup, target)
console.log(`Restored ${backup} to ${target}. Start the server again.`)
