import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

// ---- fault codes ----

export function listFaultCodes(db: Db, active: boolean | undefined) {
  let q = db.selectFrom('faultCodes').selectAll().orderBy('category').orderBy('code');
  if (active !== undefined) q = q.where('active', '=', active);
  return q.execute();
}

export function findFaultCode(db: Db, code: string) {
  return db.selectFrom('faultCodes').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertFaultCode(db: Db, row: Insertable<DB['faultCodes']>) {
  return db.insertInto('faultCodes').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes only on the version the caller read (409 `conflict.stale` otherwise) and bumps it. */
export async function updateFaultCode(trx: Transaction<DB>, code: string, version: number, values: Updateable<DB['faultCodes']>) {
  const row = await trx
    .updateTable('faultCodes')
    .set((eb) => ({ ...values, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('code', '=', code)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw errors.stale();
  return row;
}

// ---- the report ----

export function findReport(db: Db, workOrderId: string) {
  return db.selectFrom('serviceReports').selectAll().where('workOrderId', '=', workOrderId).executeTakeFirst();
}

export function insertReport(db: Db, row: Insertable<DB['serviceReports']>) {
  return db.insertInto('serviceReports').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A report saved from a stale copy (someone saved in between) is refused with 409. */
export async function updateReport(trx: Transaction<DB>, id: string, version: number | null, values: Updateable<DB['serviceReports']>) {
  let q = trx
    .updateTable('serviceReports')
    .set((eb) => ({ ...values, updatedAt: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const row = await q.returningAll().executeTakeFirst();
  if (!row) throw errors.stale();
  return row;
}

export function pdfAttachment(db: Db, id: string | null) {
  if (!id) return Promise.resolve(undefined);
  return db.selectFrom('attachments').select(['id', 'filename', 'size', 'sha256', 'data']).where('id', '=', id).executeTakeFirst();
}

export function replaceAttachmentData(db: Db, id: string, file: { data: Buffer; sha256: string }) {
  return db.updateTable('attachments').set({ data: file.data, size: file.data.length, sha256: file.sha256 }).where('id', '=', id).execute();
}

// ---- what the report gathers ----

export function orderForDocument(db: Db, workOrderId: string) {
  return db
    .selectFrom('workOrders as o')
    .innerJoin('customers as c', 'c.id', 'o.customerId')
    .leftJoin('customerSites as s', 's.id', 'o.siteId')
    .leftJoin('installedProducts as p', 'p.id', 'o.productId')
    .leftJoin('customerContacts as k', 'k.id', 'o.contactId')
    .leftJoin('employees as e', 'e.id', 'o.assigneeId')
    .select([
      'o.id',
      'o.number',
      'o.category',
      'o.title',
      'o.description',
      'o.solution',
      'o.resolution',
      'o.receivedAt',
      'o.arrivedAt',
      'o.arrivalDueAt',
      'o.resolvedAt',
      'o.reporterName',
      'o.reporterPhone',
      'c.id as customerId',
      'c.name as customerName',
      'c.customerNo',
      'c.phone as customerPhone',
      's.name as siteName',
      's.address as siteAddress',
      'p.model as productModel',
      'p.productName',
      'p.serialNumber',
      'k.name as contactName',
      'k.phone as contactPhone',
      'e.name as technicianName',
      'e.employeeNo as technicianNo',
    ])
    .where('o.id', '=', workOrderId)
    .executeTakeFirstOrThrow();
}

export function orderChecklists(db: Db, workOrderId: string) {
  return db
    .selectFrom('workOrderChecklists')
    .select(['id', 'kind', 'nameZh', 'nameEn', 'items'])
    .where('workOrderId', '=', workOrderId)
    .orderBy('kind')
    .orderBy('createdAt')
    .execute();
}

export function checklistResults(db: Db, checklistIds: string[]) {
  if (!checklistIds.length) return Promise.resolve([]);
  return db
    .selectFrom('checklistResults')
    .select(['checklistId', 'itemKey', 'done', 'value', 'outOfRange', 'justification', 'attachmentId', 'note'])
    .where('checklistId', 'in', checklistIds)
    .execute();
}

export function latestAcceptance(db: Db, workOrderId: string) {
  return db
    .selectFrom('acceptances')
    .select(['signerName', 'signaturePng', 'at', 'channel', 'comment'])
    .where('workOrderId', '=', workOrderId)
    .where('outcome', '=', 'accepted')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function latestRating(db: Db, workOrderId: string) {
  return db
    .selectFrom('customerRatings')
    .select(['rating', 'answers', 'questionnaire', 'comment', 'ratedAt', 'source'])
    .where('workOrderId', '=', workOrderId)
    .orderBy('ratedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The order's photos (JPEG and PNG, the formats a PDF embeds), oldest first. */
export function orderPhotos(db: Db, workOrderId: string, limit: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'contentType', 'data', 'uploadedByLabel', 'createdAt'])
    .where('workOrderId', '=', workOrderId)
    .where('contentType', 'in', ['image/jpeg', 'image/png', 'image/jpg'])
    .where('consultationMessageId', 'is', null)
    .where('feedbackId', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function consultationParticipants(db: Db, workOrderId: string) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('consultationParticipants as p', 'p.consultationId', 'c.id')
    .innerJoin('employees as e', 'e.id', 'p.employeeId')
    .select(['e.id', 'e.name', 'p.role', 'p.contributed'])
    .where('c.workOrderId', '=', workOrderId)
    .orderBy('c.createdAt')
    .orderBy('p.invitedAt')
    .execute();
}

/** The customer's language: their first portal user's, as the notifications use. */
export async function customerLocale(db: Db, customerId: string): Promise<Locale | null> {
  const row = await db
    .selectFrom('users')
    .select('locale')
    .where('customerId', '=', customerId)
    .where('role', '=', 'customer')
    .where('active', '=', true)
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
  return row?.locale ?? null;
}
