import type { Kysely, Transaction } from 'kysely';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import type { DB } from '../../db/schema.ts';
import { VISIT_STATES } from './facts-queries.ts';

// The dispatch decisions' own SQL (issue 5 points 1-3, 6): the order being dispatched, the
// work technicians already have that day, who served the customer last, the teams and plans.

type Db = Kysely<DB> | Transaction<DB>;

export function findDispatchOrder(db: Db, id: string) {
  return db
    .selectFrom('workOrders')
    .select(['id', 'number', 'state', 'teamId', 'assigneeId', 'customerId', 'preferredFrom', 'plannedArrivalAt', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An active employee who can be sent on a job (a technician position). */
export function findTechnician(db: Db, id: string) {
  return db
    .selectFrom('employees')
    .select(['id', 'name', 'teamId'])
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('position', 'in', TECHNICIAN_POSITIONS)
    .executeTakeFirst();
}

/**
 * The orders these technicians already have on the day (assigned or under way, needing a
 * visit): planned that day, with a window that day, or with neither (to be done any day).
 */
export async function assignedOrderIds(db: Db, technicianIds: readonly string[], dayStart: Date, exceptOrderId: string): Promise<string[]> {
  if (technicianIds.length === 0) return [];
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const rows = await db
    .selectFrom('workOrders as w')
    .select('w.id')
    .where('w.assigneeId', 'in', technicianIds)
    .where('w.state', 'in', VISIT_STATES)
    .where('w.id', '!=', exceptOrderId)
    .where((eb) =>
      eb.or([
        eb.and([eb('w.plannedArrivalAt', '>=', dayStart), eb('w.plannedArrivalAt', '<', dayEnd)]),
        eb.and([eb('w.plannedArrivalAt', 'is', null), eb('w.preferredFrom', '<', dayEnd), eb('w.preferredTo', '>', dayStart)]),
        eb.and([eb('w.plannedArrivalAt', 'is', null), eb('w.preferredFrom', 'is', null)]),
        eb('w.state', 'in', ['en_route', 'on_site']),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Who was the assignee of the customer's most recent order closed before this one. */
export async function lastServedBy(db: Db, customerId: string, exceptOrderId: string, before: Date): Promise<string | null> {
  const row = await db
    .selectFrom('workOrders')
    .select('assigneeId')
    .where('customerId', '=', customerId)
    .where('id', '!=', exceptOrderId)
    .where('state', '=', 'closed')
    .where('closedAt', '<=', before)
    .orderBy('closedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.assigneeId ?? null;
}

/** Teams by id (all active teams when `ids` is null), by name. */
export function teamRefs(db: Db, ids: readonly string[] | null) {
  let q = db.selectFrom('teams').select(['id', 'name']).where('active', '=', true);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('name').execute();
}

export function findTeamRow(db: Db, id: string) {
  return db.selectFrom('teams').select(['id', 'name', 'region']).where('id', '=', id).executeTakeFirst();
}

/** The latest proposed or accepted plan of a team's day. */
export function latestPlan(db: Db, teamId: string, day: string) {
  return db
    .selectFrom('dispatchPlans')
    .selectAll()
    .where('teamId', '=', teamId)
    .where('day', '=', day)
    .where('status', 'in', ['proposed', 'accepted'])
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A line on an order's timeline written by dispatch itself (auto-dispatch outcomes). */
export function insertDispatchEvent(
  db: Db,
  e: { workOrderId: string; at: Date; actorUserId: string | null; actorLabel: string; action: string; state: string; data: Record<string, unknown> },
) {
  return db
    .insertInto('workOrderEvents')
    .values({
      workOrderId: e.workOrderId,
      at: e.at,
      actorUserId: e.actorUserId,
      actorEmployeeId: null,
      actorLabel: e.actorLabel,
      action: e.action,
      fromState: e.state,
      toState: e.state,
      data: JSON.stringify(e.data),
    })
    .execute();
}
