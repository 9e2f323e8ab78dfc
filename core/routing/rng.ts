import { mulberry32 } from '../random.ts';

/** The planner's seeded generator, so that a run is reproducible for a seed. */
export type Rng = () => number;

export function makeRng(seed: number): Rng {
  return mulberry32(seed >>> 0 || 0x9e3779b9);
}

export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function shuffle<T>(rng: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}
