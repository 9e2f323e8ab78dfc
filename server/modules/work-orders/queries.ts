import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
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

export function findOrders(db: Db, f: OrderFilter) {
  let q = db
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
    .orderBy('workOrders.receivedAt', 'desc')
    .orderBy('workOrders.id', 'desc')
    .limit(f.limit + 1);
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
  if (f.q) {
    const grams = queryGrams(f.q);
    if (grams.length) q = q.where('workOrders.searchGrams', '@>', sql<string[]>`${sql.val(grams)}::text[]`);
    q = q.where('workOrders.searchText', 'like', likePattern(f.q));
  }
  if (f.after) {
    const at = new Date(f.after.key);
    const id = f.after.id;
    q = q.where((eb) => eb(eb.refTuple('workOrders.receivedAt', 'workOrders.id'), '<', eb.tuple(at, id)));
  }
  return q.execute();
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
