import type { CollectionSlug, PayloadRequest } from 'payload'

import { checkQuery } from '@/http/validateQuery'
import { defaultLocale, type LocaleCode } from '@/i18n/localization'
import { badQuery, errorResponse } from '@/utilities/errors'

/** A 400 in Payload's error shape when the query parameters are impossible, else undefined. */
export function refuseBadQuery(req: PayloadRequest): Response | undefined {
  const collection = typeof req.routeParams?.collection === 'string' ? req.routeParams.collection : undefined
  const problems = checkQuery(req.url ?? '', collection ? { payload: req.payload, route: { collection } } : undefined)
  if (!problems.length) return undefined
  return badQuery(problems)
}

/** The requested locale (already checked by refuseBadQuery), for endpoints that serve one language. */
export const requestedLocale = (req: PayloadRequest): LocaleCode =>
  (req.searchParams.get('locale') ?? defaultLocale) as LocaleCode

export { notFound } from '@/utilities/errors'

/** The one answer a translator gets for a locale that is not theirs, from every translation route. */
export const notYourLocale = (req: PayloadRequest, locale: string): Response =>
  errorResponse(
    403,
    `You translate into ${(req.user as { locales?: string[] }).locales?.join(', ') || 'no locale yet'}, not "${locale}".`,
  )

/** Undefined for "not found" and "not allowed"; any other failure is an error and propagates. */
export const absentIfRefused = <T>(read: Promise<T>): Promise<T | undefined> =>
  read.catch((error: unknown) => {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404) return undefined
    throw error
  })

/** One document of the route's `:id`, read with the requester's own access, in the requested locale. */
export const readRouteDocument = (req: PayloadRequest, collection: CollectionSlug, depth: number) =>
  absentIfRefused(
    req.payload.findByID({
      collection,
      id: req.routeParams?.id as string,
      depth,
      locale: requestedLocale(req),
      overrideAccess: false,
      req,
    }),
  )
