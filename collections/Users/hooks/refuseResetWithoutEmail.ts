import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { EMAIL_NOT_CONFIGURED, NO_EMAIL_ADAPTER } from '@/email'

/**
 * Without a mail transport a reset link reaches nobody, and Payload's answer would still be a
 * success. Refused before the address is looked up, so the answer is the same for every address.
 */
export const refuseResetWithoutEmail: CollectionBeforeOperationHook<'users'> = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || req.payload.email?.name !== NO_EMAIL_ADAPTER) return args
  req.payload.logger.error('A password reset was requested, but SMTP_URL is not set: no mail was sent.')
  throw new APIError(EMAIL_NOT_CONFIGURED, 503, undefined, true)
}
