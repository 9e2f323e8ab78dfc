import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The earlier outcome of a message id, with its order's number. */
export function inboundByMessageId(db: Db, messageId: string) {
  return db
    .selectFrom('inboundEmails')
    .leftJoin('workOrders', 'workOrders.id', 'inboundEmails.workOrderId')
    .select(['inboundEmails.id', 'inboundEmails.outcome', 'inboundEmails.workOrderId', 'inboundEmails.error', 'workOrders.number'])
    .where('inboundEmails.messageId', '=', messageId)
    .executeTakeFirst();
}

/**
 * Records a message; answers nothing when its message id is already recorded (by an earlier
 * delivery, or by a concurrent one, whose commit this waits for).
 */
export async function claimMessage(
  trx: Transaction<DB>,
  row: { messageId: string | null; fromAddress: string | null; subject: string | null; size: number; receivedAt: Date },
): Promise<string | null> {
  const inserted = await trx
    .insertInto('inboundEmails')
    .values({ ...row, outcome: 'rejected', error: 'processing' })
    .onConflict((oc) => oc.column('messageId').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export function settleMessage(trx: Db, id: string, o: { outcome: 'order' | 'comment' | 'rejected'; workOrderId: string | null; error: string | null }) {
  return trx.updateTable('inboundEmails').set(o).where('id', '=', id).execute();
}

/** Customers (active) whose own address or one of whose contacts' addresses is this one, whatever its case. */
export async function customersBySender(db: Db, address: string) {
  const own = await db
    .selectFrom('customers')
    .select(['id as customerId', sql<string | null>`null`.as('contactId'), 'name'])
    .where(sql<string>`lower(email)`, '=', address.toLowerCase())
    .where('status', '=', 'active')
    .execute();
  const contacts = await db
    .selectFrom('customerContacts')
    .innerJoin('customers', 'customers.id', 'customerContacts.customerId')
    .select(['customers.id as customerId', 'customerContacts.id as contactId', 'customerContacts.name'])
    .where(sql<string>`lower(customer_contacts.email)`, '=', address.toLowerCase())
    .where('customers.status', '=', 'active')
    .orderBy('customerContacts.isPrimary', 'desc')
    .orderBy('customerContacts.id')
    .execute();
  return [...contacts, ...own];
}

/** An order we sent this notification about (the id pair of one of our Message-IDs). */
export function orderOfNotification(db: Db, workOrderId: string, notificationId: string) {
  return db
    .selectFrom('notifications')
    .innerJoin('workOrders', 'workOrders.id', 'notifications.workOrderId')
    .select(['workOrders.id', 'workOrders.number', 'workOrders.customerId'])
    .where('notifications.id', '=', notificationId)
    .where('notifications.workOrderId', '=', workOrderId)
    .where('notifications.channel', '=', 'email')
    .executeTakeFirst();
}

export async function orderNumber(db: Db, id: string) {
  return (await db.selectFrom('workOrders').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
}

export function orderByNumber(db: Db, number: string) {
  return db.selectFrom('workOrders').select(['id', 'number', 'customerId', 'reporterEmail']).where('number', '=', number).executeTakeFirst();
}

/** Whether an address belongs to this order's customer: the order's reporter, the customer, or one of its contacts. */
export async function senderBelongsTo(db: Db, order: { customerId: string; reporterEmail: string | null }, address: string) {
  const a = address.toLowerCase();
  if (order.reporterEmail?.toLowerCase() === a) return true;
  const hit = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', order.customerId)
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(email)`, '=', a),
        eb.exists(
          eb
            .selectFrom('customerContacts')
            .select('customerContacts.id')
            .whereRef('customerContacts.customerId', '=', 'customers.id')
            .where(sql<string>`lower(customer_contacts.email)`, '=', a),
        ),
      ]),
    )
    .executeTakeFirst();
  return Boolean(hit);
}

export function insertEmailComment(trx: Transaction<DB>, o: { workOrderId: string; authorUserId: string | null; authorLabel: string; body: string }) {
  return trx
    .insertInto('workOrderComments')
    .values({ ...o, kind: 'email', visibility: 'public', parentId: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}
