import type { Access } from 'payload'

import { checkRole } from './checkRole'

type Translator = { locales?: string[] | null }

export const translatesInto = (user: Translator, locale: string | undefined | null): boolean =>
  Boolean(locale && user.locales?.includes(locale))

/**
 * Editors and admins update anything; translators, documents in the locales listed on their
 * account. What a translator may change within them (localized fields, drafts only) is checked
 * against the incoming data by the enforceTranslatorRules hook: Payload also calls this function
 * with a stored document as `data` to decide what the admin panel shows, so it judges nothing in
 * `data` but the status asked for.
 */
export const canUpdateContent: Access = ({ data, req }) => {
  const { user } = req
  if (checkRole(['admin', 'editor'], user)) return true
  if (!user || user.collection !== 'users' || !checkRole(['translator'], user)) return false
  // The admin panel asks with `_status: 'published'` whether to show the Publish button.
  if (data?._status === 'published') return false
  return translatesInto(user as Translator, req.locale)
}
