import type { Kysely, Transaction } from 'kysely';
import { availableWindow, ineligibility, type Reason } from '../../../core/dispatch/eligibility.ts';
import { type CandidateFacts, type OrderTiming, type RankedCandidate, rankCandidates } from '../../../core/dispatch/ranking.ts';
import type { LatLng } from '../../../core/geo.ts';
import { dateInZone } from '../../../core/settings.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { loadOrders, loadTechnicians, type OrderDay, type TechnicianDay } from './facts.ts';
import { assignedOrderIds, findDispatchOrder, findTeamRow, lastServedBy } from './queries.ts';
import { travelProviderFor } from './travel.ts';

// Who should take an order, and may this one (issue 5 points 1-2, P4.1.2): the facts of each
// technician's day around the order (where they travel from, when they are free, how much
// work they already have, whether they served the customer last), ranked by the core with
// reasons. The board's candidates, its assign, auto-dispatch and the lifecycle's assign,
// reassign and take all decide here.

type Db = Kysely<DB> | Transaction<DB>;

export interface DispatchDayRef {
  day: string;
  timeZone: string;
  dayStart: Date;
}

/**
 * The business day an order is dispatched for: the day of its appointment window, else of its
 * planned arrival, else today (company time zone); or the day asked for.
 */
export async function dispatchDayOf(db: Db, order: { preferredFrom: Date | null; plannedArrivalAt: Date | null }, now: Date, asked?: string): Promise<DispatchDayRef> {
  const timeZone = await getSetting(db, 'company.timeZone', now.toISOString().slice(0, 10));
  const day = asked ?? dateInZone(order.preferredFrom ?? order.plannedArrivalAt ?? now, timeZone);
  return { day, timeZone, dayStart: zonedDayStart(day, timeZone) };
}

/** The deadline the order's arrival is judged by, and whether it is hard (dispatch.objective). */
export function timingOf(o: OrderDay): OrderTiming {
  return { deadline: o.deadline ?? o.windowTo, hardDeadline: o.hardDeadline, notBefore: o.windowFrom };
}

/** Started work first, then by planned arrival, place in the route and window. */
function dayOrder(a: OrderDay, b: OrderDay): number {
  const started = Number(b.started) - Number(a.started);
  if (started) return started;
  const t = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return t(a.plannedArrivalAt) - t(b.plannedArrivalAt) || (a.routeSequence ?? 1e9) - (b.routeSequence ?? 1e9) || t(a.windowFrom) - t(b.windowFrom);
}

/**
 * Each technician's facts for the ranking: travel from their latest check-in today
 * ('current'), else the site of their last job of the day ('planned'), else their start
 * ('start'); when they are free; the minutes of work (service plus travel) they have that day;
 * whether they were the assignee of the customer's most recent closed order.
 */
export async function candidateFacts(db: Db, order: OrderDay, technicians: readonly TechnicianDay[], ref: DispatchDayRef, now: Date, region: string | null): Promise<CandidateFacts[]> {
  const ids = await assignedOrderIds(
    db,
    technicians.map((t) => t.id),
    ref.dayStart,
    order.id,
  );
  const [theirs, servedBy, provider] = await Promise.all([
    ids.length ? loadOrders(db, null, ref.day, ref.dayStart, ids) : Promise.resolve([]),
    lastServedBy(db, order.customerId, order.id, now),
    travelProviderFor(db, region, ref.day),
  ]);

  // One travel matrix over every place involved.
  const points: LatLng[] = [];
  const index = new Map<string, number>();
  const pointOf = (p: LatLng | null): number | null => {
    if (!p) return null;
    const key = `${p.latitude},${p.longitude}`;
    let i = index.get(key);
    if (i === undefined) {
      i = points.push(p) - 1;
      index.set(key, i);
    }
    return i;
  };
  const site = pointOf(order.location);
  const days = technicians.map((t) => {
    const jobs = theirs.filter((o) => o.assigneeId === t.id).sort(dayOrder);
    return { t, jobs, start: pointOf(t.start), current: pointOf(t.current), stops: jobs.map((o) => pointOf(o.location)) };
  });
  const matrix = points.length > 1 ? await provider.matrix(points) : null;
  const minutes = (a: number | null, b: number | null): number | null => {
    if (a === null || b === null) return null;
    if (a === b) return 0;
    return matrix?.minutes[a]?.[b] ?? null;
  };

  return days.map(({ t, jobs, start, current, stops }): CandidateFacts => {
    let workload = 0;
    let at = start;
    jobs.forEach((o, i) => {
      workload += (minutes(at, stops[i] ?? null) ?? 0) + o.serviceMinutes;
      if (stops[i] !== null) at = stops[i]!;
    });
    const lastStop = stops.findLast((s) => s !== null) ?? null;
    const from: CandidateFacts['from'] = current !== null ? 'current' : lastStop !== null ? 'planned' : 'start';
    const origin = from === 'current' ? current : from === 'planned' ? lastStop : start;

    let busyUntil = t.started?.until ?? null;
    if (from === 'planned') {
      const last = jobs[stops.lastIndexOf(lastStop)]!;
      const window = availableWindow(t);
      const end = last.plannedArrivalAt
        ? new Date(last.plannedArrivalAt.getTime() + last.serviceMinutes * 60_000)
        : window
          ? new Date(Math.max(now.getTime(), window.start.getTime()) + workload * 60_000)
          : null;
      if (end && (!busyUntil || end > busyUntil)) busyUntil = end;
    }
    return {
      technician: t,
      travelMinutes: minutes(origin, site),
      from,
      busyUntil,
      workloadMinutes: workload,
      servedLast: servedBy !== null && servedBy === t.id,
    };
  });
}

