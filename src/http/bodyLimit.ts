import type { IncomingMessage } from 'node:http'

import type { Request, RequestHandler, Response } from 'express'

import { wholeNumberFromEnv } from '@/env'
import { errorBody } from '@/utilities/errors'

import { nestingScanner, tooDeepMessage } from './jsonNesting'

let maxBytes: number | undefined
/**
 * The largest JSON or form body accepted (MAX_BODY_BYTES); uploads (multipart) have the media
 * collection's own limit. Read on first use, not on import, so that a wrong value is the start's one-line refusal.
 */
export const maxBodyBytes = (): number => (maxBytes ??= wholeNumberFromEnv(process.env, 'MAX_BODY_BYTES', 1024 * 1024))

/** Up to this size an oversize body is read and dropped before the 413; beyond it, the connection is closed at once. */
const drainedBytes = () => 16 * maxBodyBytes()

/**
 * Counts a body as Node's HTTP parser hands it to the request stream, without reading it: a
 * 'data' listener here would start the stream flowing, and Next.js, which reads the body later as
 * a web stream, would find it disturbed (every chunked request then failed with a 500).
 * Beyond `limit` the rest of the body is dropped and `onOverflow` called once.
 */
export function countBody(req: IncomingMessage, limit: number, onOverflow: () => void): void {
  let seen = 0
  const push = req.push.bind(req)
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) return push(chunk, encoding)
    if (seen > limit) return true
    seen += chunk.length
    if (seen <= limit) return push(chunk, encoding)
    onOverflow()
    return true
  }
}

/**
 * Refuses oversize non-upload bodies with 413 before they reach Payload, by their Content-Length;
 * a chunked body without one is counted as it arrives and refused at the limit, and its
 * connection closed once the answer is sent.
 */
export const limitBody: RequestHandler = (req, res, next) => {
  const type = req.headers['content-type'] ?? ''
  if (req.method === 'GET' || req.method === 'HEAD' || type.startsWith('multipart/form-data')) return next()
  const refuse = ({ close = true } = {}) => {
    if (res.headersSent) return
    if (close) res.set('Connection', 'close')
    res.status(413).json(errorBody(`The request body is larger than ${maxBodyBytes()} bytes.`))
  }
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > maxBodyBytes() && length <= drainedBytes()) {
    // Read to the end and dropped before answering: a client still sending when the connection
    // closes gets a reset, not the 413.
    req.once('end', () => refuse({ close: false }))
    return void req.resume()
  }
  if (length > maxBodyBytes()) return refuse()
  // A body already (partly) read behind an asynchronous middleware (the login rate limit) cannot be held.
  if (isJson(type) && !req.complete && !req.readableLength) return holdJson(req, res, next, refuse)
  if (req.headers['transfer-encoding']?.includes('chunked')) {
    countBody(req, maxBodyBytes(), () => {
      refuse()
      // Whoever was reading the body gets an error instead of a truncated document to store.
      res.once('finish', () => req.destroy())
    })
  }
  next()
}

const isJson = (type: string) => /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type.trim())

/**
 * A JSON body is held back, counted and followed as it arrives, and passed on only once it is
 * complete and nested no deeper than MAX_JSON_NESTING: Payload's hooks walk a document
 * recursively, and a body nested a hundred thousand levels overflowed the stack (a 500). A body
 * refused here never reaches Payload, so nothing else answers it.
 */
function holdJson(req: Request, res: Response, next: () => void, refuse: () => void): void {
  const tooDeep = nestingScanner()
  const held: Buffer[] = []
  let seen = 0
  let deep = false
  const push = req.push.bind(req)
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (seen > maxBodyBytes()) return true
    if (chunk !== null) {
      seen += chunk.length
      if (seen > maxBodyBytes()) {
        refuse()
        res.once('finish', () => req.destroy())
        return true
      }
      // Read to the end before the 400, so that a client still sending reads it instead of a reset.
      if (!deep && tooDeep(chunk)) deep = true
      if (!deep) held.push(chunk)
      return true
    }
    req.push = push
    if (deep) {
      push(null)
      res.status(400).json(errorBody(tooDeepMessage('The request body')))
      return false
    }
    for (const part of held) push(part, encoding)
    const more = push(null)
    // Out of the HTTP parser's callback: the rest of the request runs as it would have.
    setImmediate(next)
    return more
  }
}
