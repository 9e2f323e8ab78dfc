/**
 * Time-window arithmetic: compiled flat arrays, per-route forward schedule and
 * backward latest-start times, and O(1) insertion feasibility checks.
 */
import { type RoutingProblem, TIME_EPS, validateProblem } from './model.ts';

export interface CompiledVehicle {
  capacity: number;
  depart: number;
  /** Latest arrival at the end depot. */
  latestEnd: number;
  startNode: number;
  endNode: number;
  /** Vehicles with the same signature are interchangeable when empty. */
  signature: string;
}

export interface Compiled {
  n: number;
  dist: Float64Array;
  time: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  vehicles: CompiledVehicle[];
  jobs: number[];
  /** For each node, the other jobs sorted by distance. */
  neighbours: Int32Array[];
  /** allowed[u * V + v] = 1 when vehicle v may serve job u; null: every vehicle may. */
  allowed: Uint8Array | null;
  /** Soft deadlines (Infinity: none); null when no job has one. */
  softDue: Float64Array | null;
  /** Current vehicle per node (-1: none); null when no job has one. */
  current: Int32Array | null;
  penalties: { lateJob: number; latePerUnit: number; balance: number; reassign: number };
  /** Whether any penalty applies, so the plain VRPTW keeps its constant-time checks. */
  penalized: boolean;
}

/** Up to this many jobs, each node keeps every other job as a neighbour; beyond, the nearest ones. */
const NEIGHBOURS_ALL = 400;
const NEIGHBOURS_NEAREST = 200;

/** The k jobs nearest to node i (other than i), nearest first, ties by index. */
function nearestJobs(dist: Float64Array, n: number, i: number, jobs: readonly number[], k: number): Int32Array {
  const before = (a: number, b: number) => dist[i * n + a]! < dist[i * n + b]! || (dist[i * n + a] === dist[i * n + b] && a < b);
  // A max-heap of the k nearest so far: O(jobs log k) instead of sorting every row.
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let top = at;
      if (l < heap.length && before(heap[top]!, heap[l]!)) top = l;
      if (r < heap.length && before(heap[top]!, heap[r]!)) top = r;
      if (top === at) return;
      [heap[at], heap[top]] = [heap[top]!, heap[at]!];
      at = top;
    }
  };
  for (const j of jobs) {
    if (j === i) continue;
    if (heap.length < k) {
      heap.push(j);
      for (let at = heap.length - 1; at > 0; ) {
        const up = (at - 1) >> 1;
        if (!before(heap[up]!, heap[at]!)) break;
        [heap[at], heap[up]] = [heap[up]!, heap[at]!];
        at = up;
      }
    } else if (before(j, heap[0]!)) {
      heap[0] = j;
      down(0);
    }
  }
  return Int32Array.from(heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)));
}

