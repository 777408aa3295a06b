import type { CollectionAfterOperationHook } from 'payload'

type Translate = (key: string, vars?: Record<string, unknown>) => string

/**
 * Tells the owner of an account that its password was reset, in the language of the admin that
 * reset it: the one sign they get when someone else used the link. The password has changed by
 * then, so a mail that cannot go out is logged, not turned into a failed reset.
 */
export const notifyPasswordChanged: CollectionAfterOperationHook<'users'> = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const email = (result as { user?: { email?: unknown } })?.user?.email
  if (typeof email !== 'string' || !email) return result
  const t = req.t as unknown as Translate
  try {
    await req.payload.sendEmail({
      to: email,
      subject: t('pressroom:passwordChangedSubject'),
      html: `<p>${t('pressroom:passwordChangedBody')}</p>`,
    })
  } catch (error) {
    req.payload.logger.error({ err: error }, 'The password-changed notice could not be sent.')
  }
  return result
}
