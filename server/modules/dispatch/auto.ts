import type { Kysely } from 'kysely';
import { permissionsOf } from '../../../core/permissions.ts';
import type { DispatchMode } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { applyTransition } from '../work-orders/transitions.ts';
import { dispatchDayOf, rankOrder } from './candidates.ts';
import { findDispatchOrder, insertDispatchEvent } from './queries.ts';
import { modeOf } from './service.ts';

// Auto-dispatch (issue 5 point 3, P4.1.2), per team by the setting dispatch.modes, when an
// order arrives for a team or a dispatcher publishes one to a team:
//  - suggest: nothing happens; the board ranks the candidates and the supervisor picks one;
//  - assign: the first eligible candidate of the ranking gets it, through the lifecycle (so
//    the same eligibility effect judges); with nobody eligible the order stays new and its
//    timeline says why, technician by technician;
//  - pool: the order waits in the team's job pool (new, the team's, nobody's), where eligible
//    technicians take it first come, first served (the lifecycle's `take`, with the same
//    eligibility and hard-deadline check; the optimistic version decides who was first).

/** Who auto-dispatch acts as: the label on the timeline and audit, for the user whose step set it off. */
export const AUTO_DISPATCH_LABEL = '自动派工 / Auto-dispatch';

export type AutoDispatchOutcome =
  | { mode: DispatchMode; outcome: 'skipped' | 'suggested' | 'pooled' }
  | { mode: 'assign'; outcome: 'assigned'; technicianId: string }
  | { mode: 'assign'; outcome: 'none_eligible' | 'refused' };

type Trigger = { userId: string | null; requestId: string | null };

/**
 * A dispatcher acting for the company's policy: it may dispatch any order (the agent's
 * permissions), and its steps carry the triggering user's id with the auto-dispatch label.
 */
function autoContext(db: Kysely<DB>, by: Trigger): ServiceContext {
  const actor: Actor = {
    // The user whose intake or publish set auto-dispatch off (null for a system channel).
    userId: by.userId as string,
    username: 'auto-dispatch',
    displayName: AUTO_DISPATCH_LABEL,
    role: 'agent',
    department: null,
    employeeId: null,
    customerId: null,
    locale: 'zh-CN',
    permissions: permissionsOf('agent'),
    supervisedTeamIds: [],
    via: { kind: 'token', tokenId: 'auto-dispatch' },
  };
  return { db, actor, requestId: by.requestId ?? 'auto-dispatch' };
}

/** Runs the team's mode for a new order of a team; call it after the order's transaction has committed. */
export async function autoDispatch(db: Kysely<DB>, orderId: string, by: Trigger, now = new Date()): Promise<AutoDispatchOutcome> {
  const order = await findDispatchOrder(db, orderId);
  if (!order?.teamId || order.state !== 'new' || order.assigneeId) return { mode: 'suggest', outcome: 'skipped' };
  const { day } = await dispatchDayOf(db, order, now);
  const mode = await modeOf(db, order.teamId, day);
  if (mode === 'suggest') return { mode, outcome: 'suggested' };
  if (mode === 'pool') return { mode, outcome: 'pooled' };
  const { ref, candidates } = await rankOrder(db, orderId, now);

  const ctx = autoContext(db, by);
  const best = candidates.find((c) => c.eligible);
  if (best) {
    try {
      await applyTransition(ctx, orderId, { action: 'assign', version: order.version, payload: { assigneeId: best.technicianId } }, now);
      return { mode, outcome: 'assigned', technicianId: best.technicianId };
    } catch (err) {
      // Someone acted on the order meanwhile (409), or the facts changed (422): it stays as it is.
      if (!(err instanceof AppError)) throw err;
      await recordOutcome(ctx, order, { mode, outcome: 'refused', code: err.code }, now);
      return { mode, outcome: 'refused' };
    }
  }
  await recordOutcome(
    ctx,
    order,
    {
      mode,
      outcome: 'none_eligible',
      day: ref.day,
      candidates: candidates.map((c) => ({ technicianId: c.technicianId, name: c.name, reasons: c.reasons })),
    },
    now,
  );
  return { mode, outcome: 'none_eligible' };
}

/** The order's timeline says what auto-dispatch did not do, and why. */
async function recordOutcome(ctx: ServiceContext, order: { id: string; state: string; teamId: string | null }, data: Record<string, unknown>, now: Date) {
  await ctx.db.transaction().execute(async (trx) => {
    await insertDispatchEvent(trx, {
      workOrderId: order.id,
      at: now,
      actorUserId: ctx.actor.userId ?? null,
      actorLabel: AUTO_DISPATCH_LABEL,
      action: 'auto_dispatch',
      state: order.state,
      data,
    });
    await writeAudit(trx, ctx, { action: 'work_order.auto_dispatch', entityType: 'work_order', entityId: order.id, after: data });
  });
  publishBoardEvent({ type: 'order', orderId: order.id, teamId: order.teamId });
}
