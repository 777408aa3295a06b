import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'

/**
 * A locked account answers a login as a wrong password does: Payload's own "This user is locked"
 * told an outsider, after five tries, which e-mail addresses have accounts. The lock itself stays.
 * `pressroom:` holds the mails Payload has no text for (the reset link's mail is Payload's own).
 */
export const authMessages = {
  en: {
    error: { userLocked: en.translations.error.emailOrPasswordIncorrect },
    pressroom: {
      passwordChangedSubject: 'Your Pressroom password was changed',
      passwordChangedBody:
        'The password of your Pressroom account was just reset with a link sent to this address. If you did not do this, ask an administrator to lock the account.',
    },
  },
  ru: {
    error: { userLocked: ru.translations.error.emailOrPasswordIncorrect },
    pressroom: {
      passwordChangedSubject: 'Ваш пароль в Pressroom изменён',
      passwordChangedBody:
        'Пароль вашей учётной записи в Pressroom только что сброшен по ссылке, отправленной на этот адрес. Если это сделали не вы, попросите администратора заблокировать учётную запись.',
    },
  },
}
