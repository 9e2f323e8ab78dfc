import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { likePattern, queryGrams } from '../../../core/search.ts';
import { OPEN_STATES, type State } from '../../../core/work-order-lifecycle.ts';
import type { DB } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Next order number of a company day; the upsert makes concurrent intakes take distinct numbers. */
export async function nextSequence(trx: Transaction<DB>, day: string): Promise<number> {
  const row = await trx
    .insertInto('workOrderCounters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('workOrderCounters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export type OrderFilter = {
  id?: string;
  q?: string;
  states?: State[];
  priority?: string;
  teamId?: string;
  assigneeId?: string;
  customerId?: string;
  productId?: string;
  pool?: boolean;
  sla?: 'at_risk' | 'breached';
  receivedFrom?: Date;
  receivedTo?: Date;
  /** who may see what: null = everything; otherwise the visible subset */
  scope: null | { customerId: string } | { employeeId: string; teamId: string | null };
  now: Date;
  after: Cursor | null;
  limit: number;
};

function slaCondition(eb: ExpressionBuilder<DB, 'workOrders'>, level: 'at_risk' | 'breached', now: Date) {
  const clock = (met: 'respondedAt' | 'arrivedAt' | 'resolvedAt', due: 'responseDueAt' | 'arrivalDueAt' | 'resolutionDueAt', warn: 'responseWarnAt' | 'arrivalWarnAt' | 'resolutionWarnAt') =>
    level === 'breached'
      ? eb.and([eb(met, 'is', null), eb(due, '<', now)])
      : eb.and([eb(met, 'is', null), eb(warn, '<=', now), eb(due, '>=', now)]);
  return eb.and([
    eb('state', 'in', OPEN_STATES.filter((s) => s !== 'on_hold' && s !== 'resolved_remotely' && s !== 'customer_accepted')),
    eb.or([
      clock('respondedAt', 'responseDueAt', 'responseWarnAt'),
      clock('arrivedAt', 'arrivalDueAt', 'arrivalWarnAt'),
      clock('resolvedAt', 'resolutionDueAt', 'resolutionWarnAt'),
    ]),
  ]);
}

/** The page of order ids (newest first) that match every filter but the text one. */
function filtered(db: Db, f: OrderFilter) {
  let q = db.selectFrom('workOrders').select(['workOrders.id', 'workOrders.receivedAt', 'workOrders.searchText', 'workOrders.searchGrams']);
  const s = f.scope;
  if (f.id) q = q.where('workOrders.id', '=', f.id);
  if (s && 'customerId' in s) q = q.where('workOrders.customerId', '=', s.customerId);
  if (s && 'employeeId' in s) {
    const { employeeId, teamId } = s;
    q = q.where((eb) =>
      eb.or([
        eb('workOrders.assigneeId', '=', employeeId),
        ...(teamId ? [eb('workOrders.teamId', '=', teamId)] : []),
        eb.exists(
          eb
            .selectFrom('consultations as c')
            .innerJoin('consultationParticipants as p', 'p.consultationId', 'c.id')
            .select('c.id')
            .whereRef('c.workOrderId', '=', 'workOrders.id')
            .where('p.employeeId', '=', employeeId),
        ),
      ]),
    );
  }
  if (f.states?.length) q = q.where('workOrders.state', 'in', f.states);
  if (f.priority) q = q.where('workOrders.priority', '=', f.priority as never);
  if (f.teamId) q = q.where('workOrders.teamId', '=', f.teamId);
  if (f.assigneeId) q = q.where('workOrders.assigneeId', '=', f.assigneeId);
  if (f.customerId) q = q.where('workOrders.customerId', '=', f.customerId);
  if (f.productId) q = q.where('workOrders.productId', '=', f.productId);
  if (f.pool) q = q.where('workOrders.assigneeId', 'is', null).where('workOrders.state', '=', 'new').where('workOrders.teamId', 'is not', null);
  if (f.receivedFrom) q = q.where('workOrders.receivedAt', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('workOrders.receivedAt', '<', f.receivedTo);
  if (f.sla) {
    const level = f.sla;
    q = q.where((eb) => slaCondition(eb as unknown as ExpressionBuilder<DB, 'workOrders'>, level, f.now));
  }
  if (f.after) {
    const at = new Date(f.after.key);
    const id = f.after.id;
    q = q.where((eb) => eb(eb.refTuple('workOrders.receivedAt', 'workOrders.id'), '<', eb.tuple(at, id)));
  }
  return q.orderBy('workOrders.receivedAt', 'desc').orderBy('workOrders.id', 'desc');
}

/** Text search looks first among the newest orders that pass the other filters. */
const TEXT_WINDOW = 10_000;

async function pageIds(db: Db, f: OrderFilter, window: number | null): Promise<string[]> {
  const base = filtered(db, f);
  if (!f.q) return (await base.limit(f.limit + 1).execute()).map((r) => r.id);
  const grams = queryGrams(f.q);
  const pattern = likePattern(f.q);
  let q = db.selectFrom((window ? base.limit(window) : base).as('w')).select(['w.id', 'w.receivedAt']);
  if (grams.length) q = q.where('w.searchGrams', '@>', sql<string[]>`${sql.val(grams)}::text[]`);
  q = q.where('w.searchText', 'like', pattern);
  return (await q.orderBy('w.receivedAt', 'desc').orderBy('w.id', 'desc').limit(f.limit + 1).execute()).map((r) => r.id);
}

/**
 * One page of orders, newest first, with the names a list shows. The page is chosen on
 * work_orders alone, then the names are joined to its rows only. A text search runs first over
 * the newest TEXT_WINDOW orders that pass the other filters: a common word otherwise makes
 * the planner gather and sort every match (bench/work-orders.ts: p95 0.9-1.5 s at 1,000,000
 * orders); a full page from the window is provably the newest matches, and only a rare word
 * falls back to the whole table.
 */
export async function findOrders(db: Db, f: OrderFilter) {
  let ids = await pageIds(db, f, f.q ? TEXT_WINDOW : null);
  if (f.q && ids.length <= f.limit) ids = await pageIds(db, f, null);
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('workOrders')
    .leftJoin('customers', 'customers.id', 'workOrders.customerId')
    .leftJoin('customerSites', 'customerSites.id', 'workOrders.siteId')
    .leftJoin('installedProducts', 'installedProducts.id', 'workOrders.productId')
    .leftJoin('teams', 'teams.id', 'workOrders.teamId')
    .leftJoin('employees', 'employees.id', 'workOrders.assigneeId')
    .selectAll('workOrders')
    .select([
      'customers.name as customerName',
      'customerSites.name as siteName',
      'installedProducts.model as productModel',
      'installedProducts.serialNumber as productSerial',
      'teams.name as teamName',
      'employees.name as assigneeName',
    ])
    .where('workOrders.id', 'in', ids)
    .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}
export type OrderRow = Awaited<ReturnType<typeof findOrders>>[number];

export function findOrderRow(db: Db, id: string) {
  return db.selectFrom('workOrders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function orderPauses(db: Db, workOrderId: string) {
  return db.selectFrom('workOrderPauses').selectAll().where('workOrderId', '=', workOrderId).orderBy('startedAt').execute();
}

export function orderEvents(db: Db, workOrderId: string) {
  return db.selectFrom('workOrderEvents').selectAll().where('workOrderId', '=', workOrderId).orderBy('id').execute();
}

export function orderComments(db: Db, workOrderId: string, includeInternal: boolean) {
  let q = db.selectFrom('workOrderComments').selectAll().where('workOrderId', '=', workOrderId).orderBy('createdAt');
  if (!includeInternal) q = q.where('visibility', '=', 'public');
  return q.execute();
}

export function orderAttachments(db: Db, workOrderId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'commentId', 'consultationMessageId', 'filename', 'contentType', 'size', 'uploadedByLabel', 'createdAt'])
    .where('workOrderId', '=', workOrderId)
    .orderBy('createdAt')
    .execute();
}

export function isConsultant(db: Db, workOrderId: string, employeeId: string) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('consultationParticipants as p', 'p.consultationId', 'c.id')
    .select('c.id')
    .where('c.workOrderId', '=', workOrderId)
    .where('p.employeeId', '=', employeeId)
    .executeTakeFirst();
}

export function employeeTeam(db: Db, employeeId: string | null) {
  if (!employeeId) return Promise.resolve(null);
  return db.selectFrom('employees').select(['id', 'teamId', 'name', 'status']).where('id', '=', employeeId).executeTakeFirst();
}

export function findEmployee(db: Db, id: string) {
  return db.selectFrom('employees').select(['id', 'name', 'teamId', 'status']).where('id', '=', id).executeTakeFirst();
}

export function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst();
}

