import { Agent, fetch } from 'undici'

import { allowanceNote, checkedLookup, privateAllowance, WebhookTargetRefused } from './target/resolve'
import { parseWebhookTarget } from './target/url'

export type WebhookAnswer = { status: number; location?: string }

/**
 * POSTs one delivery to a webhook URL that is checked again here, whatever was checked when the
 * hook was saved (rows older than the rule, DNS that changed since). Literal addresses are judged
 * before connecting (a socket never looks an IP address up); names are judged inside the socket's
 * own lookup, so the connection goes to the address that was checked.
 *
 * Redirects are never followed: the answer (3xx and its Location) is returned for the caller to
 * record as a failure. Following one would send a signed body to an address the admin did not
 * configure, and each hop would need the same checks; a receiver that moved is fixed by editing
 * the hook's URL.
 */
export async function postWebhook(
  rawUrl: string,
  init: { body: string; headers: Record<string, string>; signal: AbortSignal },
): Promise<WebhookAnswer> {
  const allowance = privateAllowance()
  const target = parseWebhookTarget(rawUrl, allowance)
  if (typeof target === 'string') throw new WebhookTargetRefused(target + allowanceNote())
  // One agent per delivery: no pooled socket outlives the check that opened it.
  const agent = new Agent({ connect: { lookup: checkedLookup(rawUrl, allowance) } })
  try {
    const response = await fetch(target.url, { method: 'POST', ...init, redirect: 'manual', dispatcher: agent })
    await response.body?.cancel()
    return { status: response.status, location: response.headers.get('location') ?? undefined }
  } catch (error) {
    // undici reports a failed connection as "fetch failed"; the reason is its cause.
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof WebhookTargetRefused) throw cause
    if (cause instanceof Error && error instanceof Error)
      throw new Error(`${error.message}: ${cause.message}`, { cause })
    throw error
  } finally {
    agent.destroy().catch(() => undefined)
  }
}

/** What to record for an answer, or `undefined` for a success (2xx). */
export function answerError({ status, location }: WebhookAnswer): string | undefined {
  if (status >= 200 && status < 300) return undefined
  if (status >= 300 && status < 400) {
    return `The receiver answered ${status}, a redirect${location ? ` to ${location}` : ''}; redirects are not followed, so set the webhook's URL to the final address.`
  }
  return `The receiver answered ${status}.`
}
