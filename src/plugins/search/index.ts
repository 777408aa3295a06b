import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, Config, Plugin } from 'payload'

import { DRAFT_SAVE } from '@/plugins/readModel/invalidate'
import { keepRedirects } from '@/plugins/redirects/keep'
import { editorialDeclaration, type SearchDeclaration } from '@/policy/editorial'
import { withHooks } from '@/utilities/withHooks'

import { SearchIndex, SearchWords } from './collection'
import { searchEndpoint } from './endpoint'
import { fillIndex, reindex, unindex } from './reindex'

export { SEARCH_INDEX } from './collection'

/** The collections that declare `custom.pressroom.search`, with their declarations. */
export const searchDeclarations = (
  collections: readonly CollectionConfig[] | undefined,
): Record<string, SearchDeclaration> =>
  Object.fromEntries(
    (collections ?? []).flatMap((collection) => {
      const declaration = editorialDeclaration(collection)
      return declaration?.public && declaration.search ? [[collection.slug, declaration.search]] : []
    }),
  )

const indexAfterChange =
  (declaration: SearchDeclaration): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    // A draft saved over a published document changes nothing the public reads.
    if (req.context[DRAFT_SAVE]) return doc
    const moves = await reindex(req, collection.slug, doc.id, declaration)
    await keepRedirects(req, collection.slug, doc.id, moves)
    return doc
  }

const unindexAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await unindex(req, collection.slug, doc.id)
  return doc
}

/**
 * Why not @payloadcms/plugin-search: it keeps one row per document (a localized title at most)
 * and decides what to index from `_status` alone, so a hidden speaker or an embargoed release
 * would be indexed, and it has neither per-locale search text nor a query endpoint. Here the rows
 * are per locale, made from the public's own read rule, and carry the text in search form.
 *
 * The site search: every public collection that declares `custom.pressroom.search` is indexed
 * per locale as the public reads it, in the write's transaction, and `GET /api/search` queries
 * the index. Runs before the read model, so that the public cache's purge follows the index.
 */
export const searchPlugin: Plugin = (config: Config): Config => {
  const declarations = searchDeclarations(config.collections)
  const searchable = Object.keys(declarations)
  if (!searchable.length) return config
  return {
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection) =>
        declarations[collection.slug]
          ? withHooks(collection, {
              afterChange: [indexAfterChange(declarations[collection.slug])],
              afterDelete: [unindexAfterDelete],
            })
          : collection,
      ),
      SearchIndex,
      SearchWords,
    ],
    endpoints: [...(config.endpoints ?? []), searchEndpoint(searchable)],
    onInit: async (payload) => {
      await config.onInit?.(payload)
      if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.JOBS_AUTORUN === 'false') return
      // In the background, after the server listens: a database made before the search gets its index once.
      setTimeout(
        () =>
          void fillIndex(payload, declarations).catch((error: unknown) =>
            payload.logger.error({ err: error }, 'Filling the search index failed'),
          ),
        3000,
      ).unref()
    },
  }
}
