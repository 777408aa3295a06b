// The translator rules live in src/policy/translators.ts; the translation workflow asks there.
export { mayTranslate, ownLocalesFirst } from '@/policy/translators'
