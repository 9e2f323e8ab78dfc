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
  const vehicles = p.vehicles.map((v) => {
    const depart = Math.max(v.shiftStart, ready[v.startNode]!);
    const latestEnd = Math.min(v.shiftEnd, due[v.endNode]!);
    return {
      capacity: v.capacity,
      depart,
      latestEnd,
      startNode: v.startNode,
      endNode: v.endNode,
      signature: `${v.capacity}|${depart}|${latestEnd}|${v.startNode}|${v.endNode}`,
    };
  });
  const jobs = [...p.jobs];
  const neighbours: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const others = jobs.filter((j) => j !== i);
    others.sort((a, b) => dist[i * n + a]! - dist[i * n + b]! || a - b);
    neighbours.push(Int32Array.from(others));
  }
  return { n, dist, time, ready, due, service, demand, vehicles, jobs, neighbours };
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
}

export function emptyRoute(vehicle: number): Route {
  return { vehicle, nodes: [], load: 0, distance: 0, start: [], latest: [], end: 0, feasible: true };
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
  };
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
  for (let i = 0; i < k; i++) {
    const u = r.nodes[i]!;
    const arr = t + time[prev * n + u]!;
    const st = Math.max(arr , ready[u]!);
    if (st > due[u]! + TIME_EPS) ok = false;
    r.start[i] = st;
    t = st + service[u]!;
    d += dist[prev * n + u]!;
    load += demand[u]!;
    prev = u;
  }
  r.end = t + time[prev * n + v.endNode]!;
  d += dist[prev * n + v.endNode]!;
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
  return dist[prev * n + u]! + dist[u * n + next]! - dist[prev * n + next]!;
}

/** Inserts job u at position p and refreshes the route's schedule. */
export function insertAt(c: Compiled, r: Route, u: number, p: number): void {
  r.nodes.splice(p, 0, u);
  updateRoute(c, r);
}
