import type { User } from '@/payload-types'

export const roles = ['admin', 'editor', 'translator'] as const
export type Role = (typeof roles)[number]

/** True when the user holds at least one of the roles. */
export const checkRole = (allowed: Role[], user?: Partial<User> | null): boolean =>
  Boolean(user?.roles?.some((role) => allowed.includes(role as Role)))