export function findCustomer(db: Db, id: string) {
  return db.selectFrom('customers').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
}

/** A contact, site, product or earlier order, only if it belongs to the customer. */
export function findOwned(db: Db, table: 'customerContacts' | 'customerSites' | 'installedProducts' | 'workOrders', id: string, customerId: string) {
  return db.selectFrom(table).select('id').where('id', '=', id).where('customerId', '=', customerId).executeTakeFirst();
}

/** The customer an integration names by id, customer number, or a phone of the customer or one of its contacts. */
export function findCustomerByReference(db: Db, ref: { customerId?: string; customerNo?: string; customerPhone?: string }) {
  return db
    .selectFrom('customers')
    .select('id')
    .where((eb) =>
      ref.customerId
        ? eb('id', '=', ref.customerId)
        : ref.customerNo
          ? eb('customerNo', '=', ref.customerNo)
          : ref.customerPhone
            ? eb.or([
                eb('phone', '=', ref.customerPhone),
                eb.exists(eb.selectFrom('customerContacts as k').select('k.id').whereRef('k.customerId', '=', 'customers.id').where('k.phone', '=', ref.customerPhone)),
              ])
            : eb.val(false),
    )
    .executeTakeFirst();
}

type EventRow = {
  workOrderId: string;
  at: Date;
  actorUserId: string | null;
  actorEmployeeId: string | null;
  actorLabel: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: Record<string, unknown>;
  latitude?: number | null;
  longitude?: number | null;
};

