import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

function baseFollowUps(db: Db) {
  return db
    .selectFrom('followUps')
    .innerJoin('workOrders', 'workOrders.id', 'followUps.workOrderId')
    .innerJoin('employees as assignee', 'assignee.id', 'followUps.assigneeId')
    .leftJoin('feedback', 'feedback.id', 'followUps.feedbackId')
    .selectAll('followUps')
    .select([
      'assignee.name as assigneeName',
      'assignee.teamId as assigneeTeamId',
      'workOrders.number as workOrderNumber',
      'workOrders.title as workOrderTitle',
      'workOrders.customerId as orderCustomerId',
      'workOrders.teamId as orderTeamId',
      'workOrders.assigneeId as orderAssigneeId',
      'feedback.number as feedbackNumber',
    ]);
}
export type FollowUpRow = Awaited<ReturnType<ReturnType<typeof baseFollowUps>['execute']>>[number];

export function followUpsOfOrder(db: Db, workOrderId: string) {
  return baseFollowUps(db).where('followUps.workOrderId', '=', workOrderId).orderBy('followUps.dueAt').orderBy('followUps.id').execute();
}

export function followUpsOfFeedback(db: Db, feedbackId: string) {
  return baseFollowUps(db).where('followUps.feedbackId', '=', feedbackId).orderBy('followUps.dueAt').execute();
}

export function findFollowUpById(db: Db, id: string) {
  return baseFollowUps(db).where('followUps.id', '=', id).executeTakeFirst();
}

/** Whose follow-ups a list shows: one employee's, a supervisor's teams' (and their own), or everyone's. */
export type FollowUpScope = { kind: 'assignee'; employeeId: string } | { kind: 'teams'; teamIds: readonly string[]; employeeId: string | null } | { kind: 'all' };

export function findFollowUps(db: Db, f: { scope: FollowUpScope; status: 'open' | 'done' | 'all'; after: Cursor | null; limit: number }) {
  let q = baseFollowUps(db).orderBy('followUps.dueAt').orderBy('followUps.id').limit(f.limit + 1);
  const s = f.scope;
  if (s.kind === 'assignee') q = q.where('followUps.assigneeId', '=', s.employeeId);
  if (s.kind === 'teams') {
    const teams = s.teamIds.length ? [...s.teamIds] : ['00000000-0000-0000-0000-000000000000'];
    q = q.where((eb) =>
      eb.or([
        eb('assignee.teamId', 'in', teams),
        eb('workOrders.teamId', 'in', teams),
        ...(s.employeeId ? [eb('followUps.assigneeId', '=', s.employeeId)] : []),
      ]),
    );
  }
  if (f.status !== 'all') q = q.where('followUps.status', '=', f.status);
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('followUps.dueAt', '>', sql<Date>`${key}::timestamptz`),
        eb.and([eb('followUps.dueAt', '=', sql<Date>`${key}::timestamptz`), eb('followUps.id', '>', id)]),
      ]),
    );
  }
  return q.execute();
}

export function insertFollowUp(
  trx: Db,
  v: { workOrderId: string; feedbackId: string | null; title: string; assigneeId: string; dueAt: Date; createdBy: string | null; createdByLabel: string },
) {
  return trx.insertInto('followUps').values(v).returningAll().executeTakeFirstOrThrow();
}


export function activeEmployee(db: Db, id: string) {
  return db.selectFrom('employees').select(['id', 'name', 'teamId']).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
}

export function teamSupervisor(db: Db, teamId: string | null) {
  if (!teamId) return Promise.resolve(undefined);
  return db
    .selectFrom('teams')
    .innerJoin('employees', 'employees.id', 'teams.supervisorId')
    .select('employees.id')
    .where('teams.id', '=', teamId)
    .where('employees.status', '=', 'active')
    .executeTakeFirst();
}

export async function userOfEmployee(db: Db, employeeId: string | null | undefined) {
  if (!employeeId) return undefined;
  const row = await db.selectFrom('users').select('id').where('employeeId', '=', employeeId).where('active', '=', true).executeTakeFirst();
  return row?.id;
}

/** Claims the overdue open follow-ups not yet escalated: the WHERE makes each one escalate once, whoever runs it. */
export function claimOverdue(trx: Db, now: Date) {
  return trx
    .updateTable('followUps')
    .set({ escalatedAt: now })
    .where('status', '=', 'open')
    .where('dueAt', '<', now)
    .where('escalatedAt', 'is', null)
    .returning(['id', 'workOrderId', 'assigneeId', 'title', 'dueAt'])
    .execute();
}
