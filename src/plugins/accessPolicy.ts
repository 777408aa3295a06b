import type { Access, CollectionConfig, Config, Endpoint, Plugin, SanitizedConfig, Where } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { isStaffUser } from '@/access/isStaffUser'
import { nobody } from '@/access/nobody'
import { errorResponse } from '@/utilities/errors'

/** The operations every collection must decide for itself; Payload's default for an unset one lets any signed-in principal in, API keys included. */
export const decidedOperations = ['create', 'read', 'update', 'delete'] as const

/**
 * Fills in what Payload would otherwise default to "any authenticated principal": version history
 * for staff only (it holds drafts and embargoed text), unlocking an account and entering the admin
 * panel for admins and staff. A collection that leaves create, read, update or delete undecided is
 * a configuration error, so a new collection cannot ship open by accident.
 */
export const accessPolicyPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection): CollectionConfig => {
    const undecided = decidedOperations.filter((operation) => !collection.access?.[operation])
    if (undecided.length)
      throw new Error(`Collection "${collection.slug}" must decide access for: ${undecided.join(', ')}.`)
    return {
      ...collection,
      access: {
        ...(collection.versions ? { readVersions: isStaff } : { readVersions: nobody }),
        ...(collection.auth ? { unlock: isAdmin, admin: isStaffUser } : {}),
        ...collection.access,
      },
    }
  }),
})

/** Payload's preference rule (one's own rows), for people only. */
const ownPreferences: Access = ({ req: { user } }): boolean | Where =>
  Boolean(user && user.collection === 'users') && {
    and: [{ 'user.value': { equals: user!.id } }, { 'user.relationTo': { equals: 'users' } }],
  }

const forPeopleOnly =
  (handler: Endpoint['handler']): Endpoint['handler'] =>
  (req) =>
    req.user?.collection === 'users' ? handler(req) : errorResponse(403, 'Only people signed in keep preferences.')

/** Access for the collections Payload adds itself, which exist only after sanitization. */
const internal: Record<string, CollectionConfig['access']> = {
  // Who is editing what: staff need it in the admin panel; nobody else learns which drafts exist.
  'payload-locked-documents': {
    create: isStaffUser,
    read: isStaffUser,
    update: isStaffUser,
    delete: isStaffUser,
    readVersions: nobody,
  },
  'payload-preferences': {
    create: ownPreferences,
    read: ownPreferences,
    update: ownPreferences,
    delete: ownPreferences,
    readVersions: nobody,
  },
  'payload-jobs': { create: nobody, read: nobody, update: nobody, delete: nobody, readVersions: nobody },
  // Payload's key-value store (its own caches): server-side only.
  'payload-kv': { create: nobody, read: nobody, update: nobody, delete: nobody, readVersions: nobody },
  'payload-migrations': { create: isAdmin, read: isAdmin, update: isAdmin, delete: isAdmin, readVersions: nobody },
}

const hardened = new WeakSet<SanitizedConfig>()

/**
 * Decides every operation of Payload's own collections. Applied to the sanitized config, since
 * Payload adds these collections after plugins have run; one it adds in a later version that is
 * not listed here stops the server until someone decides.
 */
export function hardenPayloadCollections(config: SanitizedConfig): SanitizedConfig {
  // pressroomPlugin applies it on init as well, for hosts that do not call it on their config.
  if (hardened.has(config)) return config
  hardened.add(config)
  for (const collection of config.collections) {
    const access = internal[collection.slug]
    if (!access && collection.slug.startsWith('payload-'))
      throw new Error(`Payload added "${collection.slug}": decide its access in src/plugins/accessPolicy.ts.`)
    if (access) Object.assign(collection.access, access)
    // Payload's own preference endpoints (`/:key`) write through the adapter, past any access rule.
    if (collection.slug === 'payload-preferences' && Array.isArray(collection.endpoints)) {
      collection.endpoints = collection.endpoints.map((endpoint) => ({
        ...endpoint,
        handler: forPeopleOnly(endpoint.handler),
      }))
    }
  }
  return config
}
