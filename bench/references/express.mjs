// Ceiling reference: bare express answering the same bytes from memory (BODY_FILE) on PORT.
import fs from 'node:fs'

import express from 'express'

const body = fs.readFileSync(process.env.BODY_FILE)
const app = express()
app.get('/', (_req, res) => {
  res.set('Content-Type', 'application/json').send(body)
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'))
