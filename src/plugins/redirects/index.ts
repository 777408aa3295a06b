import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Config,
  Endpoint,
  Plugin,
} from 'payload'

import { refuseBadQuery } from '@/endpoints/request'
import { localesOf } from '@/plugins/delivery/publicFeeds'
import { bumpGeneration } from '@/plugins/readModel/generation'
import { searchDeclarations } from '@/plugins/search'
import { badQuery, notFound } from '@/utilities/errors'
import { withHooks } from '@/utilities/withHooks'

import { REDIRECTS, redirectsCollection } from './collection'
import { dropRedirects } from './keep'
import { parseSlugQuery, resolveSlug } from './resolve'

export { REDIRECTS } from './collection'

/** GET /api/redirects?collection=&slug=&locale=: where a slug, old or current, lives now. */
const redirectsEndpoint = (collections: string[]): Endpoint => ({
  path: '/redirects',
  method: 'get',
  handler: async (req) => {
    const refused = refuseBadQuery(req)
    if (refused) return refused
    const { codes, defaultLocale } = localesOf(req.payload)
    const parsed = parseSlugQuery(req.searchParams, { collections, locales: codes, defaultLocale })
    if ('problems' in parsed) return badQuery(parsed.problems)
    const resolved = await resolveSlug(req, parsed.query)
    return resolved ? Response.json(resolved) : notFound()
  },
})

/** An edit in the admin list changes public answers: the public cache must let them go. */
const purgeAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await bumpGeneration(req, [`${REDIRECTS}:${doc.id}`])
  return doc
}
const purgeAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpGeneration(req, [`${REDIRECTS}:${doc.id}`])
  return doc
}

const dropAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await dropRedirects(req, collection.slug, doc.id)
  return doc
}

/**
 * Redirects when slugs change: the search index knows the slugs the public read, and its hooks
 * keep a redirect for each one a document leaves (src/plugins/redirects/keep.ts); this adds the
 * admin list, the lookup endpoint and the clean-up when a document is deleted. For the public
 * collections the site search indexes.
 */
export const redirectsPlugin =
  (publicCollections: string[]): Plugin =>
  (config: Config): Config => {
    const collections = Object.keys(searchDeclarations(config.collections)).filter((slug) =>
      publicCollections.includes(slug),
    )
    if (!collections.length) return config
    const redirects: CollectionConfig = redirectsCollection(collections)
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) =>
          collections.includes(collection.slug)
            ? withHooks(collection, { afterDelete: [dropAfterDelete] })
            : collection,
        ),
        { ...redirects, hooks: { afterChange: [purgeAfterChange], afterDelete: [purgeAfterDelete] } },
      ],
      endpoints: [...(config.endpoints ?? []), redirectsEndpoint(collections)],
    }
  }
