import { APIError, type CollectionBeforeOperationHook, type CollectionSlug } from 'payload'

import { translatesInto } from '@/access/canUpdateContent'
import { checkRole } from '@/access/checkRole'
import { nonLocalizedChanges } from '@/utilities/nonLocalizedChanges'

const forbidden = (message: string) => new APIError(message, 403, null, true)

/**
 * What a translator's update may do, judged on the data actually sent, before anything is
 * written: only their locales, only localized fields, never publish. Each refusal is a 403 that
 * says why.
 */
export const enforceTranslatorRules =
  <S extends CollectionSlug>(): CollectionBeforeOperationHook<S> =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'update' && operation !== 'restoreVersion') return args
    const { user } = req
    if (!user || user.collection !== 'users' || !checkRole(['translator'], user) || checkRole(['admin', 'editor'], user)) return args
    // A version holds every field in every locale, and restoring it may publish.
    if (operation === 'restoreVersion') throw forbidden('Translators cannot restore versions; ask an editor.')
    const translator = user as { locales?: string[] | null }
    const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
    if (!translatesInto(translator, req.locale)) {
      throw forbidden(`You translate into ${translator.locales?.join(', ') || 'no locale yet'}; this change is to "${req.locale}".`)
    }
    if (req.file) throw forbidden('Translators cannot replace files; ask an editor.')
    if (!data) return args
    if (data._status === 'published') throw forbidden('Translators save drafts; an editor publishes them.')
    if (id === undefined || id === null) throw forbidden('Translators change one document at a time.')
    // Without draft=true Payload writes the live document: a translator's save would publish it,
    // and `_status: 'draft'` would unpublish it. A translator's save is always a new draft version.
    if (collection.versions?.drafts) {
      ;(args as { draft?: boolean }).draft = true
      data._status = 'draft'
    }
    const original = await req.payload.findByID({
      collection: collection.slug as CollectionSlug,
      id,
      depth: 0,
      draft: true,
      fallbackLocale: false,
      locale: req.locale,
      overrideAccess: true,
      req,
    })
    // The status is the workflow's, judged above: saving a draft of a published document is allowed.
    const { _status: _ignored, ...fields } = data
    const changed = nonLocalizedChanges(collection.fields, fields, original as unknown as Record<string, unknown>)
    if (changed.length) throw forbidden(`Translators cannot change fields that are the same in every language: ${changed.join(', ')}.`)
    return args
  }
