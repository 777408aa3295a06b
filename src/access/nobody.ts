import type { Access } from 'payload'

/** For what only hooks and the server itself do, with overrideAccess. */
export const nobody: Access = () => false
