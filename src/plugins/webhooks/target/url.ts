import { isIP } from 'node:net'

import { type Allowance, refusedAddress } from './address'

/** A webhook URL that passed the checks that need no network: scheme, credentials, literal address, name. */
export type Target = {
  url: URL
  /** Without IPv6 brackets or a trailing dot, lower case. */
  host: string
  /** Set when the URL names an IP address rather than a host name. */
  address?: string
}

const PUBLIC_ONLY = 'webhooks may only reach public internet addresses'

/**
 * Names that are internal by definition, refused before DNS is asked: localhost (RFC 6761), mDNS
 * (.local), home networks (.home.arpa), the private-use .internal TLD, where cloud metadata
 * lives (metadata.google.internal).
 */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa']
export const isInternalName = (host: string): boolean =>
  INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))

/**
 * Parses and checks a webhook URL, or says why it is refused. The WHATWG URL parser runs first:
 * it turns every spelling of an IPv4 address (2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1) into
 * dotted decimal and lower-cases names, so the checks below see one spelling per address.
 */
export function parseWebhookTarget(value: string, allowance: Allowance = 'none'): Target | string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value}" is not a valid web address; write it in full, e.g. https://example.org/hook.`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${value}" must start with https:// or http://.`
  if (url.username || url.password) {
    return `"${value}" contains a user name or password; webhooks are authenticated by their signature, so remove the part before "@".`
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '')
  if (!host) return `"${value}" has no host name.`
  if (isIP(host)) {
    const refusal = refusedAddress(host, allowance)
    return refusal ? `"${value}" points to ${refusal.reason}; ${PUBLIC_ONLY}.` : { url, host, address: host }
  }
  if (isInternalName(host) && !(allowance === 'loopback' && host === 'localhost')) {
    return `"${value}" names an internal host (${host}); ${PUBLIC_ONLY}.`
  }
  return { url, host }
}

/** The refusal message for a name whose DNS answer includes a refused address. */
export const resolvesToRefused = (value: string, host: string, reason: string): string =>
  `"${value}": ${host} resolves to ${reason}; ${PUBLIC_ONLY}.`
