import { ineligibility, type Reason } from '../../../core/dispatch/eligibility.ts';
import {
  type DayPlan,
  diffPlans,
  type PlanInput,
  type PlanOptions,
  type PlanRoute,
  type PlanUnassigned,
  planPoints,
  summarize,
  timeRoute,
} from '../../../core/dispatch/plan.ts';
import type { Action } from '../../../core/work-order-lifecycle.ts';
import type { DispatchLimits } from '../../../core/settings.ts';
import type { DispatchPlansTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import { type Actor, can, type ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { message } from '../../platform/messages.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { getSetting } from '../settings/service.ts';
import { applyTransition } from '../work-orders/transitions.ts';
import { ineligibleError } from './effects.ts';
import { type DispatchDay, loadDispatchDay, loadOrders, loadTechnicians, type OrderDay, type TechnicianDay, VISIT_STATES } from './facts.ts';
import {
  clearPlannedFields,
  findPlan,
  insertPlan,
  lockPlan,
  type PlannedFields,
  plannedFieldsOf,
  restorePlannedFields,
  setPlannedFields,
  settingVersions,
  supersedePlans,
  teamExists,
} from './plan-queries.ts';
import type { CreatePlan, MovePlan, UrgentPlan } from './plan-schemas.ts';
import { PlannerError, runPlanner } from './planner.ts';
import { mayDispatchTeam } from './policy.ts';
import { presentPlan } from './presenter.ts';
import { travelProviderFor } from './travel.ts';

// Day plans (issue 5 point 4, P5.1.2): plan a team's day in the planning worker, edit the
// proposal by moving one order, re-plan with the least disruption when an urgent order
// arrives, accept (each order assigned through the lifecycle, with its planned arrival and
// place in the sequence) or discard. A job already started is never moved.

type PlanRow = Selectable<DispatchPlansTable>;
type Facts = Omit<PlanInput, 'technicians' | 'orders'> & { technicians: TechnicianDay[]; orders: OrderDay[] };

/** Settings a plan depends on; their versions are kept with the plan. */
const PLAN_SETTINGS = ['dispatch.objective', 'dispatch.travel', 'dispatch.requirements', 'dispatch.limits', 'dispatch.defaultShift'] as const;
/** Where a reassignment by an accepted plan may start from (core/work-order-lifecycle.ts 'reassign', less the started states). */
const REASSIGNABLE = ['assigned', 'accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled', 'on_hold'];

/** Plans a team's day: a supervisor for the teams they lead; managers and administrators for any. */
function mayPlan(actor: Actor, teamId: string) {
  return can(actor, 'dispatch.plan') && (actor.role !== 'supervisor' || actor.supervisedTeamIds.includes(teamId));
}

const overLimit = (limit: keyof DispatchLimits, value: number, max: number) => errors.rule('dispatch.over_limit', { limit, value, max }, { limit, value, max });
const planClosed = (row: PlanRow) => new AppError(409, 'dispatch.plan_closed', { extra: { status: row.status } });

/** The orders the planner places: every open one needing a visit, less the jobs under way (the technicians' `started`). */
function plannable(facts: Facts): Facts {
  const orders: OrderDay[] = facts.orders;
  return { ...facts, orders: orders.filter((o) => !o.started) };
}

/** A planning request over dispatch.limits is refused, naming the limit, before any work is done. */
function checkLimits(input: PlanInput, limits: DispatchLimits) {
  if (input.orders.length > limits.maxOrders) throw overLimit('maxOrders', input.orders.length, limits.maxOrders);
  if (input.technicians.length > limits.maxTechnicians) throw overLimit('maxTechnicians', input.technicians.length, limits.maxTechnicians);
}

async function plan(ctx: ServiceContext, facts: DispatchDay, input: PlanInput, options: PlanOptions): Promise<{ plan: DayPlan; source: string }> {
  const provider = await travelProviderFor(ctx.db, facts.team.region, facts.day);
  const matrix = await provider.matrix(planPoints(input).points);
  try {
    return { plan: await runPlanner(input, matrix, options), source: matrix.source };
  } catch (err) {
    if (err instanceof PlannerError) throw new AppError(503, 'dispatch.planner_failed', { extra: { reason: err.message.split('\n')[0] } });
    throw err;
  }
}

async function planSettings(ctx: ServiceContext, input: PlanInput, day: string, extra: { travelSource: string; seconds: number }) {
  return { objective: input.objective, ...extra, versions: await settingVersions(ctx.db, PLAN_SETTINGS, day) };
}

async function loadPlan(ctx: ServiceContext, id: string, may: (actor: Actor, teamId: string) => boolean) {
  const row = await findPlan(ctx.db, id);
  if (!row) throw errors.notFound();
  if (!may(ctx.actor, row.teamId)) throw errors.forbidden();
  return row;
}

async function loadFacts(ctx: ServiceContext, teamId: string, day: string, now: Date) {
  const facts = await loadDispatchDay(ctx.db, teamId, day, now);
  if (!facts) throw errors.notFound();
  return facts;
}

export async function getPlan(ctx: ServiceContext, id: string) {
  return presentPlan(await loadPlan(ctx, id, mayDispatchTeam));
}

/** Stores a new proposal; the team's earlier proposals for the day are superseded. */
async function storeProposal(
  ctx: ServiceContext,
  teamId: string,
  day: string,
  result: DayPlan,
  extra: { basedOn: PlanRow | null; changes: unknown[]; settings: unknown; baseVersion?: number },
) {
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (extra.basedOn) {
      // The plan re-planned from must still be as the caller saw it.
      const base = await lockPlan(trx, extra.basedOn.id);
      if (!base || base.version !== extra.baseVersion || base.status !== extra.basedOn.status) throw errors.stale();
    }
    const row = await insertPlan(trx, {
      teamId,
      day,
      basedOnId: extra.basedOn?.id ?? null,
      routes: result.routes,
      unassigned: result.unassigned,
      summary: result.summary,
      changes: extra.changes,
      settings: extra.settings,
      createdBy: ctx.actor.userId,
    });
    const superseded = await supersedePlans(trx, teamId, day, 'proposed', row.id);
    await writeAudit(trx, ctx, {
      action: extra.basedOn ? 'dispatch_plan.replan' : 'dispatch_plan.create',
      entityType: 'dispatch_plan',
      entityId: row.id,
      after: { teamId, day, basedOnId: row.basedOnId, summary: result.summary, superseded },
    });
    return row;
  });
  publishBoardEvent({ type: 'plan', planId: row.id, teamId });
  return presentPlan(row);
}

