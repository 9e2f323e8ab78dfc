import type { Insertable, Kysely } from 'kysely';
import type { AcceptancesTable, CustomerRatingsTable, DB } from '../../db/schema.ts';

// The acceptance module's SQL: acceptances, customer ratings and survey invitations.

export function insertAcceptance(db: Kysely<DB>, row: Insertable<AcceptancesTable>) {
  return db.insertInto('acceptances').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The order's current acceptance standing: its latest acceptance or refusal. */
export function latestAcceptance(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('acceptances')
    .select(['id', 'outcome', 'handledAt', 'reason'])
    .where('workOrderId', '=', orderId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function markRefusalHandled(db: Kysely<DB>, id: string, v: { at: Date; label: string; note: string }) {
  return db
    .updateTable('acceptances')
    .set({ handledAt: v.at, handledByLabel: v.label, handlingNote: v.note })
    .where('id', '=', id)
    .where('outcome', '=', 'refused')
    .where('handledAt', 'is', null)
    .executeTakeFirst();
}

/** The order's acceptance history, oldest first, without the signature bytes. */
export function acceptanceHistory(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('acceptances')
    .select([
      'id',
      'outcome',
      'channel',
      'signerName',
      'signatureSha256',
      'reason',
      'comment',
      'recordedByLabel',
      'at',
      'handledAt',
      'handledByLabel',
      'handlingNote',
    ])
    .where('workOrderId', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function signatureOf(db: Kysely<DB>, orderId: string, acceptanceId: string) {
  return db
    .selectFrom('acceptances')
    .select(['signaturePng'])
    .where('id', '=', acceptanceId)
    .where('workOrderId', '=', orderId)
    .executeTakeFirst();
}

export function insertRating(db: Kysely<DB>, row: Insertable<CustomerRatingsTable>) {
  return db.insertInto('customerRatings').values(row).returning('id').executeTakeFirstOrThrow();
}

export function orderRatings(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('customerRatings')
    .leftJoin('employees', 'employees.id', 'customerRatings.technicianId')
    .select([
      'customerRatings.id',
      'customerRatings.source',
      'customerRatings.rating',
      'customerRatings.answers',
      'customerRatings.questionnaire',
      'customerRatings.comment',
      'customerRatings.ratedAt',
      'customerRatings.technicianId',
      'employees.name as technicianName',
    ])
    .where('customerRatings.workOrderId', '=', orderId)
    .orderBy('customerRatings.ratedAt')
    .execute();
}

/** Where the customer of an order is written to: the reporter, else the contact, else the customer. */
export async function customerEmailOf(db: Kysely<DB>, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('workOrders')
    .innerJoin('customers', 'customers.id', 'workOrders.customerId')
    .leftJoin('customerContacts', 'customerContacts.id', 'workOrders.contactId')
    .select(['workOrders.reporterEmail', 'customerContacts.email as contactEmail', 'customers.email as customerEmail'])
    .where('workOrders.id', '=', orderId)
    .executeTakeFirstOrThrow();
  return row.reporterEmail ?? row.contactEmail ?? row.customerEmail ?? null;
}

export function insertInvitation(db: Kysely<DB>, v: { workOrderId: string; email: string; expiresAt: Date }) {
  return db.insertInto('surveyInvitations').values(v).returning(['id', 'expiresAt']).executeTakeFirstOrThrow();
}

export function latestInvitation(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('surveyInvitations')
    .select(['id', 'email', 'expiresAt', 'usedAt', 'createdAt'])
    .where('workOrderId', '=', orderId)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

/** An invitation with what its survey page shows: the order, its technician, when the work was accepted. */
export function invitationWithOrder(db: Kysely<DB>, invitationId: string) {
  return db
    .selectFrom('surveyInvitations')
    .innerJoin('workOrders', 'workOrders.id', 'surveyInvitations.workOrderId')
    .leftJoin('employees', 'employees.id', 'workOrders.assigneeId')
    .select([
      'surveyInvitations.id',
      'surveyInvitations.workOrderId',
      'surveyInvitations.expiresAt',
      'surveyInvitations.usedAt',
      'workOrders.number',
      'workOrders.title',
      'workOrders.assigneeId',
      'workOrders.resolvedAt',
      'employees.name as technicianName',
    ])
    .where('surveyInvitations.id', '=', invitationId)
    .executeTakeFirst();
}

export async function lastAcceptedAt(db: Kysely<DB>, orderId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('acceptances')
    .select('at')
    .where('workOrderId', '=', orderId)
    .where('outcome', '=', 'accepted')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Claims the invitation for one submission: zero rows when it was already used or has expired meanwhile. */
export async function claimInvitation(db: Kysely<DB>, invitationId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('surveyInvitations')
    .set({ usedAt: now })
    .where('id', '=', invitationId)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
