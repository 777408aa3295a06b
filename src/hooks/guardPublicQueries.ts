import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
  type Where,
} from 'payload'

import { seesAllSpeakers } from '@/utilities/publicSpeakers'
import { type Condition, conditionsOf, idsOf, mapConditions, reachOf, sortPaths } from '@/utilities/queryPaths'

const NEVER: Where = { id: { exists: false } }
const ID_OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'all', 'exists']
const ALWAYS: Where = { id: { exists: true } }

const refuse = (path: string, message: string) => new APIError(message, 400, [{ path, message }], true)

/** The ids among `ids` this request may read in `collection`: the others do not exist for it. */
async function readableIds(req: PayloadRequest, collection: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  try {
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      req,
      select: {},
    })
    return new Set(docs.map((doc) => String(doc.id)))
  } catch {
    // An id of the wrong type names no document anyone can read.
    return new Set()
  }
}

/** A comparison with ids, restated over the related documents this reader can see. */
async function overReadable(req: PayloadRequest, condition: Condition, relationTo: string): Promise<Where> {
  const { path, operator, value } = condition
  const ids = idsOf(value)
  const readable = await readableIds(req, relationTo, ids)
  const kept = ids.filter((id) => readable.has(id))
  switch (operator) {
    case 'equals':
    case 'contains':
      return kept.length ? { [path]: { [operator]: value } } : NEVER
    case 'all':
      return kept.length === ids.length && kept.length ? { [path]: { all: kept } } : NEVER
    case 'in':
      return kept.length ? { [path]: { in: kept } } : NEVER
    case 'not_equals':
      return kept.length ? { [path]: { not_equals: value } } : ALWAYS
    case 'not_in':
      return kept.length ? { [path]: { not_in: kept } } : ALWAYS
    default:
      return { [path]: { [operator]: value } }
  }
}

type QueryArgs = { where?: Where; sort?: unknown; field?: string; overrideAccess?: boolean; req?: PayloadRequest }

/**
 * Filters and sorts from outside the staff must reveal nothing about what they cannot read.
 * A comparison with the id of a hidden speaker (or any unreadable document) matches nothing, as if
 * that id did not exist; the other cells of a row that names a speaker, and sorts through a
 * relationship, are refused, since a hidden person's row would still decide the answer.
 */
export const guardPublicQueries: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'read' && operation !== 'count' && (operation as string) !== 'readDistinct') return args
  const query = args as QueryArgs
  // REST and GraphQL leave it unset (Payload then enforces access); the Local API says true unless asked.
  if (query.overrideAccess === true || seesAllSpeakers(req)) return args
  const fields = collection.flattenedFields

  for (const path of sortPaths(query.sort)) {
    const reach = reachOf(fields, path)
    // An order by a related id ranks hidden ids among the visible ones.
    if (reach.hop || reach.rowOf || reach.relation || reach.join)
      throw refuse('sort', `sort=${path} is not available: sort by this collection's own fields.`)
  }
  if (query.field) {
    const reach = reachOf(fields, query.field)
    if (reach.rowOf || (reach.relation && [reach.relation.relationTo].flat().includes('speakers'))) {
      throw refuse('field', `The distinct values of ${query.field} are not available.`)
    }
  }
  if (!query.where) return args

  let relational = false
  for (const condition of conditionsOf(query.where)) {
    const reach = reachOf(fields, condition.path)
    const speakerCell = reach.relation && !reach.hop && reach.relation.path.startsWith(`${reach.rowOf}.`)
    if (reach.rowOf && !speakerCell) {
      throw refuse(
        `where.${condition.path}`,
        `where[${condition.path}] is not available: filter ${reach.rowOf} by the speaker's id only.`,
      )
    }
    // A join lists documents of another collection: filtered here, it would count those the reader cannot read.
    if (reach.join)
      throw refuse(
        `where.${condition.path}`,
        `where[${condition.path}] is not available: filter the other collection by its relationship instead.`,
      )
    if (!reach.relation || reach.hop) continue
    if (!ID_OPERATORS.includes(condition.operator)) {
      // Ranges and patterns over ids would place a hidden id between visible ones.
      throw refuse(
        `where.${condition.path}`,
        `where[${condition.path}][${condition.operator}] is not available: compare a relationship with equals, not_equals, in, not_in, contains, all or exists.`,
      )
    }
    if (condition.operator === 'exists' && [reach.relation.relationTo].flat().includes('speakers')) {
      throw refuse(
        `where.${condition.path}`,
        `where[${condition.path}][exists] is not available: filter by a speaker's id.`,
      )
    }
    relational = true
  }
  if (!relational) return args

  const where = await mapConditions(query.where, (condition) => {
    const { relation, hop } = reachOf(fields, condition.path)
    if (!relation || hop || typeof relation.relationTo !== 'string')
      return { [condition.path]: { [condition.operator]: condition.value } }
    return overReadable(req, condition, relation.relationTo)
  })
  return { ...args, where }
}
