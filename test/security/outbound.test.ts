import { createServer, type Server } from 'node:net'
import t from 'tap'
import { bearer, buildTestApp, json } from '../helpers/app.js'

/*
 * SSRF: the URLs clients give us (sources, archived copies, links in article bodies) are stored
 * and shown, never fetched. A listener on loopback stands in for an internal service; no request
 * to the API may make the server connect to it.
 */

async function countingListener (): Promise<{ server: Server, port: number, connections: () => number }> {
  let count = 0
  const server = createServer((socket) => { count++; socket.destroy() })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { server, port: address.port, connections: () => count }
}

t.test('URLs in sources and articles are never fetched by the server', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const internal = await countingListener()
  t.teardown(() => { internal.server.close() })
  const target = `http://127.0.0.1:${internal.port}/admin`
  const headers = bearer(adminToken)

  const source = await app.inject({ method: 'POST', url: '/v1/sources', headers, payload: { url: target, title: 'Internal', archivedUrl: `${target}/archive` } })
  t.equal(source.statusCode, 201, 'a loopback URL is stored like any other')
  const article = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers,
    payload: { title: 'Links', status: 'published', body: `See [this](${target}) and ![img](${target}/img.png)`, sources: [{ sourceId: json<{ id: string }>(source).id }, { source: { url: `${target}/other`, title: 'Inline' } }] }
  })
  t.equal(article.statusCode, 201)
  const id = json<{ id: string }>(article).id
  for (const url of [`/v1/articles/${id}?format=html&include=sources,related`, `/v1/articles/${id}/sources`, '/v1/sources', `/v1/articles/${id}/related/suggestions`]) {
    const response = await app.inject({ method: 'GET', url, headers })
    t.equal(response.statusCode, 200, url)
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
  t.equal(internal.connections(), 0, 'the server never connected to the URL')
})
