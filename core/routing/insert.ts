/** Solution state and best-insertion search shared by construction and improvement. */
import type { Rng } from './rng.ts';
import { type Compiled, cloneRoute, emptyRoute, insertAt, insertionDelta, type Route } from './schedule.ts';

export interface Sol {
  /** One route per vehicle, possibly empty. */
  routes: Route[];
  unassigned: number[];
}

export function emptySol(c: Compiled, unassigned: number[]): Sol {
  return { routes: c.vehicles.map((_, i) => emptyRoute(i)), unassigned: unassigned.slice() };
}

export function cloneSol(s: Sol): Sol {
  return { routes: s.routes.map(cloneRoute), unassigned: s.unassigned.slice() };
}

export function usedVehicles(s: Sol): number {
  let k = 0;
  for (const r of s.routes) if (r.nodes.length > 0) k++;
  return k;
}

export function totalDistance(s: Sol): number {
  let d = 0;
  for (const r of s.routes) d += r.distance;
  return d;
}

export interface CostWeights {
  /** Added per used vehicle (0 for the pure distance objective). */
  vehicle: number;
  /** Added per unassigned job. */
  unassigned: number;
}

/** Penalty costs of all routes (lateness, balance, reassignment). */
export function totalExtra(s: Sol): number {
  let e = 0;
  for (const r of s.routes) e += r.extra;
  return e;
}

export function solCost(s: Sol, w: CostWeights): number {
  return totalDistance(s) + totalExtra(s) + w.vehicle * usedVehicles(s) + w.unassigned * s.unassigned.length;
}

export interface InsertOptions {
  /** Probability of skipping a position (SISR "blinks"). */
  blink?: number;
  /** Whether empty vehicles may be opened. */
  allowNewRoute?: boolean;
  rng?: Rng;
}

export interface Candidate {
  route: number;
  pos: number;
  cost: number;
}

/**
 * Best and second-best (on a different route) insertion of job u.
 * Empty vehicles are tried once per interchangeable signature.
 */
export function bestInsertions(
  c: Compiled,
  s: Sol,
  u: number,
  w: CostWeights,
  opt: InsertOptions,
  order?: number[],
): { best: Candidate | null; second: number } {
  let best: Candidate | null = null;
  let second = Number.POSITIVE_INFINITY;
  const blink = opt.blink ?? 0;
  const rng = opt.rng;
  const seenEmpty = new Set<string>();
  const idx = order ?? s.routes.map((_, i) => i);
  for (const ri of idx) {
    if (c.allowed && c.allowed[u * c.vehicles.length + ri] === 0) continue;
    const r = s.routes[ri]!;
    let extra = 0;
    if (r.nodes.length === 0) {
      if (opt.allowNewRoute === false) continue;
      const sig = c.vehicles[r.vehicle]!.signature;
      if (seenEmpty.has(sig)) continue;
      seenEmpty.add(sig);
      extra = w.vehicle;
    }
    let routeBest = Number.POSITIVE_INFINITY;
    let routePos = -1;
    for (let p = 0; p <= r.nodes.length; p++) {
      if (blink > 0 && rng && rng() < blink) continue;
      const d = insertionDelta(c, r, u, p);
      if (d < routeBest) {
        routeBest = d;
        routePos = p;
      }
    }
    if (routePos < 0) continue;
    const cost = routeBest + extra;
    if (best === null || cost < best.cost) {
      if (best) second = Math.min(second, best.cost);
      best = { route: ri, pos: routePos, cost };
    } else if (cost < second) {
      second = cost;
    }
  }
  return { best, second };
}

/** Greedy insertion of the jobs in the given order; jobs that fit nowhere stay unassigned. */
export function greedyInsert(c: Compiled, s: Sol, jobs: number[], w: CostWeights, opt: InsertOptions, order?: number[]): void {
  for (const u of jobs) {
    const { best } = bestInsertions(c, s, u, w, opt, order);
    if (best) insertAt(c, s.routes[best.route]!, u, best.pos);
    else s.unassigned.push(u);
  }
}
