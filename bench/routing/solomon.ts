/** Solomon VRPTW instance parser and adapter to the planning core's model. */
import type { RoutingProblem } from '../../core/routing/model.ts';

export type Rounding = 'dimacs' | 'exact';

export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: SolomonCustomer[];
}

export function parseSolomon(text: string, source = 'instance'): SolomonInstance {
  const lines = text.split(/\r?\n/);
  const name = (lines[0] ?? '').trim();
  if (!name) throw new Error(`${source}: line 1: missing instance name`);
  let vehicles = -1;
  let capacity = -1;
  const customers: SolomonCustomer[] = [];
  let section: 'none' | 'vehicle' | 'customer' = 'none';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const where = `${source}: line ${i + 1}`;
    if (line === '') continue;
    if (/^VEHICLE$/i.test(line)) {
      section = 'vehicle';
      continue;
    }
    if (/^CUSTOMER$/i.test(line)) {
      section = 'customer';
      continue;
    }
    if (/^[A-Z]/i.test(line)) continue; // header lines
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((v) => !Number.isFinite(v))) throw new Error(`${where}: not a number in "${line}"`);
    if (section === 'vehicle') {
      if (nums.length !== 2) throw new Error(`${where}: expected "NUMBER CAPACITY", got "${line}"`);
      [vehicles, capacity] = nums as [number, number];
    } else if (section === 'customer') {
      if (nums.length !== 7) throw new Error(`${where}: expected 7 fields "id x y demand ready due service", got "${line}"`);
      const [id, x, y, demand, ready, due, service] = nums as [number, number, number, number, number, number, number];
      if (id !== customers.length) throw new Error(`${where}: expected customer id ${customers.length}, got ${id}`);
      if (due < ready) throw new Error(`${where}: due ${due} before ready ${ready}`);
      customers.push({ id, x, y, demand, ready, due, service });
    } else {
      throw new Error(`${where}: unexpected data before VEHICLE/CUSTOMER block`);
    }
  }
  if (vehicles <= 0 || capacity <= 0) throw new Error(`${source}: missing or invalid VEHICLE block`);
  if (customers.length < 2) throw new Error(`${source}: no customers`);
  return { name, vehicles, capacity, customers };
}

/** Euclidean distance under a convention: DIMACS truncates to one decimal. */
export function solomonDistance(a: SolomonCustomer, b: SolomonCustomer, rounding: Rounding): number {
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return rounding === 'dimacs' ? Math.floor(d * 10 + 1e-9) / 10 : d;
}

export function toProblem(inst: SolomonInstance, rounding: Rounding): RoutingProblem {
  const cs = inst.customers;
  const matrix = cs.map((a) => cs.map((b) => solomonDistance(a, b, rounding)));
  const depot = cs[0]!;
  return {
    nodes: cs.map((c) => ({ id: c.id, x: c.x, y: c.y, demand: c.demand, ready: c.ready, due: c.due, service: c.service })),
    vehicles: Array.from({ length: inst.vehicles }, (_, i) => ({
      id: i + 1,
      capacity: inst.capacity,
      shiftStart: depot.ready,
      shiftEnd: depot.due,
      startNode: 0,
      endNode: 0,
    })),
    jobs: cs.slice(1).map((c) => c.id),
    distance: matrix,
    travelTime: matrix,
  };
}
