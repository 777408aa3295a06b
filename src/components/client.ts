// The package's `pressroom/client`: the admin components that run in the browser.
export { EventZoneDateField } from '../../collections/Events/components/EventZoneDateField'
export { SignedInSelectField } from '../plugin/SignedInSelectField'
export { TranslationPanel } from '../plugins/translations/components/TranslationPanel'
export { VisibilityWarning } from '../plugins/visibility/components/VisibilityWarning'
