// The package's `pressroom/rsc`: the admin's server components.
export { TranslationsNavLink } from './TranslationsView/NavLink'
export { TranslationsView } from './TranslationsView'
export { WhatNeedsMe } from './WhatNeedsMe'