/** POST /dispatch/teams/:teamId/plans: plans the team's day in the planning worker. */
export async function createPlan(ctx: ServiceContext, teamId: string, body: CreatePlan, now = new Date()) {
  if (!(await teamExists(ctx.db, teamId))) throw errors.notFound();
  if (!mayPlan(ctx.actor, teamId)) throw errors.forbidden();
  const limits = await getSetting(ctx.db, 'dispatch.limits', body.day);
  const seconds = body.seconds ?? limits.teamSeconds;
  if (seconds > limits.maxSeconds) throw overLimit('maxSeconds', seconds, limits.maxSeconds);
  const facts = await loadFacts(ctx, teamId, body.day, now);
  const input = plannable(facts.input);
  checkLimits(input, limits);
  const { plan: result, source } = await plan(ctx, facts, input, { timeLimitMs: seconds * 1000 });
  const settings = await planSettings(ctx, input, body.day, { travelSource: source, seconds });
  return storeProposal(ctx, teamId, body.day, result, { basedOn: null, changes: [], settings });
}

/** The orders of a plan, by id: the day's facts, and any the facts no longer list (loaded by id). */
async function ordersOf(ctx: ServiceContext, facts: DispatchDay, ids: readonly string[]): Promise<Map<string, OrderDay>> {
  const byId = new Map<string, OrderDay>(facts.input.orders.map((o: OrderDay) => [o.id, o]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const o of await loadOrders(ctx.db, null, facts.day, facts.input.dayStart, missing)) byId.set(o.id, o);
  return byId;
}

const sequenceOf = (r: PlanRoute | undefined) => (r ? r.stops.filter((s) => !s.fixed).map((s) => s.orderId) : []);
const reasonKey = (r: Reason) => JSON.stringify(r);

/** Times technicians' sequences on the current facts: one travel matrix for the places involved. */
async function timeSequences(ctx: ServiceContext, facts: DispatchDay, orders: Map<string, OrderDay>, sequences: { technicianId: string; orderIds: string[] }[]) {
  const known = sequences.filter((s) => facts.input.technicians.some((t) => t.id === s.technicianId));
  const technicians = known.map((s) => facts.input.technicians.find((t) => t.id === s.technicianId)!);
  const involved = [...new Set(known.flatMap((s) => s.orderIds))].flatMap((id) => orders.get(id) ?? []);
  const input: PlanInput = { ...facts.input, technicians, orders: involved };
  const pts = planPoints(input);
  const provider = await travelProviderFor(ctx.db, facts.team.region, facts.day);
  const matrix = await provider.matrix(pts.points);
  const index = new Map(involved.map((o, i) => [o.id, i]));
  return sequences.map((s) => {
    const ti = known.indexOf(s);
    // Someone no longer among the team's technicians has no route to time.
    if (ti < 0) return { route: null, violations: [{ code: 'off_shift' }] as Reason[] };
    return timeRoute(input, pts, matrix, ti, s.orderIds.flatMap((id) => index.get(id) ?? []));
  });
}

/**
 * POST /dispatch/plans/:planId/moves: moves one order of a proposal to a technician at a
 * position (or back to the queue), checked by the same rules as assigning (P4.1.2) and
 * re-timed; a move that breaks a window, a hard deadline or the shift end is refused.
 */
export async function moveInPlan(ctx: ServiceContext, planId: string, body: MovePlan, now = new Date()) {
  const row = await loadPlan(ctx, planId, mayPlan);
  if (row.status !== 'proposed') throw planClosed(row);
  if (row.version !== body.version) throw errors.stale();
  const routes = row.routes as PlanRoute[];
  const queue = row.unassigned as PlanUnassigned[];
  const fromRoute = routes.find((r) => r.stops.some((s) => s.orderId === body.orderId));
  const stop = fromRoute?.stops.find((s) => s.orderId === body.orderId);
  if (stop?.fixed) throw errors.rule('dispatch.fixed_stop', { number: stop.number }, { orderId: stop.orderId });

  const facts = await loadFacts(ctx, row.teamId, row.day, now);
  const target = routes.find((r) => r.technicianId === body.technicianId);
  const orders = await ordersOf(ctx, facts, [body.orderId, ...sequenceOf(fromRoute), ...sequenceOf(target)]);
  const order = orders.get(body.orderId);
  if (!order || (!fromRoute && !queue.some((u) => u.orderId === body.orderId) && !facts.input.orders.some((o) => o.id === body.orderId))) {
    throw errors.invalidField('orderId', 'field.reference');
  }
  if (order.started) throw errors.rule('dispatch.fixed_stop', { number: order.number }, { orderId: order.id });

  let nextRoutes = routes;
  let nextQueue = queue.filter((u) => u.orderId !== body.orderId);
  if (body.technicianId === null) {
    if (fromRoute) {
      const [timed] = await timeSequences(ctx, facts, orders, [{ technicianId: fromRoute.technicianId, orderIds: sequenceOf(fromRoute).filter((id) => id !== body.orderId) }]);
      nextRoutes = routes.map((r) => (r === fromRoute ? (timed!.route ?? { ...r, stops: r.stops.filter((s) => s.orderId !== body.orderId) }) : r));
    }
    nextQueue = [
      ...nextQueue,
      { orderId: order.id, number: order.number, title: order.title, priority: order.priority, deadline: order.deadline?.toISOString() ?? null, reasons: [] },
    ];
  } else {
    const technician = facts.input.technicians.find((t) => t.id === body.technicianId);
    if (!technician) throw errors.invalidField('technicianId', 'field.reference');
    const refused = ineligibility(technician, order.requirement, row.day);
    if (refused.length > 0) throw ineligibleError(technician.name, refused, facts.timeZone);
    const before = sequenceOf(target);
    const after = before.filter((id) => id !== body.orderId);
    after.splice(Math.min(body.position, after.length), 0, body.orderId);
    const sequences = [
      { technicianId: technician.id, orderIds: before },
      { technicianId: technician.id, orderIds: after },
    ];
    const moving = fromRoute && fromRoute !== target;
    if (moving) sequences.push({ technicianId: fromRoute.technicianId, orderIds: sequenceOf(fromRoute).filter((id) => id !== body.orderId) });
    const [was, will, left] = await timeSequences(ctx, facts, orders, sequences);
    // P5.1.2: what the move itself breaks (a window, a hard deadline, the shift end) refuses it.
    const already = new Set(was!.route ? was!.violations.map(reasonKey) : []);
    const broken = will!.route ? will!.violations.filter((v) => !already.has(reasonKey(v))) : will!.violations;
    if (broken.length > 0) throw ineligibleError(technician.name, broken, facts.timeZone);
    nextRoutes = routes.map((r) => {
      if (r === fromRoute && moving) return left!.route ?? { ...r, stops: r.stops.filter((s) => s.orderId !== body.orderId) };
      if (r === target) return will!.route!;
      return r;
    });
    if (!target) nextRoutes = [...nextRoutes, will!.route!];
  }

  const old = row.summary as DayPlan['summary'];
  const summary = summarize(nextRoutes, nextQueue, { solveMs: old.solveMs, iterations: old.iterations, travelSource: old.travelSource });
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const after = await updateVersioned(trx, 'dispatchPlans', planId, body.version, {
      routes: JSON.stringify(nextRoutes),
      unassigned: JSON.stringify(nextQueue),
      summary: JSON.stringify(summary),
    });
    await writeAudit(trx, ctx, {
      action: 'dispatch_plan.move',
      entityType: 'dispatch_plan',
      entityId: planId,
      before: { orderId: body.orderId, technicianId: fromRoute?.technicianId ?? null },
      after: { orderId: body.orderId, technicianId: body.technicianId, position: body.position, version: after.version },
    });
    return after;
  });
  publishBoardEvent({ type: 'plan', planId, teamId: row.teamId });
  return presentPlan(saved);
}

