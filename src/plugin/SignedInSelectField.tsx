'use client'
import { SelectField, useAuth } from '@payloadcms/ui'
import type { SelectFieldClientProps } from 'payload'
import React from 'react'

/**
 * A select shown to signed-in people only. The create-first-user form has nobody signed in, and
 * its roles and locales would do nothing there: the first account becomes an admin. (A field
 * `condition` would do the same but makes Payload's generated types call the field optional.)
 */
export const SignedInSelectField: React.FC<SelectFieldClientProps> = (props) => {
  const { user } = useAuth()
  return user ? <SelectField {...props} /> : null
}
