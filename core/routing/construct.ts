/**
 * Construction: parallel regret-2 insertion with cached per-route insertion costs
 * (only the route that changed is re-evaluated), then a greedy fallback for leftovers.
 */
import { type CostWeights, emptySol, greedyInsert, type Sol } from './insert.ts';
import { type Compiled, insertAt, insertionDelta, type Route } from './schedule.ts';

function bestOnRoute(c: Compiled, r: Route, u: number): [number, number] {
  let best = Number.POSITIVE_INFINITY;
  let pos = -1;
  if (c.allowed && c.allowed[u * c.vehicles.length + r.vehicle] === 0) return [best, pos];
  for (let p = 0; p <= r.nodes.length; p++) {
    const d = insertionDelta(c, r, u, p);
    if (d < best) {
      best = d;
      pos = p;
    }
  }
  return [best, pos];
}

/**
 * Regret-2 insertion when every vehicle is distinct (the product's technicians: own start,
 * shift, skills). Keeps each job's best and second-best route, so an insertion re-prices
 * the changed route for every job and rescans all routes only for the jobs whose best or
 * second was that route: about O(jobs x route length) per insertion instead of
 * O(jobs x vehicles).
 */
function constructDistinct(c: Compiled, w: CostWeights): Sol {
  const s = emptySol(c, []);
  const V = s.routes.length;
  const n = c.n;
  const cost = new Float64Array(n * V);
  const pos = new Int32Array(n * V);
  const best = new Float64Array(n);
  const second = new Float64Array(n);
  const bestR = new Int32Array(n);
  const secondR = new Int32Array(n);
  const total = (u: number, ri: number) => cost[u * V + ri]! + (s.routes[ri]!.nodes.length === 0 ? w.vehicle : 0);
  const refresh = (u: number, ri: number) => {
    const [b, p] = bestOnRoute(c, s.routes[ri]!, u);
    cost[u * V + ri] = b;
    pos[u * V + ri] = p;
  };
  const rescan = (u: number) => {
    let b = Number.POSITIVE_INFINITY;
    let sc = Number.POSITIVE_INFINITY;
    let br = -1;
    let sr = -1;
    for (let ri = 0; ri < V; ri++) {
      const x = total(u, ri);
      if (x < b) {
        sc = b;
        sr = br;
        b = x;
        br = ri;
      } else if (x < sc) {
        sc = x;
        sr = ri;
      }
    }
    best[u] = b;
    second[u] = sc;
    bestR[u] = b === Number.POSITIVE_INFINITY ? -1 : br;
    secondR[u] = sr;
  };
  let pending = c.jobs.slice();
  for (const u of pending) {
    for (let ri = 0; ri < V; ri++) refresh(u, ri);
    rescan(u);
  }
  while (pending.length > 0) {
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    const stuck: number[] = [];
    for (const u of pending) {
      if (bestR[u]! < 0) {
        stuck.push(u);
        continue;
      }
      const regret = second[u] === Number.POSITIVE_INFINITY ? 1e12 : second[u]! - best[u]!;
      const score = regret - best[u]! * 1e-6;
      if (score > pickScore) {
        pickScore = score;
        pick = u;
      }
    }
    if (stuck.length > 0) {
      s.unassigned.push(...stuck);
      const st = new Set(stuck);
      pending = pending.filter((u) => !st.has(u));
    }
    if (pick < 0) break;
    const r = bestR[pick]!;
    insertAt(c, s.routes[r]!, pick, pos[pick * V + r]!);
    pending = pending.filter((u) => u !== pick);
    for (const u of pending) {
      refresh(u, r);
      if (bestR[u] === r || secondR[u] === r) rescan(u);
      else {
        const x = total(u, r);
        if (x < best[u]!) {
          second[u] = best[u]!;
          secondR[u] = bestR[u]!;
          best[u] = x;
          bestR[u] = r;
        } else if (x < second[u]!) {
          second[u] = x;
          secondR[u] = r;
        }
      }
    }
  }
  return finish(c, s, w);
}

/** Retries the leftovers greedily, hardest (earliest due) first. */
function finish(c: Compiled, s: Sol, w: CostWeights): Sol {
  if (s.unassigned.length > 0) {
    const left = s.unassigned.sort((a, b) => c.due[a]! - c.due[b]! || a - b);
    s.unassigned = [];
    greedyInsert(c, s, left, w, {});
  }
  return s;
}

export function construct(c: Compiled, w: CostWeights): Sol {
  if (new Set(c.vehicles.map((v) => v.signature)).size === c.vehicles.length && c.vehicles.length > 1) return constructDistinct(c, w);
  const s = emptySol(c, []);
  const V = s.routes.length;
  const cost = new Float64Array(c.n * V);
  const pos = new Int32Array(c.n * V);
  let pending = c.jobs.slice();
  const refresh = (u: number, ri: number) => {
    const [b, p] = bestOnRoute(c, s.routes[ri]!, u);
    cost[u * V + ri] = b;
    pos[u * V + ri] = p;
  };
  for (const u of pending) for (let ri = 0; ri < V; ri++) refresh(u, ri);
  while (pending.length > 0) {
    // Candidate routes: all used routes plus one empty vehicle per interchangeable type.
    const cand: number[] = [];
    const seen = new Set<string>();
    for (let ri = 0; ri < V; ri++) {
      const r = s.routes[ri]!;
      if (r.nodes.length > 0) cand.push(ri);
      else {
        const sig = c.vehicles[ri]!.signature;
        if (!seen.has(sig)) {
          seen.add(sig);
          cand.push(ri);
        }
      }
    }
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    let pickRoute = -1;
    const stuck: number[] = [];
    for (const u of pending) {
      let best = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      let bestRoute = -1;
      for (const ri of cand) {
        let x = cost[u * V + ri]!;
        if (x === Number.POSITIVE_INFINITY) continue;
        if (s.routes[ri]!.nodes.length === 0) x += w.vehicle;
        if (x < best) {
          second = best;
          best = x;
          bestRoute = ri;
        } else if (x < second) second = x;
      }
      if (bestRoute < 0) {
        stuck.push(u);
        continue;
      }
      const regret = second === Number.POSITIVE_INFINITY ? 1e12 : second - best;
      const score = regret - best * 1e-6;
      if (score > pickScore) {
        pickScore = score;
        pick = u;
        pickRoute = bestRoute;
      }
    }
    if (stuck.length > 0) {
      s.unassigned.push(...stuck);
      const st = new Set(stuck);
      pending = pending.filter((u) => !st.has(u));
    }
    if (pick < 0) break;
    insertAt(c, s.routes[pickRoute]!, pick, pos[pick * V + pickRoute]!);
    pending = pending.filter((u) => u !== pick);
    for (const u of pending) refresh(u, pickRoute);
  }
  return finish(c, s, w);
}
