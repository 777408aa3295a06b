import ipaddr from 'ipaddr.js'

import { ConfigurationError } from '../env'

type Env = Record<string, string | undefined>

/** The names proxy-addr (express's `trust proxy`) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

const isAddressOrSubnet = (entry: string): boolean => {
  if (RANGE_NAMES.has(entry)) return true
  const [address, bits, extra] = entry.split('/')
  // Four parts only: ipaddr.js also reads "10.0.0" and "10", which no one means as a proxy.
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address)
  if (!v4 && !ipaddr.IPv6.isValid(address)) return false
  if (bits === undefined) return true
  return extra === undefined && /^\d+$/.test(bits) && Number(bits) <= (v4 ? 32 : 128)
}

/**
 * Express's `trust proxy` from TRUST_PROXY: which peers may say, in X-Forwarded-For and
 * X-Forwarded-Proto, who the client is. A hop count (`1` behind one proxy), a comma-separated list
 * of addresses and subnets (`10.0.0.0/8, fd00::/8`, and the names `loopback`, `linklocal`,
 * `uniquelocal`), or `loopback`, the default. `true` (trust everyone) is refused: any client could
 * then choose its own address and so its own rate-limit budget.
 */
export function trustProxy(env: Env = process.env): number | string[] {
  const value = env.TRUST_PROXY?.trim() || 'loopback'
  if (/^\d+$/.test(value)) return Number(value)
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const wrong = entries.filter((entry) => !isAddressOrSubnet(entry))
  if (wrong.length > 0 || entries.length === 0) {
    throw new ConfigurationError(
      `TRUST_PROXY must be a hop count, "loopback", or addresses and subnets separated by commas (e.g. 10.0.0.0/8); ` +
        `cannot read "${wrong.join(', ') || value}".`,
    )
  }
  return entries
}
