import crypto from 'node:crypto'

import type { CollectionAfterOperationHook, CollectionBeforeChangeHook } from 'payload'

/** What is stored of a key: its SHA-256 (keys are 192 random bits, so a fast hash is enough). */
export const hashKey = (key: string): string => crypto.createHash('sha256').update(key).digest('hex')

export const newKey = (): string => `prk_${crypto.randomBytes(24).toString('base64url')}`

const ISSUED = 'issuedApiKey'

/** On create: makes the key, stores only its hash and a recognisable prefix. */
export const issueKey: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const key = newKey()
  req.context[ISSUED] = key
  return { ...data, keyHash: hashKey(key), keyPrefix: key.slice(0, 12) }
}

/** The key itself appears once, in the answer to the create request; it cannot be read again. */
export const revealKeyOnce: CollectionAfterOperationHook<'api-keys'> = ({ operation, req, result }) => {
  if (operation !== 'create' || typeof req.context[ISSUED] !== 'string') return result
  const key = req.context[ISSUED]
  delete req.context[ISSUED]
  return { ...(result as object), key } as unknown as typeof result
}