const byRank = (a: RankedCandidate, b: RankedCandidate) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.name.localeCompare(b.name);

/**
 * Ranks technicians for the order (core rankCandidates). Where the travel is unknown (no
 * site or no place to start from) the hard deadline cannot be judged: it is not held against
 * the technician, and `meetsDeadline` stays null.
 */
export async function rankFor(db: Db, order: OrderDay, technicians: readonly TechnicianDay[], ref: DispatchDayRef, now: Date): Promise<RankedCandidate[]> {
  const team = order.teamId ? await findTeamRow(db, order.teamId) : undefined;
  const [facts, weights] = await Promise.all([candidateFacts(db, order, technicians, ref, now, team?.region ?? null), getSetting(db, 'dispatch.ranking', ref.day)]);
  const ranked = rankCandidates(order.requirement, timingOf(order), ref.day, facts, weights, now);
  for (const c of ranked) {
    if (c.travelMinutes !== null) continue;
    const unknown = c.reasons.findIndex((r) => r.code === 'deadline' && !r.earliest);
    if (unknown < 0 || availableWindow(facts.find((f) => f.technician.id === c.technicianId)!.technician) === null) continue;
    c.reasons.splice(unknown, 1);
    c.eligible = c.reasons.length === 0;
    c.meetsDeadline = null;
  }
  return ranked.sort(byRank);
}

/** The order's facts on its dispatch day; 404 when there is no such order. */
export async function orderOnDay(db: Db, orderId: string, now: Date, asked?: string) {
  const row = await findDispatchOrder(db, orderId);
  if (!row) throw errors.notFound();
  const ref = await dispatchDayOf(db, row, now, asked);
  const [order] = await loadOrders(db, null, ref.day, ref.dayStart, [orderId]);
  return { order: order!, ref };
}

/**
 * Every technician who could take the order, ranked: the order's team, or every active
 * technician when it has none.
 */
export async function rankOrder(db: Db, orderId: string, now: Date, asked?: string) {
  const { order, ref } = await orderOnDay(db, orderId, now, asked);
  const technicians = await loadTechnicians(db, order.teamId, ref.day, ref.dayStart, now);
  return { order, ref, candidates: await rankFor(db, order, technicians, ref, now) };
}

/**
 * Why this employee may not take the order now (empty: they may). The travel is looked up
 * only when a hard arrival deadline makes it matter.
 */
export async function assignmentReasons(db: Db, orderId: string, technicianId: string, now: Date): Promise<{ name: string; reasons: Reason[]; timeZone: string } | null> {
  const { order, ref } = await orderOnDay(db, orderId, now);
  const [technician] = await loadTechnicians(db, null, ref.day, ref.dayStart, now, [technicianId], { anyPosition: true });
  if (!technician) return null;
  const timing = timingOf(order);
  const reasons =
    timing.hardDeadline && timing.deadline
      ? (await rankFor(db, order, [technician], ref, now))[0]!.reasons
      : ineligibility(technician, order.requirement, ref.day);
  // An order with no day of its own (no appointment, not planned) is done on the technician's
  // next shift: being off today does not stop them taking it; leave today still does.
  const undated = order.windowFrom === null && order.plannedArrivalAt === null;
  return { name: technician.name, reasons: undated ? reasons.filter((r) => r.code !== 'off_shift') : reasons, timeZone: ref.timeZone };
}
