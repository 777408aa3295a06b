import type { PayloadRequest } from 'payload'

import { queryProblems } from '@/http/validateQuery'
import { defaultLocale, type LocaleCode } from '@/i18n/localization'

/** A 400 in Payload's error shape when the query parameters are impossible, else undefined. */
export function refuseBadQuery(req: PayloadRequest): Response | undefined {
  const problems = queryProblems(Object.fromEntries(req.searchParams))
  if (!problems.length) return undefined
  return Response.json({ errors: [{ name: 'QueryError', message: problems.map((p) => p.message).join(' '), data: problems }] }, { status: 400 })
}

/** The requested locale (already checked by refuseBadQuery), for endpoints that serve one language. */
export const requestedLocale = (req: PayloadRequest): LocaleCode => (req.searchParams.get('locale') ?? defaultLocale) as LocaleCode

export const notFound = (): Response => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
