import slugify from '@sindresorhus/slugify'
import { type CheckboxField, type FieldHook, slugField, type TextField } from 'payload'

import { refuseOnSave } from './refuseOnSave'
import { requiredText } from './validate'

type Options = {
  /** The field the slug is generated from. */
  useAsSlug?: string
}

/** Letters of Kazakh, Kyrgyz and Tajik Cyrillic that the transliterator's Russian table lacks. */
const centralAsianLetters: [string, string][] = [
  ['Ә', 'A'],
  ['ә', 'a'],
  ['Ғ', 'Gh'],
  ['ғ', 'gh'],
  ['Қ', 'Q'],
  ['қ', 'q'],
  ['Ң', 'Ng'],
  ['ң', 'ng'],
  ['Ө', 'O'],
  ['ө', 'o'],
  ['Ұ', 'U'],
  ['ұ', 'u'],
  ['Ү', 'U'],
  ['ү', 'u'],
  ['Һ', 'H'],
  ['һ', 'h'],
  ['І', 'I'],
  ['і', 'i'],
  ['Ӣ', 'I'],
  ['ӣ', 'i'],
  ['Ӯ', 'U'],
  ['ӯ', 'u'],
  ['Ҳ', 'H'],
  ['ҳ', 'h'],
  ['Ҷ', 'J'],
  ['ҷ', 'j'],
]

export const toSlug = (value: string): string => slugify(value, { customReplacements: centralAsianLetters })

/**
 * Payload's own slug field, localized (unique per locale) and transliterating Cyrillic,
 * so a title written in Russian, Tajik, Kazakh or Kyrgyz still yields a readable URL.
 */
export const localizedSlug = ({ useAsSlug = 'title' }: Options = {}) =>
  slugField({
    localized: true,
    // Required in English only (validate below): a locale not yet translated falls back to it.
    required: false,
    useAsSlug,
    slugify: ({ valueToSlugify }) => slugOf(valueToSlugify),
    overrides: (row) => {
      const [checkbox, slug] = row.fields as [CheckboxField, TextField]
      return {
        ...row,
        fields: [
          checkbox,
          {
            ...slug,
            hooks: {
              ...slug.hooks,
              beforeValidate: [fillMissingSlug(useAsSlug), refuseOnSave(validateSlugCharacters)],
            },
            validate: requiredText,
            custom: { ...slug.custom, translatable: false },
          },
        ],
      }
    },
  })

/**
 * Editors may type a slug by hand. It ends up in URLs and download file names (a header), where a
 * line break or other control character would break out, so none is accepted, drafts included.
 */
export const validateSlugCharacters = (value: unknown): true | string =>
  typeof value === 'string' && /[\p{Cc}]/u.test(value)
    ? 'A slug cannot contain control characters (a line break, tab or other invisible character); use letters, digits and hyphens.'
    : true

const slugOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? toSlug(value) : undefined

/**
 * Payload generates a slug on create only; a locale added later (the Russian title of an English
 * event) would otherwise be left without one and fail the required check.
 */
const fillMissingSlug =
  (useAsSlug: string): FieldHook =>
  ({ value, data, originalDoc }) =>
    value || slugOf(data?.[useAsSlug]) || slugOf(originalDoc?.[useAsSlug]) || value
