import ipaddr from 'ipaddr.js'

/**
 * Which IP addresses a webhook may be delivered to: public unicast only. A webhook URL is chosen by
 * an admin, so without this an admin account (or whoever holds its session) could make the server
 * POST to its own loopback services, the internal network or the cloud metadata endpoint.
 */
export type Category =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved'
  | 'documentation'
  | 'metadata'

export type Refusal = { address: string; category: Category; reason: string }

/** What may be let through on top of public addresses: only loopback, and only outside production. */
export type Allowance = 'none' | 'loopback'

const describe: Record<Category, string> = {
  loopback: 'a loopback address (this server itself)',
  private: 'a private network address',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local (private) IPv6 address',
  shared: 'a carrier-grade NAT (shared) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
  documentation: 'an address reserved for documentation',
  metadata: 'a cloud metadata service address',
}

type Rule = [range: [ipaddr.IPv4 | ipaddr.IPv6, number], category: Category]
const rules = (list: [string, Category][]): Rule[] => list.map(([cidr, category]) => [ipaddr.parseCIDR(cidr), category])

// IANA's special-purpose registries; the first match wins, so exact addresses come before their ranges.
const IPV4 = rules([
  ['169.254.169.254/32', 'metadata'], // AWS, GCP, Azure, Oracle, OpenStack
  ['100.100.100.200/32', 'metadata'], // Alibaba Cloud
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
])

const IPV6 = rules([
  ['fd00:ec2::254/128', 'metadata'], // AWS over IPv6
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // deprecated IPv4-compatible addresses
  ['64:ff9b:1::/48', 'reserved'], // local-use NAT64: its translator is on the inside
  ['100::/64', 'reserved'],
  ['2001::/23', 'reserved'], // Teredo, benchmarking, ORCHID and other protocol assignments
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'reserved'],
  ['ff00::/8', 'multicast'],
])
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3')

/**
 * IPv6 forms that carry an IPv4 address the packets end up at: IPv4-mapped (::ffff:a.b.c.d), the
 * SIIT form (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). They are
 * judged by the IPv4 address inside, or `::ffff:127.0.0.1` would pass as an IPv6 address.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray()
  const v4 = (at: number) => new ipaddr.IPv4(bytes.slice(at, at + 4))
  if (address.isIPv4MappedAddress()) return address.toIPv4Address()
  if (address.match(ipaddr.parseCIDR('::ffff:0:0:0/96'))) return v4(12)
  if (address.match(ipaddr.parseCIDR('64:ff9b::/96'))) return v4(12)
  if (address.match(ipaddr.parseCIDR('2002::/16'))) return v4(2)
  return undefined
}

const firstMatch = (address: ipaddr.IPv4 | ipaddr.IPv6, list: Rule[]): Category | undefined =>
  list.find(([range]) => address.kind() === range[0].kind() && address.match(range))?.[1]

function categorize(address: ipaddr.IPv4 | ipaddr.IPv6): { category: Category; via?: ipaddr.IPv4 } | undefined {
  if (address.kind() === 'ipv4') {
    const category = firstMatch(address, IPV4)
    return category && { category }
  }
  const v6 = address as ipaddr.IPv6
  const inner = embeddedIPv4(v6)
  if (inner) {
    const category = firstMatch(inner, IPV4)
    return category && { category, via: inner }
  }
  const category = firstMatch(v6, IPV6) ?? (v6.match(GLOBAL_UNICAST) ? undefined : 'reserved')
  return category && { category }
}

/**
 * Why `address` (an IP address as text, as DNS or the URL parser gives it) must not be contacted,
 * or `undefined` when it may be. Text that is not an address is refused: the caller must resolve
 * names first, and must not hand over loose spellings such as "127.1" (the URL parser and DNS
 * never produce them).
 */
export function refusedAddress(address: string, allowance: Allowance = 'none'): Refusal | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1')
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) {
    return { address, category: 'reserved', reason: `${address} is not an IP address` }
  }
  const parsed = ipaddr.parse(bare)
  const found = categorize(parsed)
  if (!found || (found.category === 'loopback' && allowance === 'loopback')) return undefined
  const what = describe[found.category]
  const reason = found.via ? `${bare} is an IPv6 form of ${found.via.toString()}, ${what}` : `${bare} is ${what}`
  return { address: bare, category: found.category, reason }
}
