import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoutingNode, RoutingProblem } from './model.ts';
import { compile, emptyRoute, insertAt, insertionDelta, updateRoute } from './schedule.ts';
import { solve } from './solve.ts';

// The product's extensions of the planning core (issue 5, P5.1.2): which technician may take
// a job, soft arrival deadlines with a lateness cost, balanced work, and re-planning that
// prefers to leave planned jobs where they are.

type Pt = { x: number; y: number; ready: number; due: number; service: number; softDue?: number; vehicles?: number[]; current?: number };

function problem(pts: Pt[], vehicles: number, penalties: RoutingProblem['penalties']): RoutingProblem {
  const nodes: RoutingNode[] = [{ id: 'depot', x: 0, y: 0, demand: 0, ready: 0, due: 10_000, service: 0 } as RoutingNode].concat(
    pts.map((p, i) => ({
      id: i + 1,
      x: p.x,
      y: p.y,
      demand: 0,
      ready: p.ready,
      due: p.due,
      service: p.service,
      ...(p.softDue !== undefined ? { softDue: p.softDue } : {}),
      ...(p.vehicles ? { vehicles: p.vehicles } : {}),
      ...(p.current !== undefined ? { currentVehicle: p.current } : {}),
    })),
  );
  const m = nodes.map((a) => nodes.map((b) => Math.round(Math.hypot(a.x! - b.x!, a.y! - b.y!))));
  return {
    nodes,
    vehicles: Array.from({ length: vehicles }, (_, i) => ({ id: `t${i}`, capacity: 1, shiftStart: 0, shiftEnd: 10_000, startNode: 0, endNode: 0 })),
    jobs: pts.map((_, i) => i + 1),
    distance: m,
    travelTime: m,
    ...(penalties ? { penalties } : {}),
  };
}

const point = (vehicles: number) =>
  fc.record({
    x: fc.integer({ min: -50, max: 50 }),
    y: fc.integer({ min: -50, max: 50 }),
    ready: fc.integer({ min: 0, max: 200 }),
    due: fc.integer({ min: 200, max: 2000 }),
    service: fc.integer({ min: 0, max: 60 }),
    softDue: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    vehicles: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: vehicles - 1 }), { minLength: 1, maxLength: vehicles }), { nil: undefined }),
    current: fc.option(fc.integer({ min: 0, max: vehicles - 1 }), { nil: undefined }),
  });

