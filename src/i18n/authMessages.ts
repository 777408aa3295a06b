import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'

/**
 * A locked account answers a login as a wrong password does: Payload's own "This user is locked"
 * told an outsider, after five tries, which e-mail addresses have accounts. The lock itself stays.
 */
export const authMessages = {
  en: { error: { userLocked: en.translations.error.emailOrPasswordIncorrect } },
  ru: { error: { userLocked: ru.translations.error.emailOrPasswordIncorrect } },
}
