import type { AdminViewConfig, CollectionConfig, Config, Endpoint, Field, Plugin, TaskConfig } from 'payload'

import { useRoleResolver } from '@/access/checkRole'
import { readMedia } from '@/access/readMedia'
import { timeZoneOptions } from '@/fields/timezone'
import { useHostLocalization } from '@/i18n/localization'
import { adminOnly, runsJobsHere } from '@/jobs'
import { watchAbandonedJobs } from '@/jobs/lifecycle'
import { accessPolicyPlugin, hardenPayloadCollections } from '@/plugins/accessPolicy'
import { feedEndpoints, openApiEndpoint, useFrontend } from '@/plugins/delivery'
import { publicCachePlugin } from '@/plugins/publicCache'
import { publicQueriesPlugin } from '@/plugins/publicQueries'
import { readModelPlugin } from '@/plugins/readModel'
import { redirectsPlugin } from '@/plugins/redirects'
import { relationshipChecksPlugin } from '@/plugins/relationshipChecks'
import { richTextChecksPlugin } from '@/plugins/richTextChecks'
import { richTextHtmlPlugin } from '@/plugins/richTextHtml'
import { searchPlugin } from '@/plugins/search'
import { seoFieldsPlugin } from '@/plugins/seo'
import {
  importTranslationsTask,
  translationEndpoints,
  TranslationImports,
  TranslationRecords,
  translationsPlugin,
} from '@/plugins/translations'
import { donorVisibilityPlugin } from '@/plugins/visibility'
import { deliverWebhook, WebhookDeliveries, Webhooks, webhooksPlugin } from '@/plugins/webhooks'
import { editorialPolicyPlugin, forPublicCollections } from '@/policy/editorial'
import { useTranslatorLocales } from '@/policy/translators'

import { ApiKeys } from '../../collections/ApiKeys'
import { Media } from '../../collections/Media'
import { PreviewLinks } from '../../collections/PreviewLinks'
import { RateLimitHits } from '../../collections/RateLimitHits'
import { componentPath } from './components'
import { content } from './content'
import type { PressroomCollectionOverrides, PressroomPluginOptions } from './types'
import { withPressroomUserFields, withUserDefaults } from './users'

export { hardenPayloadCollections } from '../plugins/accessPolicy'
export { type EditorialDeclaration, editorialPolicyPlugin, publicSlugs } from '../policy/editorial'
export type * from './types'

/** One of Pressroom's collections with the host's overrides applied. */
function overridden(
  collection: CollectionConfig,
  overrides: PressroomCollectionOverrides | boolean | undefined,
): CollectionConfig {
  if (!overrides || overrides === true) return collection
  const { admin, fields, group, labels } = overrides
  return {
    ...collection,
    ...(labels ? { labels } : {}),
    admin: { ...collection.admin, ...admin, ...(group ? { group } : {}) },
    fields: fields ? fields({ defaultFields: collection.fields }) : collection.fields,
  }
}

/** The host's own upload collection under Pressroom's file rules. */
function hostMedia(collection: CollectionConfig): CollectionConfig {
  const hasPublic = collection.fields.some((field: Field) => 'name' in field && field.name === 'public')
  const publicField = Media.fields.find((field) => 'name' in field && field.name === 'public')!
  return {
    ...collection,
    custom: { ...collection.custom, pressroom: { public: true } },
    // Payload's templates let anyone read every file; Pressroom's photos of hidden speakers and images of embargoed releases must not be.
    access: { ...collection.access, read: readMedia },
    fields: hasPublic ? collection.fields : [...collection.fields, publicField],
  }
}

/** The dashboard panel, and the translations view with its link when translations are on. */
const componentsOf = ({
  adminViews,
  translations,
}: {
  adminViews: boolean
  translations: boolean
}): { afterNavLinks: string[]; beforeDashboard: string[]; views: Record<string, AdminViewConfig> } => ({
  afterNavLinks: adminViews && translations ? [componentPath('TranslationsNavLink')] : [],
  beforeDashboard: adminViews ? [componentPath('WhatNeedsMe')] : [],
  views:
    adminViews && translations
      ? { translations: { Component: componentPath('TranslationsView'), path: '/translations' } }
      : {},
})

/** Press releases without preview links: the endpoint that opens one goes too. */
const withoutPreviewEndpoint = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'press-releases' && Array.isArray(collection.endpoints)
    ? { ...collection, endpoints: collection.endpoints.filter((endpoint) => endpoint.path !== '/preview') }
    : collection

/**
 * Pressroom in a Payload project: the content model (events, speakers, organisations, press
 * releases, donor notices, projects, media), its editorial policy and workflow, translations,
 * delivery endpoints and feeds, webhooks and the admin views. The host keeps its own config:
 * database, editor, localization (its default locale is the source of every translation), its
 * `users` collection and whatever else it has.
 */
