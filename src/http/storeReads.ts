import type { Request } from 'express'
import { type CollectionSlug, headersWithCors, type Payload } from 'payload'

import { defaultLocale } from '@/i18n/localization'
import { answerFromStore, storeQueryOf } from '@/plugins/readModel'
import { type CachedResponse, etagOf } from '@/utilities/publicCache'

import { queryOf } from './validateQuery'

/** Collections whose published documents can be hidden from the public one by one: never filtered on from the store. */
const HIDDEN = ['speakers']

const isId = (payload: Payload, value: string) =>
  payload.db.defaultIDType === 'number' ? /^\d{1,15}$/.test(value) : /^[0-9a-f]{24}$/.test(value)

/**
 * A public REST read (`/api/{collection}` or `/api/{collection}/{id}`) answered from the read
 * model when it can answer it exactly, else undefined. `path` is relative to `/api`.
 */
export async function readFromStore(
  payload: Payload,
  req: Request,
  stored: string[],
  change?: number,
): Promise<CachedResponse | undefined> {
  const [, collection, id, ...rest] = req.path.split('/')
  if (rest.length || !stored.includes(collection) || (id !== undefined && !isId(payload, id))) return undefined
  const fields = payload.collections[collection as CollectionSlug]?.config.flattenedFields
  if (!fields) return undefined
  const plan = storeQueryOf(collection, id, queryOf(req), { fields, defaultLocale, hidden: HIDDEN })
  if (!plan) return undefined
  const embargoed = fields.some((field) => 'name' in field && field.name === 'embargoUntil')
  const answer = await answerFromStore(payload, plan.query, plan.relations, embargoed, change)
  if (answer === undefined) return undefined
  const { body } = answer
  return {
    status: 200,
    headers: storeHeaders(payload, req.headers.origin),
    body,
    etag: answer.etag ?? etagOf(body),
    deps: answer.deps,
  }
}

const headersByOrigin = new WeakMap<Payload, Map<string, [string, string][]>>()
/** Origins remembered per instance: anyone can send any Origin. */
const ORIGINS = 256

/**
 * The headers of a stored answer, CORS included, as Payload's REST handler sets them: they depend
 * on the Origin alone (`headersWithCors` reads nothing else), so each origin's are made once.
 * The list is shared by every answer: read it, never change it.
 */
function storeHeaders(payload: Payload, origin: string | undefined): [string, string][] {
  let byOrigin = headersByOrigin.get(payload)
  if (!byOrigin) headersByOrigin.set(payload, (byOrigin = new Map()))
  let headers = byOrigin.get(origin ?? '')
  if (!headers) {
    const cors = headersWithCors({
      headers: new Headers({ 'content-type': 'application/json', 'x-pressroom-source': 'store' }),
      req: { payload, headers: new Headers(origin === undefined ? {} : { origin }) } as never,
    })
    if (byOrigin.size >= ORIGINS) byOrigin.clear()
    byOrigin.set(origin ?? '', (headers = [...cors.entries()]))
  }
  return headers
}