/**
 * POST /dispatch/plans/:planId/urgent: a new proposal from this plan's sequences with the
 * urgent order inserted. Each planned order counts as its technician's, so moving it costs
 * dispatch.objective.reassignCost: the re-plan changes as little as it can, and says what changed.
 */
export async function urgentReplan(ctx: ServiceContext, planId: string, body: UrgentPlan, now = new Date()) {
  const row = await loadPlan(ctx, planId, mayPlan);
  if (row.status !== 'proposed' && row.status !== 'accepted') throw new AppError(409, 'dispatch.plan_outdated', { extra: { status: row.status } });
  if (row.version !== body.version) throw errors.stale();
  const facts = await loadFacts(ctx, row.teamId, row.day, now);
  const known: OrderDay[] = facts.input.orders;
  const [urgent] = known.some((o) => o.id === body.orderId)
    ? known.filter((o) => o.id === body.orderId)
    : await loadOrders(ctx.db, null, row.day, facts.input.dayStart, [body.orderId]);
  if (!urgent) throw errors.invalidField('orderId', 'field.reference');
  if (urgent.started) throw errors.rule('dispatch.order_started', { number: urgent.number }, { orderId: urgent.id });
  if (!(VISIT_STATES as readonly string[]).includes(urgent.state)) throw errors.rule('dispatch.not_plannable', { number: urgent.number }, { orderId: urgent.id, state: urgent.state });

  const routes = row.routes as PlanRoute[];
  const planned = new Map(routes.flatMap((r) => sequenceOf(r).map((id) => [id, r.technicianId] as const)));
  const base = plannable(facts.input);
  const orders = base.orders.some((o) => o.id === urgent.id) ? base.orders : [...base.orders, urgent];
  const input: PlanInput = {
    ...base,
    orders: orders.map((o) => (planned.has(o.id) ? { ...o, currentTechnicianId: planned.get(o.id)! } : o)),
  };
  const limits = await getSetting(ctx.db, 'dispatch.limits', row.day);
  checkLimits(input, limits);
  const initial = Object.fromEntries(routes.map((r) => [r.technicianId, sequenceOf(r)]));
  const seconds = limits.teamSeconds;
  const { plan: result, source } = await plan(ctx, facts, input, { timeLimitMs: seconds * 1000, initial });
  const changes = diffPlans({ routes, unassigned: row.unassigned as PlanUnassigned[] }, result);
  const settings = await planSettings(ctx, input, row.day, { travelSource: source, seconds });
  return storeProposal(ctx, row.teamId, row.day, result, { basedOn: row, baseVersion: body.version, changes, settings });
}

