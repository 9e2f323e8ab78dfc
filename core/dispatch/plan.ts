import type { LatLng } from '../geo.ts';
import type { RoutingNode, RoutingProblem, RoutingVehicle } from '../routing/model.ts';
import { solve } from '../routing/solve.ts';
import type { DispatchObjective } from '../settings.ts';
import { availableWindow, ineligibility, type Reason, type Requirement, type TechnicianFacts } from './eligibility.ts';
import type { TravelMatrix } from './travel.ts';

// Daily route planning (issue 5 point 4, P5.1.2): one team, one day. Every technician's
// sequence of visits within the customers' appointment windows, their shift and their start
// and end places, with the skills the work needs; the arrival deadline hard or soft. The
// objective, through the routing core's penalties: no missed deadline, then least lateness,
// then least travel time, with the work balanced. A job already under way is never moved:
// the technician's day continues from its site when it is done.

export interface StartedJob {
  orderId: string;
  number: string;
  at: LatLng;
  arrivedAt: Date;
  /** When it is expected to be done. */
  until: Date;
}

export interface PlanTechnician extends TechnicianFacts {
  started: StartedJob | null;
}

export interface PlanOrder {
  id: string;
  number: string;
  title: string;
  priority: string;
  location: LatLng | null;
  requirement: Requirement;
  serviceMinutes: number;
  /** The customer's appointment window: arrival within it. */
  windowFrom: Date | null;
  windowTo: Date | null;
  /** The SLA arrival deadline. */
  deadline: Date | null;
  hardDeadline: boolean;
  /** Who has it now (assigned, or in the plan being re-planned): moving it costs objective.reassignCost. */
  currentTechnicianId: string | null;
}

export interface PlanInput {
  day: string;
  /** Midnight of the day in the company's time zone. */
  dayStart: Date;
  now: Date;
  technicians: PlanTechnician[];
  orders: PlanOrder[];
  objective: DispatchObjective;
}

export interface PlanStop {
  orderId: string;
  number: string;
  title: string;
  priority: string;
  location: LatLng;
  arriveAt: string;
  startAt: string;
  endAt: string;
  travelMinutes: number;
  distanceMeters: number;
  waitMinutes: number;
  lateMinutes: number;
  deadline: string | null;
  /** A job under way: not moved by planning or editing. */
  fixed: boolean;
}

export interface PlanRoute {
  technicianId: string;
  name: string;
  start: LatLng;
  end: LatLng;
  departAt: string;
  returnAt: string;
  stops: PlanStop[];
  travelMinutes: number;
  distanceMeters: number;
  workMinutes: number;
}

export interface PlanUnassigned {
  orderId: string;
  number: string;
  title: string;
  priority: string;
  deadline: string | null;
  reasons: Reason[];
}

export interface PlanSummary {
  orders: number;
  planned: number;
  unassigned: number;
  missedDeadlines: number;
  lateMinutes: number;
  travelMinutes: number;
  distanceKm: number;
  work: { minMinutes: number; maxMinutes: number; meanMinutes: number; stddevMinutes: number };
  technicians: number;
  solveMs: number;
  iterations: number;
  travelSource: string;
}

export interface DayPlan {
  routes: PlanRoute[];
  unassigned: PlanUnassigned[];
  summary: PlanSummary;
}

export interface PlanChange {
  orderId: string;
  number: string;
  kind: 'added' | 'moved' | 'resequenced' | 'retimed' | 'dropped';
  fromTechnicianId: string | null;
  toTechnicianId: string | null;
  fromArrival: string | null;
  toArrival: string | null;
}

/** Where each technician and order sits in the travel matrix. */
export interface PlanPoints {
  points: LatLng[];
  /** Per technician index: [start, end] point indices, or null when they cannot be planned. */
  technician: ([number, number] | null)[];
  /** Per order index: its point, or null without a location. */
  order: (number | null)[];
}

const HORIZON_MINUTES = 3 * 1440;
const minutesFrom = (origin: Date, t: Date) => (t.getTime() - origin.getTime()) / 60_000;
const at = (origin: Date, minutes: number) => new Date(origin.getTime() + Math.round(minutes * 60_000)).toISOString();
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The places the matrix must cover: each technician's start (or the job under way) and end, each order's site. */
export function planPoints(input: PlanInput): PlanPoints {
  const points: LatLng[] = [];
  const add = (p: LatLng) => points.push(p) - 1;
  const technician = input.technicians.map((t) => {
    const start = t.started?.at ?? t.start;
    if (!start || !t.end || !availableWindow(t)) return null;
    return [add(start), add(t.end)] as [number, number];
  });
  const order = input.orders.map((o) => (o.location ? add(o.location) : null));
  return { points, technician, order };
}

