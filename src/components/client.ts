// The package's `pressroom/client`: the admin components that run in the browser.
export { EventZoneDateField } from '../../collections/Events/components/EventZoneDateField'
export { TranslationPanel } from './TranslationPanel'
