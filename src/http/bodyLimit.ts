import type { RequestHandler } from 'express'

/** The largest JSON or form body accepted; uploads (multipart) have the media collection's own limit. */
export const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 1024 * 1024)

/**
 * Refuses oversize non-upload bodies with 413 before they are read, by their Content-Length;
 * a chunked body without one is counted as it arrives and cut at the limit.
 */
export const limitBody: RequestHandler = (req, res, next) => {
  const type = req.headers['content-type'] ?? ''
  if (req.method === 'GET' || req.method === 'HEAD' || type.startsWith('multipart/form-data')) return next()
  const refuse = () => {
    if (!res.headersSent) {
      res.status(413).set('Connection', 'close').json({ errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }] })
    }
  }
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > MAX_BODY_BYTES) return refuse()
  if (req.headers['transfer-encoding']?.includes('chunked')) {
    let seen = 0
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > MAX_BODY_BYTES) {
        refuse()
        req.destroy()
      }
    })
  }
  next()
}
