import type { CollectionConfig, Field } from 'payload'

import { roles } from '@/access/checkRole'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf, isAdminOrSelfField } from '@/access/isAdminOrSelf'
import { isStaff } from '@/access/isStaff'

import { componentPath } from './components'
import { makeFirstUserAdmin } from './makeFirstUserAdmin'

/** Admin, editor or translator; only admins grant roles. */
export const rolesField = (): Field => ({
  name: 'roles',
  type: 'select',
  hasMany: true,
  access: { create: isAdminField, update: isAdminField },
  admin: {
    components: { Field: componentPath('SignedInSelectField') },
    description: 'Admins manage users; editors publish; translators work on their locales only.',
  },
  defaultValue: ['editor'],
  options: roles.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
  required: true,
  saveToJWT: true,
})

/** The locales a translator works in, from the host's localization; only admins set them. */
export const translatorLocalesField = (localeCodes: string[]): Field => ({
  name: 'locales',
  type: 'select',
  hasMany: true,
  // The default table name, users_locales, is the one Payload's SQL adapters use for localized fields.
  dbName: 'users_translation_locales',
  access: { create: isAdminField, read: isAdminOrSelfField, update: isAdminField },
  // Hidden where nobody is signed in (the create-first-user form). Optional already, so the condition
  // costs the generated types nothing; `roles` is required, hence its component instead.
  admin: {
    condition: (_data, _siblingData, { user }) => Boolean(user),
    description: 'The languages this person translates into.',
  },
  options: [...localeCodes],
  saveToJWT: true,
})

const hasField = (collection: CollectionConfig, name: string) =>
  collection.fields.some((field) => 'name' in field && field.name === name)

/** The host's people with Pressroom's roles and translator locales, the first account an admin. */
export function withPressroomUserFields(collection: CollectionConfig, localeCodes: string[]): CollectionConfig {
  return {
    ...collection,
    fields: [
      ...collection.fields,
      ...(hasField(collection, 'roles') ? [] : [rolesField()]),
      ...(hasField(collection, 'locales') ? [] : [translatorLocalesField(localeCodes)]),
    ],
    hooks: { ...collection.hooks, beforeChange: [makeFirstUserAdmin, ...(collection.hooks?.beforeChange ?? [])] },
  }
}

/**
 * Access for the host's people where it decided none: Payload's default lets any signed-in
 * account change any other, which a translator must not. Staff read each other's names (the
 * "Created by" of a document), never another's e-mail address: Payload merges this `email` into
 * its own auth field. What the host decided stays.
 */
export const withUserDefaults = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  access: { create: isAdmin, delete: isAdmin, read: isStaff, update: isAdminOrSelf, ...collection.access },
  fields: hasField(collection, 'email')
    ? collection.fields
    : [
        ...collection.fields,
        { name: 'email', type: 'email', access: { read: isAdminOrSelfField }, admin: { components: { Field: false } } },
      ],
})
