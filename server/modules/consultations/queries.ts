import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ConsultationParticipantsTable, DB, NotificationsTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function findConsultation(db: Db, id: string) {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function consultationsOfOrder(db: Db, workOrderId: string) {
  return db.selectFrom('consultations').selectAll().where('workOrderId', '=', workOrderId).orderBy('createdAt').orderBy('id').execute();
}

export function participantsOf(db: Db, consultationIds: readonly string[]) {
  if (!consultationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('consultationParticipants as p')
    .innerJoin('employees as e', 'e.id', 'p.employeeId')
    .select(['p.consultationId', 'p.employeeId', 'e.name', 'p.role', 'p.invitedBy', 'p.invitedAt', 'p.joinedAt', 'p.contributed'])
    .where('p.consultationId', 'in', consultationIds)
    // The owner first, then the colleagues in the order they were invited.
    .orderBy('p.invitedAt')
    .orderBy('p.role', 'desc')
    .orderBy('e.name')
    .execute();
}

export function participant(db: Db, consultationId: string, employeeId: string | null) {
  if (!employeeId) return Promise.resolve(undefined);
  return db
    .selectFrom('consultationParticipants')
    .selectAll()
    .where('consultationId', '=', consultationId)
    .where('employeeId', '=', employeeId)
    .executeTakeFirst();
}

export function messagesOf(db: Db, consultationIds: readonly string[]) {
  if (!consultationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('consultationMessages as m')
    .innerJoin('employees as e', 'e.id', 'm.authorId')
    .select(['m.id', 'm.consultationId', 'm.parentId', 'm.authorId', 'e.name as authorName', 'm.body', 'm.mentions', 'm.createdAt'])
    .where('m.consultationId', 'in', consultationIds)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute();
}

export function messageOf(db: Db, consultationId: string, messageId: string) {
  return db.selectFrom('consultationMessages').select('id').where('id', '=', messageId).where('consultationId', '=', consultationId).executeTakeFirst();
}

export function attachmentsOfMessages(db: Db, messageIds: readonly string[]) {
  if (!messageIds.length) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .select(['id', 'consultationMessageId', 'filename', 'contentType', 'size'])
    .where('consultationMessageId', 'in', messageIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export function employeesByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('employees').select(['id', 'name', 'status']).where('id', 'in', ids).execute();
}

/** The active user accounts of some employees, with the language each reads. */
export function accountsOf(db: Db, employeeIds: readonly string[]) {
  if (!employeeIds.length) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'employeeId', 'locale']).where('employeeId', 'in', employeeIds).where('active', '=', true).execute();
}

export function insertConsultation(trx: Transaction<DB>, values: { workOrderId: string; topic: string; openedBy: string }) {
  return trx.insertInto('consultations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Adds participants; someone already taking part stays as they were. Answers those added. */
export async function addParticipants(trx: Transaction<DB>, rows: Insertable<ConsultationParticipantsTable>[]) {
  if (!rows.length) return [];
  return trx
    .insertInto('consultationParticipants')
    .values(rows)
    .onConflict((oc) => oc.columns(['consultationId', 'employeeId']).doNothing())
    .returning('employeeId')
    .execute();
}

export function markJoined(trx: Transaction<DB>, consultationId: string, employeeId: string, at: Date) {
  return trx
    .updateTable('consultationParticipants')
    .set({ joinedAt: at })
    .where('consultationId', '=', consultationId)
    .where('employeeId', '=', employeeId)
    .where('joinedAt', 'is', null)
    .execute();
}

/** Posting counts as joining, and credits the author with a contribution (P5.1.5). */
export function markContributed(trx: Transaction<DB>, consultationId: string, employeeId: string, at: Date) {
  return trx
    .updateTable('consultationParticipants')
    .set((eb) => ({ contributed: true, joinedAt: eb.fn.coalesce('joinedAt', eb.val(at)) }))
    .where('consultationId', '=', consultationId)
    .where('employeeId', '=', employeeId)
    .execute();
}

export function insertMessage(
  trx: Transaction<DB>,
  values: { consultationId: string; parentId: string | null; authorId: string; body: string; mentions: string[]; createdAt: Date },
) {
  return trx.insertInto('consultationMessages').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Bumps the version of an open consultation read at `version`; undefined when it moved on. */
export function bumpVersion(trx: Transaction<DB>, id: string, version: number) {
  return trx
    .updateTable('consultations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export function recordAgreement(trx: Transaction<DB>, id: string, version: number, values: { agreedSolution: string; agreedBy: string; agreedAt: Date }) {
  return trx
    .updateTable('consultations')
    .set((eb) => ({ ...values, status: 'agreed' as const, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export function insertOrderEvent(
  trx: Transaction<DB>,
  values: { workOrderId: string; at: Date; actorUserId: string; actorEmployeeId: string | null; actorLabel: string; action: string; data: unknown },
) {
  return trx
    .insertInto('workOrderEvents')
    .values({ ...values, fromState: null, toState: null, data: JSON.stringify(values.data) })
    .execute();
}

export function insertNotifications(trx: Transaction<DB>, rows: Insertable<NotificationsTable>[]) {
  if (!rows.length) return Promise.resolve();
  return trx.insertInto('notifications').values(rows).execute().then(() => undefined);
}

/**
 * Per employee, over the consultations opened in [from, to): how many they joined, how many
 * they contributed to (posted in), and how many of those reached an agreed solution (P5.1.5).
 */
export function creditRows(db: Db, from: Date, to: Date) {
  return db
    .selectFrom('consultationParticipants as p')
    .innerJoin('consultations as c', 'c.id', 'p.consultationId')
    .innerJoin('employees as e', 'e.id', 'p.employeeId')
    .select((eb) => [
      'p.employeeId',
      'e.name',
      eb.fn.count<number>('p.consultationId').filterWhere('p.joinedAt', 'is not', null).as('joined'),
      eb.fn.count<number>('p.consultationId').filterWhere('p.contributed', '=', true).as('contributed'),
      eb.fn
        .count<number>('p.consultationId')
        .filterWhere((w) => w.and([w('p.contributed', '=', true), w('c.status', '=', 'agreed')]))
        .as('contributedAgreed'),
    ])
    .where('c.createdAt', '>=', from)
    .where('c.createdAt', '<', to)
    .groupBy(['p.employeeId', 'e.name'])
    .orderBy('e.name')
    .orderBy('p.employeeId')
    .execute();
}
