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

/** With more routes than this, a job is tried on the routes of its nearest jobs only (granular insertion). */
const GRANULAR_ROUTES = 60;
/** How many routes near a job are tried, and how far down its neighbour list they are looked for. */
const GRANULAR_NEAR_ROUTES = 16;
/** Chance that a job no nearby route takes is tried on every route after all. */
const GRANULAR_FULL_SCAN = 0.1;

/** Greedy insertion of the jobs in the given order; jobs that fit nowhere stay unassigned. */
export function greedyInsert(c: Compiled, s: Sol, jobs: number[], w: CostWeights, opt: InsertOptions, order?: number[]): void {
  if (s.routes.length > GRANULAR_ROUTES) {
    granularInsert(c, s, jobs, w, opt, order);
    return;
  }
  for (const u of jobs) {
    const { best } = bestInsertions(c, s, u, w, opt, order);
    if (best) insertAt(c, s.routes[best.route]!, u, best.pos);
    else s.unassigned.push(u);
  }
}

/**
 * Greedy insertion for many routes (a city's technicians): each job is tried on the routes
 * that serve its nearest jobs and may take it, and on empty routes; a far-off best place is
 * rarely worth the full scan, which is still made now and then for jobs nothing nearby takes.
 */
function granularInsert(c: Compiled, s: Sol, jobs: number[], w: CostWeights, opt: InsertOptions, order?: number[]): void {
  const V = s.routes.length;
  const routeOf = new Int32Array(c.n).fill(-1);
  const empty = new Set<number>();
  for (let i = 0; i < V; i++) {
    const r = s.routes[i]!;
    if (r.nodes.length === 0) empty.add(i);
    for (const x of r.nodes) routeOf[x] = i;
  }
  const all = order ?? s.routes.map((_, i) => i);
  for (const u of jobs) {
    const near = new Set<number>();
    const nb = c.neighbours[u]!;
    for (let i = 0; i < nb.length && near.size < GRANULAR_NEAR_ROUTES; i++) {
      const ri = routeOf[nb[i]!]!;
      if (ri >= 0 && (!c.allowed || c.allowed[u * V + ri] === 1)) near.add(ri);
    }
    for (const ri of empty) near.add(ri);
    let { best } = bestInsertions(c, s, u, w, opt, [...near]);
    if (!best && (opt.rng ? opt.rng() : 0) < GRANULAR_FULL_SCAN) best = bestInsertions(c, s, u, w, opt, all).best;
    if (best) {
      insertAt(c, s.routes[best.route]!, u, best.pos);
      routeOf[u] = best.route;
      empty.delete(best.route);
    } else s.unassigned.push(u);
  }
}
