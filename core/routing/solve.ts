/** Entry point of the planning core: construction, then improvement within a budget. */
import { construct } from './construct.ts';
import { anneal, eliminateRoutes, type ImproveBudget } from './improve.ts';
import { type CostWeights, emptySol, greedyInsert, type Sol, totalDistance, totalExtra, usedVehicles } from './insert.ts';
import type { RoutingProblem, RoutingSolution, SolveOptions } from './model.ts';
import { makeRng } from './rng.ts';
import { type Compiled, compile, insertAt, insertionDelta } from './schedule.ts';

const UNASSIGNED_PENALTY = 1e7;
const VEHICLE_COST = 1e5;

function budgetSlice(o: SolveOptions, from: number, to: number, startMs: number): { budget: ImproveBudget; used: () => number } {
  let calls = 0;
  if (o.iterations !== undefined) {
    const a = Math.floor(o.iterations * from);
    const b = Math.floor(o.iterations * to);
    return {
      budget: { progress: () => (b <= a ? 1 : calls++ / (b - a)) },
      used: () => calls,
    };
  }
  const limit = o.timeLimitMs ?? 0;
  const a = startMs + limit * from;
  const b = startMs + limit * to;
  return {
    budget: {
      progress: () => {
        calls++;
        return b <= a ? 1 : (performance.now() - a) / (b - a);
      },
    },
    used: () => calls,
  };
}

function toSolution(p: RoutingProblem, s: Sol, constructionMs: number, t0: number, iterations: number): RoutingSolution {
  const routes = s.routes
    .filter((r) => r.nodes.length > 0)
    .map((r) => ({
      vehicle: r.vehicle,
      vehicleId: p.vehicles[r.vehicle]!.id,
      visits: r.nodes.slice(),
      starts: r.start.slice(),
      distance: r.distance,
      load: r.load,
      end: r.end,
      work: r.work,
    }));
  return {
    routes,
    unassigned: s.unassigned.slice().sort((a, b) => a - b),
    distance: totalDistance(s),
    vehicles: usedVehicles(s),
    cost: totalDistance(s) + totalExtra(s),
    stats: { constructionMs, totalMs: performance.now() - t0, iterations },
  };
}

/**
 * Annealing temperatures scaled to the instance: about 1.5x the mean depot-to-job
 * distance at the start (about 50 on Solomon), cooling a hundredfold.
 */
function defaultTemperature(c: Compiled): { start: number; end: number } {
  const depot = c.vehicles[0]?.startNode ?? 0;
  let sum = 0;
  for (const j of c.jobs) sum += c.dist[depot * c.n + j]!;
  const mean = c.jobs.length > 0 ? sum / c.jobs.length : 1;
  const start = Math.max(1e-6, 1.5 * mean);
  return { start, end: start / 100 };
}

/**
 * A starting solution from given routes: each vehicle keeps its jobs in order while they still
 * fit; the rest (and jobs in no route) are inserted where they cost least.
 */
function fromInitial(c: Compiled, initial: number[][], w: CostWeights): Sol {
  const s = emptySol(c, []);
  const isJob = new Uint8Array(c.n);
  for (const j of c.jobs) isJob[j] = 1;
  const placed = new Uint8Array(c.n);
  const rest: number[] = [];
  initial.forEach((visits, v) => {
    const r = s.routes[v];
    if (!r) return;
    for (const u of visits) {
      if (!isJob[u] || placed[u]) continue;
      placed[u] = 1;
      if (insertionDelta(c, r, u, r.nodes.length) < Number.POSITIVE_INFINITY) insertAt(c, r, u, r.nodes.length);
      else rest.push(u);
    }
  });
  for (const j of c.jobs) if (!placed[j]) rest.push(j);
  greedyInsert(c, s, rest, w, {});
  return s;
}

/** Plans routes for every job. Deterministic for a seed when `iterations` is given. */
export function solve(problem: RoutingProblem, options: SolveOptions = {}): RoutingSolution {
  const t0 = performance.now();
  const objective = options.objective ?? 'distance';
  const c = compile(problem);
  const rng = makeRng(options.seed ?? 1);
  const hier = objective === 'vehicles-then-distance';
  const w: CostWeights = { vehicle: hier ? VEHICLE_COST : 0, unassigned: UNASSIGNED_PENALTY };
  let sol = options.initial ? fromInitial(c, options.initial, w) : construct(c, w);
  const constructionMs = performance.now() - t0;
  const hasBudget = (options.iterations ?? 0) > 0 || (options.timeLimitMs ?? 0) > 0;
  let iterations = 0;
  const temp = options.temperature ?? defaultTemperature(c);
  if (hasBudget) {
    const start = performance.now();
    let from = 0;
    if (hier) {
      const phase = budgetSlice(options, 0, 0.6, start);
      const r = eliminateRoutes(c, sol, rng, phase.budget, w);
      sol = r.best;
      iterations += r.iterations;
      from = 0.6;
    }
    const phase = budgetSlice(options, from, 1, start);
    const r = anneal(c, sol, rng, phase.budget, { weights: w, allowNewRoute: true, t0: temp.start, tf: temp.end });
    sol = r.best;
    iterations += r.iterations;
  }
  return toSolution(problem, sol, constructionMs, t0, iterations);
}
