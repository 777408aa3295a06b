import { type Access, APIError, type CollectionSlug } from 'payload'

import { nonLocalizedChanges } from '@/utilities/nonLocalizedChanges'

import { checkRole } from './checkRole'

type Translator = { locales?: string[] | null }

export const translatesInto = (user: Translator, locale: string | undefined | null): boolean =>
  Boolean(locale && user.locales?.includes(locale))

const forbidden = (message: string) => new APIError(message, 403, null, true)

/**
 * Editors and admins update anything. Translators update only the localized fields, only in the
 * locales listed on their account, and never publish: their work stays a draft for an editor.
 * Each refusal is a 403 that says why, before anything is written.
 */
export const canUpdateContent =
  (slug: CollectionSlug): Access =>
  async ({ req, id, data }) => {
    const { user } = req
    if (checkRole(['admin', 'editor'], user)) return true
    if (!user || user.collection !== 'users' || !checkRole(['translator'], user)) return false
    const translator = user as Translator
    // Without data this is the admin panel asking what to show: a translator may edit, in their locales.
    if (!data) return translatesInto(translator, req.locale)
    if (!translatesInto(translator, req.locale)) {
      throw forbidden(`You translate into ${translator.locales?.join(', ') || 'no locale yet'}; this change is to "${req.locale}".`)
    }
    if (data._status === 'published') throw forbidden('Translators save drafts; an editor publishes them.')
    if (id !== undefined && id !== null) {
      const original = await req.payload.findByID({
        collection: slug,
        id,
        depth: 0,
        draft: true,
        fallbackLocale: false,
        locale: req.locale,
        overrideAccess: true,
        req,
      })
      const changed = nonLocalizedChanges(req.payload.collections[slug].config.fields, data, original as unknown as Record<string, unknown>)
      if (changed.length) throw forbidden(`Translators cannot change fields that are the same in every language: ${changed.join(', ')}.`)
    }
    return true
  }
