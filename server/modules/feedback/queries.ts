import { type Kysely, sql, type Transaction } from 'kysely';
import type { FeedbackStatus } from '../../../core/feedback.ts';
import type { DB, FeedbackTable } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';
import type { FeedbackScope } from './policy.ts';

type Db = Kysely<DB> | Transaction<DB>;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Next feedback number of a company day; the upsert makes concurrent raisers take distinct numbers. */
export async function nextFeedbackSequence(trx: Db, day: string): Promise<number> {
  const row = await trx
    .insertInto('feedbackCounters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('feedbackCounters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
function containing(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type FeedbackFilter = {
  scope: FeedbackScope;
  q?: string;
  status?: FeedbackStatus;
  kind?: FeedbackTable['kind'];
  department?: FeedbackTable['department'];
  model?: string;
  category?: string;
  severity?: string;
  createdFrom?: Date;
  createdTo?: Date;
  workOrderId?: string;
  after: Cursor | null;
  limit: number;
};

function baseFeedback(db: Db) {
  return db
    .selectFrom('feedback')
    .innerJoin('workOrders', 'workOrders.id', 'feedback.workOrderId')
    .selectAll('feedback')
    .select(['workOrders.number as workOrderNumber']);
}

/** Newest first by number (FB-date-sequence sorts by day, then sequence). */
export function findFeedback(db: Db, f: FeedbackFilter) {
  let q = baseFeedback(db).orderBy('feedback.number', 'desc').orderBy('feedback.id', 'desc').limit(f.limit + 1);
  const s = f.scope;
  if (s.kind === 'none') q = q.where('feedback.id', '=', NO_ID);
  if (s.kind === 'department') q = q.where('feedback.department', '=', s.department);
  if (s.kind === 'customer_sourced') q = q.where('feedback.source', '=', 'customer');
  if (s.kind === 'raised_by') q = q.where('feedback.raisedBy', '=', s.userId);
  if (f.workOrderId) q = q.where('feedback.workOrderId', '=', f.workOrderId);
  if (f.status) q = q.where('feedback.status', '=', f.status);
  if (f.kind) q = q.where('feedback.kind', '=', f.kind);
  if (f.department) q = q.where('feedback.department', '=', f.department);
  if (f.model) q = q.where('feedback.productModel', '=', f.model);
  if (f.category) q = q.where('feedback.defectCategory', '=', f.category);
  if (f.severity) q = q.where('feedback.severity', '=', f.severity as never);
  if (f.createdFrom) q = q.where('feedback.createdAt', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('feedback.createdAt', '<', f.createdTo);
  if (f.q) {
    const p = containing(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('feedback.number', 'ilike', p),
        eb('feedback.title', 'ilike', p),
        eb('feedback.description', 'ilike', p),
        eb('feedback.productModel', 'ilike', p),
        eb('feedback.serialNumber', 'ilike', p),
        eb('workOrders.number', 'ilike', p),
      ]),
    );
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('feedback.number', 'feedback.id'), '<', eb.tuple(key, id)));
  }
  return q.execute();
}
export type FeedbackRow = Awaited<ReturnType<typeof findFeedback>>[number];

export function findFeedbackById(db: Db, id: string) {
  return baseFeedback(db).where('feedback.id', '=', id).executeTakeFirst();
}

/** What a department may know of the order a record came from: its number, customer and product, never the order itself. */
export function orderContext(db: Db, workOrderId: string) {
  return db
    .selectFrom('workOrders')
    .innerJoin('customers', 'customers.id', 'workOrders.customerId')
    .leftJoin('installedProducts', 'installedProducts.id', 'workOrders.productId')
    .select([
      'workOrders.id',
      'workOrders.number',
      'workOrders.title',
      'customers.name as customerName',
      'installedProducts.productName',
      'installedProducts.model',
      'installedProducts.serialNumber',
    ])
    .where('workOrders.id', '=', workOrderId)
    .executeTakeFirstOrThrow();
}

