import type { Endpoint, PayloadRequest } from 'payload'

import { checkRole, staffRoles } from '@/access/checkRole'
import { notYourLocale } from '@/endpoints/request'
import { defaultLocale, isLocaleCode, localeCodes } from '@/i18n/localization'
import { errorResponse, type Problem, validationErrorBody } from '@/utilities/errors'

import { mayTranslate } from './access'
import { exchangeToJson, exportExchange } from './exchange'
import { exchangeFile, type ExchangeFormat, exportFormats, type XliffVersion, xliffVersions } from './files'
import { translationImportEndpoint, translationImportStatusEndpoint } from './importEndpoint'
import { translationStatus } from './report'
import { type FieldState, fieldStates } from './status'
import { translatableSlugs } from './units'

const badRequest = (problems: Problem[]) => Response.json(validationErrorBody(problems), { status: 400 })
const forbidden = (message: string) => errorResponse(403, message)
const unauthorized = () => errorResponse(401, 'Log in, or send an API key, to see translation status.')

// Asked each time: the host's locales are known once pressroomPlugin has read its config.
const targetLocales = () => localeCodes.filter((code) => code !== defaultLocale)

const list = (value: string | null): string[] | undefined =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined

function collectionParam(req: PayloadRequest, problems: Problem[], required: boolean): string[] {
  const value = req.searchParams.get('collection')
  const known = translatableSlugs(req.payload.config)
  if (!value) {
    if (required) problems.push({ path: 'collection', message: `collection is required: one of ${known.join(', ')}.` })
    return known
  }
  if (!known.includes(value))
    problems.push({
      path: 'collection',
      message: `"${value}" is not a collection with translatable fields: use one of ${known.join(', ')}.`,
    })
  return [value]
}

function localeParam(req: PayloadRequest, name: string, problems: Problem[], fallback?: string): string | undefined {
  const value = req.searchParams.get(name) ?? fallback
  if (value === undefined) {
    problems.push({ path: name, message: `${name} is required: one of ${targetLocales().join(', ')}.` })
    return undefined
  }
  if (!isLocaleCode(value))
    problems.push({ path: name, message: `Unknown locale "${value}": use one of ${localeCodes.join(', ')}.` })
  return value
}

/** GET /api/translations/status?collection=&locale=&id=&status=&limit=&page= */
export const translationStatusEndpoint: Endpoint = {
  path: '/translations/status',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return unauthorized()
    const problems: Problem[] = []
    const collections = collectionParam(req, problems, false)
    const locale = req.searchParams.get('locale')
    if (locale === defaultLocale)
      problems.push({
        path: 'locale',
        message: `"${defaultLocale}" is the source language; ask for one of ${targetLocales().join(', ')}.`,
      })
    else if (locale && !isLocaleCode(locale))
      problems.push({
        path: 'locale',
        message: `Unknown locale "${locale}": use one of ${targetLocales().join(', ')}.`,
      })
    const status = req.searchParams.get('status')
    if (status && !fieldStates.includes(status as FieldState))
      problems.push({ path: 'status', message: `status must be one of ${fieldStates.join(', ')}.` })
    if (problems.length) return badRequest(problems)
    const limit = Number(req.searchParams.get('limit') ?? 100)
    const page = Number(req.searchParams.get('page') ?? 1)
    const report = await translationStatus(req, {
      collections,
      locales: locale ? [locale] : targetLocales(),
      id: req.searchParams.get('id') ?? undefined,
      status: (status as FieldState) || undefined,
      limit,
      page,
    })
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** GET /api/translations/export?collection=&ids=&source=en&target=ru&format=xliff|json|po&version=2.0|1.2&status= */
export const translationExportEndpoint: Endpoint = {
  path: '/translations/export',
  method: 'get',
  handler: async (req) => {
    const problems: Problem[] = []
    const [collection] = collectionParam(req, problems, true)
    const source = localeParam(req, 'source', problems, defaultLocale)
    const target = localeParam(req, 'target', problems)
    if (source && target && source === target)
      problems.push({ path: 'target', message: 'target must differ from source.' })
    const format = req.searchParams.get('format') ?? 'xliff'
    if (!exportFormats.includes(format))
      problems.push({ path: 'format', message: `format must be one of ${exportFormats.join(', ')}.` })
    const version = req.searchParams.get('version') ?? '2.0'
    if (!xliffVersions.includes(version))
      problems.push({ path: 'version', message: `version (of XLIFF) must be ${xliffVersions.join(' or ')}.` })
    else if (version !== '2.0' && format !== 'xliff')
      problems.push({ path: 'version', message: 'version is for format=xliff only.' })
    const status = list(req.searchParams.get('status'))
    const wrong = status?.filter((value) => !fieldStates.includes(value as FieldState))
    if (wrong?.length) problems.push({ path: 'status', message: `status must list some of ${fieldStates.join(', ')}.` })
    if (problems.length) return badRequest(problems)
    if (!checkRole(staffRoles, req.user)) return forbidden('Exports are for translators, editors and admins.')
    if (!mayTranslate(req.user, target as string)) return notYourLocale(req, target as string)
    const page = Number(req.searchParams.get('page') ?? 1)
    const exchange = await exportExchange(req, {
      collection,
      ids: list(req.searchParams.get('ids')),
      source: source as string,
      target: target as string,
      status: status as FieldState[],
      page,
    })
    const name = `${collection}.${source}-${target}${page > 1 ? `.${page}` : ''}`
    // 500 documents a file; the headers tell a client to ask for the next page.
    const paging = { 'X-Total-Docs': String(exchange.totalDocs), 'X-Has-Next-Page': String(exchange.hasNextPage) }
    if (format === 'json') {
      return Response.json(exchangeToJson(exchange), {
        headers: {
          ...paging,
          'Cache-Control': 'no-store',
          'Content-Disposition': `attachment; filename="${name}.json"`,
        },
      })
    }
    if (!exchange.documents.some((document) => document.units.length)) {
      return errorResponse(404, 'Nothing to translate: no document matches, or none has source text.')
    }
    const file = exchangeFile(
      { ...exchange, documents: exchange.documents.filter((document) => document.units.length) },
      format as ExchangeFormat,
      version as XliffVersion,
    )
    return new Response(file.text, {
      headers: {
        ...paging,
        'Cache-Control': 'no-store',
        'Content-Type': file.type,
        'Content-Disposition': `attachment; filename="${name}${version === '1.2' ? '.xliff12' : ''}.${file.extension}"`,
      },
    })
  },
}

export const translationEndpoints = [
  translationStatusEndpoint,
  translationExportEndpoint,
  translationImportEndpoint,
  translationImportStatusEndpoint,
]
