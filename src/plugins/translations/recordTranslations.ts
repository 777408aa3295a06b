import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug } from 'payload'

import { defaultLocale, localeCodes } from '@/i18n/localization'

import { deleteLedger, readAllLocales, readLedger, writeLedger } from './ledger'
import { recordSave } from './status'
import { translatableFields } from './units'

/**
 * After a save in a target locale, remembers for each field whose translation changed which
 * source text it was translated from. A save in the source locale records nothing: that is what
 * turns translations stale.
 */
export const recordTranslations: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const saved: (string | undefined)[] = req.locale === 'all' ? localeCodes : [req.locale]
  const locales = saved.filter((locale): locale is string => Boolean(locale) && locale !== defaultLocale)
  if (!locales.length) return doc
  const key = { collection: collection.slug, document: doc.id as number | string }
  const all = await readAllLocales(req, collection.slug as CollectionSlug, key.document)
  const fields = translatableFields(collection.fields, all as unknown as Record<string, unknown>)
  const by = req.user?.collection === 'users' ? req.user.id : null
  const next = recordSave(await readLedger(req, key), fields, defaultLocale, locales, new Date().toISOString(), by)
  if (next) await writeLedger(req, key, next)
  return doc
}

export const forgetTranslations: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await deleteLedger(req, { collection: collection.slug, document: id })
}
