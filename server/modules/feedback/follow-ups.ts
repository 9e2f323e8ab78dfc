import type { Transaction } from 'kysely';
import type { DB, WorkOrder } from '../../db/schema.ts';
import { can, type ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { notifyUsers } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import { loadForActor } from '../work-orders/read.ts';
import {
  activeEmployee,
  findFollowUpById,
  findFollowUps,
  type FollowUpScope,
  insertFollowUp,
  teamSupervisor,
  userOfEmployee,
} from './follow-up-queries.ts';
import { followUpPolicy } from './policy.ts';
import { presentFollowUp } from './presenter.ts';
import type { CreateFollowUp, ListFollowUps } from './schemas.ts';

const DAY_MS = 86_400_000;

/** Who follows up a problem by default (P4.4.3): the order's assignee, else its team's supervisor. */
async function defaultAssignee(trx: Transaction<DB>, order: Pick<WorkOrder, 'assigneeId' | 'teamId'>) {
  const assignee = order.assigneeId ? await activeEmployee(trx, order.assigneeId) : undefined;
  const id = assignee?.id ?? (await teamSupervisor(trx, order.teamId))?.id;
  if (!id) throw errors.rule('feedback.no_follow_up_assignee');
  return id;
}

/**
 * Opens a follow-up task in the caller's transaction: due by default `followUps.dueDays` from now
 * (P4.4.3), its assignee told in-app (`follow_up_due`), audited.
 */
export async function openFollowUp(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  order: Pick<WorkOrder, 'id' | 'assigneeId' | 'teamId'>,
  input: { title: string; feedbackId: string | null; assigneeId?: string; dueAt?: Date },
) {
  const now = new Date();
  const assigneeId = input.assigneeId ?? (await defaultAssignee(trx, order));
  const dueAt = input.dueAt ?? new Date(now.getTime() + (await getSetting(trx, 'followUps.dueDays')) * DAY_MS);
  const row = await insertFollowUp(trx, {
    workOrderId: order.id,
    feedbackId: input.feedbackId,
    title: input.title,
    assigneeId,
    dueAt,
    createdBy: ctx.actor.userId,
    createdByLabel: ctx.actor.displayName,
  });
  await writeAudit(trx, ctx, { action: 'follow_up.create', entityType: 'follow_up', entityId: row.id, after: row });
  const user = await userOfEmployee(trx, assigneeId);
  if (user) await notifyUsers(trx, order.id, 'follow_up_due', [user], { subjectLine: input.title, dueAt: dueAt.toISOString() });
  return row;
}

/** A dispatcher of the order or its assignee adds a follow-up by hand (P4.4.3). */
export async function createFollowUp(ctx: ServiceContext, orderId: string, input: CreateFollowUp) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!followUpPolicy.create(ctx.actor, kinds)) throw errors.forbidden();
  const dueAt = input.dueAt ? new Date(input.dueAt) : undefined;
  if (dueAt && dueAt.getTime() <= Date.now()) throw errors.invalidField('dueAt', 'field.date_range');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.assigneeId && !(await activeEmployee(trx, input.assigneeId))) throw errors.invalidField('assigneeId', 'field.not_staff');
    const row = await openFollowUp(trx, ctx, order, { title: input.title, feedbackId: null, assigneeId: input.assigneeId, dueAt });
    return row.id;
  });
  return getFollowUp(ctx, id);
}

async function getFollowUp(ctx: ServiceContext, id: string) {
  const row = await findFollowUpById(ctx.db, id);
  if (!row) throw errors.notFound();
  return presentFollowUp(ctx.actor, row, new Date());
}

/** The assignee records the outcome; the follow-up is done (P4.4.3). */
export async function completeFollowUp(ctx: ServiceContext, id: string, input: { version: number; outcome: string }) {
  const current = await findFollowUpById(ctx.db, id);
  if (!current) throw errors.notFound();
  // The assignee need not otherwise see the order; anyone else acts through their part in it.
  const mine = ctx.actor.employeeId !== null && ctx.actor.employeeId === current.assigneeId;
  const kinds = mine ? new Set<never>() : (await loadForActor(ctx, current.workOrderId)).kinds;
  if (!followUpPolicy.complete(ctx.actor, current, kinds)) throw errors.forbidden();
  if (current.status !== 'open') throw errors.rule('followUp.done');
  await ctx.db.transaction().execute(async (trx) => {
    const after = await updateVersioned(trx, 'followUps', id, input.version, {
      status: 'done',
      outcome: input.outcome,
      doneAt: new Date(),
      doneByLabel: ctx.actor.displayName,
    });
    await writeAudit(trx, ctx, { action: 'follow_up.complete', entityType: 'follow_up', entityId: id, before: { status: current.status }, after });
  });
  return getFollowUp(ctx, id);
}

/** "Mine" is the caller's own; "team" adds a supervisor's teams, and every task for other dispatchers. */
function scopeOf(ctx: ServiceContext, scope: ListFollowUps['scope']): FollowUpScope {
  const a = ctx.actor;
  const me = a.employeeId ?? '00000000-0000-0000-0000-000000000000';
  if (scope === 'mine' || !can(a, 'work_orders.dispatch')) return { kind: 'assignee', employeeId: me };
  if (a.role === 'supervisor') return { kind: 'teams', teamIds: a.supervisedTeamIds, employeeId: a.employeeId };
  return { kind: 'all' };
}

export async function listFollowUps(ctx: ServiceContext, q: ListFollowUps) {
  if (ctx.actor.role === 'customer' || ctx.actor.role === 'department') throw errors.forbidden();
  const rows = await findFollowUps(ctx.db, { scope: scopeOf(ctx, q.scope), status: q.status, after: decodeCursor(q.cursor), limit: q.limit });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => r.dueAt.toISOString());
  const now = new Date();
  return { items: items.map((r) => presentFollowUp(ctx.actor, r, now)), nextCursor };
}
