import { validOperatorSet } from 'payload/shared'

import type { Problem } from '@/utilities/errors'
import { LIST_OPERATORS, SCALAR_OPERATORS, TEXT_OPERATORS } from '@/utilities/operators'

import { MAX_LIKE_LENGTH, MAX_LIKE_WORDS, MAX_LIST_VALUES, MAX_WHERE_CONDITIONS, MAX_WHERE_NESTING } from './limits'

/** A refused query's problem: the parameter path and what to send instead. */
export type QueryProblem = Problem

const NEAR = /^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?(,\s*\d+(\.\d+)?){0,2}$/

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object'

/** How many values a list operator carries: qs gives an array, an object past its array limit, or a comma-separated string. */
export const listSize = (value: unknown): number =>
  Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : String(value).split(',').length

/** Problems with one operator's value that no field type can make right. */
function operandProblem(operator: string, value: unknown, at: string): string | undefined {
  if (operator === 'near') {
    return typeof value === 'string' && NEAR.test(value)
      ? undefined
      : `${at} must be "longitude,latitude" with optional maximum and minimum distances in metres.`
  }
  if (operator === 'within' || operator === 'intersects') {
    const geometry = value as { type?: unknown; coordinates?: unknown } | undefined
    return isObject(geometry) && typeof geometry.type === 'string' && Array.isArray(geometry.coordinates)
      ? undefined
      : `${at} must be a GeoJSON geometry with a type and coordinates.`
  }
  if (SCALAR_OPERATORS.has(operator) && isObject(value))
    return `${at} must be a single value${operator === 'exists' ? ', true or false' : '; use "in" for a list'}.`
  if (LIST_OPERATORS.has(operator) && listSize(value) > MAX_LIST_VALUES) {
    return `${at} lists ${listSize(value)} values; at most ${MAX_LIST_VALUES} are allowed in one list.`
  }
  if (TEXT_OPERATORS.has(operator)) {
    if (typeof value !== 'string') return `${at} must be a single text.`
    if (value.length > MAX_LIKE_LENGTH)
      return `${at} is ${value.length} characters long; at most ${MAX_LIKE_LENGTH} are allowed.`
    const words = value.trim().split(/\s+/).length
    if (words > MAX_LIKE_WORDS) return `${at} has ${words} words; at most ${MAX_LIKE_WORDS} are allowed.`
  }
  return undefined
}

type Walk = { problems: QueryProblem[]; conditions: number }

/** A field's conditions; an object under a name that is no operator is a nested field path (`where[venue][city][equals]`). */
function walkCondition(condition: unknown, path: string, walk: Walk): void {
  if (!isObject(condition)) return
  for (const [operator, value] of Object.entries(condition)) {
    const at = `${path}[${operator}]`
    if (!validOperatorSet.has(operator as 'equals')) {
      walkCondition(value, at, walk)
      continue
    }
    if (++walk.conditions === MAX_WHERE_CONDITIONS + 1) {
      walk.problems.push({
        path: at,
        message: `where has more than ${MAX_WHERE_CONDITIONS} conditions; split the query.`,
      })
    }
    const message = operandProblem(operator, value, at)
    if (message) walk.problems.push({ path: at, message })
  }
}

function walkWhere(where: unknown, path: string, nesting: number, walk: Walk): void {
  if (!isObject(where)) {
    walk.problems.push({ path, message: `${path} must be an object of conditions, e.g. where[title][equals]=…` })
    return
  }
  for (const [key, value] of Object.entries(where)) {
    const at = `${path}[${key}]`
    if (key.toLowerCase() !== 'and' && key.toLowerCase() !== 'or') {
      walkCondition(value, at, walk)
      continue
    }
    if (nesting >= MAX_WHERE_NESTING) {
      walk.problems.push({
        path: at,
        message: `${at}: "and" and "or" may nest at most ${MAX_WHERE_NESTING} levels deep.`,
      })
      continue
    }
    if (!isObject(value)) {
      walk.problems.push({ path: at, message: `${at} must be a list of conditions, e.g. ${at}[0][title][equals]=…` })
      continue
    }
    for (const [index, inner] of Object.entries(value)) walkWhere(inner, `${at}[${index}]`, nesting + 1, walk)
  }
}

/**
 * Problems with the shape of a `where`, whatever the collection: operator values Payload passes
 * to the database unchecked (a malformed `near` is a 500 there), and the size of the query — its
 * conditions, its nesting, its lists and its `like` texts — which otherwise decides how large a
 * SQL expression one request makes the database build.
 */
export function whereProblems(where: unknown, path = 'where'): QueryProblem[] {
  if (where === undefined) return []
  const walk: Walk = { problems: [], conditions: 0 }
  walkWhere(where, path, 0, walk)
  return walk.problems
}