type Step = {
  orderId: string;
  number: string;
  technicianId: string;
  arriveAt: Date;
  sequence: number;
  action: Action | null;
  version: number;
  /** The order's planned fields before, restored when its assignment is refused. */
  before: PlannedFields;
};

/** Everything an acceptance will do, checked before anything is done (each transition is its own transaction). */
async function acceptanceSteps(ctx: ServiceContext, row: PlanRow, now: Date): Promise<Step[]> {
  const routes = row.routes as PlanRoute[];
  const facts = await loadFacts(ctx, row.teamId, row.day, now);
  const ids = routes.flatMap(sequenceOf);
  const orders = await ordersOf(ctx, facts, ids);
  const planned = await plannedFieldsOf(ctx.db, ids);
  const technicians = await loadTechnicians(ctx.db, null, row.day, facts.input.dayStart, now, routes.map((r) => r.technicianId), { anyPosition: true });
  const steps: Step[] = [];
  for (const r of routes) {
    const technician = technicians.find((t) => t.id === r.technicianId);
    for (const [i, s] of r.stops.filter((x) => !x.fixed).entries()) {
      const o = orders.get(s.orderId);
      const changed = (state: string) => new AppError(409, 'dispatch.order_changed', { params: { number: s.number }, extra: { orderId: s.orderId, number: s.number, state } });
      if (!o) throw changed('unknown');
      if (o.started || !(VISIT_STATES as readonly string[]).includes(o.state)) throw changed(o.state);
      if (ctx.actor.role === 'supervisor' && o.teamId !== null && !ctx.actor.supervisedTeamIds.includes(o.teamId)) throw errors.forbidden();
      // P4.1.2: the same rules as assigning by hand, on the facts of the plan's day as they are now.
      const reasons = technician ? ineligibility(technician, o.requirement, row.day) : [{ code: 'off_shift' as const }];
      if (reasons.length > 0) {
        const err = ineligibleError(technician?.name ?? r.name, reasons, facts.timeZone);
        throw new AppError(err.status, err.code, { ...err.options, extra: { ...err.options.extra, orderId: o.id, number: o.number } });
      }
      let action: Action | null = null;
      if (o.state === 'new') action = 'assign';
      else if (o.assigneeId !== r.technicianId) {
        if (!REASSIGNABLE.includes(o.state)) throw changed(o.state);
        action = 'reassign';
      }
      steps.push({
        orderId: o.id,
        number: o.number,
        technicianId: r.technicianId,
        arriveAt: new Date(s.arriveAt),
        sequence: i + 1,
        action,
        version: o.version,
        before: planned.get(o.id)!,
      });
    }
  }
  return steps;
}

