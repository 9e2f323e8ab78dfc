import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The order's follow-ups not yet done (P4.4.3): an order does not close while any is open. */
export async function openFollowUps(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('followUps')
    .select(['id', 'title', 'dueAt'])
    .where('workOrderId', '=', orderId)
    .where('status', '=', 'open')
    .orderBy('dueAt')
    .execute();
}
