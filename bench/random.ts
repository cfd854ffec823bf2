/**
 * Deterministic randomness for the benchmark: the same seed gives the same graph and the same
 * workload parameters on every machine, so runs compare.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items drawn by `draw` (fewer when draw keeps repeating itself). */
  distinct<T>(count: number, draw: () => T): T[] {
    const seen = new Set<T>();
    for (let attempt = 0; seen.size < count && attempt < count * 4; attempt += 1) seen.add(draw());
    return [...seen];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** A count with the given mean: geometric-like spread, at least `min`. */
  around(mean: number, min = 0): number {
    // Exponential spread: most values near the mean, a long tail of heavy ones (hubs).
    return Math.max(min, Math.round(-Math.log(1 - this.next()) * mean));
  }
}

/**
 * Draws indices 0..n-1 with probability proportional to weights: popular items (hub states,
 * common techniques) come up often, the long tail rarely. Binary search over cumulative weights.
 */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('weighted picker needs one weight per item');
    let sum = 0;
    for (const weight of weights) {
      sum += Math.max(weight, 0);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low]!;
  }

  get size(): number {
    return this.items.length;
  }
}

/** Zipf weights 1/(rank+1)^s: the first items are hubs. */
export function zipfWeights(count: number, exponent = 1): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}
