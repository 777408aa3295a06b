import type { IncomingMessage } from 'node:http'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Request, RequestHandler, Response } from 'express'
import { type DocumentNode, parse } from 'graphql'
import type { Payload } from 'payload'

import { syncedPublicCache } from '@/plugins/readModel/generation'
import { etagOf } from '@/utilities/publicCache'

import { analyzeDocument, type Problem } from './graphql/analyze'
import { CostBudget } from './graphql/budget'
import { type GraphqlBudget, graphqlBudget, type GraphqlLimits, graphqlLimits } from './graphql/limits'
import { replay } from './graphql/replay'
import { cacheKeyOf, type GraphqlParams, isRefusal, paramsFromBody, paramsFromSearch } from './graphql/request'
import { schemaOf } from './graphql/schema'
import { asksForNextRoute, isAnonymous } from './principal'
import { keptHeaders, nextEmbargoLift, sendEntry, toWebRequest, writeHeaders } from './publicReads'

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

type Options = {
  authLimit: RequestHandler
  /** Next.js's handler, for requests that ask for Payload's own route (tests compare the two). */
  handle: (req: IncomingMessage, res: Response) => Promise<void> | void
  limits?: GraphqlLimits
  budget?: GraphqlBudget
}

type ErrorBody = { message: string; path?: string[] }

const refuse = (res: Response, status: number, errors: ErrorBody[]) =>
  void res
    .status(status)
    .json({ errors: errors.map((error) => ({ ...error, extensions: { name: 'QueryError', statusCode: status } })) })

/** The parsed document, or why it cannot be read: a syntax error, too many tokens, nesting too deep even to parse. */
function parseDocument(query: string, limits: GraphqlLimits): DocumentNode | ErrorBody {
  try {
    return parse(query, { maxTokens: limits.maxTokens, noLocation: true })
  } catch (error) {
    if (error instanceof RangeError) return { message: 'The query is nested too deeply to read.' }
    return {
      message:
        (error as Error).message.replace(/\.$/, '') +
        (/tokens/.test((error as Error).message) ? `; at most ${limits.maxTokens}.` : '.'),
    }
  }
}

const problemsBody = (problems: Problem[]): ErrorBody[] => problems.map(({ message, path }) => ({ message, path }))

/**
 * /api/graphql, run by Payload's own GraphQL handler from the express server, so that the server
 * sees every request before Payload parses it, whatever its method or media type:
 * - the document is parsed with a token limit and refused (400, saying why and where) when it
 *   nests too deep, selects too many fields at once, follows relationships deeper than REST's
 *   `depth`, asks a `limit` above REST's, or its estimated answer is too large;
 * - each query run spends its estimate from a per-address budget per window (429 when spent);
 * - login, forgot-password, reset-password and unlock mutations count against the same
 *   per-address limit as the REST routes (one per request, fragments and aliases counted), whoever sends them;
 * - anonymous read-only queries are kept in the cache of the REST reads (purged by every write,
 *   bounded by embargoes), keyed by the printed document, variables and query string; mutations,
 *   answers with errors or cookies, and logged-in readers are never kept;
 * - a batch (a JSON array) is a 400 and any other media type a 415, as Payload's handler would answer.
 */
export const graphqlRoute = (
  payload: Payload,
  { authLimit, handle: nextHandle, limits = graphqlLimits(), budget = graphqlBudget() }: Options,
): RequestHandler => {
  const handle = GRAPHQL_POST(Promise.resolve(payload.config))
  const spending = new CostBudget(budget.budget, budget.windowMs)

  /** Spends a query's estimate from its address's budget, or answers 429. */
  const spend = (req: Request, res: Response, cost: number): boolean => {
    const spent = spending.spend(req.ip ?? '', Math.max(1, Math.ceil(cost)))
    if (spent.ok) return true
    const seconds = Math.ceil(spent.retryAfterMs / 1000)
    res.setHeader('Retry-After', String(seconds))
    refuse(res, 429, [
      {
        message:
          `Too many GraphQL queries from this address: each query's estimated answer counts against ${budget.budget} per ${Math.round(budget.windowMs / 1000)} s, ` +
          `${Math.max(0, spent.remaining)} is left and this query is estimated at ${Math.ceil(cost)}. Try again in ${seconds} s, or ask for less.`,
      },
    ])
    return false
  }

  return async (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'GET' && req.method !== 'HEAD') return next()
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''
    let body: Buffer | undefined
    let params: ReturnType<typeof paramsFromBody>
    if (req.method === 'POST') {
      body = await readBody(req)
      if (!body) return
      params = paramsFromBody(req.headers['content-type'], body)
    } else {
      // Payload's route serves no GET today, but graphql-http runs queries from a GET's query
      // string: should it ever be served, those go through the same checks.
      const query = new URLSearchParams(search)
      if (!query.has('query')) return next()
      params = paramsFromSearch(query)
    }
    if (isRefusal(params)) return refuse(res, params.status, [{ message: params.message }])
    const document = parseDocument(params.query, limits)
    if (!('kind' in document)) return refuse(res, 400, [document])
    const analysis = analyzeDocument(document, schemaOf(payload.config), limits, params.variables)
    if (analysis.problems.length) return refuse(res, 400, problemsBody(analysis.problems))
    if (analysis.guarded > 1) {
      return refuse(res, 400, [
        {
          message:
            'Send one login, forgot-password, reset-password or unlock mutation per request (aliases and fragments count).',
        },
      ])
    }
    if (analysis.guarded === 1 && !(await passes(authLimit, req, res))) return

    if (!body || asksForNextRoute(req)) {
      if (!spend(req, res, analysis.cost)) return
      return body ? nextHandle(replay(req, body), res) : next()
    }
    await run(req, res, { body, document, params, search, ...analysis })
  }

  type Checked = {
    body: Buffer
    document: DocumentNode
    params: GraphqlParams
    search: string
    readOnly: boolean
    cost: number
  }

  async function run(req: Request, res: Response, { body, document, params, search, readOnly, cost }: Checked) {
    const keep = readOnly && (await isAnonymous(payload, req))
    const cache = await syncedPublicCache(payload)
    const key = cacheKeyOf(document, params, search, req.headers.origin)
    if (keep) {
      res.setHeader('Vary', 'Origin')
      const cached = cache.get(key)
      // An answer from the cache costs nothing to make: only queries run spend from the budget.
      if (cached) return sendEntry(req, res, cached, true)
    }
    if (!spend(req, res, cost)) return
    const generation = cache.currentGeneration
    if (keep && !cache.expiryKnown) cache.setExpiry(await nextEmbargoLift(payload))
    const response = await handle(toWebRequest(req, body))
    const answer = Buffer.from(await response.arrayBuffer())
    const entry = { status: response.status, headers: keptHeaders(response), body: answer, etag: etagOf(answer) }
    if (keep && response.status === 200 && !response.headers.has('set-cookie') && !hasErrors(answer))
      cache.set(key, entry, generation)
    if (!keep) {
      writeHeaders(res, entry.headers)
      return void res.status(entry.status).end(answer)
    }
    sendEntry(req, res, entry, false)
  }
}
