import { serverOnlyCollection } from '@/utilities/serverOnlyCollection'

export const SNAPSHOTS = 'public-snapshots'

/**
 * The published read model: per public document, locale and depth, the JSON Payload answers the
 * public, rendered once, with the fields public lists filter and sort on beside it. Written and
 * read only by the server (the read-model plugin), through Payload's db adapter.
 */
export const PublicSnapshots = serverOnlyCollection({
  slug: SNAPSHOTS,
  fields: [
    { name: 'collection', type: 'text', required: true, index: true },
    { name: 'document', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'depth', type: 'number', required: true },
    // The answer as Payload gives it, serialized (sent as bytes, never parsed); empty until rendered.
    { name: 'body', type: 'textarea' },
    { name: 'stale', type: 'checkbox', defaultValue: true, index: true },
    // Changed by every invalidation: a render keeps its result only if the token is still the one it read.
    { name: 'token', type: 'text' },
    // |collection:id| of every document the answer embeds or depends on.
    { name: 'deps', type: 'textarea' },
    // |path:id| of every relationship the document holds, for filters by organisation, event, project…
    { name: 'refs', type: 'textarea' },
    // The answer may change at this moment without a write (an embargo linked to it lifts).
    { name: 'expiresAt', type: 'date' },
    { name: 'docCreatedAt', type: 'date' },
    { name: 'docUpdatedAt', type: 'date' },
    { name: 'startDate', type: 'date' },
    { name: 'endDate', type: 'date' },
    { name: 'releaseDate', type: 'date' },
    { name: 'embargoUntil', type: 'date' },
    { name: 'slug', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'eventType', type: 'text' },
  ],
  indexes: [
    { fields: ['collection', 'locale', 'depth', 'startDate'] },
    { fields: ['collection', 'locale', 'depth', 'releaseDate'] },
    { fields: ['collection', 'locale', 'depth', 'docCreatedAt'] },
    { fields: ['collection', 'document', 'locale', 'depth'], unique: true },
  ],
})

export const SNAPSHOT_DEPS = 'public-snapshot-deps'

/**
 * Which stored documents embed which others, one row per pair, indexed by the embedded one: a
 * write finds the snapshots it makes stale with one index lookup (a `contains` over the snapshots'
 * `deps` read every stored answer, twice per save, so a write's cost grew with the store).
 */
export const PublicSnapshotDeps = serverOnlyCollection({
  slug: SNAPSHOT_DEPS,
  fields: [
    // `collection:id` of the embedded document.
    { name: 'dep', type: 'text', required: true, index: true },
    { name: 'collection', type: 'text', required: true },
    { name: 'document', type: 'text', required: true },
  ],
  indexes: [{ fields: ['collection', 'document'] }],
})
