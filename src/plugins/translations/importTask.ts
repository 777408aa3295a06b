import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { mayTranslate } from './access'
import { importTranslations } from './importTranslations'
import { type ImportFormat, parseImportText } from './readImport'

// How often, in documents, the progress a status request reads is saved.
const PROGRESS_EVERY = 5

/**
 * Runs one queued import with the access of the person who started it, saving its progress as
 * it goes and, at the end, the report (the file itself is then dropped). A failure is recorded on
 * the import rather than retried: a second run would only find the written units unchanged.
 */
export async function runQueuedImport(payload: Payload, id: number | string): Promise<void> {
  const record = await payload.findByID({ collection: 'translation-imports', id, depth: 0, overrideAccess: true })
  const save = (data: Record<string, unknown>) =>
    payload.update({ collection: 'translation-imports', id, data, depth: 0, overrideAccess: true })
  try {
    const userId = typeof record.user === 'object' ? record.user.id : record.user
    const user = await payload.findByID({
      collection: 'users',
      id: userId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!user) throw new Error('The person who started this import no longer has an account.')
    const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
    await save({ status: 'running' })
    const file = await parseImportText(
      record.format as ImportFormat,
      (record.file as { text?: string } | null)?.text ?? '',
    )
    if (!mayTranslate(req.user, file.target)) throw new Error(`You no longer translate into "${file.target}".`)
    const report = await importTranslations(req, file, {
      force: Boolean(record.force),
      dryRun: Boolean(record.dryRun),
      onProgress: async (done) => {
        if (done > 0 && done % PROGRESS_EVERY === 0 && done < file.documents.length) await save({ done })
      },
    })
    await save({ status: 'done', done: file.documents.length, report, file: null })
  } catch (error) {
    payload.logger.error({ err: error, import: id }, 'A queued translation import failed')
    await save({ status: 'failed', error: error instanceof Error ? error.message : String(error), file: null })
  }
}

export const importTranslationsTask: TaskConfig<'importTranslations'> = {
  slug: 'importTranslations',
  inputSchema: [{ name: 'import', type: 'text', required: true }],
  retries: 0,
  handler: async ({ input, req }) => {
    await runQueuedImport(req.payload, input.import)
    return { output: {} }
  },
}
