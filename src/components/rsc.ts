// The package's `pressroom/rsc`: the admin's server components.
export { TranslationsView } from '../plugins/translations/components/TranslationsView'
export { TranslationsNavLink } from '../plugins/translations/components/TranslationsView/NavLink'
export { WhatNeedsMe } from './WhatNeedsMe'
