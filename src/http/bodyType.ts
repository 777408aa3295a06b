import type { IncomingHttpHeaders } from 'node:http'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { errorBody } from '@/utilities/errors'

type Refusal = { status: 400 | 415; message: string }

/**
 * Why Payload could not read the body of a write to a collection route: it parses only
 * `application/json` (spelled exactly so) and multipart bodies, and with any other body, or none,
 * a create or update reaches the database with no data at all (a 500).
 */
export function bodyRefusal(
  method: string,
  apiPath: string,
  headers: IncomingHttpHeaders,
  collections: Record<string, unknown>,
): Refusal | undefined {
  if (!['POST', 'PATCH', 'PUT'].includes(method)) return undefined
  const [, slug = '', ...rest] = apiPath.replace(/\/+$/, '').split('/')
  if (!(slug in collections)) return undefined
  const type = (headers['content-type'] ?? '').trim()
  const base = type.split(';', 1)[0]
  const body = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined
  if (body) {
    if (base === 'application/json' || base.includes('multipart/')) return undefined
    return {
      status: 415,
      message: `The body must be JSON sent as Content-Type: application/json (or multipart/form-data for uploads), not "${type.slice(0, 60) || 'no content type'}".`,
    }
  }
  const write = (method === 'POST' && rest.length === 0) || (method === 'PATCH' && rest.length <= 1)
  return write
    ? {
        status: 400,
        message: 'The request has no body: send the document as JSON, with Content-Type: application/json.',
      }
    : undefined
}

/** Answers an unreadable body to a collection route before Payload does with a 500. */
export const requireReadableBody =
  (payload: Payload): RequestHandler =>
  (req, res, next) => {
    const refusal = bodyRefusal(req.method, req.path, req.headers, payload.collections)
    if (!refusal) return next()
    res.status(refusal.status).json(errorBody(refusal.message))
  }
