import type { PayloadRequest } from 'payload'

import { translatesInto } from '@/access/canUpdateContent'
import { checkRole } from '@/access/checkRole'

/** Editors and admins translate into every locale; translators into the locales on their account. */
export const mayTranslate = (user: PayloadRequest['user'], locale: string): boolean => {
  if (checkRole(['admin', 'editor'], user)) return true
  return Boolean(user && user.collection === 'users' && checkRole(['translator'], user) && translatesInto(user as { locales?: string[] }, locale))
}

/** The locales, a translator's own first in the order of their account. */
export const ownLocalesFirst = (user: PayloadRequest['user'], locales: string[]): string[] => {
  const own = checkRole(['translator'], user) ? ((user as { locales?: string[] | null }).locales ?? []) : []
  return [...own.filter((locale) => locales.includes(locale)), ...locales.filter((locale) => !own.includes(locale))]
}
