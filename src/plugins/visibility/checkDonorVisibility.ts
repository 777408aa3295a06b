import {
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { checkItem, type Id, idOf, idsOf, readItem, titleLocales } from '@/plugins/visibility/facts'
import { blockingGaps } from '@/plugins/visibility/gaps'

type Doc = Record<string, unknown> & { id?: Id }

const scopeKey = (slug: string) => `pressroom.publishScope.${slug}`

/**
 * Remembers which locales a publish covers (one, with per-locale publishing, or all), for the
 * check in beforeChange, which Payload does not tell. Runs after `publishOneLocale` decided it.
 */
export const recordPublishScope =
  <S extends CollectionSlug>(): CollectionBeforeOperationHook<S> =>
  ({ args, collection, operation, req }) => {
    if (operation === 'create' || operation === 'update')
      req.context[scopeKey(collection.slug)] =
        (args as { publishSpecificLocale?: string }).publishSpecificLocale ?? 'all'
    return args
  }

/**
 * The locales an item is published in once this write is done: those its published version has
 * a title in, and those this publish adds (the request's locale, or every locale the latest
 * version has a title in when all locales are published).
 */
export async function localesAfterPublish(
  req: PayloadRequest,
  slug: CollectionSlug,
  id: Id | undefined,
  data: Doc,
  scope: string,
): Promise<string[]> {
  const locales = new Set<string>()
  const title = data.title
  if (title && typeof title === 'object') titleLocales(title).forEach((locale) => locales.add(locale))
  else if (typeof title === 'string' && title.trim() && req.locale && req.locale !== 'all') locales.add(req.locale)
  if (id !== undefined) {
    const read = (draft: boolean) => readItem(req, slug, id, draft, { title: true, _status: true })
    const published = await read(false)
    if (published?._status === 'published') titleLocales(published.title).forEach((locale) => locales.add(locale))
    if (scope === 'all') titleLocales((await read(true))?.title).forEach((locale) => locales.add(locale))
    else if (typeof title !== 'string' && !(title && typeof title === 'object')) locales.add(scope)
  }
  return [...locales]
}

/**
 * Publishing an item of a funded project checks its donors' visibility rules: a notice that says
 * "enforce" refuses the publish with a 400 naming each gap; otherwise the publish goes through
 * and the edit view's warning (and `GET /api/{collection}/{id}/visibility`) names the gaps.
 * Drafts and autosaves are never refused.
 */
export const checkDonorVisibility: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (data?._status !== 'published' || (operation !== 'create' && operation !== 'update')) return data
  const from = (field: string) => (field in data ? data[field] : (originalDoc as Doc | undefined)?.[field])
  // An item of no project with no notice of its own has no donor to satisfy: nothing to read.
  if (idOf(from('project')) === undefined && !idsOf(from('donorNotices')).length) return data
  const scope = String(req.context[scopeKey(collection.slug)] ?? 'all')
  // The reads below ask for every locale, and the Local API sets the locale on the request it is
  // given: the write this hook belongs to must go on in its own locale.
  const { locale, fallbackLocale } = req
  let gaps
  try {
    const locales = await localesAfterPublish(
      req,
      collection.slug as CollectionSlug,
      (originalDoc as Doc | undefined)?.id,
      data as Doc,
      scope,
    )
    gaps = (await checkItem(req, { project: idOf(from('project')), noticeIds: idsOf(from('donorNotices')), locales }))
      .gaps
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
  const blocking = blockingGaps(gaps)
  if (blocking.length) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: blocking.map((gap) => ({
          path: 'donorNotices',
          message: `${gap.message} The donor’s rules are enforced: fix this before publishing.`,
        })),
      },
      req.t,
    )
  }
  return data
}
