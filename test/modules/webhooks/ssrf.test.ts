import t from 'tap'
import type { ResolvedAddress } from '../../../src/lib/addresses.js'
import type { OutgoingDelivery } from '../../../src/modules/webhooks/webhooks.transport.js'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { startReceiver } from '../../helpers/receiver.js'
import { createWebhook, listDeliveries } from '../../helpers/webhooks.js'

/** A resolver the test controls: names map to addresses; anything else does not resolve. */
function fakeDns (entries: Record<string, string[]>): { lookupHost: (hostname: string) => Promise<ResolvedAddress[]>, entries: Record<string, string[]>, lookups: string[] } {
  const lookups: string[] = []
  return {
    entries,
    lookups,
    lookupHost: async (hostname) => {
      lookups.push(hostname)
      const addresses = entries[hostname]
      if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
  }
}

const publicAddress = '93.184.216.34'

t.test('targets on non-public addresses are refused when the webhook is written', async (t) => {
  const dns = fakeDns({
    'hooks.example.com': [publicAddress, '2606:2800:220:1:248:1893:25c8:1946'],
    localhost: ['127.0.0.1', '::1'],
    'internal.example.com': ['10.20.30.40'],
    'metadata.example.com': ['169.254.169.254'],
    'mixed.example.com': [publicAddress, '192.168.1.10'],
    'v6-private.example.com': ['fd00::1234'],
    'mapped.example.com': ['::ffff:127.0.0.1']
  })
  const { app, adminToken } = await buildTestApp(t, { env: { WEBHOOKS_ALLOW_PRIVATE: 'false' }, webhooks: { lookupHost: dns.lookupHost } })
  const forbidden = [
    'http://127.0.0.1/hook',
    'http://127.1:8080/hook',
    'http://2130706433/hook',
    'http://0x7f000001/hook',
    'http://0.0.0.0/hook',
    'http://localhost:3000/hook',
    'http://10.0.0.5/hook',
    'http://172.16.5.4/hook',
    'http://192.168.0.1/hook',
    'http://100.64.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://224.0.0.1/hook',
    'http://[::1]/hook',
    'http://[::]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:169.254.169.254]/hook',
    'https://internal.example.com/hook',
    'https://metadata.example.com/hook',
    'https://mixed.example.com/hook',
    'https://v6-private.example.com/hook',
    'https://mapped.example.com/hook'
  ]
  for (const url of forbidden) {
    const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload: { url, events: ['*'] } })
    t.equal(response.statusCode, 400, `${url} is refused`)
    const problem = json<{ code: string, detail: string, errors: Array<{ path: string }> }>(response)
    t.equal(problem.code, 'webhook_target_forbidden', `${url}: webhook_target_forbidden`)
    t.same(problem.errors.map((error) => error.path), ['body/url'])
  }
  const mixed = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload: { url: 'https://mixed.example.com/hook', events: ['*'] } })
  t.match(json(mixed).detail, /mixed\.example\.com resolves to 192\.168\.1\.10, a private address/, 'the problem says which address and why')
  const metadata = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload: { url: 'http://169.254.169.254/latest/meta-data/', events: ['*'] } })
  t.match(json(metadata).detail, /169\.254\.169\.254, a link-local address/)

  const unresolvable = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload: { url: 'https://nowhere.example.com/hook', events: ['*'] } })
  t.equal(unresolvable.statusCode, 400)
  t.match(json(unresolvable), { code: 'validation_failed', detail: /nowhere\.example\.com does not resolve \(ENOTFOUND\)/ })

  const list = json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/webhooks', headers: bearer(adminToken) }))
  t.same(list.data, [], 'nothing was written')

  const accepted = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(adminToken), payload: { url: 'https://hooks.example.com/newsdesk', events: ['*'] } })
  t.equal(accepted.statusCode, 201, 'a host with only public addresses is accepted')
  const id = json<{ id: string }>(accepted).id
  const moved = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${id}`, headers: bearer(adminToken), payload: { url: 'http://internal.example.com/hook' } })
  t.equal(moved.statusCode, 400, 'an update to a private target is refused too')
  t.equal(json(moved).code, 'webhook_target_forbidden')
  t.match(json(await app.inject({ method: 'GET', url: `/v1/webhooks/${id}`, headers: bearer(adminToken) })), { url: 'https://hooks.example.com/newsdesk', version: 1 }, 'and changes nothing')
})

t.test('the target is checked again at every delivery: a name that now resolves privately is not contacted', async (t) => {
  const dns = fakeDns({ 'hooks.example.com': [publicAddress] })
  const sent: OutgoingDelivery[] = []
  const { app, adminToken } = await buildTestApp(t, {
    env: { WEBHOOKS_ALLOW_PRIVATE: 'false' },
    webhooks: { lookupHost: dns.lookupHost, send: async (delivery) => { sent.push(delivery); return 200 } }
  })
  const webhook = await createWebhook(app, adminToken, { url: 'https://hooks.example.com/newsdesk', events: ['article.created'] })

  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  t.equal(sent.length, 1, 'delivered while the name resolves publicly')
  t.same(sent[0]?.address, { address: publicAddress, family: 4 }, 'to the address that was checked')
  t.equal(sent[0]?.url.href, 'https://hooks.example.com/newsdesk')

  dns.entries['hooks.example.com'] = ['169.254.169.254']
  await createArticle(app, adminToken)
  t.equal(await app.webhookDispatcher.dispatchDue(), 1)
  t.equal(sent.length, 1, 'the metadata address was never contacted')
  const [refused] = await listDeliveries(app, adminToken, webhook.id, 'status=pending')
  t.match(refused, {
    attempts: 1,
    lastStatusCode: null,
    lastError: 'webhook_target_forbidden: hooks.example.com resolves to 169.254.169.254, a link-local address; webhook targets must be public'
  }, 'the attempt failed with the reason, and will be retried')
})

t.test('a delivery connects to the checked address, keeping the host name for the request', async (t) => {
  const receiver = await startReceiver(t)
  const dns = fakeDns({ 'receiver.newsdesk.test': ['127.0.0.1'] })
  const { app, adminToken } = await buildTestApp(t, { webhooks: { lookupHost: dns.lookupHost } })
  await createWebhook(app, adminToken, { url: `http://receiver.newsdesk.test:${receiver.port}/hook`, events: ['article.created'] })
  await createArticle(app, adminToken)
  await app.webhookDispatcher.dispatchDue()
  t.equal(receiver.requests.length, 1, 'the request reached the address the resolver gave (the system resolver knows no such name)')
  t.equal(receiver.requests[0]?.headers.host, `receiver.newsdesk.test:${receiver.port}`, 'the Host header names the URL\'s host')
  t.same(dns.lookups, ['receiver.newsdesk.test'], 'resolved once, at delivery time, and that answer was used')
})
