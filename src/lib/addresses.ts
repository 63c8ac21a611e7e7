import { lookup } from 'node:dns/promises'
import { isIPv4, isIPv6 } from 'node:net'

/**
 * What kind of network an IP address belongs to, so that outgoing requests (webhook
 * deliveries) can be kept off the server's own machine and networks. Only "public"
 * addresses are reachable targets; every other kind is refused unless configured otherwise.
 */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'unique-local'
  | 'site-local'
  | 'reserved'
  | 'invalid'

interface Ipv4Range { base: number, bits: number, kind: AddressKind }

function ipv4ToNumber (address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0)
}

const ipv4Ranges: Ipv4Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved']
].map(([base, bits, kind]) => ({ base: ipv4ToNumber(base as string), bits: bits as number, kind: kind as AddressKind }))

function classifyIpv4Number (value: number): AddressKind {
  for (const range of ipv4Ranges) {
    const size = 2 ** (32 - range.bits)
    if (value >= range.base && value < range.base + size) return range.kind
  }
  return 'public'
}

/** The eight 16-bit groups of an IPv6 address (which may end in a dotted IPv4 part). */
function ipv6Groups (address: string): number[] {
  let text = address
  const groups: number[] = []
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  let tail: number[] = []
  if (dotted?.[1] !== undefined) {
    const value = ipv4ToNumber(dotted[1])
    tail = [Math.floor(value / 65536), value % 65536]
    text = text.slice(0, -dotted[1].length)
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1)
  }
  const [head = '', rest] = text.split('::')
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)))
  const left = parse(head)
  const right = [...parse(rest ?? ''), ...tail]
  const missing = 8 - left.length - right.length
  groups.push(...left, ...(rest === undefined ? [] : new Array<number>(missing).fill(0)), ...right)
  return groups
}

function embeddedIpv4 (high: number, low: number): number {
  return high * 65536 + low
}

function classifyIpv6 (address: string): AddressKind {
  const g = ipv6Groups(address)
  if (g.length !== 8) return 'invalid'
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0
  if (firstFiveZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified'
    if (g6 === 0 && g7 === 1) return 'loopback'
    // ::a.b.c.d, the deprecated IPv4-compatible form: judged as the IPv4 address it carries.
    return classifyIpv4Number(embeddedIpv4(g6, g7))
  }
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated) reach the IPv4 address.
  if (firstFiveZero && g5 === 0xffff) return classifyIpv4Number(embeddedIpv4(g6, g7))
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return classifyIpv4Number(embeddedIpv4(g6, g7))
  // NAT64 well-known prefix 64:ff9b::/96 translates to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIpv4Number(embeddedIpv4(g6, g7))
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'
  // 6to4 (2002::/16) tunnels to the IPv4 address in its second and third groups.
  if (g0 === 0x2002) return classifyIpv4Number(embeddedIpv4(g1, g2))
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation'
  // 2001::/23: IETF protocol assignments (Teredo, benchmarking, ORCHID), never a web server.
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved'
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local'
  if ((g0 & 0xff00) === 0xff00) return 'multicast'
  // Only 2000::/3 is allocated as global unicast; everything else (100::/64 discard…) is not a target.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved'
  return 'public'
}

/** Classifies an IPv4 or IPv6 address (IPv6 may carry brackets or a zone id). */
export function classifyAddress (input: string): AddressKind {
  const address = input.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '')
  if (isIPv4(address)) return classifyIpv4Number(ipv4ToNumber(address))
  if (isIPv6(address)) return classifyIpv6(address.toLowerCase())
  return 'invalid'
}

export function isPublicAddress (address: string): boolean {
  return classifyAddress(address) === 'public'
}

/** An IP literal as it appears in a URL's hostname ("[::1]" for IPv6), without brackets; undefined for a name. */
export function ipLiteral (hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1')
  return isIPv4(bare) || isIPv6(bare) ? bare : undefined
}

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Resolves a host name to every address it has, as the operating system's resolver sees it. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>

export const systemHostLookup: HostLookup = async (hostname) => {
  const addresses = await lookup(hostname, { all: true, verbatim: true })
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }))
}
