import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'

type UpdateArgs = {
  data?: { _status?: string }
  publishAllLocales?: boolean
  publishSpecificLocale?: string
  req: { locale?: string | null; payloadAPI?: string }
}

/** The locale a publish over the API should be limited to, or undefined to leave Payload's default. */
export function localeToPublish(args: UpdateArgs): string | undefined {
  const { data, publishAllLocales, publishSpecificLocale, req } = args
  if (data?._status !== 'published' || publishSpecificLocale || publishAllLocales) return undefined
  if (req.payloadAPI === 'local' || !req.locale || req.locale === 'all') return undefined
  return req.locale
}

/**
 * Publishing over REST or GraphQL publishes the locale being edited, not every locale: an editor
 * publishing the English text must not publish a Russian draft a translator saved meanwhile.
 * `publishAllLocales=true` publishes them all. The Local API (seed, scheduled jobs) keeps
 * Payload's behaviour, where a job scheduled without a locale publishes every locale.
 */
export const publishOneLocale =
  <S extends CollectionSlug>(): CollectionBeforeOperationHook<S> =>
  ({ args, operation }) => {
    if (operation !== 'update') return args
    const locale = localeToPublish(args as UpdateArgs)
    return locale ? { ...args, publishSpecificLocale: locale } : args
  }
