/**
 * A small seeded PRNG (mulberry32) for generated data and simulations: millions of draws where
 * faker's argument checking would cost seconds. Same seed, same sequence, on every platform.
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = (seed * 0x9e3779b1) >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  normal(mean: number, sd: number): number {
    const u = 1 - this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next())
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!
  }

  /** An element drawn with probability proportional to its weight. */
  weighted<T>(values: readonly T[], weightOf: (value: T) => number): T {
    const total = values.reduce((sum, value) => sum + weightOf(value), 0)
    let target = this.next() * total
    for (const value of values) {
      target -= weightOf(value)
      if (target < 0) return value
    }
    return values[values.length - 1]!
  }
}
