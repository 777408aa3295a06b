// npm run translations -- status|export|import …: batches of translation work from a shell.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import cliProgress from 'cli-progress'
import { createLocalReq, getPayload } from 'payload'

import { loadEnvironment } from '@/loadEnvironment'

const usage = `Usage:
  npm run translations -- status [--collection events] [--locale ru]
  npm run translations -- export --target ru [--source en] [--collection events] [--ids 1,2] [--status missing,stale] [--format xliff|json|po] [--version 2.0|1.2] [--out translations/]
  npm run translations -- import FILE… [--force] [--dry-run]
Every command acts as a user (--as e-mail; the oldest admin by default), with that user's access.`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string' },
    collection: { type: 'string' },
    locale: { type: 'string' },
    source: { type: 'string', default: 'en' },
    target: { type: 'string' },
    ids: { type: 'string' },
    status: { type: 'string' },
    format: { type: 'string', default: 'xliff' },
    version: { type: 'string', default: '2.0' },
    out: { type: 'string', default: 'translations' },
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
})
const [command, ...files] = positionals
if (values.help || !['status', 'export', 'import'].includes(command ?? '')) {
  console.log(usage)
  process.exit(values.help ? 0 : 2)
}

loadEnvironment()
process.env.JOBS_AUTORUN = 'false'
const { default: config } = await import('../../../payload.config')
const { translatableSlugs } = await import('./units')
const { exchangeToJson, exportExchange } = await import('./exchange')
const { parseImportText, sniffFormat } = await import('./readImport')
const { exchangeFile, exportFormats, xliffVersions } = await import('./files')
const { ImportLimitError } = await import('./limits')
const { importTranslations } = await import('./importTranslations')
const { mayTranslate } = await import('./access')
const { translationStatus } = await import('./report')
const { ExchangeFileError } = await import('./xliff')
const { defaultLocale, localeCodes } = await import('@/i18n/localization')

const payload = await getPayload({ config })
const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}
const bar = (label: string) =>
  new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {unit}`,
      hideCursor: true,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  )

try {
  const { docs: users } = await payload.find({
    collection: 'users',
    where: values.as ? { email: { equals: values.as } } : { roles: { contains: 'admin' } },
    sort: 'createdAt',
    limit: 1,
    overrideAccess: true,
    depth: 0,
  })
  const user =
    users[0] ?? fail(values.as ? `No user ${values.as}.` : 'No admin yet: create the first user, or pass --as.')
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const known = translatableSlugs(payload.config)
  if (values.collection && !known.includes(values.collection))
    fail(`"${values.collection}" has nothing to translate: use one of ${known.join(', ')}.`)
  const collections = values.collection ? [values.collection] : known
  const targets = localeCodes.filter((code) => code !== defaultLocale)

  if (command === 'status') {
    const locales = values.locale ? [values.locale] : targets
    if (values.locale && !targets.includes(values.locale as never))
      fail(`Unknown target locale "${values.locale}": use one of ${targets.join(', ')}.`)
    const progress = bar('Reading')
    progress.start(collections.length, 0, { unit: 'collections' })
    const totals: Record<string, Record<string, number>> = {}
    for (const collection of collections) {
      for (let page = 1; ; page += 1) {
        const report = await translationStatus(req, { collections: [collection], locales, limit: 200, page })
        for (const [locale, counts] of Object.entries(report.totals)) {
          totals[locale] ??= { documents: 0, missing: 0, stale: 0, translated: 0 }
          for (const [key, value] of Object.entries(counts)) totals[locale][key] += value
        }
        if (!report.collections[collection]?.hasNextPage) break
      }
      progress.increment()
    }
    progress.stop()
    console.log('| locale | documents | translated | stale | missing |\n| --- | --- | --- | --- | --- |')
    for (const [locale, t] of Object.entries(totals))
      console.log(`| ${locale} | ${t.documents} | ${t.translated} | ${t.stale} | ${t.missing} |`)
  }

  if (command === 'export') {
    const target = values.target ?? fail('export needs --target (one of ' + targets.join(', ') + ').')
    if (!targets.includes(target as never)) fail(`Unknown target locale "${target}".`)
    if (!mayTranslate(req.user, target)) fail(`${user.email} does not translate into ${target}.`)
    if (!exportFormats.includes(values.format)) fail(`--format must be one of ${exportFormats.join(', ')}.`)
    if (!xliffVersions.includes(values.version)) fail(`--version (of XLIFF) must be ${xliffVersions.join(' or ')}.`)
    mkdirSync(values.out, { recursive: true })
    for (const collection of collections) {
      const progress = bar(collection)
      let done = 0
      for (let page = 1; ; page += 1) {
        const exchange = await exportExchange(req, {
          collection,
          ids: values.ids?.split(','),
          source: values.source,
          target,
          status: values.status?.split(',') as never,
          limit: 100,
          page,
        })
        if (page === 1) progress.start(exchange.totalDocs, 0, { unit: 'documents' })
        done += exchange.documents.length
        progress.update(done)
        const documents = exchange.documents.filter((document) => document.units.length)
        if (documents.length) {
          const base = path.join(values.out, `${collection}.${values.source}-${target}${page > 1 ? `.${page}` : ''}`)
          if (values.format === 'json')
            writeFileSync(`${base}.json`, JSON.stringify(exchangeToJson({ ...exchange, documents }), null, 2))
          else {
            const file = exchangeFile(
              { ...exchange, documents },
              values.format as 'xliff' | 'po',
              values.version as '2.0' | '1.2',
            )
            writeFileSync(
              `${base}${values.format === 'xliff' && values.version === '1.2' ? '.xliff12' : ''}.${file.extension}`,
              file.text,
            )
          }
        }
        if (!exchange.hasNextPage) break
      }
      progress.stop()
    }
    console.log(`Written to ${values.out}/`)
  }

  if (command === 'import') {
    if (!files.length) fail('import needs one or more files.')
    const summary = { applied: 0, unchanged: 0, stale: 0, rejected: 0 }
    const problems: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      let parsed
      try {
        parsed = await parseImportText(sniffFormat(text, file), text)
      } catch (error) {
        if (error instanceof ExchangeFileError || error instanceof ImportLimitError)
          fail(`${file}: ${error.message} Nothing was written.`)
        throw error
      }
      if (!mayTranslate(req.user, parsed.target) || parsed.target === defaultLocale)
        fail(`${file}: ${user.email} cannot import into "${parsed.target}".`)
      const progress = bar(path.basename(file))
      progress.start(parsed.documents.length, 0, { unit: 'documents' })
      for (const document of parsed.documents) {
        const report = await importTranslations(
          req,
          { ...parsed, documents: [document] },
          { force: values.force, dryRun: values['dry-run'] },
        )
        for (const [key, value] of Object.entries(report.summary)) summary[key as keyof typeof summary] += value
        for (const unit of report.units)
          if (unit.result === 'stale' || unit.result === 'rejected')
            problems.push(`${unit.document} ${unit.unit}: ${unit.result} — ${unit.reason}`)
        progress.increment()
      }
      progress.stop()
    }
    console.log(
      `${values['dry-run'] ? 'Dry run: ' : ''}${summary.applied} applied, ${summary.unchanged} unchanged, ${summary.stale} stale, ${summary.rejected} rejected.`,
    )
    for (const problem of problems) console.log(`  ${problem}`)
  }
} finally {
  await payload.destroy()
}
process.exit(0)
