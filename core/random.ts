// A small seeded pseudo-random generator: the same seed always yields the same sequence (the
// demo data, the route planner's search). Never Math.random where a result must be repeatable.

/** mulberry32: a 32-bit state generator. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