export function compile(p: RoutingProblem): Compiled {
  validateProblem(p);
  const n = p.nodes.length;
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const dr = p.distance[i]!;
    const tr = p.travelTime[i]!;
    for (let j = 0; j < n; j++) {
      dist[i * n + j] = dr[j]!;
      time[i * n + j] = tr[j]!;
    }
  }
  const ready = Float64Array.from(p.nodes, (x) => x.ready);
  const due = Float64Array.from(p.nodes, (x) => x.due);
  const service = Float64Array.from(p.nodes, (x) => x.service);
  const demand = Float64Array.from(p.nodes, (x) => x.demand);
  const V = p.vehicles.length;
  let allowed: Uint8Array | null = null;
  let softDue: Float64Array | null = null;
  let current: Int32Array | null = null;
  for (const j of p.jobs) {
    const node = p.nodes[j]!;
    if (node.vehicles) {
      allowed ??= new Uint8Array(n * V).fill(1);
      allowed.fill(0, j * V, (j + 1) * V);
      for (const v of node.vehicles) allowed[j * V + v] = 1;
    }
    if (node.softDue !== undefined && Number.isFinite(node.softDue)) {
      softDue ??= new Float64Array(n).fill(Number.POSITIVE_INFINITY);
      softDue[j] = node.softDue;
    }
    if (node.currentVehicle !== undefined) {
      current ??= new Int32Array(n).fill(-1);
      current[j] = node.currentVehicle;
    }
  }
  const penalties = p.penalties ?? { lateJob: 0, latePerUnit: 0, balance: 0, reassign: 0 };
  const penalized = softDue !== null || penalties.balance > 0 || (current !== null && penalties.reassign > 0);
  const distinct = allowed !== null || current !== null;
  const vehicles = p.vehicles.map((v, index) => {
    const depart = Math.max(v.shiftStart, ready[v.startNode]!);
    const latestEnd = Math.min(v.shiftEnd, due[v.endNode]!);
    return {
      capacity: v.capacity,
      depart,
      latestEnd,
      startNode: v.startNode,
      endNode: v.endNode,
      signature: distinct ? `#${index}` : `${v.capacity}|${depart}|${latestEnd}|${v.startNode}|${v.endNode}`,
    };
  });
  const jobs = [...p.jobs];
  const neighbours: Int32Array[] = [];
  const k = jobs.length <= NEIGHBOURS_ALL ? jobs.length : NEIGHBOURS_NEAREST;
  for (let i = 0; i < n; i++) neighbours.push(nearestJobs(dist, n, i, jobs, k));
  return { n, dist, time, ready, due, service, demand, vehicles, jobs, neighbours, allowed, softDue, current, penalties, penalized };
}

/** One vehicle's route with cached schedule. */
export interface Route {
  vehicle: number;
  nodes: number[];
  load: number;
  distance: number;
  /** Service start per position. */
  start: number[];
  /** Latest feasible service start per position. */
  latest: number[];
  /** Arrival at the end depot. */
  end: number;
  feasible: boolean;
  /** Travel plus service time, depot to depot. */
  work: number;
  /** Penalty cost (lateness, balance, reassignment) on top of the route's distance. */
  extra: number;
}

export function emptyRoute(vehicle: number): Route {
  return { vehicle, nodes: [], load: 0, distance: 0, start: [], latest: [], end: 0, feasible: true, work: 0, extra: 0 };
}

export function cloneRoute(r: Route): Route {
  return {
    vehicle: r.vehicle,
    nodes: r.nodes.slice(),
    load: r.load,
    distance: r.distance,
    start: r.start.slice(),
    latest: r.latest.slice(),
    end: r.end,
    feasible: r.feasible,
    work: r.work,
    extra: r.extra,
  };
}

/** Lateness cost of starting job u at time st. */
function lateCost(c: Compiled, u: number, st: number): number {
  const soft = c.softDue![u]!;
  if (!(st > soft + TIME_EPS)) return 0;
  return c.penalties.lateJob + c.penalties.latePerUnit * (st - soft);
}

/** Recomputes load, distance, forward schedule and latest starts of a route. */
export function updateRoute(c: Compiled, r: Route): void {
  const v = c.vehicles[r.vehicle]!;
  const { n, dist, time, ready, due, service, demand } = c;
  const k = r.nodes.length;
  r.start.length = k;
  r.latest.length = k;
  let t = v.depart;
  let prev = v.startNode;
  let load = 0;
  let d = 0;
  let ok = true;
  let work = 0;
  let extra = 0;
  for (let i = 0; i < k; i++) {
    const u = r.nodes[i]!;
    work += time[prev * n + u]! + service[u]!;
    const arr = t + time[prev * n + u]!;
    const st = Math.max(arr , ready[u]!);
    if (st > due[u]! + TIME_EPS) ok = false;
    r.start[i] = st;
    if (c.softDue) extra += lateCost(c, u, st);
    if (c.current && c.current[u]! >= 0 && c.current[u] !== r.vehicle) extra += c.penalties.reassign;
    t = st + service[u]!;
    d += dist[prev * n + u]!;
    load += demand[u]!;
    prev = u;
  }
  r.end = t + time[prev * n + v.endNode]!;
  d += dist[prev * n + v.endNode]!;
  if (k > 0) work += time[prev * n + v.endNode]!;
  r.work = work;
  r.extra = extra + c.penalties.balance * work * work;
  if (r.end > v.latestEnd + TIME_EPS) ok = false;
  if (load > v.capacity + 1e-9) ok = false;
  let latest = v.latestEnd;
  let next = v.endNode;
  for (let i = k - 1; i >= 0; i--) {
    const u = r.nodes[i]!;
    const l = latest - service[u]! - time[u * n + next]!;
    latest = Math.min(l , due[u]!);
    r.latest[i] = latest;
    next = u;
  }
  r.load = load;
  r.distance = d;
  r.feasible = ok;
}

