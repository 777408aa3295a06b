import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@/payload-types'

/** The first account of an installation administers it: there is nobody else to grant the role. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
