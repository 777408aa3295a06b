import { type FieldHook, ValidationError } from 'payload'

/**
 * A field rule that holds for drafts too (Payload skips `validate` when saving a draft, never a
 * hook): a 400 in Payload's error shape, naming the field's path.
 */
export const refuseOnSave =
  (check: (value: unknown) => true | string): FieldHook =>
  ({ value, path, req, collection }) => {
    const verdict = check(value)
    if (verdict !== true)
      throw new ValidationError(
        { collection: collection?.slug, errors: [{ path: path.join('.'), message: verdict }] },
        req.t,
      )
    return value
  }
