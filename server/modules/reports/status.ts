import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** True when the order's service report is filed (P4.4.2). */
export async function reportFiled(db: Kysely<DB>, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('serviceReports').select('status').where('workOrderId', '=', orderId).executeTakeFirst();
  return row?.status === 'filed';
}
