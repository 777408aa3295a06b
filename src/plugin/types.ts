import type { CollectionConfig, Field } from 'payload'

import type { content } from './content'

/** Pressroom's roles: admins manage users, editors publish, translators work on their locales only. */
export type PressroomRole = 'admin' | 'editor' | 'translator'

/** The content collections Pressroom adds, by slug. Their slugs are the REST and GraphQL names frontends use. */
export type PressroomCollectionSlug = keyof typeof content | 'media'

/** Changes to one of Pressroom's collections, in the style of Payload's official plugins. */
export type PressroomCollectionOverrides = {
  /** The labels shown in the admin panel. */
  labels?: CollectionConfig['labels']
  /** The admin panel's navigation group. */
  group?: string
  /** Anything else under `admin` (columns, description, …), merged over Pressroom's. */
  admin?: Omit<NonNullable<CollectionConfig['admin']>, 'group'>
  /**
   * The collection's fields: return Pressroom's (`defaultFields`) with yours added or changed.
   * Audit fields, translator locks and the translation panel are added after this, by the policy.
   */
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

export type PressroomFeatures = {
  /** Translation ledger, status, XLIFF export and import, the translation panel and view. Default true. */
  translations?: boolean
  /** Signed webhooks to frontends, delivered by the jobs queue. Default true. */
  webhooks?: boolean
  /** API keys for frontends (`frontend` reads as the public, `preview` reads drafts). Default true. */
  apiKeys?: boolean
  /** Expiring preview links for embargoed press releases. Default true. */
  previewLinks?: boolean
  /** The calendar, press-release RSS and Atom feeds, and the sitemap as Payload endpoints under /api. Default true. */
  feeds?: boolean
  /** `/api/openapi.json`, the public API described. Default true. */
  openApi?: boolean
  /** The "what needs me" dashboard panel and the translations view in the admin panel. Default true. */
  adminViews?: boolean
}

export type PressroomPluginOptions = {
  /**
   * Which content collections to add, and changes to each. `false` leaves one out (and whatever
   * relates to it must be left out too). Default: all of them, as they are.
   */
  collections?: Partial<Record<Exclude<PressroomCollectionSlug, 'media'>, boolean | PressroomCollectionOverrides>>
  /** Optional features; the editorial policy, access checks and hardening are always on. */
  features?: PressroomFeatures
  /**
   * The host's auth collection for people, which must have the slug `users` (Payload's templates
   * call it that; Pressroom's audit fields, imports and preferences relate to it by that name).
   */
  users?: {
    /**
     * Add Pressroom's `roles` and translator `locales` fields (and make the first account an
     * admin). Default true; false when the host keeps its own roles and maps them with `access.roles`.
     */
    addFields?: boolean
  }
  access?: {
    /**
     * The Pressroom roles a signed-in person holds, for a host with its own role field. Default:
     * the `roles` field the plugin adds.
     */
    roles?: (user: Record<string, unknown>) => PressroomRole[]
    /** The locales a translator works in, for a host with its own field. Default: the `locales` field the plugin adds. */
    translatorLocales?: (user: Record<string, unknown>) => string[]
  }
  /**
   * The upload collection, slug `media`: Pressroom's own (default, with overrides), or with
   * `host: true` the host's own `media`. The host's gets Pressroom's file rules: a `public`
   * checkbox, the editorial policy, and read access limited to files marked public or used by a
   * document the reader may read (a hidden speaker's photo stays hidden).
   */
  media?: PressroomCollectionOverrides & { host?: boolean }
  /** Where documents live on the frontend, for previews, feeds and the sitemap. */
  frontend?: {
    /** The frontend's origin. Default: the first of FRONTEND_URL, else http://localhost:3001. */
    url?: string
    /** Path patterns per collection with `{locale}` and `{slug}`, e.g. `{ events: '/{locale}/events/{slug}' }`. */
    paths?: Record<string, string>
  }
}
