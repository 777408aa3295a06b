import { stringify } from 'csv-stringify/sync'
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { releasedWhere } from '@/access/publishedAndNotEmbargoed'
import { publishedWhere } from '@/access/publishedOnly'
import { defaultLocale } from '@/i18n/localization'
import { frontendUrl } from '@/plugins/delivery/frontendUrl'

import { asRequester, checkItem, type Id, idsOf, loadNotices, projectNoticeIds, titleLocales } from './facts'
import type { VisibilityGap, VisibilityRules } from './gaps'

type Localized = Record<string, string | null | undefined>

export type ReportItem = {
  collection: 'events' | 'press-releases'
  id: Id
  title: string
  titles: Localized
  startDate?: string | null
  endDate?: string | null
  releaseDate?: string | null
  firstPublishedAt: string | null
  updatedAt: string | null
  locales: string[]
  urls: Record<string, string>
  /** Every donor notice of the project is attached to the item (and published). */
  noticePresent: boolean
  /** Every notice that applies to the item has an emblem. */
  emblemPresent: boolean
  gaps: Omit<VisibilityGap, 'noticeName'>[]
}

export type VisibilityReport = {
  project: { id: Id; title: string; slug: string | null }
  generatedAt: string
  notices: { id: Id; name: string; emblem: boolean; visibility: VisibilityRules | null }[]
  items: ReportItem[]
  summary: { items: number; withGaps: number }
}

type Doc = Record<string, unknown> & { id: Id }

const inDefault = (value: unknown): string => {
  if (value && typeof value === 'object') {
    const localized = value as Localized
    return String(localized[defaultLocale] ?? Object.values(localized).find(Boolean) ?? '')
  }
  return typeof value === 'string' ? value : ''
}

/** What the public reads of each kind of item: the same rules as their access functions give anonymous readers. */
const publicWhere: Record<ReportItem['collection'], () => Where> = {
  events: () => publishedWhere,
  'press-releases': () => releasedWhere(),
}

const selected = {
  events: { title: true, slug: true, startDate: true, endDate: true, donorNotices: true, updatedAt: true },
  'press-releases': { title: true, slug: true, releaseDate: true, donorNotices: true, updatedAt: true },
} as const

async function firstPublishedAt(req: PayloadRequest, collection: CollectionSlug, id: Id): Promise<string | null> {
  const { docs } = await req.payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    req,
  })
  return (docs[0]?.createdAt as string | undefined) ?? null
}

/**
 * A grant's evidence pack: every item of the project the public can read now (published events;
 * published press releases past their embargo), in the languages it is published in, with its
 * pages on the frontend and what it lacks under the donors' rules as they stand today. Read
 * with the requester's own access: the endpoint lets only editors and admins ask, and the
 * `where` decides that no draft, unpublished or embargoed item is listed. Undefined for a
 * project the requester cannot read.
 */
export async function visibilityReport(req: PayloadRequest, projectId: Id): Promise<VisibilityReport | undefined> {
  const project = (await req.payload.findByID({
    collection: 'projects',
    id: projectId,
    select: { title: true, slug: true },
    locale: defaultLocale,
    depth: 0,
    draft: true,
    disableErrors: true,
    overrideAccess: false,
    req,
  })) as Doc | null
  if (!project) return undefined
  const noticeIds = await projectNoticeIds(req, project.id)
  const notices = await loadNotices(req, noticeIds)
  const items: ReportItem[] = []
  for (const collection of ['events', 'press-releases'] as const) {
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ project: { equals: project.id } }, publicWhere[collection]()] },
      select: selected[collection],
      sort: collection === 'events' ? 'startDate' : 'releaseDate',
      draft: false,
      pagination: false,
      ...asRequester(req),
    })
    for (const doc of docs as unknown as Doc[]) {
      const locales = titleLocales(doc.title)
      const carried = idsOf(doc.donorNotices)
      const { gaps, projectNotices, itemNotices } = await checkItem(req, {
        project: project.id,
        noticeIds: carried,
        locales,
      })
      const applying = [...projectNotices, ...itemNotices]
      const slugs = (doc.slug ?? {}) as Localized
      const urls: Record<string, string> = {}
      for (const locale of locales) {
        const url = frontendUrl(collection, { slug: slugs[locale] }, locale)
        if (url) urls[locale] = url
      }
      items.push({
        collection,
        id: doc.id,
        title: inDefault(doc.title),
        titles: doc.title as Localized,
        ...(collection === 'events'
          ? { startDate: doc.startDate as string, endDate: doc.endDate as string }
          : { releaseDate: doc.releaseDate as string }),
        firstPublishedAt: await firstPublishedAt(req, collection, doc.id),
        updatedAt: (doc.updatedAt as string | undefined) ?? null,
        locales,
        urls,
        noticePresent: !gaps.some((gap) => gap.rule === 'notice') && applying.length > 0,
        emblemPresent: applying.length > 0 && applying.every((notice) => notice.emblem),
        gaps: gaps.map(({ noticeName: _name, ...gap }) => gap),
      })
    }
  }
  return {
    project: {
      id: project.id,
      title: inDefault(project.title),
      slug: typeof project.slug === 'string' ? project.slug : null,
    },
    generatedAt: new Date().toISOString(),
    notices: notices.map((notice) => ({
      id: notice.id,
      name: notice.name,
      emblem: Boolean(notice.emblem),
      visibility: notice.visibility ?? null,
    })),
    items,
    summary: { items: items.length, withGaps: items.filter((item) => item.gaps.length).length },
  }
}

export const reportColumns = [
  'collection',
  'id',
  'locale',
  'title',
  'url',
  'startDate',
  'endDate',
  'releaseDate',
  'firstPublishedAt',
  'noticePresent',
  'emblemPresent',
  'gaps',
] as const

/**
 * The report as CSV (RFC 4180, by csv-stringify): one row per item and published language.
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) are escaped.
 */
export function reportToCsv(report: VisibilityReport): string {
  const rows = report.items.flatMap((item) =>
    (item.locales.length ? item.locales : ['']).map((locale) => ({
      collection: item.collection,
      id: item.id,
      locale,
      title: (locale && item.titles?.[locale]) || item.title,
      url: item.urls[locale] ?? '',
      startDate: item.startDate ?? '',
      endDate: item.endDate ?? '',
      releaseDate: item.releaseDate ?? '',
      firstPublishedAt: item.firstPublishedAt ?? '',
      noticePresent: item.noticePresent ? 'yes' : 'no',
      emblemPresent: item.emblemPresent ? 'yes' : 'no',
      gaps: item.gaps
        .filter((gap) => !gap.locale || gap.locale === locale)
        .map((gap) => gap.message)
        .join(' | '),
    })),
  )
  return stringify(rows, {
    header: true,
    columns: [...reportColumns],
    escape_formulas: true,
    record_delimiter: 'windows',
  })
}
