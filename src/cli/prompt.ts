import { CliError, exitCodes, UsageError, type Io } from './usage.js'

/** Asks on the terminal without echoing what is typed (for passwords). */
export function promptHidden (io: Io, question: string): Promise<string> {
  const { stdin, stderr } = io
  stderr.write(question)
  stdin.setRawMode?.(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const done = (): void => {
      stdin.removeListener('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause()
      stderr.write('\n')
    }
    function onData (chunk: string | Buffer): void {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') { done(); resolve(value); return }
        if (char === '\u0003') { done(); reject(new CliError('interrupted', exitCodes.interrupted)); return }
        if (char === '\u0004') { done(); reject(new UsageError('no password given (end of input at the prompt)')); return }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

/** The first line of standard input, without its line ending (for --password-stdin). */
export async function readFirstLine (io: Io): Promise<string> {
  let text = ''
  for await (const chunk of io.stdin) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}
