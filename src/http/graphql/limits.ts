import { wholeNumberFromEnv as whole } from '@/env'

import { MAX_DEPTH, MAX_LIMIT } from '../validateQuery'

type Env = Record<string, string | undefined>

/** What one GraphQL request may ask for, checked before Payload parses, validates or runs it. */
export type GraphqlLimits = {
  /** Tokens in the document: bounds the parse itself. */
  maxTokens: number
  /** Fields nested in fields, fragments expanded. */
  maxDepth: number
  /** Fields (aliases each count) in one selection set, fragments expanded. */
  maxFields: number
  /** Estimated values in the answer: every field once per object it is read on. */
  maxCost: number
  /** A `limit` argument (lists, joins, versions): at most this, as over REST. */
  maxLimit: number
  /** Relationships and joins followed from a document, as REST's `depth`; also the most a rich-text `depth` argument may ask. */
  maxRelationDepth: number
  /** The size assumed for a list without a `limit` (hasMany relationships, arrays, blocks). */
  listSize: number
  /** The page size Payload uses when a list or join is given no `limit`. */
  defaultLimit: number
}

/** Cost units one address may spend per window, counted on the estimates of queries actually run. */
export type GraphqlBudget = { budget: number; windowMs: number }

export function graphqlLimits(env: Env = process.env): GraphqlLimits {
  return {
    maxTokens: whole(env, 'GRAPHQL_MAX_TOKENS', 5_000),
    maxDepth: whole(env, 'GRAPHQL_MAX_DEPTH', 15),
    maxFields: whole(env, 'GRAPHQL_MAX_FIELDS', 200),
    maxCost: whole(env, 'GRAPHQL_MAX_COST', 20_000),
    maxLimit: MAX_LIMIT,
    maxRelationDepth: MAX_DEPTH,
    listSize: whole(env, 'GRAPHQL_LIST_SIZE', 10),
    defaultLimit: 10,
  }
}

export function graphqlBudget(env: Env = process.env): GraphqlBudget {
  return { budget: whole(env, 'GRAPHQL_COST_BUDGET', 200_000), windowMs: whole(env, 'GRAPHQL_COST_WINDOW_MS', 60_000) }
}
