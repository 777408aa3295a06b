import { type Config, type Field, type FieldHook, type Plugin, ValidationError } from 'payload'

import { validateEditorState } from '@/fields/validators'
import { mapLeafFields } from '@/utilities/mapFields'

// A hook rather than `validate`: Payload skips validation for drafts, and a draft with a string
// for rich text breaks the editor just the same.
const checkEditorState: FieldHook = ({ value, path, req, collection }) => {
  const verdict = validateEditorState(value)
  if (verdict !== true) throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message: verdict }] }, req.t)
  return value
}

const withCheck = (field: Field): Field =>
  field.type === 'richText' ? { ...field, hooks: { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), checkEditorState] } } : field

/** Refuses rich text that is not an editor state, with a 400 naming the field, drafts included. */
export const richTextChecksPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({ ...collection, fields: mapLeafFields(collection.fields, withCheck) })),
})
