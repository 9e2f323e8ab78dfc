/**
 * Routing problem model (pure data, no I/O).
 *
 * Nodes are addressed by their index in `nodes`; the matrices are indexed the same way.
 * Depots are ordinary nodes referenced by vehicles; every node listed in `jobs` must be
 * visited exactly once. Travel times and distances are inputs, so the product can plug in
 * road factors or an OSRM/Valhalla provider later.
 */
export interface RoutingNode {
  /** Caller's identifier (e.g. a Solomon customer number or an order id). */
  id: string | number;
  x?: number;
  y?: number;
  demand: number;
  /** Earliest service start. */
  ready: number;
  /** Latest service start (for a depot used as end: latest arrival). */
  due: number;
  service: number;
  /**
   * Soft deadline on the service start: starting later is allowed at the problem's
   * lateness cost (a hard deadline is `due`). Absent: none.
   */
  softDue?: number;
  /** Indices of the vehicles that may serve this job (skills, certificates, leave). Absent: all. */
  vehicles?: number[];
  /** The vehicle the job is planned on now; serving it on another costs `penalties.reassign`. */
  currentVehicle?: number;
}

/** Costs added to travel in the objective, in the same units as `distance`. */
export interface RoutingPenalties {
  /** Per job started after its soft deadline. */
  lateJob: number;
  /** Per time unit after a soft deadline. */
  latePerUnit: number;
  /** Times the square of each route's working time (travel plus service): spreads the work. */
  balance: number;
  /** Per job moved off its current vehicle. */
  reassign: number;
}

export interface RoutingVehicle {
  id: string | number;
  capacity: number;
  shiftStart: number;
  shiftEnd: number;
  startNode: number;
  endNode: number;
}

export interface RoutingProblem {
  nodes: RoutingNode[];
  vehicles: RoutingVehicle[];
  /** Node indices that must be visited. */
  jobs: number[];
  /** distance[i][j], used for the objective. */
  distance: ArrayLike<number>[];
  /** travelTime[i][j], used for the schedule. */
  travelTime: ArrayLike<number>[];
  penalties?: RoutingPenalties;
}

export type RoutingObjective = 'distance' | 'vehicles-then-distance';

export interface SolveOptions {
  /** Wall-clock budget for improvement (construction is always run). */
  timeLimitMs?: number;
  /** Fixed iteration budget; when set, the run is fully deterministic for a seed. */
  iterations?: number;
  seed?: number;
  objective?: RoutingObjective;
  /** Simulated-annealing start/end temperatures (in distance units). */
  temperature?: { start: number; end: number };
  /** A starting solution: job node indices per vehicle index (re-planning keeps what still fits). */
  initial?: number[][];
}

export interface PlannedRoute {
  vehicle: number;
  vehicleId: string | number;
  /** Job node indices in visiting order (depots excluded). */
  visits: number[];
  /** Service start per visit. */
  starts: number[];
  distance: number;
  load: number;
  /** Arrival time at the end depot. */
  end: number;
  /** Travel plus service time. */
  work: number;
}

export interface RoutingSolution {
  routes: PlannedRoute[];
  unassigned: number[];
  distance: number;
  vehicles: number;
  /** The objective's value: travel plus penalties (unassigned jobs excluded). */
  cost: number;
  stats: { constructionMs: number; totalMs: number; iterations: number };
}

/** Tolerance used when comparing times (shared convention with the bench checker). */
export const TIME_EPS = 1e-6;

export function validateProblem(p: RoutingProblem): void {
  const n = p.nodes.length;
  if (p.distance.length !== n || p.travelTime.length !== n) {
    throw new Error(`matrix size ${p.distance.length}/${p.travelTime.length} does not match ${n} nodes`);
  }
  for (let i = 0; i < n; i++) {
    if ((p.distance[i]?.length ?? -1) !== n || (p.travelTime[i]?.length ?? -1) !== n) {
      throw new Error(`matrix row ${i} has the wrong length`);
    }
  }
  const seen = new Set<number>();
  for (const j of p.jobs) {
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new Error(`job ${j} is not a node index`);
    if (seen.has(j)) throw new Error(`job ${j} listed twice`);
    seen.add(j);
    const node = p.nodes[j]!;
    for (const v of node.vehicles ?? []) {
      if (!Number.isInteger(v) || v < 0 || v >= p.vehicles.length) throw new Error(`job ${j}: vehicle ${v} is not a vehicle index`);
    }
  }
  for (const v of p.vehicles) {
    for (const d of [v.startNode, v.endNode]) {
      if (!Number.isInteger(d) || d < 0 || d >= n) throw new Error(`vehicle ${v.id}: depot ${d} is not a node index`);
      if (seen.has(d)) throw new Error(`vehicle ${v.id}: depot ${d} is also a job`);
    }
  }
}
