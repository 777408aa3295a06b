// The package's `pressroom/rsc`: the admin's server components.
export { TranslationsView } from './TranslationsView'
export { TranslationsNavLink } from './TranslationsView/NavLink'
export { WhatNeedsMe } from './WhatNeedsMe'
