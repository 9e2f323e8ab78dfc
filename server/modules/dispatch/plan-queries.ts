import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of day plans (issue 5 point 4).

type Db = Kysely<DB> | Transaction<DB>;

export function findPlan(db: Db, id: string) {
  return db.selectFrom('dispatchPlans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The plan's version and status, locked until the transaction ends. */
export function lockPlan(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('dispatchPlans').select(['version', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function teamExists(db: Db, teamId: string) {
  return db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
}

export function insertPlan(
  trx: Transaction<DB>,
  row: { teamId: string; day: string; basedOnId: string | null; routes: unknown; unassigned: unknown; summary: unknown; changes: unknown; settings: unknown; createdBy: string },
) {
  return trx
    .insertInto('dispatchPlans')
    .values({
      ...row,
      routes: JSON.stringify(row.routes),
      unassigned: JSON.stringify(row.unassigned),
      summary: JSON.stringify(row.summary),
      changes: JSON.stringify(row.changes),
      settings: JSON.stringify(row.settings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the team's other plans of the day in `status` superseded; answers their ids. */
export async function supersedePlans(trx: Transaction<DB>, teamId: string, day: string, status: 'proposed' | 'accepted', exceptId: string) {
  const rows = await trx
    .updateTable('dispatchPlans')
    .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('teamId', '=', teamId)
    .where('day', '=', day)
    .where('status', '=', status)
    .where('id', '!=', exceptId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The business date each setting in force on `day` took effect: the version a plan used. */
export async function settingVersions(db: Db, keys: readonly string[], day: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'effectiveFrom'])
    .where('key', 'in', keys)
    .where('effectiveFrom', '<=', day)
    .orderBy('effectiveFrom', 'desc')
    .execute();
  const out: Record<string, string> = {};
  for (const r of rows) out[r.key] ??= r.effectiveFrom;
  return out;
}

export type PlannedFields = { plannedArrivalAt: Date | null; routeSequence: number | null; dispatchPlanId: string | null };

/** Writes an accepted plan's arrival, sequence and plan onto its orders. */
export async function setPlannedFields(trx: Db, planId: string, stops: readonly { orderId: string; arriveAt: Date; sequence: number }[]) {
  for (const s of stops) {
    await trx
      .updateTable('workOrders')
      .set({ plannedArrivalAt: s.arriveAt, routeSequence: s.sequence, dispatchPlanId: planId })
      .where('id', '=', s.orderId)
      .execute();
  }
}

export async function plannedFieldsOf(db: Db, ids: readonly string[]): Promise<Map<string, PlannedFields>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('workOrders').select(['id', 'plannedArrivalAt', 'routeSequence', 'dispatchPlanId']).where('id', 'in', ids).execute();
  return new Map(rows.map(({ id, ...fields }) => [id, fields]));
}

export async function restorePlannedFields(db: Db, orderId: string, fields: PlannedFields) {
  await db.updateTable('workOrders').set(fields).where('id', '=', orderId).execute();
}

/**
 * Clears the planned fields of orders an accepted plan leaves unplanned: those in its queue,
 * and those an earlier plan of the team and day had placed that it does not.
 */
export async function clearPlannedFields(trx: Transaction<DB>, plan: { id: string; teamId: string; day: string }, queued: readonly string[], planned: readonly string[]) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  const rows = await trx
    .updateTable('workOrders')
    .set({ plannedArrivalAt: null, routeSequence: null, dispatchPlanId: null })
    .where((eb) =>
      eb.or([
        eb('id', 'in', queued.length ? queued : none),
        eb(
          'dispatchPlanId',
          'in',
          eb.selectFrom('dispatchPlans').select('id').where('teamId', '=', plan.teamId).where('day', '=', plan.day).where('id', '!=', plan.id),
        ),
      ]),
    )
    .where((eb) => eb.or([eb('plannedArrivalAt', 'is not', null), eb('routeSequence', 'is not', null), eb('dispatchPlanId', 'is not', null)]))
    .where('id', 'not in', planned.length ? planned : none)
    .returning(['id', 'teamId'])
    .execute();
  return rows;
}
