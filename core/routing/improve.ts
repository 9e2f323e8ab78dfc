/**
 * Improvement: ruin-and-recreate with string removals (SISR, Christiaens & Vanden Berghe)
 * under simulated-annealing acceptance, plus a route-elimination phase for the
 * hierarchical objective.
 */
import { type CostWeights, cloneSol, greedyInsert, type Sol, solCost, usedVehicles } from './insert.ts';
import { randInt, type Rng, shuffle } from './rng.ts';
import { type Compiled, updateRoute } from './schedule.ts';

export interface ImproveBudget {
  /** Returns the fraction of the budget used, in [0, 1]; >= 1 means stop. */
  progress: () => number;
}

const AVG_REMOVED = 10;
const MAX_STRING = 10;
const BLINK = 0.01;

/** Removes strings of consecutive jobs around a random seed job from nearby routes. */
export function ruin(c: Compiled, s: Sol, rng: Rng, seedFrom?: readonly number[]): number[] {
  const routeOf = new Int32Array(c.n).fill(-1);
  let used = 0;
  let total = 0;
  for (let i = 0; i < s.routes.length; i++) {
    const r = s.routes[i]!;
    if (r.nodes.length > 0) {
      used++;
      total += r.nodes.length;
    }
    for (const u of r.nodes) routeOf[u] = i;
  }
  const removed: number[] = [];
  if (used === 0) return removed;
  const lsMax = Math.min(MAX_STRING, total / used);
  const ksMax = (4 * AVG_REMOVED) / (1 + lsMax) - 1;
  const ks = Math.floor(rng() * ksMax) + 1;
  const seed = seedFrom && seedFrom.length > 0 ? seedFrom[randInt(rng, seedFrom.length)]! : c.jobs[randInt(rng, c.jobs.length)]!;
  const ruined = new Set<number>();
  const tryNode = (u: number) => {
    const ri = routeOf[u]!;
    if (ri < 0 || ruined.has(ri)) return;
    const r = s.routes[ri]!;
    const len = r.nodes.length;
    const lMax = Math.min(len, lsMax);
    const l = Math.floor(rng() * lMax) + 1;
    const at = r.nodes.indexOf(u);
    // Choose a window of length l that contains position `at`.
    const lo = Math.max(0, at - l + 1);
    const hi = Math.min(at, len - l);
    const from = lo + randInt(rng, hi - lo + 1);
    const cut = r.nodes.splice(from, l);
    for (const x of cut) routeOf[x] = -1;
    removed.push(...cut);
    ruined.add(ri);
    updateRoute(c, r);
  };
  tryNode(seed);
  const nb = c.neighbours[seed]!;
  for (let i = 0; i < nb.length && ruined.size < ks; i++) tryNode(nb[i]!);
  return removed;
}

function sortForRecreate(c: Compiled, jobs: number[], rng: Rng, absence?: Int32Array): number[] {
  const depot = c.vehicles[0]?.startNode ?? 0;
  const n = c.n;
  const pick = rng() * 11;
  shuffle(rng, jobs);
  if (absence && rng() < 0.5) jobs.sort((a, b) => absence[b]! - absence[a]!);
  else if (pick < 4) {
    /* random */
  } else if (pick < 8) jobs.sort((a, b) => c.demand[b]! - c.demand[a]!);
  else if (pick < 10) jobs.sort((a, b) => c.dist[depot * n + b]! - c.dist[depot * n + a]!);
  else jobs.sort((a, b) => c.dist[depot * n + a]! - c.dist[depot * n + b]!);
  return jobs;
}

/** Drops empty routes' stale data and recomputes nothing else (routes stay per-vehicle). */
function recreate(c: Compiled, s: Sol, removed: number[], w: CostWeights, rng: Rng, allowNew: boolean, absence?: Int32Array) {
  const jobs = sortForRecreate(c, removed.concat(s.unassigned), rng, absence);
  s.unassigned = [];
  const order = shuffle(
    rng,
    s.routes.map((_, i) => i),
  );
  greedyInsert(c, s, jobs, w, { blink: BLINK, rng, allowNewRoute: allowNew }, order);
}

export interface AnnealOptions {
  weights: CostWeights;
  allowNewRoute: boolean;
  t0: number;
  tf: number;
}

/** Simulated annealing over ruin-and-recreate; returns the best solution seen. */
export function anneal(c: Compiled, start: Sol, rng: Rng, budget: ImproveBudget, o: AnnealOptions): { best: Sol; iterations: number } {
  let cur = start;
  let curCost = solCost(cur, o.weights);
  let best = cloneSol(cur);
  let bestCost = curCost;
  let it = 0;
  for (;;) {
    const prog = budget.progress();
    if (prog >= 1) break;
    const temp = o.t0 * (o.tf / o.t0) ** prog;
    const cand = cloneSol(cur);
    const removed = ruin(c, cand, rng);
    recreate(c, cand, removed, o.weights, rng, o.allowNewRoute);
    const cost = solCost(cand, o.weights);
    it++;
    if (cost < curCost - temp * Math.log(rng())) {
      cur = cand;
      curCost = cost;
      if (cost < bestCost - 1e-9) {
        best = cloneSol(cand);
        bestCost = cost;
      }
    }
  }
  return { best, iterations: it };
}

/**
 * Route elimination: empty one route and try to reinsert its jobs into the others,
 * accepting candidates with fewer unassigned jobs or a lower absence sum.
 * Returns a solution with fewer vehicles when it succeeds, else the input.
 */
export function eliminateRoutes(c: Compiled, start: Sol, rng: Rng, budget: ImproveBudget, w: CostWeights): { best: Sol; iterations: number } {
  let best = start;
  let it = 0;
  const absence = new Int32Array(c.n);
  while (budget.progress() < 1 && usedVehicles(best) > 1) {
    let cur = cloneSol(best);
    const nonEmpty = cur.routes.filter((r) => r.nodes.length > 0);
    // Remove a random route among the smaller half.
    nonEmpty.sort((a, b) => a.nodes.length - b.nodes.length);
    const victim = nonEmpty[randInt(rng, Math.max(1, Math.ceil(nonEmpty.length / 2)))]!;
    cur.unassigned.push(...victim.nodes);
    victim.nodes = [];
    updateRoute(c, victim);
    const absSum = (s: Sol) => s.unassigned.reduce((a, u) => a + absence[u]!, 0);
    while (cur.unassigned.length > 0 && budget.progress() < 1) {
      const cand = cloneSol(cur);
      // Half the time the ruin starts next to a job still out, to make room where it is needed.
      const removed = ruin(c, cand, rng, rng() < 0.5 ? cur.unassigned : undefined);
      recreate(c, cand, removed, w, rng, false, absence);
      it++;
      if (cand.unassigned.length < cur.unassigned.length || absSum(cand) < absSum(cur)) cur = cand;
      for (const u of cand.unassigned) absence[u] = absence[u]! + 1;
    }
    if (cur.unassigned.length === 0) best = cur;
    else break;
  }
  return { best, iterations: it };
}
