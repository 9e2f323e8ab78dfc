import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DB, Locale, NotificationsTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What the templates and the addressing need to know about an order. */
export function orderForNotice(db: Db, workOrderId: string) {
  return db
    .selectFrom('workOrders')
    .innerJoin('customers', 'customers.id', 'workOrders.customerId')
    .leftJoin('customerContacts', 'customerContacts.id', 'workOrders.contactId')
    .leftJoin('employees', 'employees.id', 'workOrders.assigneeId')
    .select([
      'workOrders.id',
      'workOrders.number',
      'workOrders.title',
      'workOrders.customerId',
      'workOrders.assigneeId',
      'workOrders.teamId',
      'workOrders.expectedArrivalAt',
      'workOrders.reporterEmail',
      'workOrders.reporterPhone',
      'customers.customerNo',
      'customers.email as customerEmail',
      'customers.phone as customerPhone',
      'customerContacts.email as contactEmail',
      'customerContacts.phone as contactPhone',
      'employees.name as assigneeName',
      'employees.teamId as assigneeTeamId',
    ])
    .where('workOrders.id', '=', workOrderId)
    .executeTakeFirstOrThrow();
}

/** The customer's active portal users, oldest first: the first one's language is the customer's. */
export function portalUsers(db: Db, customerId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('customerId', '=', customerId)
    .where('role', '=', 'customer')
    .where('active', '=', true)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export function usersById(db: Db, ids: readonly string[]): Promise<{ id: string; locale: Locale }[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'locale']).where('id', 'in', ids).where('active', '=', true).execute();
}

/** The active user account of an employee, if they have one. */
export async function userOfEmployee(db: Db, employeeId: string | null): Promise<string | null> {
  if (!employeeId) return null;
  const row = await db.selectFrom('users').select('id').where('employeeId', '=', employeeId).where('active', '=', true).executeTakeFirst();
  return row?.id ?? null;
}

/** The active user account of a team's supervisor, if the team has one. */
export async function supervisorUser(db: Db, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const team = await db.selectFrom('teams').select('supervisorId').where('id', '=', teamId).executeTakeFirst();
  return userOfEmployee(db, team?.supervisorId ?? null);
}

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]) {
  if (!rows.length) return;
  await db.insertInto('notifications').values(rows).execute();
}

/** Notices shown in the app only (nothing to deliver): written as sent. */
export function insertInAppNotices(db: Db, notices: readonly { userId: string; locale: Locale; event: string; subject: string; body: string }[]) {
  const sentAt = new Date();
  return insertNotifications(
    db,
    notices.map((n) => ({ ...n, channel: 'in_app' as const, workOrderId: null, status: 'sent' as const, sentAt })),
  );
}

export const MAX_ATTEMPTS = 5;

/**
 * Claims up to `limit` rows due for sending on the given channels: `FOR UPDATE SKIP LOCKED`
 * so that concurrent dispatchers never take the same row, then a lease (next_attempt_at) so
 * that the sending itself happens outside the transaction and a crashed sender's rows come
 * back once the lease ends.
 */
export async function claimDue(trx: Transaction<DB>, channels: readonly ('email' | 'webhook')[], limit: number, now: Date, leaseUntil: Date) {
  if (!channels.length) return [];
  const rows = await trx
    .selectFrom('notifications')
    .select('id')
    .where('channel', 'in', channels)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'failed'), eb('attempts', '<', MAX_ATTEMPTS)])]))
    .where((eb) => eb.or([eb('nextAttemptAt', 'is', null), eb('nextAttemptAt', '<=', now)]))
    .orderBy('createdAt')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (!rows.length) return [];
  return trx
    .updateTable('notifications')
    .set({ attempts: sql`attempts + 1`, nextAttemptAt: leaseUntil })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .returningAll()
    .execute();
}

export function markSent(db: Db, id: string, now: Date) {
  return db.updateTable('notifications').set({ status: 'sent', sentAt: now, lastError: null, nextAttemptAt: null }).where('id', '=', id).execute();
}

export function markFailed(db: Db, id: string, error: string, retryAt: Date | null) {
  return db.updateTable('notifications').set({ status: 'failed', lastError: error.slice(0, 2000), nextAttemptAt: retryAt }).where('id', '=', id).execute();
}

export async function countWaiting(db: Db, channel: 'email' | 'webhook') {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel', '=', channel)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user's own in-app notifications, newest first, after a keyset cursor. */
export function inAppPage(db: Db, userId: string, o: { limit: number; after: { key: string; id: string } | null; unreadOnly: boolean }) {
  let q = db
    .selectFrom('notifications')
    .leftJoin('workOrders', 'workOrders.id', 'notifications.workOrderId')
    .select([
      'notifications.id',
      'notifications.event',
      'notifications.subject',
      'notifications.body',
      'notifications.workOrderId',
      'workOrders.number as workOrderNumber',
      'notifications.createdAt',
      'notifications.readAt',
      // The sort key at full (microsecond) precision: a JS Date would cut it to milliseconds.
      sql<string>`to_char(notifications.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('sortKey'),
    ])
    .where('notifications.userId', '=', userId)
    .where('notifications.channel', '=', 'in_app')
    .orderBy('notifications.createdAt', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(o.limit + 1);
  if (o.unreadOnly) q = q.where('notifications.readAt', 'is', null);
  const after = o.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('notifications.createdAt', '<', sql<Date>`${after.key}::timestamptz`),
        eb.and([eb('notifications.createdAt', '=', sql<Date>`${after.key}::timestamptz`), eb('notifications.id', '<', after.id)]),
      ]),
    );
  }
  return q.execute();
}

export async function unreadCount(db: Db, userId: string) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', userId)
    .where('channel', '=', 'in_app')
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function ownInApp(db: Db, id: string, userId: string) {
  return db
    .selectFrom('notifications')
    .leftJoin('workOrders', 'workOrders.id', 'notifications.workOrderId')
    .select([
      'notifications.id',
      'notifications.event',
      'notifications.subject',
      'notifications.body',
      'notifications.workOrderId',
      'workOrders.number as workOrderNumber',
      'notifications.createdAt',
      'notifications.readAt',
    ])
    .where('notifications.id', '=', id)
    .where('notifications.userId', '=', userId)
    .where('notifications.channel', '=', 'in_app')
    .executeTakeFirst();
}

/** Marks one unread notification read; answers nothing when it was already read. */
export function markRead(trx: Transaction<DB>, id: string, now: Date) {
  return trx.updateTable('notifications').set({ status: 'read', readAt: now }).where('id', '=', id).where('readAt', 'is', null).returning('id').executeTakeFirst();
}
