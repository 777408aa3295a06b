import type { Access, CollectionConfig, Config, Plugin } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { isStaff } from '@/access/isStaff'
import { publishedOnly } from '@/access/publishedOnly'
import { auditFields } from '@/fields/audit'
import { publishOneLocale } from '@/hooks/publishOneLocale'
import { recordAuthor } from '@/hooks/recordAuthor'
import type { SeoSources } from '@/utilities/seo'

import { canUpdateContent, enforceTranslatorRules, lockForTranslators } from './translators'

/**
 * What an editorial collection is, declared in its own config as `custom.pressroom`. The editorial
 * policy reads it and applies the rules every such collection shares; a collection without it is
 * left as it is.
 */
export type EditorialDeclaration = {
  /**
   * The public may read it, so a write to it may change a public response: it gets the public
   * cache, the public-query guard, webhooks and the read model. Its `access.read` says what the
   * public sees; left unset, published documents (with drafts) or everything (without).
   */
  public?: boolean
  /** Drafts with autosave, version history and per-locale publishing; `schedulePublish` adds scheduled publishing. */
  drafts?: boolean | { schedulePublish?: boolean }
  /** The site search indexes it (src/plugins/search): which fields are its title, summary and searched text. */
  search?: SearchDeclaration
  /** Pages on the frontend: SEO meta (plugin-seo) generated from these fields, and an Open Graph block in reads. */
  seo?: SeoSources
}

export type SearchDeclaration = {
  /** The field shown as the result's title, and ranked first. */
  title: string
  /** The fields whose first non-empty value is the result's summary. */
  summary?: string[]
  /** More fields searched (dotted paths into groups; text, textarea or hasMany text). */
  text?: string[]
  /** The date results are ordered by within a rank. */
  date?: string
}

type PressroomCustom = { pressroom?: EditorialDeclaration }

/** The declaration a collection makes, or undefined when it is not editorial. */
export const editorialDeclaration = (collection: Pick<CollectionConfig, 'custom'>): EditorialDeclaration | undefined =>
  (collection.custom as PressroomCustom | undefined)?.pressroom

/** The slugs of the collections that declare themselves public, in the order of the config. */
export const publicSlugs = (collections: readonly Pick<CollectionConfig, 'custom' | 'slug'>[] | undefined): string[] =>
  (collections ?? [])
    .filter((collection) => editorialDeclaration(collection)?.public)
    .map((collection) => collection.slug)

/** Autosave every two seconds, fifty versions kept per document. */
const versionsFor = (drafts: NonNullable<EditorialDeclaration['drafts']>): CollectionConfig['versions'] => ({
  drafts: {
    autosave: { interval: 2000 },
    ...(typeof drafts === 'object' && drafts.schedulePublish ? { schedulePublish: true } : {}),
  },
  maxPerDoc: 50,
})

/** The policy applied to one collection: what it declares fills in what it does not decide itself. */
export function applyEditorialPolicy(collection: CollectionConfig): CollectionConfig {
  const declaration = editorialDeclaration(collection)
  if (!declaration) return collection
  const drafts = Boolean(declaration.drafts)
  const read: Access = declaration.public ? (drafts ? publishedOnly : anyone) : isStaff
  return {
    ...collection,
    access: { create: isEditorOrAdmin, delete: isEditorOrAdmin, read, update: canUpdateContent, ...collection.access },
    fields: lockForTranslators([...collection.fields, ...auditFields()]),
    hooks: {
      ...collection.hooks,
      // The translator rules judge a write before anything else about it, publishing included.
      beforeOperation: [
        enforceTranslatorRules(),
        ...(drafts ? [publishOneLocale()] : []),
        ...(collection.hooks?.beforeOperation ?? []),
      ],
      beforeChange: [recordAuthor, ...(collection.hooks?.beforeChange ?? [])],
    },
    ...(declaration.drafts ? { versions: versionsFor(declaration.drafts) } : {}),
  }
}

/**
 * The editorial policy: access, audit fields, the translator rules, per-locale publishing and
 * versions for every collection that declares `custom.pressroom`. It runs before the plugins that
 * check or extend access, so they see the rules it decided.
 */
export const editorialPolicyPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map(applyEditorialPolicy),
})

/**
 * A plugin over the public collections, as the config declares them when the plugin runs: the
 * public cache, the query guard, webhooks and the read model all follow the declarations, so a
 * new public collection needs no list kept elsewhere.
 */
export const forPublicCollections =
  (make: (slugs: string[]) => Plugin): Plugin =>
  (config: Config) =>
    make(publicSlugs(config.collections))(config)
