import { readFileSync, writeFileSync } from 'node:fs'
import { generateOpenApiDocument } from '../openapi-document.js'

const target = new URL('../../openapi/openapi.json', import.meta.url)
const mode = process.argv[2]
const generated = await generateOpenApiDocument()

if (mode === 'write') {
  writeFileSync(target, generated)
  process.stdout.write('openapi/openapi.json written\n')
} else if (mode === 'check') {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    committed = ''
  }
  if (committed !== generated) {
    process.stderr.write('openapi/openapi.json is stale: run `npm run openapi` and commit the result.\n')
    process.exit(1)
  }
  process.stdout.write('openapi/openapi.json is up to date\n')
} else {
  process.stderr.write('usage: openapi.ts write|check\n')
  process.exit(2)
}
