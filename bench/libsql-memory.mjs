// node --expose-gc bench/libsql-leak.mjs: the native memory libsql keeps per SQL statement, the
// cause of the server's memory growth under sustained load on SQLite (heap stays flat).
// Upstream: tursodatabase/libsql-js#153 (open). Prints MB of RSS after each round of 5,000.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'

if (!global.gc) throw new Error('run with node --expose-gc')
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'libsql-leak-')), 'leak.db')
const db = new Database(file)
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
const rss = () => process.memoryUsage().rss / 1024 / 1024
const measure = (name, run) => {
  global.gc()
  const before = rss()
  for (let i = 0; i < 20_000; i += 1) run(i)
  global.gc()
  const grown = rss() - before
  console.log(`${name}: +${grown.toFixed(1)} MB after 20,000 (${((grown * 1024) / 20).toFixed(2)} KB per 1,000; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB)`)
}
const reused = db.prepare('SELECT * FROM t WHERE id = ?')
measure('one prepared statement, executed each time', (i) => reused.all([i]))
measure('a statement prepared each time (what @libsql/client does)', (i) => db.prepare('SELECT * FROM t WHERE id = ?').all([i]))
