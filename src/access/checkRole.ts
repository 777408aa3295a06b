import type { ApiKey, User } from '@/payload-types'

export const roles = ['admin', 'editor', 'translator'] as const
export type Role = (typeof roles)[number]

/** Who works in the admin panel and may see drafts. */
export const staffRoles: Role[] = ['admin', 'editor', 'translator']

type Principal = (Partial<User> & { collection?: string }) | (Partial<ApiKey> & { collection?: string }) | null | undefined

/** True when the principal is a user holding at least one of the roles (API keys hold none). */
export const checkRole = (allowed: Role[], user?: Principal): boolean =>
  Boolean(user && 'roles' in user && user.roles?.some((role) => allowed.includes(role as Role)))

/** A frontend's preview key: reads drafts and embargoed releases, writes nothing. */
export const isPreviewKey = (user?: Principal): boolean =>
  Boolean(user && user.collection === 'api-keys' && 'kind' in user && user.kind === 'preview')

/** Staff and preview keys read drafts; the public and frontend keys read published content only. */
export const readsDrafts = (user?: Principal): boolean => checkRole(staffRoles, user) || isPreviewKey(user)
