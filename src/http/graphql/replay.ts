import { IncomingMessage } from 'node:http'

import type { Request } from 'express'

/**
 * A copy of a request whose body has been read, carrying that body again, for Next.js, which
 * reads the body from the stream itself.
 */
export function replay(req: Request, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.originalUrl
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  copy.headers = { ...req.headers, 'content-length': String(body.length) }
  delete copy.headers['transfer-encoding']
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) => [
    name,
    Array.isArray(value) ? value.join(', ') : String(value),
  ])
  copy.complete = true
  copy.push(body)
  copy.push(null)
  return copy
}
