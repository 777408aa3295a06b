import type { CollectionSlug, PayloadRequest } from 'payload'

import { type NoticeFacts, type VisibilityGap, visibilityGaps, type VisibilityRules } from './gaps'

export type Id = number | string

/** The id of a relationship value, populated or not. */
export const idOf = (value: unknown): Id | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}

export const idsOf = (value: unknown): Id[] =>
  Array.isArray(value) ? value.map(idOf).filter((id): id is Id => id !== undefined) : []

/** The locales a title read with `locale: 'all'` has text in: the languages an item exists in. */
export const titleLocales = (title: unknown): string[] =>
  title && typeof title === 'object'
    ? Object.entries(title as Record<string, unknown>)
        .filter(([, text]) => typeof text === 'string' && text.trim())
        .map(([locale]) => locale)
    : []

/**
 * How every check reads: as the requester (staff, or the jobs queue as the public), in every
 * locale, relations as ids. What the donor's rules judge is then what that reader would see.
 */
export const asRequester = (req: PayloadRequest) => ({ locale: 'all' as const, depth: 0, overrideAccess: false, req })

/** Fields of an item, its latest draft or what is published; null when the requester cannot read it. */
export const readItem = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: Id,
  draft: boolean,
  select: Record<string, true>,
): Promise<(Record<string, unknown> & { id?: Id }) | null> =>
  (await req.payload.findByID({
    collection,
    id,
    select: select as never,
    draft,
    disableErrors: true,
    ...asRequester(req),
  })) as (Record<string, unknown> & { id?: Id }) | null

type NoticeDoc = {
  id: Id
  name?: string
  statement?: Record<string, string>
  disclaimer?: Record<string, string>
  emblem?: unknown
  visibility?: VisibilityRules
}

/**
 * The published versions of the notices, every locale, with their emblems' pixel sizes: what
 * the public sees of them is what the donor's rules judge. Read with the requester's access
 * (staff, or the jobs queue as the public), so a draft notice counts as absent.
 */
export async function loadNotices(req: PayloadRequest, ids: Id[]): Promise<NoticeFacts[]> {
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection: 'donor-notices',
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
    select: { name: true, statement: true, disclaimer: true, emblem: true, visibility: true },
    draft: false,
    pagination: false,
    ...asRequester(req),
  })
  const notices = docs as unknown as NoticeDoc[]
  const emblemIds = notices.map((notice) => idOf(notice.emblem)).filter((id): id is Id => id !== undefined)
  const emblems = emblemIds.length
    ? (
        await req.payload.find({
          collection: 'media',
          where: { id: { in: emblemIds } },
          select: { width: true, height: true },
          depth: 0,
          pagination: false,
          overrideAccess: false,
          req,
        })
      ).docs
    : []
  const sizes = new Map(emblems.map((media) => [String(media.id), { width: media.width, height: media.height }]))
  const byId = new Map(notices.map((notice) => [String(notice.id), notice]))
  // In the order asked for, so that messages come in the order the editor attached the notices.
  return ids.flatMap((id) => {
    const notice = byId.get(String(id))
    if (!notice) return []
    const emblem = idOf(notice.emblem)
    return [
      {
        id: notice.id,
        name: notice.name ?? String(notice.id),
        statement: notice.statement ?? {},
        disclaimer: notice.disclaimer ?? {},
        emblem: emblem === undefined ? null : (sizes.get(String(emblem)) ?? null),
        visibility: notice.visibility ?? null,
      },
    ]
  })
}

/** The donor notices a project carries, as ids; none when the requester cannot read it. */
export async function projectNoticeIds(req: PayloadRequest, project: Id | undefined): Promise<Id[]> {
  if (project === undefined) return []
  const doc = await req.payload.findByID({
    collection: 'projects',
    id: project,
    select: { donorNotices: true },
    depth: 0,
    draft: false,
    disableErrors: true,
    overrideAccess: false,
    req,
  })
  return idsOf(doc?.donorNotices)
}

export type ItemCheck = { project?: Id; noticeIds: Id[]; locales: string[] }

export type CheckResult = { gaps: VisibilityGap[]; projectNotices: NoticeFacts[]; itemNotices: NoticeFacts[] }

/** The visibility gaps of one item, from its project, its notices and its locales. */
export async function checkItem(req: PayloadRequest, item: ItemCheck): Promise<CheckResult> {
  const projectIds = await projectNoticeIds(req, item.project)
  const wanted = new Map<string, Id>()
  for (const id of [...projectIds, ...item.noticeIds]) wanted.set(String(id), id)
  const all = await loadNotices(req, [...wanted.values()])
  const byId = new Map(all.map((notice) => [String(notice.id), notice]))
  // A project's notice that is not published is missing all the same: the public sees none.
  const projectNotices = projectIds.map((id) => byId.get(String(id)) ?? missingNotice(id))
  const itemNotices = item.noticeIds.flatMap((id) => byId.get(String(id)) ?? [])
  return {
    gaps: visibilityGaps(
      { locales: item.locales, noticeIds: item.noticeIds.filter((id) => byId.has(String(id))) },
      projectNotices,
      itemNotices,
    ),
    projectNotices,
    itemNotices,
  }
}

// The project names a notice the public cannot read (a draft): it cannot be carried, and has no rules to check.
const missingNotice = (id: Id): NoticeFacts => ({
  id,
  name: `#${id} (not published)`,
  statement: {},
  disclaimer: {},
  emblem: null,
  visibility: null,
})
