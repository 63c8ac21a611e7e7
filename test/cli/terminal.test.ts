import { PassThrough } from 'node:stream'
import t from 'tap'
import { createProgressBar } from '../../src/cli/progress.js'
import { promptHidden, readFirstLine } from '../../src/cli/prompt.js'
import { CliError, exitCodes, type InputStream, type Io, type OutputStream } from '../../src/cli/usage.js'

/* What the command line does on a terminal, with the terminal played by streams. */

function capture (isTTY: boolean, columns = 80): OutputStream & { text: () => string } {
  let written = ''
  return { isTTY, columns, write: (chunk: string) => { written += chunk }, text: () => written }
}

function terminalInput (): InputStream & PassThrough & { raw: boolean[] } {
  const input = new PassThrough() as PassThrough & InputStream & { raw: boolean[] }
  input.isTTY = true
  input.raw = []
  input.setRawMode = (mode: boolean) => { input.raw.push(mode); return input }
  return input
}

function io (stdin: InputStream, stderr = capture(true)): Io {
  return { stdin, stdout: capture(true), stderr, env: {} }
}

t.test('the progress bar redraws one line on a terminal and ends it', async (t) => {
  const stream = capture(true, 60)
  const bar = createProgressBar(stream, 'backup', 'pages')
  bar.update(0, 200)
  bar.update(50, 200)
  bar.update(50, 200)
  bar.update(200, 200)
  bar.finish()
  const frames = stream.text().split('\r').filter((frame) => frame.length > 0)
  t.equal(frames.length, 3, 'an unchanged frame is not redrawn')
  t.match(frames[0], /^backup \[-+\] {3}0% 0\/200 pages$/)
  t.match(frames[1], /^backup \[#+-+\] {2}25% 50\/200 pages$/)
  t.match(frames[2], /^backup \[#+\] 100% 200\/200 pages\n$/)
  t.ok(frames.every((frame) => frame.trimEnd().length <= 60), 'fits the terminal width')
})

t.test('the progress bar writes nothing when the stream is a pipe or a file', async (t) => {
  const stream = capture(false)
  const bar = createProgressBar(stream, 'backup', 'pages')
  bar.update(10, 20)
  bar.finish()
  t.equal(stream.text(), '')
})

t.test('a hidden prompt reads a line without echoing it, in raw mode, and restores the terminal', async (t) => {
  const stdin = terminalInput()
  const stderr = capture(true)
  const answer = promptHidden(io(stdin, stderr), 'Password: ')
  stdin.write('quay-barrier-x')
  stdin.write('\u007f')
  stdin.write('vote\r')
  t.equal(await answer, 'quay-barrier-vote', 'backspace removes a character')
  t.equal(stderr.text(), 'Password: \n', 'only the question is shown, never the password')
  t.same(stdin.raw, [true, false], 'raw mode on for the prompt, off after it')
})

t.test('Ctrl-C at a hidden prompt is an interruption (exit 130)', async (t) => {
  const stdin = terminalInput()
  const answer = promptHidden(io(stdin), 'Password: ')
  stdin.write('abc\u0003')
  const error = await answer.then(() => undefined, (thrown: unknown) => thrown)
  t.ok(error instanceof CliError)
  t.equal((error as CliError).exitCode, exitCodes.interrupted)
  t.same(stdin.raw, [true, false])
})

t.test('--password-stdin takes the first line only, without its line ending', async (t) => {
  const stdin = new PassThrough() as PassThrough & InputStream
  stdin.end('night-bus-n7-hollins\r\nsecond line\n')
  t.equal(await readFirstLine(io(stdin)), 'night-bus-n7-hollins')
})
