import t from 'tap'
import { classifyAddress, ipLiteral, isPublicAddress, type AddressKind } from '../../src/lib/addresses.js'

const cases: Array<[string, AddressKind]> = [
  // IPv4
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.1', 'shared'],
  ['100.127.255.254', 'shared'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['192.88.99.1', 'reserved'],
  ['192.168.1.1', 'private'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv4 neighbours of the ranges are public
  ['9.255.255.255', 'public'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['128.0.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['169.255.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.169.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.20.0.0', 'public'],
  ['223.255.255.255', 'public'],
  ['8.8.8.8', 'public'],
  ['93.184.216.34', 'public'],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'multicast'],
  ['ff05::1:3', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['2001::1', 'reserved'],
  ['2001:2::1', 'reserved'],
  ['100::1', 'reserved'],
  ['4000::1', 'reserved'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:82b::200e', 'public'],
  ['2001:4860:4860::8888', 'public'],
  // IPv4 carried inside IPv6 is judged as the IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:8.8.8.8', 'public'],
  ['0:0:0:0:0:ffff:192.168.0.1', 'private'],
  ['::ffff:0:192.168.0.1', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['::10.0.0.1', 'private'],
  ['::8.8.8.8', 'public'],
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['64:ff9b:1::1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['2002:808:808::1', 'public'],
  // Spellings that appear in URLs and resolver answers
  ['[::1]', 'loopback'],
  ['[fe80::1%eth0]', 'link-local'],
  ['fe80::1%25eth0', 'link-local'],
  ['FE80::1', 'link-local'],
  ['::FFFF:127.0.0.1', 'loopback'],
  // Not addresses
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['1.2.3', 'invalid'],
  ['', 'invalid'],
  ['::ffff:1:2:3:4:5:6:7', 'invalid']
]

t.test('every kind of address is classified', async (t) => {
  for (const [address, kind] of cases) t.equal(classifyAddress(address), kind, `${address} is ${kind}`)
})

t.test('only public addresses are reachable targets', async (t) => {
  for (const [address, kind] of cases) t.equal(isPublicAddress(address), kind === 'public', `${address}: ${kind === 'public' ? 'allowed' : 'refused'}`)
})

t.test('the host names URLs produce for tricky spellings are literals, classified as what they reach', async (t) => {
  const spellings: Array<[string, AddressKind]> = [
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'link-local'],
    ['http://169.254.169.254./latest/meta-data', 'link-local']
  ]
  for (const [url, kind] of spellings) {
    const literal = ipLiteral(new URL(url).hostname)
    t.ok(literal, `${url} is an IP literal once parsed`)
    t.equal(classifyAddress(literal ?? ''), kind, `${url} reaches a ${kind} address`)
  }
  t.equal(ipLiteral('hooks.example.com'), undefined, 'a name is not a literal')
  t.equal(ipLiteral('[2001:db8::1]'), '2001:db8::1', 'brackets are removed')
})
