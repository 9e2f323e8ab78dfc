/**
 * Construction: parallel regret-2 insertion with cached per-route insertion costs
 * (only the route that changed is re-evaluated), then a greedy fallback for leftovers.
 */
import { type CostWeights, emptySol, greedyInsert, type Sol } from './insert.ts';
import { type Compiled, insertAt, insertionDelta, type Route } from './schedule.ts';

function bestOnRoute(c: Compiled, r: Route, u: number): [number, number] {
  let best = Number.POSITIVE_INFINITY;
  let pos = -1;
  for (let p = 0; p <= r.nodes.length; p++) {
    const d = insertionDelta(c, r, u, p);
    if (d < best) {
      best = d;
      pos = p;
    }
  }
  return [best, pos];
}

export function construct(c: Compiled, w: CostWeights): Sol {
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
  if (s.unassigned.length > 0) {
    // Retry the leftovers greedily, hardest (earliest due) first.
    const left = s.unassigned.sort((a, b) => c.due[a]! - c.due[b]! || a - b);
    s.unassigned = [];
    greedyInsert(c, s, left, w, {});
  }
  return s;
}
