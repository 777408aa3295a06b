import crypto from 'node:crypto'

import { type DocumentNode, print } from 'graphql'

/** What graphql-http reads from a request, as it reads it. */
export type GraphqlParams = { query: string; operationName?: string; variables: Record<string, unknown> }

export type Refusal = { status: number; message: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The media type as graphql-http compares it, so that no spelling of it passes one check and not the other. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').replace(/\s/g, '').toLowerCase().split(';')[0]

function paramsOf(data: Record<string, unknown>): GraphqlParams | Refusal {
  const { query, operationName, variables } = data
  if (typeof query !== 'string') return { status: 400, message: 'Send the GraphQL document as a string in "query".' }
  if (operationName != null && typeof operationName !== 'string')
    return { status: 400, message: '"operationName" must be a string.' }
  if (variables != null && !isObject(variables)) return { status: 400, message: '"variables" must be an object.' }
  return { query, operationName: operationName ?? undefined, variables: variables ?? {} }
}

/**
 * The GraphQL request in a POST body. Only a JSON object is a request: graphql-http answers any
 * other media type with 415 and an array (a batch) with 400, so both are refused here, before
 * anything is parsed, with a message that says what to send instead.
 */
export function paramsFromBody(contentType: string | undefined, body: Buffer): GraphqlParams | Refusal {
  if (mediaTypeOf(contentType) !== 'application/json') {
    return {
      status: 415,
      message:
        'Send GraphQL requests as POST with Content-Type: application/json and a body {"query": "…", "variables": {…}}.',
    }
  }
  let data: unknown
  try {
    data = JSON.parse(body.toString('utf8'))
  } catch (error) {
    return { status: 400, message: `The body is not valid JSON: ${(error as Error).message}` }
  }
  if (Array.isArray(data))
    return {
      status: 400,
      message:
        'Batched GraphQL requests (a JSON array) are not accepted: send one operation per request, as a JSON object.',
    }
  if (!isObject(data)) return { status: 400, message: 'The body must be a JSON object with a "query".' }
  return paramsOf(data)
}

/** The GraphQL request in a GET's query string, as graphql-http would read it. */
export function paramsFromSearch(search: URLSearchParams): GraphqlParams | Refusal {
  let variables: unknown
  try {
    variables = search.has('variables') ? JSON.parse(search.get('variables') as string) : undefined
  } catch (error) {
    return { status: 400, message: `"variables" is not valid JSON: ${(error as Error).message}` }
  }
  return paramsOf({
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    variables,
  })
}

export const isRefusal = (value: GraphqlParams | Refusal): value is Refusal => 'status' in value

/** JSON with every object's keys sorted, so that the same variables give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The cache key of a GraphQL read: the document as printed from its AST (no comments, no
 * layout), the operation name, the variables and the URL's query string (`?locale=ru` changes the
 * answer), so that bodies differing only in spelling share one entry.
 */
export function cacheKeyOf(document: DocumentNode, params: GraphqlParams, search: string, origin = ''): string {
  const hash = crypto.createHash('sha1')
  for (const part of [print(document), params.operationName ?? '', canonicalJson(params.variables), search])
    hash.update(part).update('\0')
  return `graphql ${origin} ${hash.digest('base64url')}`
}
