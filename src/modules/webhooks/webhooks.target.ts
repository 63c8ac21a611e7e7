import { isIPv6 } from 'node:net'
import { classifyAddress, ipLiteral, type HostLookup, type ResolvedAddress } from '../../lib/addresses.js'

export type TargetCheck =
  | { ok: true, url: URL, address: ResolvedAddress }
  | { ok: false, problem: 'forbidden' | 'unresolvable', reason: string }

export interface TargetPolicy {
  allowPrivate: boolean
  lookupHost: HostLookup
}

/**
 * Where a webhook URL leads: every address its host resolves to must be public (unless
 * private targets are allowed), and the address returned is the one to connect to, so
 * that a second DNS answer cannot swap in another (DNS rebinding).
 */
export async function checkTarget (target: string, policy: TargetPolicy): Promise<TargetCheck> {
  const url = new URL(target)
  const literal = ipLiteral(url.hostname)
  let addresses: ResolvedAddress[]
  if (literal !== undefined) {
    addresses = [{ address: literal, family: isIPv6(literal) ? 6 : 4 }]
  } else {
    try {
      addresses = await policy.lookupHost(url.hostname)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      return { ok: false, problem: 'unresolvable', reason: `${url.hostname} does not resolve${typeof code === 'string' ? ` (${code})` : ''}` }
    }
  }
  const [first] = addresses
  if (first === undefined) return { ok: false, problem: 'unresolvable', reason: `${url.hostname} has no addresses` }
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address)
      if (kind !== 'public') {
        const named = literal === undefined ? `${url.hostname} resolves to ${address}` : address
        return { ok: false, problem: 'forbidden', reason: `${named}, ${kind === 'unspecified' || kind === 'invalid' ? 'an' : 'a'} ${kind} address; webhook targets must be public` }
      }
    }
  }
  return { ok: true, url, address: first }
}
