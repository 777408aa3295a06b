import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { Request, RequestHandler } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { asksForNextRoute, webHeaders } from './principal'
import { writeHeaders } from './publicReads'

/** Routes under /api that stay Next.js's: the GraphQL playground page, and the admin's Open Graph images. */
const NEXT_ONLY = ['/graphql-playground', '/og']

/** Headers of the hop, which Node sets for its own connection. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding'])

const withBody = (req: Request) => req.method !== 'GET' && req.method !== 'HEAD'

/** The request as a web Request whose body streams from the socket (a multipart upload is never held whole here). */
const streamingRequest = (req: Request): globalThis.Request =>
  new globalThis.Request(`http://${req.headers.host ?? 'localhost'}${req.originalUrl}`, {
    // Payload's router knows GET only; Node sends no body for HEAD.
    method: req.method === 'HEAD' ? 'GET' : req.method,
    headers: webHeaders(req),
    ...(withBody(req) ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)

/**
 * Payload's REST API (`/api/*`), answered by Payload's own handler as Next.js's REST route does
 * (`REST_GET` and its siblings call `handleEndpoints`), without the Next.js layer: signed-in reads,
 * writes, uploads and file downloads. A host that runs express without Next.js gets the whole API
 * from it, and this server keeps Next.js for the admin panel. Mounted after the body and query
 * checks, which therefore guard what Payload runs here exactly as they did in front of Next.js.
 */
export const restRoute =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    if (NEXT_ONLY.some((path) => req.path === path || req.path.startsWith(`${path}/`)) || asksForNextRoute(req))
      return next()
    const response = await handleEndpoints({ config: payload.config, request: streamingRequest(req) })
    res.status(response.status)
    writeHeaders(
      res,
      [...response.headers].filter(([name]) => !HOP_HEADERS.has(name)),
    )
    if (!response.body || req.method === 'HEAD') {
      await response.body?.cancel()
      return void res.end()
    }
    // Streamed: a media file is sent as Payload reads it, not first held in memory. A pipeline, so
    // that a client gone or a read failing mid-file ends this response, never the process.
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res).catch(
      (error: { code?: string }) => {
        // A client that leaves mid-file is no fault of the server's.
        if (error?.code !== 'ERR_STREAM_PREMATURE_CLOSE')
          payload.logger.warn({ err: error, url: req.originalUrl }, 'A streamed answer failed part-way')
      },
    )
  }
