import type { Config, Field, Plugin } from 'payload'

import { validateRichTextLinks } from '@/fields/linkUrl'
import { refuseOnSave } from '@/fields/refuseOnSave'
import { validateEditorState } from '@/fields/validators'
import { mapLeafFields } from '@/utilities/mapFields'

// A hook rather than `validate`: Payload skips validation for drafts, and a draft with a string
// for rich text breaks the editor just the same; a javascript: link runs in a preview as well.
const checkEditorState = refuseOnSave((value) => {
  const shape = validateEditorState(value)
  return shape === true ? validateRichTextLinks(value) : shape
})

const withCheck = (field: Field): Field =>
  field.type === 'richText'
    ? {
        ...field,
        hooks: { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), checkEditorState] },
      }
    : field

/**
 * Refuses rich text that is not an editor state, or links to a scheme other than http, https,
 * mailto or tel, with a 400 naming the field, drafts included.
 */
export const richTextChecksPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    fields: mapLeafFields(collection.fields, withCheck),
  })),
})
