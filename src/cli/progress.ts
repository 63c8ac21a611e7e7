import type { OutputStream } from './usage.js'

export interface ProgressBar {
  update: (done: number, total: number) => void
  /** Ends the bar's line; nothing is written when the stream is not a terminal. */
  finish: () => void
}

/**
 * A one-line progress bar redrawn in place with \r, only when the stream is a terminal: in a
 * pipe or a log file it would be noise, so scripts see only the final summary line.
 */
export function createProgressBar (stream: OutputStream, label: string, unit: string): ProgressBar {
  if (stream.isTTY !== true) return { update: () => undefined, finish: () => undefined }
  let drawn = false
  let lastLine = ''
  return {
    update (done, total) {
      const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total))
      const counts = ` ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total} ${unit}`
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - counts.length - 4))
      const filled = Math.round(fraction * width)
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${counts}`
      if (line === lastLine) return
      lastLine = line
      stream.write(`\r${line}`)
      drawn = true
    },
    finish () {
      if (drawn) stream.write('\n')
      drawn = false
    }
  }
}
