import dns from 'node:dns'
import type { LookupFunction } from 'node:net'

import { isProduction } from '@/env'

import { type Allowance, refusedAddress } from './address'
import { parseWebhookTarget, resolvesToRefused } from './url'

export type Resolved = { address: string; family: number }
export type Resolve = (host: string) => Promise<Resolved[]>

const DNS_TIMEOUT_MS = 5_000

/** The system resolver (hosts file included), as the connection itself would use it, with a deadline. */
const systemResolve: Resolve = (host) =>
  Promise.race([
    dns.promises.lookup(host, { all: true, order: 'verbatim' }),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: 'ETIMEOUT' })),
        DNS_TIMEOUT_MS,
      ).unref(),
    ),
  ])

/**
 * The resolver every check and connection goes through. Mutable so that integration tests can
 * make a name resolve to loopback without editing the machine's hosts file, the way Payload's own
 * `_internal_safeFetchGlobal` does; nothing else may assign it.
 */
export const webhookDns: { resolve: Resolve } = { resolve: systemResolve }

export const ALLOW_PRIVATE_VARIABLE = 'WEBHOOK_ALLOW_PRIVATE'

/**
 * `WEBHOOK_ALLOW_PRIVATE=loopback` lets tests and development deliver to a receiver on this
 * machine. Production ignores it: a loopback listener is exactly what an SSRF goes after.
 */
export function privateAllowance(env: Record<string, string | undefined> = process.env): Allowance {
  return env[ALLOW_PRIVATE_VARIABLE] === 'loopback' && !isProduction(env) ? 'loopback' : 'none'
}

/** Says so when the operator set the variable and production ignored it, which explains a refusal. */
export function allowanceNote(env: Record<string, string | undefined> = process.env): string {
  return env[ALLOW_PRIVATE_VARIABLE] && privateAllowance(env) === 'none'
    ? ` (${ALLOW_PRIVATE_VARIABLE}=${env[ALLOW_PRIVATE_VARIABLE]} is ignored: it is honoured only as "loopback", outside production)`
    : ''
}

/**
 * Resolves `host` and checks every address; one refused address refuses the name, because a
 * connection may be made to any of them. Returns the addresses, or the reason as text.
 */
export async function resolveChecked(
  value: string,
  host: string,
  allowance: Allowance,
  resolve: Resolve = webhookDns.resolve,
): Promise<Resolved[] | string> {
  let addresses: Resolved[]
  try {
    addresses = await resolve(host)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTFOUND' || code === 'ENODATA')
      return `"${value}": the host name ${host} does not exist (no DNS address found).`
    return `"${value}": the host name ${host} could not be resolved (${code ?? String(error)}); try again later.`
  }
  if (!addresses.length) return `"${value}": the host name ${host} has no address.`
  for (const { address } of addresses) {
    const refusal = refusedAddress(address, allowance)
    if (refusal) return resolvesToRefused(value, host, refusal.reason)
  }
  return addresses
}

/** Save-time check of a webhook URL: `true` or a message for the admin. */
export async function checkWebhookUrl(
  value: string,
  allowance: Allowance = privateAllowance(),
): Promise<true | string> {
  const target = parseWebhookTarget(value, allowance)
  if (typeof target === 'string') return target + allowanceNote()
  if (target.address) return true
  const resolved = await resolveChecked(value, target.host, allowance)
  return typeof resolved === 'string' ? resolved + allowanceNote() : true
}

/** Raised instead of connecting; its message is recorded on the delivery. */
export class WebhookTargetRefused extends Error {
  override name = 'WebhookTargetRefused'
}

/**
 * A `lookup` for node's sockets (undici's `connect.lookup`) that checks what DNS answered and hands
 * the socket exactly those addresses: the address checked is the address connected to, so a name
 * that answers differently a moment later (DNS rebinding) gains nothing.
 */
export function checkedLookup(
  value: string,
  allowance: Allowance,
  resolve: Resolve = webhookDns.resolve,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(value, hostname.replace(/^\[(.*)\]$/, '$1'), allowance, resolve).then(
      (resolved) => {
        if (typeof resolved === 'string') return callback(new WebhookTargetRefused(resolved + allowanceNote()), '', 0)
        const wanted = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family
        const usable = wanted ? resolved.filter(({ family }) => family === wanted) : resolved
        if (!usable.length)
          return callback(
            Object.assign(new Error(`${hostname} has no IPv${wanted} address`), { code: 'ENOTFOUND' }),
            '',
            0,
          )
        if (options.all) return (callback as unknown as (error: null, addresses: Resolved[]) => void)(null, usable)
        callback(null, usable[0].address, usable[0].family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    )
  }
}
