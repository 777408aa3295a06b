import type { ApiKey, User } from '@/payload-types'

export const roles = ['admin', 'editor', 'translator'] as const
export type Role = (typeof roles)[number]

/** Who works in the admin panel and may see drafts. */
export const staffRoles: Role[] = ['admin', 'editor', 'translator']

type Principal =
  (Partial<User> & { collection?: string }) | (Partial<ApiKey> & { collection?: string }) | null | undefined

type RoleResolver = (user: Record<string, unknown>) => readonly string[] | null | undefined

const rolesField: RoleResolver = (user) => user.roles as string[] | null | undefined
let rolesOf: RoleResolver = rolesField

/**
 * Where a person's Pressroom roles come from: the `roles` field, unless a host maps its own
 * (pressroomPlugin's `access.roles`). One Payload per process, as Payload itself assumes.
 */
export const useRoleResolver = (resolve: RoleResolver | undefined): void => {
  rolesOf = resolve ?? rolesField
}

/** True when the principal is a user holding at least one of the roles (API keys hold none). */
export const checkRole = (allowed: Role[], user?: Principal): boolean => {
  if (!user || user.collection === 'api-keys') return false
  if (rolesOf === rolesField && !('roles' in user)) return false
  return Boolean(rolesOf(user as Record<string, unknown>)?.some((role) => allowed.includes(role as Role)))
}

/** A frontend's preview key: reads drafts and embargoed releases, writes nothing. */
export const isPreviewKey = (user?: Principal): boolean =>
  Boolean(user && user.collection === 'api-keys' && 'kind' in user && user.kind === 'preview')

/** Staff and preview keys read drafts; the public and frontend keys read published content only. */
export const readsDrafts = (user?: Principal): boolean => checkRole(staffRoles, user) || isPreviewKey(user)