describe('routing core: penalties and eligibility', () => {
  it('prices an insertion exactly as the route costs after it (lateness, balance, reassignment)', () => {
    fc.assert(
      fc.property(
        fc.array(point(3), { minLength: 2, maxLength: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (pts, pick) => {
          const p = problem(pts, 3, { lateJob: 100, latePerUnit: 3, balance: 0.01, reassign: 40 });
          const c = compile(p);
          const r = emptyRoute(pick % 3);
          // Build a route from every other job, in order, where it fits.
          for (let j = 1; j <= pts.length; j += 2) if (insertionDelta(c, r, j, r.nodes.length) < Infinity) insertAt(c, r, j, r.nodes.length);
          updateRoute(c, r);
          const u = 2 + 2 * (pick % Math.max(1, Math.floor(pts.length / 2)));
          if (u > pts.length || r.nodes.includes(u)) return;
          for (let pos = 0; pos <= r.nodes.length; pos++) {
            const delta = insertionDelta(c, r, u, pos);
            const allowed = !pts[u - 1]!.vehicles || pts[u - 1]!.vehicles!.includes(r.vehicle);
            if (!allowed) {
              expect(delta).toBe(Infinity);
              continue;
            }
            if (delta === Infinity) continue;
            const before = r.distance + r.extra;
            const after = { ...r, nodes: r.nodes.slice(), start: r.start.slice(), latest: r.latest.slice() };
            insertAt(c, after, u, pos);
            expect(after.feasible).toBe(true);
            expect(after.distance + after.extra - before).toBeCloseTo(delta, 6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a job only to the vehicles allowed to serve it', () => {
    fc.assert(
      fc.property(fc.array(point(4), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 99 }), (pts, seed) => {
        const p = problem(pts, 4, { lateJob: 50, latePerUnit: 1, balance: 0.001, reassign: 10 });
        const s = solve(p, { iterations: 30, seed });
        for (const r of s.routes) for (const u of r.visits) if (pts[u - 1]!.vehicles) expect(pts[u - 1]!.vehicles).toContain(r.vehicle);
        const planned = s.routes.flatMap((r) => r.visits).concat(s.unassigned);
        expect(planned.sort((a, b) => a - b)).toEqual(pts.map((_, i) => i + 1));
      }),
      { numRuns: 60 },
    );
  });

  it('serves the job with the tighter soft deadline first, late only where it cannot be helped', () => {
    // Two jobs at the same place 10 away: one is due soft at 10, the other soft at 100.
    const pts: Pt[] = [
      { x: 10, y: 0, ready: 0, due: 5000, service: 30, softDue: 100 },
      { x: 10, y: 0, ready: 0, due: 5000, service: 30, softDue: 10 },
    ];
    const s = solve(problem(pts, 1, { lateJob: 1000, latePerUnit: 10, balance: 0, reassign: 0 }), { iterations: 50 });
    expect(s.routes[0]!.visits).toEqual([2, 1]);
    expect(s.routes[0]!.starts).toEqual([10, 40]);
    expect(s.cost).toBe(20); // no lateness: travel only
  });

  it('pays lateness rather than leaving a soft-deadline job unplanned', () => {
    const pts: Pt[] = [{ x: 100, y: 0, ready: 0, due: 5000, service: 0, softDue: 50 }];
    const s = solve(problem(pts, 1, { lateJob: 1000, latePerUnit: 10, balance: 0, reassign: 0 }), {});
    expect(s.unassigned).toEqual([]);
    expect(s.cost).toBe(200 + 1000 + 10 * 50);
  });

  it('spreads the work across technicians when balance has a weight', () => {
    // Four jobs at the depot's doorstep: without balance one vehicle takes all; with it, two share.
    const pts: Pt[] = Array.from({ length: 4 }, () => ({ x: 1, y: 0, ready: 0, due: 5000, service: 60 }));
    const lazy = solve(problem(pts, 2, { lateJob: 0, latePerUnit: 0, balance: 0, reassign: 0 }), { iterations: 100 });
    expect(lazy.routes.filter((r) => r.visits.length > 0)).toHaveLength(1);
    const fair = solve(problem(pts, 2, { lateJob: 0, latePerUnit: 0, balance: 0.01, reassign: 0 }), { iterations: 100 });
    expect(fair.routes.map((r) => r.visits.length).sort()).toEqual([2, 2]);
  });

  it('re-plans from a given solution and keeps planned jobs on their vehicles when moving them would cost more', () => {
    // Jobs 1-2 are planned on vehicle 0 and 3 on vehicle 1; urgent job 4 arrives next to job 1.
    const pts: Pt[] = [
      { x: 10, y: 0, ready: 0, due: 5000, service: 20, current: 0 },
      { x: 20, y: 0, ready: 0, due: 5000, service: 20, current: 0 },
      { x: -10, y: 0, ready: 0, due: 5000, service: 20, current: 1 },
      { x: 11, y: 0, ready: 0, due: 5000, service: 20, softDue: 15 },
    ];
    const s = solve(problem(pts, 2, { lateJob: 1000, latePerUnit: 10, balance: 0, reassign: 500 }), {
      initial: [[1, 2], [3]],
      iterations: 200,
    });
    const byVehicle = Object.fromEntries(s.routes.map((r) => [r.vehicle, r.visits]));
    expect(byVehicle[0]).toEqual(expect.arrayContaining([1, 2]));
    expect(byVehicle[1]).toEqual(expect.arrayContaining([3]));
    expect(s.unassigned).toEqual([]);
    // Job 4 is due at 15: only vehicle 1 (free, 11 away) or vehicle 0 first can make it.
    const at = s.routes.flatMap((r) => r.visits.map((u, i) => [u, r.starts[i]!] as const)).find(([u]) => u === 4)!;
    expect(at[1]).toBeLessThanOrEqual(15);
  });
});
