/** mulberry32: a tiny, fast, seedable PRNG; good enough for test data, not for secrets. */
export interface Random {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number
  chance: (probability: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /** Random bytes (for deterministic ids). */
  bytes: (count: number) => Buffer
}

export function createRandom (seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T> (items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    bytes (count) {
      const buffer = Buffer.allocUnsafe(count)
      for (let index = 0; index < count; index++) buffer[index] = Math.floor(next() * 256)
      return buffer
    }
  }
}

/** Picks from a fixed list with fixed weights in O(log n). */
export function createWeightedPicker<T> (items: readonly T[], weights: readonly number[]): (random: Random) => T {
  const cumulative: number[] = []
  let total = 0
  for (const weight of weights) {
    total += weight
    cumulative.push(total)
  }
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((cumulative[middle] ?? 0) > target) high = middle
      else low = middle + 1
    }
    const item = items[low]
    if (item === undefined) throw new Error('weighted pick from an empty list')
    return item
  }
}
