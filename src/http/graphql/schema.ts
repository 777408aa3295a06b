import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

const schemas = new WeakMap<SanitizedConfig, GraphQLSchema>()

/**
 * The schema Payload serves, built from the same config, for the analysis that runs before
 * Payload's handler. Payload keeps its own copy in a private cache; this one is built once, on the
 * first GraphQL request, as Payload builds its own.
 */
export function schemaOf(config: SanitizedConfig): GraphQLSchema {
  let schema = schemas.get(config)
  if (!schema) {
    schema = configToSchema(config).schema
    schemas.set(config, schema)
  }
  return schema
}