export function feedbackPhotos(db: Db, feedbackId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'contentType', 'size'])
    .where('feedbackId', '=', feedbackId)
    .orderBy('createdAt')
    .execute();
}

export function feedbackPhoto(db: Db, feedbackId: string, attachmentId: string) {
  return db
    .selectFrom('attachments')
    .select(['filename', 'contentType', 'data'])
    .where('feedbackId', '=', feedbackId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export function feedbackEvents(db: Db, feedbackId: string) {
  return db.selectFrom('feedbackEvents').selectAll().where('feedbackId', '=', feedbackId).orderBy('at').orderBy('id').execute();
}

export function insertFeedbackEvent(
  trx: Db,
  e: { feedbackId: string; actorUserId: string | null; actorLabel: string; fromStatus: FeedbackStatus | null; toStatus: FeedbackStatus; note: string | null },
) {
  return trx.insertInto('feedbackEvents').values(e).execute();
}


/** Active users of a department, to hear of new feedback in-app. */
export function departmentUsers(db: Db, department: FeedbackTable['department']) {
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('role', '=', 'department')
    .where('department', '=', department)
    .where('active', '=', true)
    .execute();
}

/** The product models seen on installed products and on feedback, for filters and the raise form. */
export async function knownModels(db: Db) {
  const [installed, raised] = await Promise.all([
    db.selectFrom('installedProducts').select('model').distinct().execute(),
    db.selectFrom('feedback').select('productModel as model').distinct().where('productModel', 'is not', null).execute(),
  ]);
  return [...new Set([...installed, ...raised].map((r) => r.model).filter((m): m is string => !!m))].sort();
}

// ---- the defect report (P2.2.2) ----

export type DefectFilter = { createdFrom: Date; createdTo: Date; model?: string; category?: string };

function defects(db: Db, f: DefectFilter) {
  let q = db
    .selectFrom('feedback')
    .where('feedback.kind', '=', 'defect')
    .where('feedback.createdAt', '>=', f.createdFrom)
    .where('feedback.createdAt', '<', f.createdTo);
  if (f.model) q = q.where('feedback.productModel', '=', f.model);
  if (f.category) q = q.where('feedback.defectCategory', '=', f.category);
  return q;
}

/** Counts by model x category x month, months in the company time zone. */
export function defectCounts(db: Db, f: DefectFilter, zone: string) {
  const month = sql<string>`to_char(feedback.created_at AT TIME ZONE ${zone}, 'YYYY-MM')`;
  return defects(db, f)
    .select([
      sql<string>`feedback.product_model`.as('model'),
      sql<string>`feedback.defect_category`.as('category'),
      month.as('month'),
      sql<string>`count(*)`.as('count'),
    ])
        // by position: the month expression carries the zone as a parameter, which GROUP BY cannot match by text
    .groupBy([sql`1`, sql`2`, sql`3`])
    .orderBy(sql`1`)
    .orderBy(sql`2`)
    .orderBy(sql`3`)
    .execute();
}

export function defectSeverities(db: Db, f: DefectFilter) {
  return defects(db, f).select(['feedback.severity', sql<string>`count(*)`.as('count')]).groupBy('feedback.severity').execute();
}

export function defectRows(db: Db, f: DefectFilter) {
  return defects(db, f)
    .innerJoin('workOrders', 'workOrders.id', 'feedback.workOrderId')
    .select([
      'feedback.number',
      'feedback.createdAt',
      'feedback.productModel',
      'feedback.serialNumber',
      'feedback.defectCategory',
      'feedback.severity',
      'feedback.status',
      'feedback.title',
      'feedback.description',
      'feedback.answer',
      'feedback.raisedByLabel',
      'workOrders.number as workOrderNumber',
    ])
    .orderBy('feedback.createdAt')
    .orderBy('feedback.number')
    .execute();
}
