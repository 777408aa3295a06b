/**
 * Every error Pressroom answers itself has Payload's own shape, `{ errors: [{ name?, message, data? }] }`,
 * so a frontend parses one format whether Payload, express or one of our endpoints refused it.
 */

/** One thing wrong with a request: the parameter or field it is about, and what to do instead. */
export type Problem = { path: string; message: string }

type ErrorDetails = { name?: string; data?: unknown }

export const errorBody = (message: string, { name, data }: ErrorDetails = {}) => ({
  errors: [{ ...(name === undefined ? {} : { name }), message, ...(data === undefined ? {} : { data }) }],
})

/** An error answer from a Payload endpoint (a Web `Response`). */
export const errorResponse = (
  status: number,
  message: string,
  details?: ErrorDetails,
  headers?: HeadersInit,
): Response => Response.json(errorBody(message, details), { status, headers })

const joined = (problems: readonly Problem[]) => problems.map((problem) => problem.message).join(' ')

/** A refused query (Payload's QueryError): the problems as `data`. */
export const queryErrorBody = (problems: readonly Problem[]) =>
  errorBody(joined(problems), { name: 'QueryError', data: problems })

/** Refused input (Payload's ValidationError): the problems as `data.errors`, as Payload's field errors are. */
export const validationErrorBody = (problems: readonly Problem[]) =>
  errorBody(joined(problems), { name: 'ValidationError', data: { errors: problems } })

export const badQuery = (problems: readonly Problem[]): Response =>
  Response.json(queryErrorBody(problems), { status: 400 })

export const notFound = (): Response => errorResponse(404, 'Not Found')
