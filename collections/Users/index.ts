import type { CollectionConfig } from 'payload'

import { roles } from '@/access/checkRole'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { localeCodes } from '@/i18n/localization'

import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { requireStrongPassword } from './hooks/requireStrongPassword'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  access: {
    // The first user is created through the create-first-user screen, before anyone can log in.
    create: isAdmin,
    delete: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles', 'locales'],
    group: 'Admin',
    useAsTitle: 'name',
  },
  auth: {
    // HttpOnly always (Payload's default); Secure wherever the site is served over HTTPS in production.
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' && !process.env.SERVER_URL?.startsWith('http://') },
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
    beforeOperation: [requireStrongPassword],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      access: { create: isAdminField, update: isAdminField },
      admin: { description: 'Admins manage users; editors publish; translators work on their locales only.' },
      defaultValue: ['editor'],
      options: roles.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      required: true,
      saveToJWT: true,
    },
    {
      name: 'locales',
      type: 'select',
      hasMany: true,
      // The default table name, users_locales, is the one Payload's SQL adapters use for localized fields.
      dbName: 'users_translation_locales',
      access: { create: isAdminField, update: isAdminField },
      admin: { description: 'The languages this person translates into.' },
      options: [...localeCodes],
      saveToJWT: true,
    },
  ],
  timestamps: true,
}
