import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { componentPath } from '@/plugin/components'
import { withHooks } from '@/utilities/withHooks'

import { forgetTranslations, recordTranslations } from './recordTranslations'
import { hasTranslatableFields } from './units'

export { translationEndpoints } from './endpoints'
export { importTranslationsTask } from './importTask'
export { TranslationImports } from './TranslationImports'
export { TranslationRecords } from './TranslationRecords'

/** On each edit view: the fields missing or stale in the locale being edited. */
const panel: Field = {
  name: 'translationPanel',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: componentPath('TranslationPanel') } },
}

const withTranslations = (collection: CollectionConfig): CollectionConfig =>
  withHooks(
    { ...collection, fields: [...collection.fields, panel] },
    { afterChange: [recordTranslations], afterDelete: [forgetTranslations] },
  )

/** Keeps the translation ledger of every collection that has translatable fields. */
export const translationsPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== 'translation-records' && hasTranslatableFields(collection.fields)
      ? withTranslations(collection)
      : collection,
  ),
})
