import express, { type Request, type RequestHandler } from 'express'

import { errorBody } from '@/utilities/errors'

import { maxBodyBytes } from './bodyLimit'

const FORM = 'application/x-www-form-urlencoded'
const OVERRIDE_HEADERS = ['x-payload-http-method-override', 'x-http-method-override']

/** Payload turns such a POST into a GET (handleEndpoints), taking the query from a form body. */
export const overridesToGet = (req: Pick<Request, 'method' | 'headers'>): boolean =>
  req.method === 'POST' && OVERRIDE_HEADERS.some((name) => String(req.headers[name] ?? '').trim() === 'GET')

const hasBody = (req: Request) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/** The URL Payload builds from the form body (handleEndpoints: `${url}?${body}`), without a fragment, as URL parsing drops it. */
export const overriddenUrl = (url: string, form: string): string => `${url}?${form}`.split('#')[0]

let formReader: RequestHandler | undefined
const readForm: RequestHandler = (req, res, next) =>
  (formReader ??= express.text({ type: () => true, limit: maxBodyBytes() }))(req, res, next)

/**
 * Makes a POST that Payload would answer as a GET into that GET here, before the query checks,
 * so the query Payload runs is the query that was checked, wherever it was written. The admin
 * panel sends its relationship searches this way, with a form body; a JSON body (of which Payload
 * reads only the locale) is refused. GraphQL has its own route and is left alone.
 */
export const methodOverrideAsGet: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/api/') || req.path.startsWith('/api/graphql') || !overridesToGet(req)) return next()
  const type = (req.headers['content-type'] ?? '').trim()
  const asGet = (url: string) => {
    req.method = 'GET'
    req.url = req.originalUrl = url
    for (const name of ['content-type', 'content-length', 'transfer-encoding', ...OVERRIDE_HEADERS])
      delete req.headers[name]
    next()
  }
  if (type !== FORM) {
    if (!hasBody(req)) return asGet(req.originalUrl)
    return void res
      .status(415)
      .json(
        errorBody(
          `With X-Payload-HTTP-Method-Override: GET the query is sent as an ${FORM} body, not as "${type.slice(0, 60) || 'no content type'}".`,
        ),
      )
  }
  readForm(req, res, (error?: unknown) => {
    if (error) return next(error)
    asGet(overriddenUrl(req.originalUrl, typeof req.body === 'string' ? req.body : ''))
  })
}
