import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DB } from './schema.ts';
import * as foundation from './migrations/2026112601_foundation.ts';
import * as workOrders from './migrations/2026112602_work_orders.ts';
import * as calendar from './migrations/2026112603_calendar.ts';
import * as notificationDelivery from './migrations/2026112604_notification_delivery.ts';
import * as knowledge from './migrations/2026112605_knowledge.ts';
import * as workOrderIndexes from './migrations/2026112606_work_order_indexes.ts';
import * as fieldService from './migrations/2026112701_field_service.ts';
import * as dispatch from './migrations/2026112702_dispatch.ts';
import * as appraisal from './migrations/2026112801_appraisal.ts';
import * as appraisalFactDigests from './migrations/2026112802_appraisal_fact_digests.ts';

// Listed in code: Kysely's FileMigrationProvider cannot import .ts files under Vitest.
const migrations: Record<string, Migration> = {
  '2026112601_foundation': foundation,
  '2026112602_work_orders': workOrders,
  '2026112603_calendar': calendar,
  '2026112604_notification_delivery': notificationDelivery,
  '2026112605_knowledge': knowledge,
  '2026112606_work_order_indexes': workOrderIndexes,
  '2026112701_field_service': fieldService,
  '2026112702_dispatch': dispatch,
  '2026112801_appraisal': appraisal,
  '2026112802_appraisal_fact_digests': appraisalFactDigests,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on the untyped schema it builds
  const migrator = new Migrator({ db: db as Kysely<any>, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
