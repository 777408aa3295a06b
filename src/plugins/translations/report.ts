import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { readsDrafts } from '@/access/checkRole'
import { defaultLocale } from '@/i18n/localization'

import { readLedgers } from './ledger'
import { type Counts, countStates, documentState, type FieldState, type FieldStatus, fieldStatus } from './status'
import { isEmpty, toSegments, translatableFields } from './units'

export type LocaleStatus = { status: FieldState; published: boolean; counts: Counts; fields: FieldStatus[] }
export type DocumentStatus = {
  collection: string
  id: number | string
  title: string
  updatedAt?: string
  locales: Record<string, LocaleStatus>
}
export type StatusReport = {
  source: string
  locales: string[]
  totals: Record<string, Record<FieldState, number> & { documents: number }>
  collections: Record<string, { totalDocs: number; page: number; totalPages: number; hasNextPage: boolean }>
  documents: DocumentStatus[]
}

export type StatusQuery = {
  collections: string[]
  locales: string[]
  id?: string
  status?: FieldState
  limit: number
  page: number
}

type Doc = Record<string, unknown> & { id: number | string }

const titleOf = (doc: Doc, field: string | undefined): string => {
  const value = field ? doc[field] : undefined
  if (value && typeof value === 'object') {
    const localized = value as Record<string, unknown>
    return String(localized[defaultLocale] ?? Object.values(localized).find(Boolean) ?? doc.id)
  }
  return String(value ?? doc.id)
}

/**
 * Translation status of the documents the requester may read, per locale and per field. Staff
 * see the latest drafts; everyone else the published versions. `published` says whether the
 * locale has published content: the published version carries text in that locale.
 */
export async function translationStatus(req: PayloadRequest, query: StatusQuery): Promise<StatusReport> {
  const report: StatusReport = {
    source: defaultLocale,
    locales: query.locales,
    totals: {},
    collections: {},
    documents: [],
  }
  for (const locale of query.locales) report.totals[locale] = { documents: 0, missing: 0, stale: 0, translated: 0 }
  for (const slug of query.collections) {
    const config = req.payload.collections[slug as CollectionSlug].config
    const versioned = Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts)
    const where: Where | undefined = query.id ? { id: { equals: query.id } } : undefined
    const result = await req.payload.find({
      collection: slug as CollectionSlug,
      depth: 0,
      draft: readsDrafts(req.user),
      limit: query.limit,
      locale: 'all',
      overrideAccess: false,
      page: query.page,
      req,
      sort: '-updatedAt',
      where,
    })
    report.collections[slug] = {
      totalDocs: result.totalDocs,
      page: result.page ?? 1,
      totalPages: result.totalPages,
      hasNextPage: result.hasNextPage,
    }
    const docs = result.docs as unknown as Doc[]
    const ids = docs.map((doc) => doc.id)
    const ledgers = await readLedgers(req, slug, ids)
    const published = versioned ? await publishedVersions(req, slug as CollectionSlug, ids) : undefined
    for (const doc of docs) {
      const fields = translatableFields(config.fields, doc)
      const ledger = ledgers.get(String(doc.id)) ?? {}
      const live = published ? published.get(String(doc.id)) : doc
      const liveFields = live ? translatableFields(config.fields, live) : []
      const locales: Record<string, LocaleStatus> = {}
      for (const locale of query.locales) {
        const statuses = fields
          .map((field) => fieldStatus(field, defaultLocale, locale, ledger[locale]?.[field.path]))
          .filter((status): status is FieldStatus => Boolean(status))
        const counts = countStates(statuses)
        const isPublished =
          Boolean(live) &&
          (!versioned || live?._status === 'published') &&
          liveFields.some((field) => !isEmpty(toSegments(field.kind, field.values[locale]).segments))
        locales[locale] = { status: documentState(counts), published: isPublished, counts, fields: statuses }
      }
      if (query.status && !Object.values(locales).some((cell) => cell.status === query.status)) continue
      for (const [locale, cell] of Object.entries(locales)) {
        const totals = report.totals[locale]
        totals.documents += 1
        totals[cell.status] += 1
      }
      report.documents.push({
        collection: slug,
        id: doc.id,
        title: titleOf(doc, config.admin?.useAsTitle),
        updatedAt: doc.updatedAt as string | undefined,
        locales,
      })
    }
  }
  return report
}

async function publishedVersions(
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: (number | string)[],
): Promise<Map<string, Doc>> {
  if (!ids.length) return new Map()
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    draft: false,
    locale: 'all',
    overrideAccess: true,
    pagination: false,
    req,
    where: { id: { in: ids } },
  })
  return new Map((docs as unknown as Doc[]).map((doc) => [String(doc.id), doc]))
}