/**
 * Cost increase of inserting job u at position p (before nodes[p]) of route r,
 * or Infinity when the time windows or capacity forbid it.
 */
export function insertionDelta(c: Compiled, r: Route, u: number, p: number): number {
  if (c.allowed && c.allowed[u * c.vehicles.length + r.vehicle] === 0) return Number.POSITIVE_INFINITY;
  const v = c.vehicles[r.vehicle]!;
  if (r.load + c.demand[u]! > v.capacity + 1e-9) return Number.POSITIVE_INFINITY;
  const { n, dist, time, ready, due, service } = c;
  const prev = p === 0 ? v.startNode : r.nodes[p - 1]!;
  const depart = p === 0 ? v.depart : r.start[p - 1]! + service[prev]!;
  const arr = depart + time[prev * n + u]!;
  if (arr > due[u]! + TIME_EPS) return Number.POSITIVE_INFINITY;
  const st = Math.max(arr , ready[u]!);
  const k = r.nodes.length;
  const next = p === k ? v.endNode : r.nodes[p]!;
  const arrNext = st + service[u]! + time[u * n + next]!;
  const limit = p === k ? v.latestEnd : r.latest[p]!;
  if (arrNext > limit + TIME_EPS) return Number.POSITIVE_INFINITY;
  const travel = dist[prev * n + u]! + dist[u * n + next]! - dist[prev * n + next]!;
  return c.penalized ? travel + penaltyDelta(c, r, u, p, prev, next, st) : travel;
}

/**
 * Change of a route's penalty cost when job u starts at st at position p: its own lateness
 * and reassignment, the lateness it pushes onto later jobs (walked only as far as the
 * schedule actually moves), and the balance term of the longer working time.
 */
function penaltyDelta(c: Compiled, r: Route, u: number, p: number, prev: number, next: number, st: number): number {
  const { n, time, ready, service } = c;
  let delta = 0;
  if (c.current && c.current[u]! >= 0 && c.current[u] !== r.vehicle) delta += c.penalties.reassign;
  if (c.penalties.balance > 0) {
    const v = c.vehicles[r.vehicle]!;
    const added =
      r.nodes.length === 0
        ? time[v.startNode * n + u]! + service[u]! + time[u * n + v.endNode]!
        : time[prev * n + u]! + service[u]! + time[u * n + next]! - time[prev * n + next]!;
    const w = r.work + added;
    delta += c.penalties.balance * (w * w - r.work * r.work);
  }
  if (c.softDue) {
    delta += lateCost(c, u, st);
    let t = st + service[u]!;
    let from = u;
    for (let i = p; i < r.nodes.length; i++) {
      const x = r.nodes[i]!;
      const s2 = Math.max(t + time[from * n + x]!, ready[x]!);
      const old = r.start[i]!;
      if (s2 <= old + TIME_EPS) break;
      delta += lateCost(c, x, s2) - lateCost(c, x, old);
      t = s2 + service[x]!;
      from = x;
    }
  }
  return delta;
}

/** Inserts job u at position p and refreshes the route's schedule. */
export function insertAt(c: Compiled, r: Route, u: number, p: number): void {
  r.nodes.splice(p, 0, u);
  updateRoute(c, r);
}
