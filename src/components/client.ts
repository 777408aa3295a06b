// The package's `pressroom/client`: the admin components that run in the browser.
export { TranslationPanel } from './TranslationPanel'
