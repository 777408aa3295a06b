import type { ServerProps } from 'payload'
import React from 'react'

import { wordsFor } from './words'

/** A link to /admin/translations under the collections in the navigation. */
export function TranslationsNavLink({ i18n, payload }: ServerProps) {
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}/translations`} id="nav-translations">
      <span className="nav__link-label">{wordsFor(i18n?.language).nav}</span>
    </a>
  )
}
