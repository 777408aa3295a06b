import type { RequestHandler } from 'express'

import { importLimits } from '@/plugins/translations/limits'
import { errorBody } from '@/utilities/errors'

import { countBody } from './bodyLimit'

/**
 * The translation import's own byte limit (TRANSLATION_IMPORT_MAX_BYTES), for every content type:
 * the general body limit lets multipart through for media uploads, and an XLIFF file sent as a
 * form would otherwise be read whole, however large. Mirrors limitBody: a declared length over
 * the limit is drained (up to 16 times the limit) and answered 413; a chunked body is counted
 * and refused at the limit, its connection closed.
 */
export function limitImportBody(limit = importLimits().bytes): RequestHandler {
  const drained = 16 * limit
  return (req, res, next) => {
    const refuse = ({ close = true } = {}) => {
      if (res.headersSent) return
      if (close) res.set('Connection', 'close')
      const message = `A translation import is at most ${limit} bytes (TRANSLATION_IMPORT_MAX_BYTES); split the file.`
      res.status(413).json(
        errorBody(message, {
          name: 'ValidationError',
          data: { errors: [{ path: 'file', message: `larger than ${limit} bytes` }] },
        }),
      )
    }
    const length = Number(req.headers['content-length'] ?? 0)
    if (length > limit && length <= drained) {
      req.once('end', () => refuse({ close: false }))
      return void req.resume()
    }
    if (length > limit) return refuse()
    if (req.headers['transfer-encoding']?.includes('chunked')) {
      countBody(req, limit, () => {
        refuse()
        res.once('finish', () => req.destroy())
      })
    }
    next()
  }
}
