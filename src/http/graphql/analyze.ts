import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
} from 'graphql'

import { fragmentCycle, fragmentsOf } from './fragments'
import type { GraphqlLimits } from './limits'

/** Mutations that guess passwords or tokens, or send mail: the REST routes' per-address limit applies to them. */
export const GUARDED = /^(login|forgotPassword|resetPassword|unlock)|firstRegister/i

export type Problem = { message: string; path: string[] }

export type Analysis = {
  problems: Problem[]
  /** Estimated values in the answer, every operation of the document counted. */
  cost: number
  /** Guarded mutations, aliases and fragments counted, across all operations. */
  guarded: number
  readOnly: boolean
}

/** A selection set's sums, per object it is read on, relative to where it appears. */
type Totals = { cost: number; depth: number; hops: number; fields: number; guarded: number }

type Variables = Record<string, unknown>

const MAX_PROBLEMS = 10

/** Types of the documents of a collection: the items of a list query's `docs`. */
const collectionTypes = new WeakMap<GraphQLSchema, Set<string>>()
function collectionsOf(schema: GraphQLSchema): Set<string> {
  let names = collectionTypes.get(schema)
  if (names) return names
  names = new Set()
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const type = getNamedType(field.type)
    const docs = isObjectType(type) ? type.getFields().docs : undefined
    if (docs && isListType(getNullableType(docs.type))) names.add(getNamedType(docs.type).name)
  }
  collectionTypes.set(schema, names)
  return names
}

/** Default values of the document's variables; a variable declared in several operations takes its largest. */
function variableDefaults(operations: OperationDefinitionNode[]): Variables {
  const defaults: Variables = {}
  for (const definition of operations.flatMap((operation) => operation.variableDefinitions ?? [])) {
    const value = definition.defaultValue
    const name = definition.variable.name.value
    if (value?.kind === Kind.INT) defaults[name] = Math.max(Number(value.value), Number(defaults[name] ?? -Infinity))
    if (value?.kind === Kind.BOOLEAN && defaults[name] === undefined) defaults[name] = value.value
  }
  return defaults
}

/**
 * Estimates what a GraphQL document would cost Payload before anything else reads it: nesting,
 * fields per selection set, relationships followed, and the values of the answer, each field
 * multiplied by the lists above it (a `limit`, Payload's page size without one, an assumed size
 * for hasMany relationships and arrays). Fragments are expanded once each and remembered, so a
 * chain of fragments that each spread the next twice costs linear time here, and cycles are
 * refused before anything recursive runs.
 */
