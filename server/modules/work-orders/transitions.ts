import { ACTION_PAYLOADS, type Action, mayReopen, PRIVATE_PAYLOAD_FIELDS, planTransition, type State } from '../../../core/work-order-lifecycle.ts';
import type { WorkOrdersTable } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { autoDispatch } from '../dispatch/auto.ts';
import { type OrderEvent, notifyOrderEvent } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import { effectsFor } from './effects.ts';
import { activeEmployee } from './intake.ts';
import { endPauses, findTeam, insertEvent, orderPauses, startPause } from './queries.ts';
import { getOrder, loadForActor } from './read.ts';
import { storedDeadlines } from './sla.ts';

type Body = {
  action: Action;
  version: number;
  payload: Record<string, unknown>;
  location?: { latitude: number; longitude: number; accuracyMeters?: number };
};

const NOTIFY: Partial<Record<Action, OrderEvent>> = {
  assign: 'assigned',
  reassign: 'assigned',
  take: 'assigned',
  depart: 'en_route',
  arrive: 'on_site',
  complete_work: 'done',
  resolve_remotely: 'done',
};

/** Validates an action's payload by its own schema; errors name `payload.<field>`. */
function parsePayload<A extends Action>(action: A, payload: unknown) {
  const parsed = ACTION_PAYLOADS[action].safeParse(payload);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  throw new AppError(400, 'validation.failed', {
    fields: parsed.error.issues.map((i) => ({
      field: ['payload', ...i.path].join('.'),
      code: i.code === 'invalid_type' && i.message.includes('undefined') ? 'required' : i.code,
      key: i.code === 'invalid_type' && i.message.includes('undefined') ? 'field.required' : 'field.invalid',
    })),
  });
}

/**
 * Moves an order by one action of the lifecycle (core/work-order-lifecycle.ts): 403 when the
 * caller has no part in the order, 409 with the allowed actions when the step is not legal now.
 */
export async function transitionOrder(ctx: ServiceContext, id: string, body: Body, now = new Date()) {
  await applyTransition(ctx, id, body, now);
  return getOrder(ctx, id);
}

/** The transition itself, without presenting the order afterwards (seeding and benchmarks use it). */
export async function applyTransition(ctx: ServiceContext, id: string, body: Body, now = new Date()): Promise<void> {
  const { order, kinds } = await loadForActor(ctx, id);
  if (kinds.size === 0) throw errors.forbidden();
  const plan = planTransition({ state: order.state as State, heldFromState: order.heldFromState as State | null }, body.action, kinds);
  if (!plan.ok) throw errors.illegalTransition(order.state, plan.allowed);
  const p = parsePayload(body.action, body.payload);

  const changes: Partial<Record<keyof WorkOrdersTable, unknown>> = { state: plan.to };
  const eventData: Record<string, unknown> = Object.fromEntries(Object.entries(p).filter(([k]) => !PRIVATE_PAYLOAD_FIELDS.includes(k)));
  for (const mark of plan.marks) changes[mark] = now;
  switch (body.action) {
    case 'assign':
    case 'reassign': {
      const e = await activeEmployee(ctx.db, p.assigneeId as string, 'payload.assigneeId');
      Object.assign(changes, { assigneeId: e.id, teamId: e.teamId ?? order.teamId });
      eventData.assigneeName = e.name;
      break;
    }
    case 'publish': {
      const team = await findTeam(ctx.db, p.teamId as string);
      if (!team) throw errors.invalidField('payload.teamId', 'field.reference');
      Object.assign(changes, { teamId: team.id, assigneeId: null });
      break;
    }
    case 'take':
      changes.assigneeId = ctx.actor.employeeId;
      eventData.assigneeName = ctx.actor.displayName;
      break;
    case 'propose_solution':
      changes.solution = p.solution;
      break;
    case 'resolve_remotely':
    case 'complete_work':
      changes.resolution = p.resolution;
      break;
    case 'schedule_visit':
      changes.visitScheduledAt = new Date(p.visitAt as string);
      break;
    case 'depart':
      changes.expectedArrivalAt = new Date(p.expectedArrivalAt as string);
      break;
    case 'hold':
      Object.assign(changes, { heldFromState: order.state, holdReason: p.reason });
      break;
    case 'resume':
      Object.assign(changes, { heldFromState: null, holdReason: null });
      break;
    case 'cancel':
      changes.cancelReason = p.reason;
      break;
    case 'customer_refuse':
      changes.resolvedAt = null; // refused work is not resolved
      break;
    case 'reopen': {
      const days = await getSetting(ctx.db, 'workOrders.reopenWithinDays');
      if (!mayReopen(order.resolvedAt, now, days)) throw errors.businessRule(`Only a fault that comes back within ${days} days reopens its order; report a new one`);
      Object.assign(changes, { reopenCount: order.reopenCount + 1, resolvedAt: null, closedAt: null, arrivedAt: null });
      break;
    }
  }

  const teamAfter = await ctx.db.transaction().execute(async (trx) => {
    // Only a customer- or parts-caused hold stops the SLA clocks.
    if (body.action === 'hold' && (p.reason === 'customer' || p.reason === 'parts')) {
      await startPause(trx, id, p.reason, now);
    }
    if (body.action === 'resume') {
      await endPauses(trx, id, now);
      const pauses = (await orderPauses(trx, id)).map((x) => ({ from: x.startedAt, to: x.endedAt }));
      Object.assign(changes, await storedDeadlines(trx, { ...order }, pauses, now));
    }
    for (const effect of effectsFor(body.action)) {
      await effect({ trx, ctx, order, kinds, payload: p, location: body.location, now, eventData });
    }
    const after = await updateVersioned(trx, 'workOrders', id, body.version, changes as never);
    await insertEvent(trx, {
      workOrderId: id,
      at: now,
      actorUserId: ctx.actor.userId,
      actorEmployeeId: ctx.actor.employeeId,
      actorLabel: ctx.actor.displayName,
      action: body.action,
      fromState: plan.from,
      toState: plan.to,
      data: eventData,
      latitude: body.location?.latitude,
      longitude: body.location?.longitude,
    });
    await writeAudit(trx, ctx, {
      action: `work_order.${body.action}`,
      entityType: 'work_order',
      entityId: id,
      before: { state: order.state, version: order.version },
      after: { state: after.state, version: after.version, ...eventData },
    });
    const event = NOTIFY[body.action];
    if (event) await notifyOrderEvent(trx, id, event, body.action === 'depart' ? { expectedArrivalAt: String(p.expectedArrivalAt) } : {});
    return after.teamId;
  });
  // The dispatch boards of the team(s) concerned refresh (issue 5 point 6).
  publishBoardEvent({ type: 'order', orderId: id, teamId: teamAfter });
  if (order.teamId !== teamAfter && order.teamId !== null) publishBoardEvent({ type: 'order', orderId: id, teamId: order.teamId });
  // Published to a team: the team's auto-dispatch mode applies (P4.1.2).
  if (body.action === 'publish') await autoDispatch(ctx.db, id, { userId: ctx.actor.userId, requestId: ctx.requestId }, now);
}
