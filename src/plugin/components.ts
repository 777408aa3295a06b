/** Set to true by scripts/build-plugin.mjs in the package's build; undefined when Pressroom runs from its source. */
declare const PRESSROOM_PACKAGE: boolean | undefined

type Component =
  | 'EventZoneDateField'
  | 'SignedInSelectField'
  | 'TranslationPanel'
  | 'TranslationsNavLink'
  | 'TranslationsView'
  | 'VisibilityWarning'
  | 'WhatNeedsMe'

const source: Record<Component, string> = {
  EventZoneDateField: '/collections/Events/components/EventZoneDateField#EventZoneDateField',
  SignedInSelectField: '/src/plugin/SignedInSelectField#SignedInSelectField',
  TranslationPanel: '/src/plugins/translations/components/TranslationPanel#TranslationPanel',
  TranslationsNavLink: '/src/plugins/translations/components/TranslationsView/NavLink#TranslationsNavLink',
  TranslationsView: '/src/plugins/translations/components/TranslationsView#TranslationsView',
  VisibilityWarning: '/src/plugins/visibility/components/VisibilityWarning#VisibilityWarning',
  WhatNeedsMe: '/src/components/WhatNeedsMe#WhatNeedsMe',
}

/**
 * Where the import map finds an admin component: the source files, relative to the import map's
 * `baseDir`, for this repository; the package's `pressroom/client` (client components) and
 * `pressroom/rsc` (server components) once installed elsewhere.
 */
export const componentPath = (name: Component): string => {
  if (typeof PRESSROOM_PACKAGE === 'undefined' || !PRESSROOM_PACKAGE) return source[name]
  return `${name === 'TranslationPanel' || name === 'VisibilityWarning' || name === 'EventZoneDateField' || name === 'SignedInSelectField' ? 'pressroom/client' : 'pressroom/rsc'}#${name}`
}
