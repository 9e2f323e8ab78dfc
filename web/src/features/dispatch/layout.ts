import type { Board, BoardOrder, DispatchPlan, PlanUnassigned } from './types.ts';

// What the board draws, worked out from the board and its plan: the day's time axis, each
// technician's blocks (travel, waiting, visits), the queue of orders nobody has, and where a
// dropped order goes in a technician's sequence. Pure, so it is tested without a browser.

type PlanStopOf = DispatchPlan['routes'][number]['stops'][number];
export type { PlanStopOf as Stop };

export interface Axis {
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

const HOUR = 3_600_000;
const ms = (iso: string) => Date.parse(iso);

/**
 * The day's axis: from the earliest shift start to the latest shift end, widened to hold every
 * planned block, on whole hours. Without any shift: 08:00 to 18:00 of the day in the zone.
 */
export function dayAxis(board: Board, plan: DispatchPlan | null, dayStartMs: number): Axis {
  const times: number[] = [];
  for (const t of board.technicians) {
    if (t.shift) times.push(ms(t.shift.start), ms(t.shift.end));
    else if (t.available) times.push(ms(t.available.start), ms(t.available.end));
  }
  for (const r of plan?.routes ?? []) {
    times.push(ms(r.departAt), ms(r.returnAt));
    // A job under way may have begun days ago: only its end counts.
    for (const s of r.stops) times.push(...(s.fixed ? [] : [ms(s.arriveAt) - s.travelMinutes * 60_000]), ms(s.endAt));
  }
  if (!plan) {
    for (const o of board.orders) if (o.plannedArrivalAt && o.assigneeId) times.push(ms(o.plannedArrivalAt), ms(o.plannedArrivalAt) + o.serviceMinutes * 60_000);
  }
  // Never wider than the day itself; what lies outside is cut at the edges.
  const dayEnd = dayStartMs + 24 * HOUR;
  const valid = times.filter(Number.isFinite).map((x) => Math.max(dayStartMs, Math.min(dayEnd, x)));
  if (valid.length === 0) return { start: dayStartMs + 8 * HOUR, end: dayStartMs + 18 * HOUR };
  // Hours counted from the day's midnight, so a zone with a half-hour offset still gets whole hours.
  const start = dayStartMs + Math.floor((Math.min(...valid) - dayStartMs) / HOUR) * HOUR;
  let end = dayStartMs + Math.ceil((Math.max(...valid) - dayStartMs) / HOUR) * HOUR;
  if (end - start < 2 * HOUR) end = Math.min(dayEnd, start + 2 * HOUR);
  if (end - start < 2 * HOUR) return { start: dayEnd - 2 * HOUR, end: dayEnd };
  return { start, end };
}

/** Where an instant sits on the axis, 0-100 (%), clamped. */
export function percentAt(axis: Axis, at: number): number {
  const x = ((at - axis.start) / (axis.end - axis.start)) * 100;
  return Math.max(0, Math.min(100, x));
}

/** The instant at a fraction (0-1) of the axis. */
export function instantAt(axis: Axis, fraction: number): number {
  return axis.start + Math.max(0, Math.min(1, fraction)) * (axis.end - axis.start);
}

/** Hour marks: every hour, every two or three when the day is long. */
export function hourTicks(axis: Axis): number[] {
  const span = axis.end - axis.start;
  const step = span > 20 * HOUR ? 3 * HOUR : span > 14 * HOUR ? 2 * HOUR : HOUR;
  const out: number[] = [];
  for (let at = axis.start; at <= axis.end; at += step) out.push(at);
  return out;
}

export type Block =
  | { kind: 'travel'; start: number; end: number; minutes: number; km: number | null; toNumber: string | null }
  | { kind: 'wait'; start: number; end: number; minutes: number }
  | {
      kind: 'visit';
      start: number;
      end: number;
      sequence: number;
      orderId: string;
      number: string;
      order: BoardOrder | null;
      stop: PlanStopOf | null;
      /** Planned after its deadline, or the order is at risk. */
      late: boolean;
      /** Under way: never moved. */
      fixed: boolean;
    };

export interface Row {
  blocks: Block[];
  /** Assigned to the technician with no planned time (only without a plan). */
  unscheduled: BoardOrder[];
  /** The visits in order, for the drop position. */
  stops: { orderId: string; start: number; end: number; fixed: boolean }[];
}

/** A technician's row: from the plan's route when there is a plan, else from the orders' planned arrivals. */
export function technicianRow(board: Board, plan: DispatchPlan | null, technicianId: string): Row {
  const orders = new Map(board.orders.map((o) => [o.id, o]));
  if (plan) {
    const route = plan.routes.find((r) => r.technicianId === technicianId);
    // An accepted plan gave its orders away; one reassigned since then shows where it went.
    const accepted = plan.status === 'accepted';
    const stops = (route?.stops ?? []).filter((s) => !accepted || s.fixed || (orders.get(s.orderId)?.assigneeId ?? technicianId) === technicianId);
    const later = accepted ? laterAssignments(board, plan, technicianId) : null;
    if (!route || stops.length === 0) return later ?? { blocks: [], unscheduled: [], stops: [] };
    const blocks: Block[] = [];
    let sequence = 0;
    for (const s of stops) {
      const arrive = ms(s.arriveAt);
      if (s.travelMinutes > 0) {
        blocks.push({ kind: 'travel', start: arrive - s.travelMinutes * 60_000, end: arrive, minutes: s.travelMinutes, km: s.distanceMeters / 1000, toNumber: s.number });
      }
      if (s.waitMinutes > 0) blocks.push({ kind: 'wait', start: arrive, end: ms(s.startAt), minutes: s.waitMinutes });
      const order = orders.get(s.orderId) ?? null;
      blocks.push({
        kind: 'visit',
        start: ms(s.startAt),
        end: ms(s.endAt),
        sequence: s.fixed ? 0 : ++sequence,
        orderId: s.orderId,
        number: s.number,
        order,
        stop: s,
        late: s.lateMinutes > 0 || Boolean(order?.atRisk && !s.fixed),
        fixed: s.fixed || Boolean(order?.started),
      });
    }
    const last = stops.at(-1);
    if (last && last === route.stops.at(-1) && ms(route.returnAt) > ms(last.endAt)) {
      blocks.push({ kind: 'travel', start: ms(last.endAt), end: ms(route.returnAt), minutes: Math.round((ms(route.returnAt) - ms(last.endAt)) / 60_000), km: null, toNumber: null });
    }
    return {
      blocks: [...blocks, ...(later?.blocks ?? [])],
      unscheduled: later?.unscheduled ?? [],
      stops: [...stops.map((s) => ({ orderId: s.orderId, start: ms(s.startAt), end: ms(s.endAt), fixed: s.fixed })), ...(later?.stops ?? [])],
    };
  }
  return fromOrders(board.orders.filter((o) => o.assigneeId === technicianId));
}

/** Orders given to the technician after the accepted plan, outside its routes. */
function laterAssignments(board: Board, plan: DispatchPlan, technicianId: string): Row {
  const inRoute = new Set(plan.routes.find((r) => r.technicianId === technicianId)?.stops.map((s) => s.orderId) ?? []);
  return fromOrders(board.orders.filter((o) => o.assigneeId === technicianId && !inRoute.has(o.id)));
}

/** Visits from the orders' own planned arrivals and sequence (no plan shown). */
function fromOrders(mine: BoardOrder[]): Row {
  const timed = mine
    .filter((o) => o.plannedArrivalAt)
    .sort((a, b) => (a.routeSequence ?? 1e9) - (b.routeSequence ?? 1e9) || ms(a.plannedArrivalAt!) - ms(b.plannedArrivalAt!));
  const blocks: Block[] = timed.map((o, i) => ({
    kind: 'visit',
    start: ms(o.plannedArrivalAt!),
    end: ms(o.plannedArrivalAt!) + o.serviceMinutes * 60_000,
    sequence: o.started ? 0 : (o.routeSequence ?? i + 1),
    orderId: o.id,
    number: o.number,
    order: o,
    stop: null,
    late: o.atRisk,
    fixed: o.started,
  }));
  return {
    blocks,
    unscheduled: mine.filter((o) => !o.plannedArrivalAt),
    stops: timed.map((o) => ({ orderId: o.id, start: ms(o.plannedArrivalAt!), end: ms(o.plannedArrivalAt!) + o.serviceMinutes * 60_000, fixed: o.started })),
  };
}

/**
 * Where an order dropped at `at` goes in a row: the number of the row's movable visits (the
 * dropped order itself left out) whose middle comes before the drop.
 */
export function dropPosition(stops: Row['stops'], orderId: string, at: number): number {
  return stops.filter((s) => !s.fixed && s.orderId !== orderId && (s.start + s.end) / 2 < at).length;
}

export interface QueueItem {
  order: BoardOrder;
  /** Why the plan left it out, when it did. */
  unassigned: PlanUnassigned | null;
  /** At risk of breach: the order says so, or the plan could not place it before its deadline. */
  atRisk: boolean;
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * The queue: with a plan, the orders in none of its routes; without one, the orders nobody has.
 * At risk first, then by arrival deadline (none last), then priority.
 */
export function queueOf(board: Board, plan: DispatchPlan | null): QueueItem[] {
  const planned = new Set(plan?.routes.flatMap((r) => r.stops.map((s) => s.orderId)) ?? []);
  const left = new Map((plan?.unassigned ?? []).map((u) => [u.orderId, u]));
  // A proposed plan decides who gets what; once accepted (or with none) the orders' assignees do.
  const proposed = plan?.status === 'proposed';
  const items = board.orders
    .filter((o) => (proposed ? !planned.has(o.id) : o.assigneeId === null))
    .map((order): QueueItem => {
      const unassigned = left.get(order.id) ?? null;
      const missesDeadline = unassigned?.reasons.some((r) => r.code === 'deadline') ?? false;
      return { order, unassigned, atRisk: order.atRisk || missesDeadline };
    });
  const due = (o: BoardOrder) => (o.arrivalDueAt ? ms(o.arrivalDueAt) : Number.POSITIVE_INFINITY);
  return items.sort(
    (a, b) =>
      Number(b.atRisk) - Number(a.atRisk) ||
      due(a.order) - due(b.order) ||
      (PRIORITY_RANK[a.order.priority] ?? 9) - (PRIORITY_RANK[b.order.priority] ?? 9) ||
      a.order.number.localeCompare(b.order.number),
  );
}

/** Technicians' colours, used alike by the timeline and the map. */
const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96', '#a0d911', '#2f54eb', '#faad14', '#f5222d', '#08979c', '#9254de'];

export function technicianColors(board: Board): Map<string, string> {
  return new Map(board.technicians.map((t, i) => [t.id, PALETTE[i % PALETTE.length]!]));
}

/** The plan's stop for an order, if it has one, with its technician. */
export function stopOf(plan: DispatchPlan | null, orderId: string): { technicianId: string; stop: PlanStopOf } | null {
  for (const r of plan?.routes ?? []) {
    const stop = r.stops.find((s) => s.orderId === orderId);
    if (stop) return { technicianId: r.technicianId, stop };
  }
  return null;
}
