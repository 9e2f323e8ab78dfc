/**
 * Independent feasibility checker for Solomon solutions. It simulates each route from the
 * raw instance data and shares no code with the planner's time-window logic.
 * Under `dimacs` it works in integer tenths, so no floating-point rounding is involved.
 */
import type { Rounding, SolomonInstance } from './solomon.ts';

export interface CheckResult {
  feasible: boolean;
  vehicles: number;
  distance: number;
  errors: string[];
}

const EPS = 1e-6;

export function checkSolution(inst: SolomonInstance, routes: number[][], rounding: Rounding): CheckResult {
  const errors: string[] = [];
  const cs = inst.customers;
  const scale = rounding === 'dimacs' ? 10 : 1;
  const travel = (i: number, j: number): number => {
    const a = cs[i]!;
    const b = cs[j]!;
    const d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    return rounding === 'dimacs' ? Math.floor(d * 10 + 1e-9) : d;
  };
  const tol = rounding === 'dimacs' ? 0 : EPS;
  const visits = new Map<number, number>();
  let total = 0;
  const used = routes.filter((r) => r.length > 0);
  if (used.length > inst.vehicles) errors.push(`${used.length} routes but only ${inst.vehicles} vehicles`);
  const depot = cs[0]!;
  used.forEach((route, k) => {
    let load = 0;
    let t = depot.ready * scale;
    let at = 0;
    for (const id of route) {
      const c = cs[id];
      if (!c || id === 0) {
        errors.push(`route ${k + 1}: unknown customer ${id}`);
        return;
      }
      visits.set(id, (visits.get(id) ?? 0) + 1);
      load += c.demand;
      const leg = travel(at, id);
      total += leg;
      const arrival = t + leg;
      const start = Math.max(arrival, c.ready * scale);
      if (start > c.due * scale + tol) errors.push(`route ${k + 1}: customer ${id} starts at ${start / scale} after due ${c.due}`);
      t = start + c.service * scale;
      at = id;
    }
    const back = travel(at, 0);
    total += back;
    if (t + back > depot.due * scale + tol) errors.push(`route ${k + 1}: returns at ${(t + back) / scale} after depot due ${depot.due}`);
    if (load > inst.capacity) errors.push(`route ${k + 1}: load ${load} over capacity ${inst.capacity}`);
  });
  for (let id = 1; id < cs.length; id++) {
    const n = visits.get(id) ?? 0;
    if (n !== 1) errors.push(`customer ${id} visited ${n} times`);
  }
  return { feasible: errors.length === 0, vehicles: used.length, distance: total / scale, errors };
}