/** The routing problem for the day: node i of the problem is point i of the matrix. */
export function buildProblem(input: PlanInput, pts: PlanPoints, matrix: TravelMatrix) {
  const origin = input.dayStart;
  const nowMin = Math.max(0, minutesFrom(origin, input.now));
  const nodes: RoutingNode[] = pts.points.map((_, i) => ({ id: i, demand: 0, ready: 0, due: HORIZON_MINUTES, service: 0 }));
  const vehicles: RoutingVehicle[] = [];
  const vehicleOf: number[] = []; // vehicle index -> technician index
  input.technicians.forEach((t, ti) => {
    const ends = pts.technician[ti];
    if (!ends) return;
    const window = availableWindow(t)!;
    const from = Math.max(minutesFrom(origin, window.start), nowMin, t.started ? minutesFrom(origin, t.started.until) : 0);
    vehicleOf.push(ti);
    vehicles.push({ id: t.id, capacity: 1e9, shiftStart: from, shiftEnd: minutesFrom(origin, window.end), startNode: ends[0], endNode: ends[1] });
  });
  const unassigned: PlanUnassigned[] = [];
  const jobs: number[] = [];
  const jobOrder = new Map<number, number>(); // node -> order index
  input.orders.forEach((o, oi) => {
    const node = pts.order[oi];
    const base = { orderId: o.id, number: o.number, title: o.title, priority: o.priority, deadline: o.deadline?.toISOString() ?? null };
    if (node === null || node === undefined) {
      unassigned.push({ ...base, reasons: [{ code: 'no_location' }] });
      return;
    }
    const reasons: Reason[] = [];
    const allowed: number[] = [];
    vehicleOf.forEach((ti, vi) => {
      const why = ineligibility(input.technicians[ti]!, o.requirement, input.day);
      if (why.length === 0) allowed.push(vi);
      else for (const r of why) if (!reasons.some((x) => JSON.stringify(x) === JSON.stringify(r))) reasons.push(r);
    });
    if (allowed.length === 0) {
      unassigned.push({ ...base, reasons: reasons.length ? reasons : [{ code: 'off_shift' }] });
      return;
    }
    const ready = o.windowFrom ? Math.max(0, minutesFrom(origin, o.windowFrom)) : 0;
    let due = o.windowTo ? minutesFrom(origin, o.windowTo) : HORIZON_MINUTES;
    if (o.deadline && o.hardDeadline) due = Math.min(due, minutesFrom(origin, o.deadline));
    const current = o.currentTechnicianId === null ? -1 : vehicleOf.findIndex((ti) => input.technicians[ti]!.id === o.currentTechnicianId);
    nodes[node] = {
      id: o.id,
      demand: 0,
      ready,
      due,
      service: o.serviceMinutes,
      vehicles: allowed,
      ...(o.deadline && !o.hardDeadline ? { softDue: minutesFrom(origin, o.deadline) } : {}),
      ...(current >= 0 ? { currentVehicle: current } : {}),
    };
    jobs.push(node);
    jobOrder.set(node, oi);
  });
  const problem: RoutingProblem = {
    nodes,
    vehicles,
    jobs,
    distance: matrix.minutes,
    travelTime: matrix.minutes,
    penalties: {
      lateJob: input.objective.missedDeadlineCost,
      latePerUnit: input.objective.latenessCostPerMinute,
      balance: input.objective.balanceWeight,
      reassign: input.objective.reassignCost,
    },
  };
  return { problem, vehicleOf, jobOrder, unassigned };
}

