import './index.css'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { checkRole, staffRoles } from '@/access/checkRole'
import { defaultLocale, locales } from '@/i18n/localization'

import { ownLocalesFirst } from '../../access'
import { translationStatus } from '../../report'
import { type FieldState, fieldStates } from '../../status'
import { translatableSlugs } from '../../units'
import { wordsFor } from './words'

/** A mark beside each status word, so the status is read from its shape too, not from the cell's colour. */
const statusMark: Record<FieldState, string> = { missing: '✗', stale: '!', translated: '✓' }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

const exportFormats = [
  { label: 'XLIFF 2.0', query: 'format=xliff' },
  { label: 'XLIFF 1.2', query: 'format=xliff&version=1.2' },
  { label: 'PO (gettext)', query: 'format=po' },
  { label: 'JSON', query: 'format=json' },
]

/**
 * /admin/translations: documents × languages, each cell the document's status in that language,
 * linking to its edit view there. Read with the viewer's own access; a translator's languages
 * come first.
 */
export async function TranslationsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const admin = payload.config.routes.admin
  if (!user || !checkRole(staffRoles, user))
    redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/translations`)}`)
  const t = wordsFor(i18n.language)

  const slugs = translatableSlugs(payload.config)
  const targetCodes = ownLocalesFirst(
    user,
    locales.map((l) => l.code).filter((code) => code !== defaultLocale),
  )
  const wantedCollection = first(searchParams?.collection)
  const wantedLocale = first(searchParams?.locale)
  const wantedStatus = first(searchParams?.status)
  const collections = wantedCollection && slugs.includes(wantedCollection) ? [wantedCollection] : slugs
  const shown = wantedLocale && targetCodes.includes(wantedLocale) ? [wantedLocale] : targetCodes
  const status = fieldStates.includes(wantedStatus as FieldState) ? (wantedStatus as FieldState) : undefined
  const report = await translationStatus(req, { collections, locales: shown, status, limit: 200, page: 1 })
  const label = (code: string) => locales.find((l) => l.code === code)?.label ?? code
  // Files for translators' tools, for one collection and language at a time (the filters above).
  const exportCollection = wantedCollection && slugs.includes(wantedCollection) ? wantedCollection : undefined
  const exportLocale = wantedLocale && targetCodes.includes(wantedLocale) ? wantedLocale : undefined
  const exportUrl = (collection: string, target: string, query: string) =>
    `${payload.config.routes.api}/translations/export?collection=${collection}&source=${defaultLocale}&target=${target}${status ? `&status=${status}` : ''}&${query}`
  const collectionLabel = (slug: string) => {
    const plural = payload.collections[slug as keyof typeof payload.collections]?.config.labels?.plural
    return typeof plural === 'string' ? plural : slug
  }

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter className="translations-view">
        <h1>{t.title}</h1>
        <p className="translations-view__intro">{t.intro}</p>
        <form className="translations-view__filters" method="get">
          <label>
            {t.collection}{' '}
            <select name="collection" defaultValue={wantedCollection ?? ''}>
              <option value="">{t.all}</option>
              {slugs.map((slug) => (
                <option key={slug} value={slug}>
                  {collectionLabel(slug)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.locale}{' '}
            <select name="locale" defaultValue={wantedLocale ?? ''}>
              <option value="">{t.all}</option>
              {targetCodes.map((code) => (
                <option key={code} value={code}>
                  {label(code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.status}{' '}
            <select name="status" defaultValue={status ?? ''}>
              <option value="">{t.all}</option>
              {fieldStates.map((state) => (
                <option key={state} value={state}>
                  {t[state]}
                </option>
              ))}
            </select>
          </label>
          <button className="btn btn--style-secondary btn--size-small" type="submit">
            {t.apply}
          </button>
        </form>
        <p className="translations-view__export" data-export>
          {t.export}{' '}
          {exportCollection && exportLocale
            ? exportFormats.map((file, index) => (
                <React.Fragment key={file.label}>
                  {index > 0 ? ' · ' : null}
                  <a href={exportUrl(exportCollection, exportLocale, file.query)} download>
                    {file.label}
                  </a>
                </React.Fragment>
              ))
            : t.exportChoose}
        </p>
        <table className="translations-view__grid">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.document}</th>
              {shown.map((code) => (
                <th key={code} scope="col" data-locale={code}>
                  {label(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.documents.map((document) => (
              <tr key={`${document.collection}/${document.id}`} data-document={`${document.collection}/${document.id}`}>
                <th scope="row">
                  <a href={`${admin}/collections/${document.collection}/${document.id}`}>{document.title}</a>
                  <span className="translations-view__collection"> · {collectionLabel(document.collection)}</span>
                </th>
                {shown.map((code) => {
                  const cell = document.locales[code]
                  return (
                    <td
                      key={code}
                      className={`translations-view__cell translations-view__cell--${cell.status}`}
                      data-locale={code}
                      data-status={cell.status}
                    >
                      <a href={`${admin}/collections/${document.collection}/${document.id}?locale=${code}`}>
                        <span aria-hidden="true" className="translations-view__mark">
                          {statusMark[cell.status]}
                        </span>
                        {t[cell.status]} ({cell.counts.translated}/{cell.counts.total})
                      </a>
                      <span className="translations-view__published">
                        {cell.published ? t.published : t.notPublished}
                      </span>
                    </td>
                  )
                })}
              </tr>
            ))}
            {report.documents.length === 0 ? (
              <tr>
                <td colSpan={shown.length + 1}>{t.none}</td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.totals}</th>
              {shown.map((code) => {
                const totals = report.totals[code]
                return (
                  <td key={code} data-locale={code} className="translations-view__totals">
                    {fieldStates.map((state) => (
                      <span key={state} data-status={state}>
                        {t[state]}: {totals[state]}{' '}
                      </span>
                    ))}
                  </td>
                )
              })}
            </tr>
          </tfoot>
        </table>
      </Gutter>
    </DefaultTemplate>
  )
}
