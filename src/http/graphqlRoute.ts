import crypto from 'node:crypto'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Request, RequestHandler, Response } from 'express'
import { type DocumentNode, Kind, parse } from 'graphql'
import type { Payload } from 'payload'

import { etagOf, publicCache } from '@/utilities/publicCache'

import { asksForNextRoute, isAnonymous } from './principal'
import { keptHeaders, nextEmbargoLift, sendEntry, toWebRequest, writeHeaders } from './publicReads'

/** Mutations that guess passwords or send mail: the REST routes' per-address limit applies to them. */
const GUARDED = /^(login|forgotPassword|resetPassword)/

/** What a GraphQL request body asks for, as far as caching and rate limits need to know. */
export type GraphqlOperations = { readOnly: boolean; guarded: number }

/** Reads a request body's GraphQL document: whether it only reads, and how many guarded mutations it runs. */
export function inspectOperations(body: Buffer): GraphqlOperations {
  let document: DocumentNode
  try {
    const { query } = JSON.parse(body.toString('utf8')) as { query?: unknown }
    if (typeof query !== 'string') return { readOnly: false, guarded: 0 }
    document = parse(query)
  } catch {
    // Not JSON or not GraphQL: Payload's handler answers it with the error; nothing to keep.
    return { readOnly: false, guarded: 0 }
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
  const guarded = operations
    .filter((operation) => operation.operation === 'mutation')
    .flatMap((operation) => operation.selectionSet.selections)
    .filter((selection) => selection.kind === Kind.FIELD && GUARDED.test(selection.name.value)).length
  return { readOnly: operations.length > 0 && operations.every((operation) => operation.operation === 'query'), guarded }
}

/** Whether a GraphQL answer reports errors: those are not kept (an error may be passing). */
const hasErrors = (body: Buffer): boolean => {
  try {
    return 'errors' in (JSON.parse(body.toString('utf8')) as object)
  } catch {
    return true
  }
}

/** The whole body, or undefined when it was cut off (an oversize body already answered 413, a client gone). */
const readBody = (req: Request): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => req.complete || resolve(undefined))
  })

/** Runs an express middleware; true when it handed on, false when it answered (a 429). */
const passes = (middleware: RequestHandler, req: Request, res: Response): Promise<boolean> =>
  new Promise((resolve, reject) => {
    res.once('finish', () => resolve(false))
    void middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(true)))
  })

type Options = { authLimit: RequestHandler }

/**
 * POST /api/graphql with a JSON body, run by Payload's own GraphQL handler from the express
 * server, so that the server sees the operation before Payload runs it:
 * - login, forgot-password and reset-password mutations count against the same per-address limit
 *   as the REST routes (one per request: a document that batches several is refused), whoever sends them;
 * - anonymous read-only queries are kept in the cache of the REST reads (purged by every write,
 *   bounded by embargoes), keyed by the URL and the exact body; mutations, answers with errors or cookies,
 *   and logged-in readers are never kept.
 * Other content types go on to Next.js's copy of the same handler.
 */
export const graphqlRoute = (payload: Payload, { authLimit }: Options): RequestHandler => {
  const handle = GRAPHQL_POST(Promise.resolve(payload.config))
  return async (req, res, next) => {
    // Compared as graphql-http compares it, so that no spelling of the type slips past to Next.js.
    const type = (req.headers['content-type'] ?? '').replace(/\s/g, '').toLowerCase()
    if (asksForNextRoute(req) || !type.startsWith('application/json')) return next()
    const body = await readBody(req)
    if (!body) return
    const { readOnly, guarded } = inspectOperations(body)
    if (guarded > 1) {
      return void res.status(400).json({ errors: [{ message: 'Send one login, forgot-password or reset-password mutation per request.' }] })
    }
    if (guarded === 1 && !(await passes(authLimit, req, res))) return

    const keep = readOnly && (await isAnonymous(payload, req))
    const cache = publicCache()
    // The query string counts too: `?locale=ru` changes the answer to the same body.
    const key = `graphql ${req.headers.origin ?? ''} ${req.originalUrl} ${crypto.createHash('sha1').update(body).digest('base64url')}`
    if (keep) {
      res.setHeader('Vary', 'Origin')
      const cached = cache.get(key)
      if (cached) return sendEntry(req, res, cached, true)
    }
    const generation = cache.currentGeneration
    if (keep && !cache.expiryKnown) cache.setExpiry(await nextEmbargoLift(payload))
    const response = await handle(toWebRequest(req, body))
    const answer = Buffer.from(await response.arrayBuffer())
    const entry = { status: response.status, headers: keptHeaders(response), body: answer, etag: etagOf(answer) }
    if (keep && response.status === 200 && !response.headers.has('set-cookie') && !hasErrors(answer)) cache.set(key, entry, generation)
    if (!keep) {
      writeHeaders(res, entry.headers)
      return void res.status(entry.status).end(answer)
    }
    sendEntry(req, res, entry, false)
  }
}
