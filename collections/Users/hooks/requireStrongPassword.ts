import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

export const MIN_PASSWORD_LENGTH = 12

/** A message when a new password is too short, else undefined. Length beats rules for people to remember. */
export function passwordProblem(password: unknown): string | undefined {
  if (password === undefined || password === null) return undefined
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words are easy to remember.`
  }
  return undefined
}

/** Applies to every way a password is set: first user, create, update and reset. */
export const requireStrongPassword: CollectionBeforeOperationHook<'users'> = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const message = passwordProblem((args as { data?: { password?: unknown } }).data?.password)
  if (message)
    throw new ValidationError({ collection: collection.slug, errors: [{ message, path: 'password' }] }, req.t)
  return args
}
