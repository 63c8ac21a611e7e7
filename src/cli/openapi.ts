import { readFileSync, writeFileSync } from 'node:fs'
import { generateArtifacts } from '../openapi-document.js'

/*
 * `write` regenerates the committed artifacts; `check` regenerates them in memory and
 * fails when the committed copies differ (the regenerate-then-diff guard).
 */
const mode = process.argv[2]
const artifacts = await generateArtifacts()
const stale: string[] = []

for (const artifact of artifacts) {
  const target = new URL(`../../${artifact.path}`, import.meta.url)
  if (mode === 'write') {
    writeFileSync(target, artifact.content)
    process.stdout.write(`${artifact.path} written\n`)
    continue
  }
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    committed = ''
  }
  if (committed !== artifact.content) stale.push(artifact.path)
}

if (mode === 'check') {
  if (stale.length > 0) {
    process.stderr.write(`stale generated files: ${stale.join(', ')}. Run \`npm run openapi\` and commit the result.\n`)
    process.exit(1)
  }
  process.stdout.write(`${artifacts.map((artifact) => artifact.path).join(', ')} up to date\n`)
} else if (mode !== 'write') {
  process.stderr.write('usage: openapi.ts write|check\n')
  process.exit(2)
}
