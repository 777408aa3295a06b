import type {
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Config,
  Field,
  Plugin,
} from 'payload'
import { seoPlugin } from 'payload-plugin-seo'

import { defaultLocale } from '@/i18n/localization'
import { frontendUrl } from '@/plugins/delivery/frontendUrl'
import { editorialDeclaration } from '@/policy/editorial'
import {
  filledMeta,
  generatedDescription,
  generatedImage,
  generatedTitle,
  openGraphOf,
  type SeoSources,
} from '@/utilities/seo'
import { withHooks } from '@/utilities/withHooks'

const sourcesOf = (collection: Pick<CollectionConfig, 'custom'> | undefined): SeoSources | undefined =>
  collection ? editorialDeclaration(collection)?.seo : undefined

type Doc = Record<string, unknown>

/**
 * Fills what the editor left empty in this locale's meta, so the API has a title, description and
 * image even when nobody pressed "auto-generate". A write in every locale at once (`locale=all`)
 * carries each locale's values and is left as it is.
 */
export const fillMeta =
  (sources: SeoSources): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    if (!data || req.locale === 'all') return data
    const original = (originalDoc ?? {}) as Doc
    // A PATCH may carry only some fields: the sources it leaves out are as stored.
    const merged = {
      ...original,
      ...data,
      meta: { ...(original.meta as Doc | undefined), ...(data.meta as Doc | undefined) },
    }
    const meta = filledMeta(merged, sources)
    return meta ? { ...data, meta } : data
  }

/** Readers get `openGraph` only where they selected it: its field's hook marks it, this fills it in once relations are populated. */
const addOpenGraph =
  (slug: string, sources: SeoSources): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    if (!doc || !('openGraph' in doc)) return doc
    if (!req.locale || req.locale === 'all') return { ...doc, openGraph: null }
    let read = doc as Doc
    const meta = read.meta as Doc | undefined
    // GraphQL populates relationships in its resolvers, after this hook: the image is read here,
    // as the requester (a file they may not read stays out). REST at depth ≥ 1 has it populated.
    if (req.payloadAPI === 'GraphQL' && meta?.image && typeof meta.image !== 'object') {
      const image = await req.payload.findByID({
        collection: 'media',
        id: meta.image as number,
        depth: 0,
        disableErrors: true,
        overrideAccess: false,
        req,
      })
      if (image) read = { ...read, meta: { ...meta, image } }
    }
    return {
      ...doc,
      openGraph: openGraphOf(slug, read, req.locale, sources, req.payload.config.serverURL || 'http://localhost'),
    }
  }

const openGraphField: Field = {
  name: 'openGraph',
  type: 'json',
  virtual: true,
  admin: { hidden: true, readOnly: true },
  // Marks the field as selected; addOpenGraph computes it after population (field hooks run beside it).
  hooks: { afterRead: [() => ({})] },
  typescriptSchema: [
    () => ({
      type: 'object',
      additionalProperties: false,
      required: ['title', 'description', 'url', 'locale', 'type', 'image'],
      properties: {
        title: { type: 'string' },
        description: { type: ['string', 'null'] },
        url: { type: ['string', 'null'] },
        locale: { type: 'string' },
        type: { type: 'string' },
        image: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['url', 'width', 'height', 'alt', 'type'],
              properties: {
                url: { type: 'string' },
                width: { type: ['number', 'null'] },
                height: { type: ['number', 'null'] },
                alt: { type: ['string', 'null'] },
                type: { type: ['string', 'null'] },
              },
            },
          ],
        },
      },
    }),
  ],
}

/**
 * plugin-seo is published up to 3.90.1 only, and Payload refuses to start beside a @payloadcms
 * package of another version: it is installed as `payload-plugin-seo` (package.json, as the SDK
 * is), and its admin components are imported under that name.
 */
const INSTALLED_AS = 'payload-plugin-seo'
const underInstalledName = (field: Field): Field => {
  const component =
    field.admin?.components && 'Field' in field.admin.components ? field.admin.components.Field : undefined
  if (!component || typeof component !== 'object' || !('path' in component) || typeof component.path !== 'string')
    return field
  const path = component.path.replace(/^@payloadcms\/plugin-seo\//, `${INSTALLED_AS}/`)
  return {
    ...field,
    admin: { ...field.admin, components: { ...field.admin!.components, Field: { ...component, path } } },
  } as Field
}

/**
 * Like slugs, meta is made in each locale from that locale's title and summary (on save, or the
 * "auto-generate" buttons): not a unit of its own in XLIFF exports and the translations ledger.
 */
const notTranslated = (field: Field): Field =>
  'name' in field && (field.type === 'text' || field.type === 'textarea')
    ? ({ ...field, custom: { ...field.custom, translatable: false } } as Field)
    : field

type GenerateArgs = { collectionConfig?: Pick<CollectionConfig, 'custom' | 'slug'>; doc: Doc }

/**
 * SEO for every collection that declares `custom.pressroom.seo`: plugin-seo's localized meta title,
 * description and image (with its length hints and "auto-generate" buttons), filled on save when
 * left empty, and an `openGraph` block in reads built from them. Runs before the editorial policy,
 * so the meta fields get the translator locks and the translations ledger like any other.
 */
export const seoFieldsPlugin: Plugin = (config: Config): Config => {
  const collections = (config.collections ?? [])
    .filter((collection) => sourcesOf(collection))
    .map((collection) => collection.slug)
  if (!collections.length) return config
  const withSeo = seoPlugin({
    collections: collections as never,
    uploadsCollection: 'media' as never,
    tabbedUI: false,
    fields: ({ defaultFields }) => defaultFields.map(underInstalledName).map(notTranslated),
    generateTitle: ({ collectionConfig, doc }: GenerateArgs) => generatedTitle(doc, sourcesOf(collectionConfig)!),
    generateDescription: ({ collectionConfig, doc }: GenerateArgs) =>
      generatedDescription(doc, sourcesOf(collectionConfig)!),
    generateImage: ({ collectionConfig, doc }: GenerateArgs) =>
      (generatedImage(doc, sourcesOf(collectionConfig)!) ?? '') as string,
    // The search-result preview shows the page's address on the frontend.
    generateURL: ({ collectionConfig, doc, locale }: GenerateArgs & { locale?: string }) =>
      (collectionConfig && frontendUrl(collectionConfig.slug, doc as { slug?: string }, locale ?? defaultLocale)) || '',
  })(config) as Config
  return {
    ...withSeo,
    collections: (withSeo.collections ?? []).map((collection) => {
      const sources = sourcesOf(collection)
      if (!sources) return collection
      return withHooks(
        { ...collection, fields: [...collection.fields, openGraphField] },
        { beforeChange: [fillMeta(sources)], afterRead: [addOpenGraph(collection.slug, sources)] },
      )
    }),
  }
}
