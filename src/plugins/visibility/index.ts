import {
  type CollectionConfig,
  type CollectionSlug,
  type Config,
  type Field,
  flattenTopLevelFields,
  type Plugin,
} from 'payload'

import { componentPath } from '@/plugin/components'
import { checkDonorVisibility, recordPublishScope } from '@/plugins/visibility/checkDonorVisibility'
import { visibilityCheckEndpoint, visibilityReportEndpoint } from '@/plugins/visibility/endpoints'
import { withHooks } from '@/utilities/withHooks'

/** In the edit view's sidebar: what the donors' visibility rules still want of this item. */
const warning: Field = {
  name: 'visibilityWarning',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: componentPath('VisibilityWarning') } },
}

const relatesTo = (collection: CollectionConfig, name: string, target: string) =>
  flattenTopLevelFields(collection.fields).some(
    (field) => 'name' in field && field.name === name && field.type === 'relationship' && field.relationTo === target,
  )

/** An item that can belong to a funded project: it names a project and carries donor notices. */
export const isProjectItem = (collection: CollectionConfig): boolean =>
  relatesTo(collection, 'project', 'projects') && relatesTo(collection, 'donorNotices', 'donor-notices')

const withCheck = (collection: CollectionConfig): CollectionConfig =>
  withHooks(
    {
      ...collection,
      endpoints: [
        ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
        visibilityCheckEndpoint(collection.slug as CollectionSlug),
      ],
      fields: [...collection.fields, warning],
    },
    { beforeOperation: [recordPublishScope()], beforeChange: [checkDonorVisibility] },
  )

const withReport = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), visibilityReportEndpoint],
})

/**
 * Donor visibility: every collection whose items belong to a project and carry donor notices
 * (events, press releases) is checked against its donors' rules when published, and shows the
 * gaps in its edit view; projects answer the grant's evidence pack. Runs after the editorial
 * policy, so the publish scope it records is the one per-locale publishing decided.
 */
export const donorVisibilityPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    if (collection.slug === 'projects') return withReport(collection)
    return isProjectItem(collection) ? withCheck(collection) : collection
  }),
})