/** Times a technician's visits in order: arrival, waiting, start, end, lateness; and what it breaks. */
export function timeRoute(input: PlanInput, pts: PlanPoints, matrix: TravelMatrix, ti: number, orderIndices: readonly number[]) {
  const t = input.technicians[ti]!;
  const ends = pts.technician[ti];
  const origin = input.dayStart;
  const violations: Reason[] = [];
  if (!ends) return { route: null, violations: [ineligibility(t, { skill: null, level: 1, certificates: [], teamId: null }, input.day)[0] ?? { code: 'no_location' as const }] };
  const window = availableWindow(t)!;
  const nowMin = Math.max(0, minutesFrom(origin, input.now));
  const depart = Math.max(minutesFrom(origin, window.start), nowMin, t.started ? minutesFrom(origin, t.started.until) : 0);
  const stops: PlanStop[] = [];
  if (t.started) {
    stops.push({
      orderId: t.started.orderId,
      number: t.started.number,
      title: '',
      priority: '',
      location: t.started.at,
      arriveAt: t.started.arrivedAt.toISOString(),
      startAt: t.started.arrivedAt.toISOString(),
      endAt: t.started.until.toISOString(),
      travelMinutes: 0,
      distanceMeters: 0,
      waitMinutes: 0,
      lateMinutes: 0,
      deadline: null,
      fixed: true,
    });
  }
  let clock = depart;
  let prev = ends[0];
  let travel = 0;
  let meters = 0;
  let work = 0;
  for (const oi of orderIndices) {
    const o = input.orders[oi]!;
    const node = pts.order[oi];
    if (node === null || node === undefined) {
      violations.push({ code: 'no_location' });
      continue;
    }
    const leg = matrix.minutes[prev]![node]!;
    const arrive = clock + leg;
    const ready = o.windowFrom ? minutesFrom(origin, o.windowFrom) : 0;
    const start = Math.max(arrive, ready);
    if (o.windowTo && start > minutesFrom(origin, o.windowTo) + 1e-6) violations.push({ code: 'window', number: o.number });
    const late = o.deadline ? Math.max(0, start - minutesFrom(origin, o.deadline)) : 0;
    if (late > 1e-6 && o.hardDeadline) violations.push({ code: 'deadline', deadline: o.deadline!.toISOString(), earliest: at(origin, start) });
    const end = start + o.serviceMinutes;
    stops.push({
      orderId: o.id,
      number: o.number,
      title: o.title,
      priority: o.priority,
      location: o.location!,
      arriveAt: at(origin, arrive),
      startAt: at(origin, start),
      endAt: at(origin, end),
      travelMinutes: round1(leg),
      distanceMeters: matrix.meters[prev]![node]!,
      waitMinutes: round1(start - arrive),
      lateMinutes: round1(late),
      deadline: o.deadline?.toISOString() ?? null,
      fixed: false,
    });
    travel += leg;
    meters += matrix.meters[prev]![node]!;
    work += leg + o.serviceMinutes;
    clock = end;
    prev = node;
  }
  const back = orderIndices.length > 0 ? matrix.minutes[prev]![ends[1]]! : 0;
  if (orderIndices.length > 0) {
    travel += back;
    meters += matrix.meters[prev]![ends[1]]!;
    work += back;
  }
  const returnAt = clock + back;
  if (returnAt > minutesFrom(origin, window.end) + 1e-6) violations.push({ code: 'shift_end' });
  const route: PlanRoute = {
    technicianId: t.id,
    name: t.name,
    start: t.started?.at ?? t.start!,
    end: t.end!,
    departAt: at(origin, depart),
    returnAt: at(origin, returnAt),
    stops,
    travelMinutes: round1(travel),
    distanceMeters: Math.round(meters),
    workMinutes: round1(work),
  };
  return { route, violations };
}

/** The summary figures of a plan: what was planned, deadlines missed, lateness, travel and the balance of work. */
export function summarize(routes: PlanRoute[], unassigned: PlanUnassigned[], extra: { solveMs: number; iterations: number; travelSource: string }): PlanSummary {
  const stops = routes.flatMap((r) => r.stops.filter((s) => !s.fixed));
  const works = routes.map((r) => r.workMinutes);
  const mean = works.length ? works.reduce((a, b) => a + b, 0) / works.length : 0;
  const variance = works.length ? works.reduce((a, w) => a + (w - mean) ** 2, 0) / works.length : 0;
  return {
    orders: stops.length + unassigned.length,
    planned: stops.length,
    unassigned: unassigned.length,
    missedDeadlines: stops.filter((s) => s.lateMinutes > 0).length + unassigned.filter((u) => u.reasons.some((r) => r.code === 'deadline')).length,
    lateMinutes: round1(stops.reduce((a, s) => a + s.lateMinutes, 0)),
    travelMinutes: round1(routes.reduce((a, r) => a + r.travelMinutes, 0)),
    distanceKm: round1(routes.reduce((a, r) => a + r.distanceMeters, 0) / 1000),
    work: {
      minMinutes: round1(works.length ? Math.min(...works) : 0),
      maxMinutes: round1(works.length ? Math.max(...works) : 0),
      meanMinutes: round1(mean),
      stddevMinutes: round1(Math.sqrt(variance)),
    },
    technicians: routes.length,
    solveMs: Math.round(extra.solveMs),
    iterations: extra.iterations,
    travelSource: extra.travelSource,
  };
}

