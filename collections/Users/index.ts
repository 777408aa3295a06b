import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isStaff } from '@/access/isStaff'

import { notifyPasswordChanged } from './hooks/notifyPasswordChanged'
import { refuseResetWithoutEmail } from './hooks/refuseResetWithoutEmail'
import { requireStrongPassword } from './hooks/requireStrongPassword'

// pressroomPlugin adds the roles and translator locales fields, and makes the first account an admin.
export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  access: {
    // The first user is created through the create-first-user screen, before anyone can log in.
    create: isAdmin,
    delete: isAdmin,
    // Staff see each other's names, e.g. who changed a document; pressroomPlugin keeps e-mail addresses to admins and their owner.
    read: isStaff,
    update: isAdminOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles', 'locales'],
    group: 'Admin',
    useAsTitle: 'name',
  },
  auth: {
    // HttpOnly always (Payload's default); Secure wherever the site is served over HTTPS in production.
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production' && !process.env.SERVER_URL?.startsWith('http://'),
    },
    // Payload's own interval between two reset mails to one account reserves it with a write made
    // outside the request's open transaction, which SQLite (one writer) can only make after that
    // transaction ends: the request waited for itself. The rate limit per client address on
    // /api/users/forgot-password (LOGIN_RATE_LIMIT) bounds resets instead.
    forgotPassword: { minRequestInterval: 0 },
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  hooks: {
    afterOperation: [notifyPasswordChanged],
    beforeOperation: [refuseResetWithoutEmail, requireStrongPassword],
  },
  fields: [{ name: 'name', type: 'text', required: true }],
  timestamps: true,
}