export const pressroomPlugin =
  (options: PressroomPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const features = {
      translations: true,
      webhooks: true,
      apiKeys: true,
      previewLinks: true,
      feeds: true,
      openApi: true,
      adminViews: true,
      ...options.features,
    }
    if (options.access?.roles) useRoleResolver(options.access.roles)
    if (options.access?.translatorLocales) useTranslatorLocales(options.access.translatorLocales)
    if (options.frontend) useFrontend(options.frontend)
    // Translations, translator locales and per-locale publishing all start from the host's locales.
    if (!incoming.localization)
      throw new Error(
        'Pressroom needs `localization` in the Payload config: its default locale is the source of every translation.',
      )
    useHostLocalization(incoming.localization)

    const hostCollections = incoming.collections ?? []
    if (!hostCollections.some((collection) => collection.slug === 'users' && collection.auth)) {
      throw new Error(
        'Pressroom needs an auth collection with the slug "users" for the people who work in the admin panel.',
      )
    }
    const addFields = options.users?.addFields !== false
    const localeCodes = incoming.localization.locales.map((locale) =>
      typeof locale === 'string' ? locale : locale.code,
    )
    const host = hostCollections.map((collection) => {
      if (collection.slug === 'users')
        return withUserDefaults(addFields ? withPressroomUserFields(collection, localeCodes) : collection)
      if (collection.slug === 'media' && options.media?.host) return hostMedia(collection)
      return collection
    })
    if (options.media?.host && !host.some((collection) => collection.slug === 'media' && collection.upload)) {
      throw new Error(
        'Pressroom was told to use the host’s media collection, but there is no upload collection with the slug "media".',
      )
    }

    const enabled = Object.entries(content)
      .filter(([slug]) => options.collections?.[slug as keyof typeof content] !== false)
      .map(([slug, collection]) =>
        overridden(collection as CollectionConfig, options.collections?.[slug as keyof typeof content]),
      )
      .map((collection) => (features.previewLinks ? collection : withoutPreviewEndpoint(collection)))
    const media = options.media?.host ? [] : [overridden(Media as CollectionConfig, options.media)]
    const previewLinks = features.previewLinks ? [PreviewLinks as CollectionConfig] : []
    const admin = [
      ...(features.apiKeys ? [ApiKeys as CollectionConfig] : []),
      ...(features.webhooks ? [Webhooks as CollectionConfig, WebhookDeliveries as CollectionConfig] : []),
      ...(features.translations
        ? [TranslationRecords as CollectionConfig, TranslationImports as CollectionConfig]
        : []),
      // The login and import rate limits' counters, shared by every instance (src/http/rateLimitStore.ts).
      RateLimitHits,
    ]

    const tasks: TaskConfig[] = [
      ...(features.webhooks ? [deliverWebhook] : []),
      ...(features.translations ? [importTranslationsTask] : []),
    ] as TaskConfig[]
    const endpoints: Endpoint[] = [
      ...(features.openApi ? [openApiEndpoint] : []),
      ...(features.translations ? translationEndpoints : []),
      ...(features.feeds ? feedEndpoints : []),
    ]
    const components = componentsOf(features)

    let config: Config = {
      ...incoming,
      admin: {
        ...incoming.admin,
        components: {
          ...incoming.admin?.components,
          afterNavLinks: [...(incoming.admin?.components?.afterNavLinks ?? []), ...components.afterNavLinks],
          beforeDashboard: [...(incoming.admin?.components?.beforeDashboard ?? []), ...components.beforeDashboard],
          views: { ...incoming.admin?.components?.views, ...components.views },
        },
        // Events are entered in their own zone: the picker offers every IANA zone unless the host chose its list.
        timezones: { supportedTimezones: timeZoneOptions(), defaultTimezone: 'UTC', ...incoming.admin?.timezones },
      },
      // Content first, then the host's own, then Pressroom's administrative collections.
      collections: [...enabled, ...media, ...previewLinks, ...host, ...admin],
      endpoints: [...(incoming.endpoints ?? []), ...endpoints],
      jobs: {
        ...incoming.jobs,
        // Over HTTP Payload lets any signed-in principal run, queue or cancel jobs unless told otherwise.
        access: incoming.jobs?.access ?? { cancel: adminOnly, queue: adminOnly, run: adminOnly },
        tasks: [...(incoming.jobs?.tasks ?? []), ...tasks],
      },
    }

    const plugins: Plugin[] = [
      // Before the policy: the meta fields it adds get the translator locks like any other field.
      seoFieldsPlugin,
      // First of the policy: the plugins after it check and extend the access it decides.
      editorialPolicyPlugin,
      accessPolicyPlugin,
      donorVisibilityPlugin,
      relationshipChecksPlugin,
      richTextChecksPlugin,
      // After the SEO block's hook: the Open Graph description is made from rich text, not its HTML.
      richTextHtmlPlugin,
      ...(features.translations ? [translationsPlugin] : []),
      forPublicCollections(publicCachePlugin),
      forPublicCollections(publicQueriesPlugin),
      ...(features.webhooks ? [forPublicCollections(webhooksPlugin)] : []),
      // Before the read model: its hooks purge the public cache after the index and the redirects changed.
      searchPlugin,
      forPublicCollections(redirectsPlugin),
      // Always: the public cache's generations (feeds, public reads, media in use) live in its store.
      forPublicCollections(readModelPlugin),
    ]
    for (const plugin of plugins) config = plugin(config) as Config

    const onInit = config.onInit
    return {
      ...config,
      onInit: async (payload) => {
        // Payload adds its own collections after plugins run: decide their access once they exist.
        hardenPayloadCollections(payload.config)
        await onInit?.(payload)
        if (runsJobsHere() && process.env.NEXT_PHASE !== 'phase-production-build') watchAbandonedJobs(payload)
      },
    }
  }
