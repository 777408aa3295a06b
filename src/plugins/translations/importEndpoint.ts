import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { checkRole, staffRoles } from '@/access/checkRole'
import { absentIfRefused, notYourLocale } from '@/endpoints/request'
import { defaultLocale } from '@/i18n/localization'
import { errorResponse, type Problem, validationErrorBody } from '@/utilities/errors'

import { mayTranslate } from './access'
import { importTranslations } from './importTranslations'
import { ImportLimitError, type ImportLimits, importLimits } from './limits'
import { poToExchange } from './po'
import { type ImportFormat, localeProblems, parseImportText, sniffFormat } from './readImport'
import { ExchangeFileError } from './xliff'

const refuse = (status: number, problems: Problem[]) =>
  Response.json(validationErrorBody(problems), { status, headers: { 'Cache-Control': 'no-store' } })
const forbidden = (message: string) => errorResponse(403, message)

const XML_TYPES = ['application/xml', 'text/xml', 'application/xliff+xml', 'application/x-xliff+xml']
const PO_TYPES = ['text/x-gettext-translation', 'text/x-po', 'application/x-po', 'application/x-gettext']

const tooLarge = (limits: ImportLimits, bytes: number) =>
  new ImportLimitError('bytes', limits.bytes, `The import is ${bytes.toLocaleString('en')} bytes.`, 'file')

const checked = (text: string, limits: ImportLimits): string => {
  const bytes = Buffer.byteLength(text)
  if (bytes > limits.bytes) throw tooLarge(limits, bytes)
  return text
}

/** The file's text and format. The express middleware has already cut bodies at the byte limit; this holds without it. */
async function readImportBody(
  req: PayloadRequest,
  limits: ImportLimits,
): Promise<{ format: ImportFormat; text: string }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim()
  if (type === 'application/json')
    return { format: 'json', text: checked(await (req as unknown as Request).text(), limits) }
  if (XML_TYPES.includes(type))
    return { format: 'xliff', text: checked(await (req as unknown as Request).text(), limits) }
  if (PO_TYPES.includes(type)) return { format: 'po', text: checked(await (req as unknown as Request).text(), limits) }
  if (type.startsWith('multipart/')) {
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file) throw new ExchangeFileError('Send the file (XLIFF or PO) in a form field named "file".')
    if (file.data.length > limits.bytes) throw tooLarge(limits, file.data.length)
    const text = Buffer.from(file.data).toString('utf8')
    return { format: sniffFormat(text, file.name), text }
  }
  throw new ExchangeFileError(
    'Send XLIFF 2.0 or 1.2 (multipart field "file", or an application/xliff+xml body), gettext PO (the same field, or a text/x-gettext-translation body) or the JSON exchange (application/json).',
  )
}

const statusUrl = (id: number | string) => `/api/translations/import/${id}`

/**
 * POST /api/translations/import?force=true&dryRun=true — XLIFF 2.0 or 1.2, PO (multipart or raw) or JSON.
 * Up to `queueAbove` documents the report is the answer; a larger file is queued (202).
 */
export const translationImportEndpoint: Endpoint = {
  path: '/translations/import',
  method: 'post',
  handler: async (req) => {
    if (!checkRole(staffRoles, req.user)) return forbidden('Imports are for translators, editors and admins.')
    const limits = importLimits()
    let body: { format: ImportFormat; text: string }
    let file: Awaited<ReturnType<typeof parseImportText>>
    try {
      body = await readImportBody(req, limits)
      file = await parseImportText(body.format, body.text, limits)
    } catch (error) {
      if (error instanceof ImportLimitError) return refuse(error.status, [{ path: error.path, message: error.message }])
      if (!(error instanceof ExchangeFileError)) throw error
      return refuse(400, [
        {
          path: error.where.unit ?? error.where.file ?? (error.where.line ? `line ${error.where.line}` : 'file'),
          message: error.message,
        },
      ])
    }
    const problems = localeProblems(file)
    if (problems.length) return refuse(400, problems)
    if (!mayTranslate(req.user, file.target)) return notYourLocale(req, file.target)
    const flag = (name: string) => ['1', 'true', 'yes'].includes(req.searchParams.get(name) ?? '')
    const options = { force: flag('force'), dryRun: flag('dryRun') }
    if (file.documents.length > limits.queueAbove) {
      // The queue keeps XLIFF and JSON; a PO file is kept as the JSON exchange it reads as (the same units).
      const kept =
        body.format === 'po'
          ? { format: 'json' as const, text: JSON.stringify(await poToExchange(body.text, defaultLocale, limits)) }
          : { format: body.format, text: body.text }
      const record = await req.payload.create({
        collection: 'translation-imports',
        data: {
          user: req.user?.id as number,
          status: 'queued',
          format: kept.format,
          ...options,
          documents: file.documents.length,
          file: { text: kept.text },
        },
        depth: 0,
        overrideAccess: true,
      })
      await req.payload.jobs.queue({
        task: 'importTranslations',
        input: { import: String(record.id) },
        queue: 'default',
      })
      const url = statusUrl(record.id)
      return Response.json(
        {
          id: record.id,
          status: 'queued',
          documents: file.documents.length,
          statusUrl: url,
          message: `${file.documents.length} documents: the import runs on the jobs queue; ask ${url} for its progress and report.`,
        },
        { status: 202, headers: { 'Cache-Control': 'no-store', Location: url } },
      )
    }
    const report = await importTranslations(req, file, options)
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** GET /api/translations/import/{id}: a queued import's progress, and its report once done. */
export const translationImportStatusEndpoint: Endpoint = {
  path: '/translations/import/:id',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'Log in to follow an import.')
    const id = String(req.routeParams?.id ?? '')
    const record = /^[A-Za-z0-9]{1,24}$/.test(id)
      ? await absentIfRefused(
          req.payload.findByID({
            collection: 'translation-imports',
            id,
            depth: 0,
            overrideAccess: false,
            req,
            select: { file: false },
          }),
        )
      : undefined
    if (!record) return errorResponse(404, `No import ${id} that you started.`)
    return Response.json(
      {
        id: record.id,
        status: record.status,
        progress: { documents: record.documents, done: record.done ?? 0 },
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        ...(record.status === 'done' ? { report: record.report } : {}),
        ...(record.status === 'failed' ? { error: record.error } : {}),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
