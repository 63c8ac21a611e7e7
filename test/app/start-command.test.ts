import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import t from 'tap'

const root = resolve(import.meta.dirname, '../..')
const read = (file: string): string => readFileSync(resolve(root, file), 'utf8')

/*
 * The server's node arguments (source maps, the young-generation size and the heap growth
 * that keep RSS under load in bounds: bench/README.md) live in package.json's start script; the image,
 * the CI's production smoke and the benchmark must start it the same way.
 */
t.test('the Dockerfile and the CI smoke start the server with the node arguments of npm start', async (t) => {
  const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start
  const words = start.split(/\s+/)
  t.equal(words[0], 'node')
  t.equal(words.at(-1), 'dist/server.js')
  t.ok(words.includes('--max-semi-space-size=2'), start)
  t.ok(words.includes('--heap-growing-percent=100'), start)

  const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1]
  t.same(JSON.parse(cmd ?? 'null'), words, 'Dockerfile CMD')
  t.ok(read('.ci/run').includes(`    ${start} > "$dir/server.log"`), '.ci/run production smoke')
})
