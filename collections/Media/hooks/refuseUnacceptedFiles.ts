import { type CollectionBeforeOperationHook, type CollectionSlug, ValidationError } from 'payload'

const names: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/avif': 'AVIF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
}

/** The message for a file of a type the collection does not take, or undefined when it is accepted. */
export function unacceptedFileMessage(mimeType: string | undefined, accepted: string[]): string | undefined {
  if (!mimeType || accepted.includes(mimeType)) return undefined
  const list = accepted.map((type) => names[type] ?? type)
  const what = mimeType === 'image/svg+xml' ? 'SVG files (they can carry scripts)' : `Files of type ${mimeType}`
  return `${what} are not accepted: upload ${list.slice(0, -1).join(', ')} or ${list.at(-1)}.`
}

/**
 * Says which types are accepted before Payload's own check, whose message ("Invalid MIME type")
 * leaves an editor guessing. Payload still sniffs the content, so a renamed file is refused too.
 */
export const refuseUnacceptedFiles =
  <S extends CollectionSlug>(accepted: string[]): CollectionBeforeOperationHook<S> =>
  ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const message = unacceptedFileMessage(req.file?.mimetype, accepted)
    if (message) throw new ValidationError({ collection: collection.slug, errors: [{ message, path: 'file' }] }, req.t)
    return args
  }