/**
 * POST /dispatch/plans/:planId/accept: every planned order is given to its technician through
 * the lifecycle (assign, or reassign from someone else), with its planned arrival and place in
 * the sequence; orders the plan leaves queued lose an earlier plan's arrival; the team's
 * earlier accepted plan for the day is superseded.
 */
export async function acceptPlan(ctx: ServiceContext, planId: string, version: number, now = new Date()) {
  const row = await loadPlan(ctx, planId, mayPlan);
  if (row.status !== 'proposed') throw planClosed(row);
  if (row.version !== version) throw errors.stale();
  const steps = await acceptanceSteps(ctx, row, now);
  const reason = message('dispatch.plan_reassign_reason', ctx.actor.locale, { day: row.day });
  for (const s of steps) {
    // The planned arrival first: it makes the plan's day the order's dispatch day, the day the
    // lifecycle's eligibility check (dispatch/effects.ts) judges the technician on.
    await setPlannedFields(ctx.db, planId, [s]);
    if (!s.action) continue;
    const payload = s.action === 'assign' ? { assigneeId: s.technicianId } : { assigneeId: s.technicianId, reason };
    try {
      await applyTransition(ctx, s.orderId, { action: s.action, version: s.version, payload }, now);
    } catch (err) {
      await restorePlannedFields(ctx.db, s.orderId, s.before);
      // Name the order that refused, whatever the refusal.
      if (err instanceof AppError) throw new AppError(err.status, err.code, { ...err.options, extra: { ...err.options.extra, orderId: s.orderId, number: s.number } });
      throw err;
    }
  }
  const queued = (row.unassigned as PlanUnassigned[]).map((u) => u.orderId);
  const { saved, cleared } = await ctx.db.transaction().execute(async (trx) => {
    const saved = await updateVersioned(trx, 'dispatchPlans', planId, version, { status: 'accepted', acceptedBy: ctx.actor.userId, acceptedAt: now });
    const cleared = await clearPlannedFields(trx, row, queued, steps.map((s) => s.orderId));
    const superseded = await supersedePlans(trx, row.teamId, row.day, 'accepted', planId);
    await writeAudit(trx, ctx, {
      action: 'dispatch_plan.accept',
      entityType: 'dispatch_plan',
      entityId: planId,
      after: {
        assigned: steps.filter((s) => s.action).map((s) => ({ orderId: s.orderId, number: s.number, technicianId: s.technicianId, action: s.action })),
        planned: steps.length,
        cleared: cleared.map((c) => c.id),
        superseded,
      },
    });
    return { saved, cleared };
  });
  for (const s of steps) publishBoardEvent({ type: 'order', orderId: s.orderId, teamId: row.teamId });
  for (const c of cleared) publishBoardEvent({ type: 'order', orderId: c.id, teamId: c.teamId });
  publishBoardEvent({ type: 'plan', planId, teamId: row.teamId });
  return presentPlan(saved);
}

/** POST /dispatch/plans/:planId/discard. */
export async function discardPlan(ctx: ServiceContext, planId: string, version: number) {
  const row = await loadPlan(ctx, planId, mayPlan);
  if (row.status !== 'proposed') throw planClosed(row);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const after = await updateVersioned(trx, 'dispatchPlans', planId, version, { status: 'discarded' });
    await writeAudit(trx, ctx, { action: 'dispatch_plan.discard', entityType: 'dispatch_plan', entityId: planId, before: { status: row.status }, after: { status: 'discarded' } });
    return after;
  });
  publishBoardEvent({ type: 'plan', planId, teamId: row.teamId });
  return presentPlan(saved);
}
