// Ceiling reference: bare Node reading 20 event rows from DATABASE_FILE with SQLite, on PORT.
// Node's own node:sqlite, not better-sqlite3: that addon compiles here only against Node 20's
// headers (npm's nodedir), and Node 22's cannot be downloaded on this network.
import http from 'node:http'
import { DatabaseSync } from 'node:sqlite'

const db = new DatabaseSync(process.env.DATABASE_FILE, { readOnly: true })
const list = db.prepare('SELECT * FROM events WHERE start_date >= ? ORDER BY start_date LIMIT 20')
http
  .createServer((_req, res) => {
    const rows = list.all(process.env.FROM ?? '2026-01-01')
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ docs: rows }))
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'))
