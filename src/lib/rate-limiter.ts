import type { Clock } from './clock.js'

export interface RateLimitDecision {
  allowed: boolean
  /** Seconds until the window that refused this attempt ends (0 when allowed). */
  retryAfterSeconds: number
}

/**
 * Fixed-window counters per key, on the app's clock. Used where the key comes from the
 * validated request or the caller (an email, a user id), not just the client address.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number, count: number }>()

  constructor (
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number
  ) {}

  hit (key: string): RateLimitDecision {
    const now = this.clock().getTime()
    this.sweep(now)
    const window = this.windows.get(key)
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      this.windows.set(key, { startedAt: now, count: 1 })
      return { allowed: true, retryAfterSeconds: 0 }
    }
    window.count++
    if (window.count <= this.limit) return { allowed: true, retryAfterSeconds: 0 }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) }
  }

  /** Drops expired windows now and then, so memory stays bounded by recent keys. */
  private sweep (now: number): void {
    if (this.windows.size < 10_000) return
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key)
    }
  }
}
