import {
  type Access,
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type Field,
  type FieldAccess,
  type PayloadRequest,
} from 'payload'

import { checkRole } from '@/access/checkRole'
import { nonLocalizedChanges } from '@/utilities/nonLocalizedChanges'

/**
 * The translator rules, in one place: a translator is a signed-in person (never an API key) whose
 * roles include translator and neither editor nor admin. They work in the locales listed on their
 * account, on localized fields only, and save drafts that an editor publishes. The access
 * function, the field locks, the write hook and the translation workflow all ask here.
 */

type Principal = PayloadRequest['user']
type Translator = { locales?: string[] | null }

type LocalesResolver = (user: Record<string, unknown>) => readonly string[] | null | undefined

const localesField: LocalesResolver = (user) => (user as Translator).locales
let localesOf: LocalesResolver = localesField

/** Where a translator's locales come from: the `locales` field, unless a host maps its own (pressroomPlugin's `access.translatorLocales`). */
export const useTranslatorLocales = (resolve: LocalesResolver | undefined): void => {
  localesOf = resolve ?? localesField
}

/** True when the account lists the locale among those its holder translates into. */
export const translatesInto = (user: Translator, locale: string | undefined | null): boolean =>
  Boolean(locale && localesOf(user as Record<string, unknown>)?.includes(locale))

/** Editors and admins, who are never held to the translator rules whatever else they hold. */
export const isEditorial = (user: Principal | undefined): boolean => checkRole(['admin', 'editor'], user)

/** A person held to the translator rules. */
export const isTranslator = (user: Principal | undefined): boolean =>
  Boolean(user && user.collection === 'users' && checkRole(['translator'], user) && !isEditorial(user))

/** The locales a translator works in; empty for everyone else. */
export const translatorLocales = (user: Principal | undefined): string[] =>
  checkRole(['translator'], user) ? [...(localesOf(user as unknown as Record<string, unknown>) ?? [])] : []

/** Editors and admins translate into every locale; translators into the locales on their account. */
export const mayTranslate = (user: Principal, locale: string): boolean =>
  isEditorial(user) || (isTranslator(user) && translatesInto(user as Translator, locale))

/** The locales, a translator's own first in the order of their account. */
export const ownLocalesFirst = (user: Principal, locales: string[]): string[] => {
  const own = translatorLocales(user)
  return [...own.filter((locale) => locales.includes(locale)), ...locales.filter((locale) => !own.includes(locale))]
}

/**
 * Editors and admins update anything; translators, documents in the locales listed on their
 * account. What a translator may change within them (localized fields, drafts only) is checked
 * against the incoming data by enforceTranslatorRules: Payload also calls this function with a
 * stored document as `data` to decide what the admin panel shows, so it judges nothing in `data`
 * but the status asked for.
 */
export const canUpdateContent: Access = ({ data, req }) => {
  const { user } = req
  if (isEditorial(user)) return true
  if (!isTranslator(user)) return false
  // The admin panel asks with `_status: 'published'` whether to show the Publish button.
  if (data?._status === 'published') return false
  return translatesInto(user as Translator, req.locale)
}

const notTranslator: FieldAccess = ({ req: { user } }) => !isTranslator(user)

/**
 * Makes every non-localized field read-only for translators, so the admin panel shows it
 * locked and no write path can change it. Localized fields, and containers that hold them, stay open.
 */
export function lockForTranslators(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'localized' in tab && tab.localized ? tab : { ...tab, fields: lockForTranslators(tab.fields) },
        ),
      }
    }
    if ('localized' in field && field.localized) return field
    if (field.type === 'join' || field.type === 'ui') return field
    if (
      'fields' in field &&
      (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array')
    ) {
      return { ...field, fields: lockForTranslators(field.fields) } as Field
    }
    if (!('name' in field)) return field
    const existing = field.access?.update
    const update: FieldAccess = existing ? async (args) => (await notTranslator(args)) && existing(args) : notTranslator
    return { ...field, access: { ...field.access, update } } as Field
  })
}

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
    if (!isTranslator(user)) return args
    // A version holds every field in every locale, and restoring it may publish.
    if (operation === 'restoreVersion') throw forbidden('Translators cannot restore versions; ask an editor.')
    const translator = user as Translator
    const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
    if (!translatesInto(translator, req.locale)) {
      throw forbidden(
        `You translate into ${translatorLocales(user).join(', ') || 'no locale yet'}; this change is to "${req.locale}".`,
      )
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
    if (changed.length)
      throw forbidden(`Translators cannot change fields that are the same in every language: ${changed.join(', ')}.`)
    return args
  }
