import type { Payload } from 'payload'

export type Readiness = { ready: true } | { ready: false; reason: string }

/** Ready means the database answers a real query within the time limit. */
export async function checkReadiness(payload: Payload, timeoutMs = 2000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([payload.count({ collection: 'users', overrideAccess: true }), timeout])
    return { ready: true }
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}