export function analyzeDocument(
  document: DocumentNode,
  schema: GraphQLSchema,
  limits: GraphqlLimits,
  variables: Variables = {},
): Analysis {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )
  const readOnly = operations.length > 0 && operations.every((operation) => operation.operation === 'query')
  const problems = new Map<string, Problem>()
  const report = (message: string, path: string[]) =>
    problems.size < MAX_PROBLEMS && !problems.has(message) && problems.set(message, { message, path })
  const done = (cost: number, guarded: number): Analysis => ({
    problems: [...problems.values()],
    cost,
    guarded,
    readOnly,
  })

  const fragments = fragmentsOf(document)
  const cycle = fragmentCycle(fragments)
  if (cycle) {
    report(
      `Fragments ${cycle.map((name) => `"${name}"`).join(', ')} spread each other in a cycle, or spread one that does.`,
      cycle.map((name) => `...${name}`),
    )
    return done(0, 0)
  }

  const defaults = variableDefaults(operations)
  const collections = collectionsOf(schema)
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined
    if (node.kind === Kind.VARIABLE) return variables[node.name.value] ?? defaults[node.name.value]
    if (node.kind === Kind.INT) return Number(node.value)
    if (node.kind === Kind.BOOLEAN) return node.value
    return undefined
  }
  const argument = (field: FieldNode, name: string) =>
    valueOf(field.arguments?.find((arg) => arg.name.value === name)?.value)
  const dotted = (path: string[]) => path.join('.')

  /** The page size a field's `limit` gives its `docs`, after checking the arguments Payload would take unchecked. */
  const pageSizeOf = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown> | undefined,
    path: string[],
  ): number | undefined => {
    const limit = argument(field, 'limit')
    const depth = argument(field, 'depth')
    if (typeof depth === 'number' && !(Number.isInteger(depth) && depth >= 0 && depth <= limits.maxRelationDepth)) {
      report(`${dotted(path)}: depth must be a whole number from 0 to ${limits.maxRelationDepth}, got ${depth}.`, path)
    }
    if (typeof limit === 'number' && !(Number.isInteger(limit) && limit >= 1 && limit <= limits.maxLimit)) {
      report(
        `${dotted(path)}: limit must be a whole number from 1 to ${limits.maxLimit}, got ${limit}; use page to read further.`,
        path,
      )
    }
    const paginated = typeof limit === 'number' || definition?.args.some((arg) => arg.name === 'limit')
    if (!paginated) return undefined
    if (argument(field, 'pagination') === false && typeof limit !== 'number') {
      report(
        `${dotted(path)}: pagination: false reads every document; give a limit from 1 to ${limits.maxLimit} as well.`,
        path,
      )
    }
    return typeof limit === 'number' ? Math.min(Math.max(Math.trunc(limit), 1), limits.maxLimit) : limits.defaultLimit
  }

  const definitionOf = (
    parent: GraphQLNamedType | undefined,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined => {
    if (name === '__typename') return TypeNameMetaFieldDef
    if (parent && parent === schema.getQueryType() && name === '__schema') return SchemaMetaFieldDef
    if (parent && parent === schema.getQueryType() && name === '__type') return TypeMetaFieldDef
    return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined
  }
  const isCollection = (type: GraphQLNamedType): boolean =>
    collections.has(type.name) || (isUnionType(type) && type.getTypes().some((member) => collections.has(member.name)))

  const remembered = new Map<string, Totals>()
  const fragmentTotals = (fragment: FragmentDefinitionNode, pageSize: number | undefined): Totals => {
    const key = `${fragment.name.value} ${pageSize ?? ''}`
    let totals = remembered.get(key)
    if (!totals) {
      const type = schema.getType(fragment.typeCondition.name.value) ?? undefined
      totals = walk(fragment.selectionSet, type, pageSize, [`...${fragment.name.value}`], 0)
      remembered.set(key, totals)
    }
    return totals
  }

  /**
   * Sums a selection set. `pageSize` is the `limit` of the field it belongs to, for its `docs`;
   * `level` counts nested selection sets (inline fragments too), so that nothing here recurses
   * further than the depth limit allows.
   */
  function walk(
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    pageSize: number | undefined,
    path: string[],
    level: number,
  ): Totals {
    const totals: Totals = { cost: 0, depth: 0, hops: 0, fields: 0, guarded: 0 }
    if (level > 2 * limits.maxDepth) return { ...totals, depth: Infinity }
    const add = (inner: Totals, depthOffset = 0) => {
      totals.cost += inner.cost
      totals.depth = Math.max(totals.depth, inner.depth + depthOffset)
      totals.hops = Math.max(totals.hops, inner.hops)
    }
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        if (!fragment) {
          report(`Unknown fragment "${selection.name.value}".`, [...path, `...${selection.name.value}`])
          continue
        }
        const inner = fragmentTotals(fragment, pageSize)
        add(inner)
        totals.fields += inner.fields
        totals.guarded += inner.guarded
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? undefined)
          : parent
        const inner = walk(selection.selectionSet, type, pageSize, path, level + 1)
        add(inner)
        totals.fields += inner.fields
        totals.guarded += inner.guarded
      } else {
        const name = selection.name.value
        const fieldPath = [...path, selection.alias?.value ?? name]
        const definition = definitionOf(parent, name)
        const ownPageSize = pageSizeOf(selection, definition, fieldPath)
        const isList = definition ? isListType(getNullableType(definition.type)) : false
        const instances = isList ? (pageSize ?? limits.listSize) : 1
        const type = definition ? getNamedType(definition.type) : undefined
        totals.fields += 1
        if (GUARDED.test(name)) totals.guarded += 1
        const inner = selection.selectionSet
          ? walk(selection.selectionSet, type, ownPageSize, fieldPath, level + 1)
          : undefined
        totals.cost += instances * (1 + (inner?.cost ?? 0))
        totals.depth = Math.max(totals.depth, 1 + (inner?.depth ?? 0))
        totals.hops = Math.max(totals.hops, (type && isCollection(type) ? 1 : 0) + (inner?.hops ?? 0))
      }
    }
    if (totals.fields > limits.maxFields) {
      report(
        `${dotted(path) || 'The query'} selects ${totals.fields} fields in one selection set, fragments and aliases counted; at most ${limits.maxFields}.`,
        path,
      )
    }
    return totals
  }

  let cost = 0
  let guarded = 0
  for (const operation of operations) {
    const root =
      operation.operation === 'mutation'
        ? schema.getMutationType()
        : operation.operation === 'subscription'
          ? schema.getSubscriptionType()
          : schema.getQueryType()
    const path = operation.name ? [operation.name.value] : []
    const totals = walk(operation.selectionSet, root ?? undefined, undefined, path, 0)
    const where = operation.name ? `Operation "${operation.name.value}"` : 'The query'
    if (totals.depth > limits.maxDepth) {
      report(
        `${where} nests fields ${Number.isFinite(totals.depth) ? totals.depth : 'too'} deep, fragments expanded; at most ${limits.maxDepth}.`,
        path,
      )
    }
    if (totals.hops - 1 > limits.maxRelationDepth) {
      report(
        `${where} follows relationships and joins ${totals.hops - 1} levels deep; at most ${limits.maxRelationDepth}, as depth over REST.`,
        path,
      )
    }
    cost += totals.cost
    guarded += totals.guarded
  }
  if (cost > limits.maxCost) {
    const estimate = Number.isFinite(cost) && cost < 1e15 ? `${Math.round(cost)} values` : 'too many values to count'
    report(
      `The query's estimated answer is ${estimate} (each field times the documents and list items it is read on); at most ${limits.maxCost}. Ask for smaller limits or fewer nested relationships.`,
      [],
    )
  }
  return done(cost, guarded)
}
