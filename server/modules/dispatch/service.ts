import type { Kysely } from 'kysely';
import type { DispatchMode } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { message } from '../../platform/messages.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { loadForActor } from '../work-orders/read.ts';
import { applyTransition } from '../work-orders/transitions.ts';
import { orderOnDay, rankOrder } from './candidates.ts';
import { loadDispatchDay } from './facts.ts';
import { dispatchableTeamIds, mayDispatchTeam } from './policy.ts';
import { presentBoardOrder, presentBoardTechnician, presentPlan } from './presenter.ts';
import { findTeamRow, findTechnician, latestPlan, teamRefs } from './queries.ts';
import type { AssignBody, RequirementBody } from './schemas.ts';

// The dispatch board's services (issue 5 points 2, 3, 6): the teams a caller dispatches, a
// team's day, the ranked candidates of an order, assigning from the board and changing what
// an order needs. Plans are in plans.ts.

/** The auto-dispatch mode of a team on a day (dispatch.modes, P4.1.2). */
export async function modeOf(db: Kysely<DB>, teamId: string, day: string): Promise<DispatchMode> {
  const modes = await getSetting(db, 'dispatch.modes', day);
  return modes.teams[teamId] ?? modes.default;
}

export async function listDispatchTeams(ctx: ServiceContext) {
  return teamRefs(ctx.db, dispatchableTeamIds(ctx.actor));
}

/** A team's day on the board: technicians, the orders that need a visit, the current plan. */
export async function getBoard(ctx: ServiceContext, teamId: string, day: string | undefined, now = new Date()) {
  if (!mayDispatchTeam(ctx.actor, teamId)) throw errors.forbidden();
  const theDay = day ?? (await companyToday(ctx.db, now));
  const facts = await loadDispatchDay(ctx.db, teamId, theDay, now);
  if (!facts) throw errors.notFound();
  const [mode, tileUrl, plan] = await Promise.all([modeOf(ctx.db, teamId, theDay), getSetting(ctx.db, 'dispatch.mapTileUrl', theDay), latestPlan(ctx.db, teamId, theDay)]);
  return {
    team: facts.team,
    day: facts.day,
    timeZone: facts.timeZone,
    mode,
    tileUrl,
    technicians: facts.input.technicians.map(presentBoardTechnician),
    orders: facts.input.orders.map((o) => presentBoardOrder(o, now)),
    plan: plan ? presentPlan(plan) : null,
  };
}

/** The order as the caller's dispatcher sees it: 404 unknown (or hidden), 403 not theirs to dispatch. */
async function dispatchable(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!kinds.has('dispatcher')) throw errors.forbidden();
  return order;
}

/** Issue 5 point 2: every technician who could take the order, ranked, each with its factors and reasons. */
export async function getCandidates(ctx: ServiceContext, orderId: string, day: string | undefined, now = new Date()) {
  await dispatchable(ctx, orderId);
  const { order, candidates } = await rankOrder(ctx.db, orderId, now, day);
  return {
    orderId,
    requirement: { skill: order.requirement.skill, level: order.requirement.level, certificates: [...order.requirement.certificates] },
    candidates,
  };
}

async function boardOrder(ctx: ServiceContext, orderId: string, now: Date) {
  const { order } = await orderOnDay(ctx.db, orderId, now);
  return presentBoardOrder(order, now);
}

/**
 * Assigns from the board (P4.1.2): `assign` while the order is new, else `reassign`, through
 * the lifecycle, whose eligibility effect refuses an ineligible technician (422). A stale
 * version is 409, so of two supervisors assigning the same order at once one wins.
 */
export async function assignOrder(ctx: ServiceContext, orderId: string, body: AssignBody, now = new Date()) {
  const order = await dispatchable(ctx, orderId);
  const technician = await findTechnician(ctx.db, body.technicianId);
  if (!technician) throw errors.invalidField('technicianId', 'field.reference');
  if (order.version !== body.version) throw errors.stale();
  if (order.assigneeId !== technician.id || order.state === 'new') {
    const action = order.state === 'new' ? 'assign' : 'reassign';
    const payload =
      action === 'assign'
        ? { assigneeId: technician.id }
        : { assigneeId: technician.id, reason: message('dispatch.reassign_reason', ctx.actor.locale) };
    await applyTransition(ctx, orderId, { action, version: body.version, payload }, now);
  }
  return boardOrder(ctx, orderId, now);
}

/** What the order needs: the skill and level, and how long the work takes (a versioned edit). */
export async function updateRequirement(ctx: ServiceContext, orderId: string, body: RequirementBody, now = new Date()) {
  const order = await dispatchable(ctx, orderId);
  const values = { requiredSkill: body.requiredSkill, requiredSkillLevel: body.requiredSkillLevel, serviceMinutes: body.serviceMinutes };
  await ctx.db.transaction().execute(async (trx) => {
    const after = await updateVersioned(trx, 'workOrders', orderId, body.version, values);
    await writeAudit(trx, ctx, {
      action: 'work_order.requirement',
      entityType: 'work_order',
      entityId: orderId,
      before: { requiredSkill: order.requiredSkill, requiredSkillLevel: order.requiredSkillLevel, serviceMinutes: order.serviceMinutes, version: order.version },
      after: { ...values, version: after.version },
    });
  });
  publishBoardEvent({ type: 'order', orderId, teamId: order.teamId });
  return boardOrder(ctx, orderId, now);
}

/** 404 for a team that does not exist (the board and the event stream name one). */
export async function requireTeam(ctx: ServiceContext, teamId: string) {
  if (!mayDispatchTeam(ctx.actor, teamId)) throw errors.forbidden();
  if (!(await findTeamRow(ctx.db, teamId))) throw errors.notFound();
}
