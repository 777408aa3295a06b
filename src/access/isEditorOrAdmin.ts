import type { Access } from 'payload'

import { checkRole } from './checkRole'

export const isEditorOrAdmin: Access = ({ req: { user } }) => checkRole(['admin', 'editor'], user)
