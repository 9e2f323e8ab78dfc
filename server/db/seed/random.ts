import { mulberry32 } from '../../../core/random.ts';

// The demo data's random choices, from a seed: the same reference date always yields the same
// demo company. Never use Math.random in the seed.

export class Random {
  private readonly source: () => number;

  constructor(seed: number) {
    this.source = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.source() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.source() * items.length)]!;
  }

  /** Picks with a bias towards the front of the list (skew > 1 favours earlier items). */
  pickSkewed<T>(items: ReadonlyArray<T>, skew: number): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.source() ** skew * items.length)]!;
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.source() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: ReadonlyArray<T>): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** k distinct items, in random order. */
  sample<T>(items: ReadonlyArray<T>, k: number): T[] {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }

  /** n random decimal digits as text (leading zeros kept). */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(this.source() * 10));
    return out;
  }
}