/** One line of an order's timeline. */
export function insertEvent(db: Db, e: EventRow) {
  return db
    .insertInto('workOrderEvents')
    .values({ ...e, data: JSON.stringify(e.data), latitude: e.latitude ?? null, longitude: e.longitude ?? null })
    .execute();
}

export function startPause(db: Db, workOrderId: string, reason: 'customer' | 'parts', at: Date) {
  return db.insertInto('workOrderPauses').values({ workOrderId, reason, startedAt: at }).execute();
}

export function endPauses(db: Db, workOrderId: string, at: Date) {
  return db.updateTable('workOrderPauses').set({ endedAt: at }).where('workOrderId', '=', workOrderId).where('endedAt', 'is', null).execute();
}

export function findIdempotencyKey(db: Db, scope: string, key: string) {
  return db.selectFrom('idempotencyKeys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

export function insertIdempotencyKey(db: Db, row: { scope: string; key: string; requestHash: string; workOrderId: string }) {
  return db.insertInto('idempotencyKeys').values(row).execute();
}

export function findComment(db: Db, workOrderId: string, id: string) {
  return db.selectFrom('workOrderComments').select(['id', 'visibility']).where('id', '=', id).where('workOrderId', '=', workOrderId).executeTakeFirst();
}

export function insertComment(db: Db, row: Insertable<DB['workOrderComments']>) {
  return db.insertInto('workOrderComments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A file with what decides who may read it: the visibility of its comment, and whether it belongs to a consultation. */
export function attachmentFile(db: Db, workOrderId: string, id: string) {
  return db
    .selectFrom('attachments')
    .leftJoin('workOrderComments', 'workOrderComments.id', 'attachments.commentId')
    .select(['attachments.filename', 'attachments.contentType', 'attachments.data', 'attachments.consultationMessageId', 'workOrderComments.visibility'])
    .where('attachments.id', '=', id)
    .where('attachments.workOrderId', '=', workOrderId)
    .executeTakeFirst();
}

export function contactOf(db: Db, id: string | null) {
  return id ? db.selectFrom('customerContacts').select(['id', 'name', 'phone']).where('id', '=', id).executeTakeFirst() : Promise.resolve(undefined);
}

export function numberOf(db: Db, id: string | null) {
  return id ? db.selectFrom('workOrders').select(['id', 'number']).where('id', '=', id).executeTakeFirst() : Promise.resolve(undefined);
}

/** The order's first site visit (the arrival the on-time rate judges, P5.1.2). */
export function firstVisit(db: Db, workOrderId: string) {
  return db.selectFrom('siteVisits').select(['checkInDistanceM']).where('workOrderId', '=', workOrderId).orderBy('checkInAt').limit(1).executeTakeFirst();
}

/** The customer's latest rating of the order (P5.1.1). */
export function latestRating(db: Db, workOrderId: string) {
  return db
    .selectFrom('customerRatings')
    .select(['rating', 'source', 'ratedAt'])
    .where('workOrderId', '=', workOrderId)
    .orderBy('ratedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}