export interface PlanOptions {
  timeLimitMs?: number;
  iterations?: number;
  seed?: number;
  /** Re-planning: the current sequences, order ids per technician id. */
  initial?: Record<string, string[]>;
}

/** Plans the day. Pure and synchronous: the server runs it in a worker thread. */
export function planDay(input: PlanInput, matrix: TravelMatrix, options: PlanOptions = {}): DayPlan {
  const t0 = performance.now();
  const pts = planPoints(input);
  const { problem, vehicleOf, jobOrder, unassigned } = buildProblem(input, pts, matrix);
  let initial: number[][] | undefined;
  if (options.initial) {
    const nodeOfOrder = new Map(input.orders.map((o, oi) => [o.id, pts.order[oi]]));
    initial = vehicleOf.map((ti) => (options.initial![input.technicians[ti]!.id] ?? []).map((id) => nodeOfOrder.get(id)).filter((x): x is number => typeof x === 'number'));
  }
  const solution = solve(problem, {
    ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
    ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
    seed: options.seed ?? 1,
    ...(initial ? { initial } : {}),
  });
  const byVehicle = new Map(solution.routes.map((r) => [r.vehicle, r]));
  const routes: PlanRoute[] = [];
  vehicleOf.forEach((ti, vi) => {
    const visits = byVehicle.get(vi)?.visits ?? [];
    const { route } = timeRoute(input, pts, matrix, ti, visits.map((node) => jobOrder.get(node)!));
    if (route) routes.push(route);
  });
  for (const node of solution.unassigned) {
    const o = input.orders[jobOrder.get(node)!]!;
    unassigned.push({
      orderId: o.id,
      number: o.number,
      title: o.title,
      priority: o.priority,
      deadline: o.deadline?.toISOString() ?? null,
      reasons: [o.hardDeadline && o.deadline ? { code: 'deadline', deadline: o.deadline.toISOString(), earliest: '' } : { code: 'shift_end' }],
    });
  }
  const summary = summarize(routes, unassigned, { solveMs: performance.now() - t0, iterations: solution.stats.iterations, travelSource: matrix.source });
  return { routes, unassigned, summary };
}

/** What a re-plan changed against the plan it started from. */
export function diffPlans(before: Pick<DayPlan, 'routes' | 'unassigned'>, after: Pick<DayPlan, 'routes' | 'unassigned'>): PlanChange[] {
  type Place = { tech: string; seq: number; arrive: string; number: string };
  const index = (routes: PlanRoute[]) => {
    const m = new Map<string, Place>();
    for (const r of routes) {
      const stops = r.stops.filter((s) => !s.fixed);
      for (const [seq, s] of stops.entries()) m.set(s.orderId, { tech: r.technicianId, seq, arrive: s.arriveAt, number: s.number });
    }
    return m;
  };
  const a = index(before.routes);
  const b = index(after.routes);
  const changes: PlanChange[] = [];
  for (const [id, to] of b) {
    const from = a.get(id);
    const base = { orderId: id, number: to.number, toTechnicianId: to.tech, toArrival: to.arrive };
    if (!from) changes.push({ ...base, kind: 'added', fromTechnicianId: null, fromArrival: null });
    else if (from.tech !== to.tech) changes.push({ ...base, kind: 'moved', fromTechnicianId: from.tech, fromArrival: from.arrive });
    else if (from.seq !== to.seq) changes.push({ ...base, kind: 'resequenced', fromTechnicianId: from.tech, fromArrival: from.arrive });
    else if (Math.abs(Date.parse(from.arrive) - Date.parse(to.arrive)) >= 5 * 60_000)
      changes.push({ ...base, kind: 'retimed', fromTechnicianId: from.tech, fromArrival: from.arrive });
  }
  for (const [id, from] of a) {
    if (!b.has(id)) changes.push({ orderId: id, number: from.number, kind: 'dropped', fromTechnicianId: from.tech, toTechnicianId: null, fromArrival: from.arrive, toArrival: null });
  }
  return changes.sort((x, y) => x.number.localeCompare(y.number));
}
