import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern } from '../../../core/search.ts';
import type { DB, WorkType } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

// Tools ------------------------------------------------------------------------------------------

export type ToolFilter = {
  q?: string;
  holderId?: string;
  status: 'in_service' | 'out_of_service' | 'retired' | 'all';
  /** Due dates before this are overdue; up to `soonUntil` (inclusive) due soon. */
  due?: { kind: 'overdue' | 'due_soon'; today: string; soonUntil: string };
  after: Cursor | null;
  limit: number;
};

function toolSelect(db: Db) {
  return db
    .selectFrom('tools')
    .leftJoin('employees as holder', 'holder.id', 'tools.holderId')
    .selectAll('tools')
    .select(['holder.name as holderName'])
    .select((eb) => [
      eb
        .selectFrom('toolMaintenance as m')
        .select(sql<string>`m.performed_on || ' ' || m.result`.as('c'))
        .whereRef('m.toolId', '=', 'tools.id')
        .where('m.kind', '=', 'calibration')
        .orderBy('m.performedOn', 'desc')
        .orderBy('m.createdAt', 'desc')
        .limit(1)
        .as('lastCalibration'),
    ]);
}
export type ToolRow = Awaited<ReturnType<typeof findToolById>> & {};

export function findTools(db: Db, f: ToolFilter) {
  let q = toolSelect(db).orderBy('tools.assetNo').orderBy('tools.id').limit(f.limit + 1);
  if (f.status !== 'all') q = q.where('tools.status', '=', f.status);
  if (f.holderId) q = q.where('tools.holderId', '=', f.holderId);
  if (f.due?.kind === 'overdue') q = q.where('tools.calibrationDueOn', '<', f.due.today);
  if (f.due?.kind === 'due_soon') q = q.where('tools.calibrationDueOn', '>=', f.due.today).where('tools.calibrationDueOn', '<=', f.due.soonUntil);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['tools.assetNo']), 'like', pattern),
        eb(eb.fn('lower', ['tools.name']), 'like', pattern),
        eb(eb.fn('lower', [eb.fn.coalesce('tools.model', sql.lit(''))]), 'like', pattern),
        eb(eb.fn('lower', [eb.fn.coalesce('tools.serialNumber', sql.lit(''))]), 'like', pattern),
        eb(eb.fn('lower', [eb.fn.coalesce('holder.name', sql.lit(''))]), 'like', pattern),
      ]),
    );
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('tools.assetNo', 'tools.id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export function findToolById(db: Db, id: string) {
  return toolSelect(db).where('tools.id', '=', id).executeTakeFirst();
}

export function toolMaintenance(db: Db, toolId: string) {
  return db.selectFrom('toolMaintenance').selectAll().where('toolId', '=', toolId).orderBy('performedOn', 'desc').orderBy('createdAt', 'desc').execute();
}

export function assetNoTaken(db: Db, assetNo: string, exceptId?: string) {
  let q = db.selectFrom('tools').select('id').where(sql`lower(asset_no)`, '=', assetNo.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function findEmployeeRef(db: Db, id: string) {
  return db.selectFrom('employees').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
}

// Tools of an order ------------------------------------------------------------------------------

export function orderTools(db: Db, orderId: string) {
  return toolSelect(db)
    .innerJoin('workOrderTools as wot', 'wot.toolId', 'tools.id')
    .select('wot.addedAt')
    .where('wot.workOrderId', '=', orderId)
    .orderBy('wot.addedAt')
    .orderBy('tools.assetNo')
    .execute();
}

export function toolOptions(db: Db, q: string | undefined) {
  return findTools(db, { q, status: 'in_service', after: null, limit: 20 });
}

// Visits -----------------------------------------------------------------------------------------

export function orderVisits(db: Db, orderId: string) {
  return db
    .selectFrom('siteVisits')
    .leftJoin('employees', 'employees.id', 'siteVisits.employeeId')
    .selectAll('siteVisits')
    .select('employees.name as employeeName')
    .where('siteVisits.workOrderId', '=', orderId)
    .orderBy('siteVisits.checkInAt')
    .execute();
}

export function openVisit(db: Db, orderId: string) {
  return db
    .selectFrom('siteVisits')
    .selectAll()
    .where('workOrderId', '=', orderId)
    .where('checkOutAt', 'is', null)
    .orderBy('checkInAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function siteOf(db: Db, siteId: string | null) {
  if (!siteId) return Promise.resolve(undefined);
  return db.selectFrom('customerSites').select(['latitude', 'longitude']).where('id', '=', siteId).executeTakeFirst();
}

/** The time the technician set off for the site: the order's latest `depart` event. */
export async function lastDeparture(db: Db, orderId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('workOrderEvents')
    .select('at')
    .where('workOrderId', '=', orderId)
    .where('action', '=', 'depart')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

// Checklists -------------------------------------------------------------------------------------

export function findTemplates(db: Db, f: { workType?: WorkType; status: 'active' | 'inactive' | 'all' }) {
  let q = db.selectFrom('checklistTemplates').selectAll().orderBy('workType').orderBy('kind').orderBy('nameZh');
  if (f.workType) q = q.where('workType', '=', f.workType);
  if (f.status !== 'all') q = q.where('active', '=', f.status === 'active');
  return q.execute();
}

export function findTemplate(db: Db, id: string) {
  return db.selectFrom('checklistTemplates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function orderChecklists(db: Db, orderId: string) {
  return db.selectFrom('workOrderChecklists').selectAll().where('workOrderId', '=', orderId).orderBy('kind', 'desc').orderBy('createdAt').orderBy('nameZh').execute();
}

export function checklistResults(db: Db, checklistIds: string[]) {
  if (!checklistIds.length) return Promise.resolve([]);
  return db.selectFrom('checklistResults').selectAll().where('checklistId', 'in', checklistIds).execute();
}

/** Copies the active templates of a work type onto the order; a template already there is skipped. */
export function instantiateTemplates(trx: Db, orderId: string, workType: WorkType) {
  return trx
    .insertInto('workOrderChecklists')
    .columns(['workOrderId', 'templateId', 'templateVersion', 'workType', 'kind', 'nameZh', 'nameEn', 'items'])
    .expression((eb) =>
      eb
        .selectFrom('checklistTemplates')
        .select([
          sql<string>`${orderId}::uuid`.as('workOrderId'),
          'id',
          'version',
          'workType',
          'kind',
          'nameZh',
          'nameEn',
          'items',
        ])
        .where('workType', '=', workType)
        .where('active', '=', true),
    )
    .onConflict((oc) => oc.columns(['workOrderId', 'templateId']).doNothing())
    .execute();
}
