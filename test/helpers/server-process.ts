import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../../', import.meta.url))

function sourceFiles (directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

export interface BuiltServer {
  directory: string
  entry: string
  /** Loads the server's modules, then waits for a line on stdin before the entry point runs. */
  preload: string
  dispose: () => void
}

/**
 * The server as `npm start` runs it (plain JavaScript, no loader), built into a temporary
 * folder laid out like the repository so its relative paths (migrations, package.json,
 * node_modules) resolve. Transpiling file by file skips type checking, which the suite does
 * elsewhere; a process then starts in about half the time it takes under tsx, which is
 * what lets a test restart the server dozens of times. Removed by `dispose`.
 */
export function buildServer (): BuiltServer {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-build-'))
  for (const file of sourceFiles(join(root, 'src'))) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true }
    }).outputText
    const target = join(directory, 'dist', relative(join(root, 'src'), file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, output)
  }
  for (const name of ['node_modules', 'migrations', 'package.json']) symlinkSync(join(root, name), join(directory, name))
  const preload = join(directory, 'preload.mjs')
  const imports = [...readFileSync(join(root, 'src', 'server.ts'), 'utf8').matchAll(/^import .* from '(\.\/[^']+)'$/gm)].map((match) => match[1])
  writeFileSync(preload, [
    ...imports.map((path) => `await import(${JSON.stringify(new URL(path ?? '', pathToFileURL(join(directory, 'dist', 'server.js'))).href)})`),
    'await new Promise((resolve) => process.stdin.once(\'data\', resolve))',
    'process.stdin.destroy()',
    ''
  ].join('\n'))
  return { directory, entry: join(directory, 'dist', 'server.js'), preload, dispose: () => rmSync(directory, { recursive: true, force: true }) }
}

/**
 * The production bundle (dist/server.js) as package.json's build:server script makes it,
 * written to a temporary folder laid out like the repository (the bundle finds
 * package.json and migrations/ one level up). The preload only waits for the go signal.
 */
export function bundleServer (): BuiltServer {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-bundle-'))
  for (const name of ['node_modules', 'migrations', 'package.json']) symlinkSync(join(root, name), join(directory, name))
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:server'] ?? ''
  const entry = join(directory, 'dist', 'server.js')
  if (!script.includes(' --outfile=dist/server.js ')) throw new Error(`build:server does not write dist/server.js: ${script}`)
  const built = spawnSync('sh', ['-c', script.replace(' --outfile=dist/server.js ', ` --outfile=${entry} `)], {
    cwd: root,
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    encoding: 'utf8'
  })
  if (built.status !== 0) throw new Error(`build:server failed:\n${built.stdout}${built.stderr}`)
  const preload = join(directory, 'preload.mjs')
  writeFileSync(preload, 'await new Promise((resolve) => process.stdin.once(\'data\', resolve))\nprocess.stdin.destroy()\n')
  return { directory, entry, preload, dispose: () => rmSync(directory, { recursive: true, force: true }) }
}

/** A TCP port nothing listens on right now. */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => { if (address !== null && typeof address === 'object') resolve(address.port); else reject(new Error('no port')) })
    })
  })
}

export interface ServerProcess {
  child: ChildProcessByStdio<Writable, Readable, Readable>
  origin: string
  /** Everything the process printed so far. */
  output: () => string
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  /** Milliseconds from the go signal (or the spawn) until /readyz answered 200. */
  readyMs: number
}

export interface PreparedServer {
  /** Lets the server run its entry point and waits until /readyz answers 200. */
  go: () => Promise<ServerProcess>
  kill: () => void
}

/**
 * Spawns the server with its modules loaded but its entry point not yet run: the preload
 * imports everything server.js imports, then waits for a line on stdin. `go` releases it,
 * and the real entry point runs from the top (config, database open and recovery,
 * migrations, app, listen); only the module loading has been done in advance, for example
 * while the previous server is still under load.
 */
export function prepareServer (build: BuiltServer, env: Record<string, string>, port: number): PreparedServer {
  const child = spawn(process.execPath, ['--import', build.preload, build.entry], {
    cwd: build.directory,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), NEWSDESK_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return {
    kill: () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') },
    go: async () => {
      const started = performance.now()
      child.stdin.end('go\n')
      await waitUntilReady(`http://127.0.0.1:${port}`, exited, () => output, () => child.kill('SIGKILL'))
      return { child, origin: `http://127.0.0.1:${port}`, output: () => output, exited, readyMs: Math.round(performance.now() - started) }
    }
  }
}

/** Starts the server and waits until /readyz answers 200 (throws with its output if it exits first). */
export async function startServer (build: BuiltServer, env: Record<string, string>, port: number): Promise<ServerProcess> {
  return prepareServer(build, env, port).go()
}

async function waitUntilReady (origin: string, exited: Promise<unknown>, output: () => string, kill: () => void, timeoutMs = 30_000): Promise<void> {
  const started = performance.now()
  let gone = false
  exited.then(() => { gone = true }, () => { gone = true })
  while (true) {
    if (gone) throw new Error(`the server exited before it was ready:\n${output()}`)
    if (performance.now() - started > timeoutMs) {
      kill()
      throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output()}`)
    }
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
