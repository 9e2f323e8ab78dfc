import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../bench/routing/check.ts';
import { parseSolomon, type SolomonInstance, toProblem } from '../../bench/routing/solomon.ts';
import type { RoutingProblem } from './model.ts';
import { solve } from './solve.ts';

/** Builds a problem from points with time windows; node 0 is the depot. */
function lineProblem(
  pts: { x: number; demand?: number; ready?: number; due?: number; service?: number }[],
  vehicles: number,
  capacity: number,
  horizon = 1000,
): RoutingProblem {
  const nodes = [{ id: 0, x: 0, demand: 0, ready: 0, due: horizon, service: 0 }].concat(
    pts.map((p, i) => ({ id: i + 1, x: p.x, demand: p.demand ?? 1, ready: p.ready ?? 0, due: p.due ?? horizon, service: p.service ?? 0 })),
  );
  const m = nodes.map((a) => nodes.map((b) => Math.abs(a.x - b.x)));
  return {
    nodes,
    vehicles: Array.from({ length: vehicles }, (_, i) => ({ id: i, capacity, shiftStart: 0, shiftEnd: horizon, startNode: 0, endNode: 0 })),
    jobs: nodes.slice(1).map((_, i) => i + 1),
    distance: m,
    travelTime: m,
  };
}

describe('routing core: hand-made problems', () => {
  it('visits points on a line in one route of length 2 * farthest', () => {
    const s = solve(lineProblem([{ x: 3 }, { x: 1 }, { x: 2 }], 3, 10), { iterations: 50, seed: 1 });
    expect(s.unassigned).toEqual([]);
    expect(s.vehicles).toBe(1);
    expect(s.distance).toBe(6);
  });

  it('splits routes when capacity binds', () => {
    const s = solve(lineProblem([{ x: 1, demand: 6 }, { x: 2, demand: 6 }], 2, 10), { iterations: 50, seed: 1 });
    expect(s.vehicles).toBe(2);
    expect(s.distance).toBe(6);
  });

  it('waits for a window to open', () => {
    const s = solve(lineProblem([{ x: 5, ready: 20, due: 30, service: 2 }], 1, 10), {});
    const r = s.routes[0]!;
    expect(r.starts).toEqual([20]);
    expect(r.end).toBe(27);
  });

  it('accepts service starting exactly at the due time', () => {
    // Depot -> 10 (t=10, service 5) -> 20 (arrives 25, due 25).
    const p = lineProblem([{ x: 10, due: 10, service: 5 }, { x: 20, ready: 0, due: 25 }], 1, 10);
    const s = solve(p, { iterations: 20 });
    expect(s.unassigned).toEqual([]);
    expect(s.routes[0]!.visits).toEqual([1, 2]);
    expect(s.routes[0]!.starts).toEqual([10, 25]);
  });

  it('needs a second vehicle when one time unit late', () => {
    const p = lineProblem([{ x: 10, due: 10, service: 5 }, { x: 20, ready: 0, due: 24 }], 2, 10);
    const s = solve(p, { iterations: 20 });
    expect(s.unassigned).toEqual([]);
    expect(s.vehicles).toBe(2);
  });

  it('reports a job it cannot serve as unassigned', () => {
    const p = lineProblem([{ x: 50, due: 10 }], 1, 10);
    const s = solve(p, { iterations: 10 });
    expect(s.unassigned).toEqual([1]);
  });

  it('respects the return-to-depot deadline', () => {
    const p = lineProblem([{ x: 40, service: 30 }], 1, 10, 100);
    expect(solve(p, {}).unassigned).toEqual([1]);
    const q = lineProblem([{ x: 35, service: 30 }], 1, 10, 100);
    expect(solve(q, {}).routes[0]!.end).toBe(100);
  });

  it('is deterministic for a seed with an iteration budget', () => {
    const inst = randomInstance(42, 25);
    const p = toProblem(inst, 'exact');
    const a = solve(p, { iterations: 300, seed: 7 });
    const b = solve(p, { iterations: 300, seed: 7 });
    expect(a.routes.map((r) => r.visits)).toEqual(b.routes.map((r) => r.visits));
    expect(a.distance).toBe(b.distance);
  });
});

function randomInstance(seed: number, n: number, tight = 60): SolomonInstance {
  let x = seed >>> 0 || 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const horizon = 400;
  const depot = { id: 0, x: 50, y: 50, demand: 0, ready: 0, due: horizon, service: 0 };
  const customers = [depot];
  for (let i = 1; i <= n; i++) {
    const cx = Math.floor(rnd() * 101);
    const cy = Math.floor(rnd() * 101);
    const d = Math.ceil(Math.hypot(cx - 50, cy - 50));
    const service = Math.floor(rnd() * 10);
    const latestStart = horizon - service - d - 1;
    const ready = Math.floor(d + rnd() * Math.max(0, latestStart - d - tight));
    const due = Math.min(latestStart, ready + Math.floor(rnd() * tight));
    customers.push({ id: i, x: cx, y: cy, demand: 1 + Math.floor(rnd() * 20), ready, due: Math.max(due, ready), service });
  }
  return { name: `rand${seed}`, vehicles: n, capacity: 50, customers };
}

describe('routing core: property', () => {
  it('returns solutions the independent checker accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('dimacs' as const, 'exact' as const),
        fc.constantFrom('distance' as const, 'vehicles-then-distance' as const),
        (seed, n, tight, rounding, objective) => {
          const inst = randomInstance(seed, n, tight);
          const p = toProblem(inst, rounding);
          const s = solve(p, { iterations: 150, seed, objective });
          expect(s.unassigned).toEqual([]);
          const routes = s.routes.map((r) => r.visits.map((i) => Number(p.nodes[i]!.id)));
          const chk = checkSolution(inst, routes, rounding);
          expect(chk.errors).toEqual([]);
          expect(chk.distance).toBeCloseTo(s.distance, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Solomon files', () => {
  it('parses C101 and builds a feasible construction', () => {
    const inst = parseSolomon(readFileSync(new URL('../../bench/routing/fixtures/C101.txt', import.meta.url), 'utf8'), 'C101');
    expect(inst.customers).toHaveLength(101);
    expect(inst.vehicles).toBe(25);
    expect(inst.capacity).toBe(200);
    const p = toProblem(inst, 'dimacs');
    const s = solve(p, {});
    expect(s.unassigned).toEqual([]);
    const chk = checkSolution(
      inst,
      s.routes.map((r) => r.visits),
      'dimacs',
    );
    expect(chk.errors).toEqual([]);
    expect(chk.feasible).toBe(true);
  });

  it('names the bad line', () => {
    const bad = 'X1\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nCUST NO. ...\n 0 0 0 0 0 100 0\n 1 3 x 1 0 50 0\n';
    expect(() => parseSolomon(bad, 'bad.txt')).toThrow(/bad\.txt: line 10/);
  });

  it('the checker rejects a late visit and a missing customer', () => {
    const inst = randomInstance(3, 3);
    inst.customers[1]!.due = 0;
    inst.customers[1]!.ready = 0;
    const chk = checkSolution(inst, [[1, 2]], 'exact');
    expect(chk.feasible).toBe(false);
    expect(chk.errors.some((e) => e.includes('customer 1 starts'))).toBe(true);
    expect(chk.errors.some((e) => e.includes('customer 3 visited 0 times'))).toBe(true);
  });
});
