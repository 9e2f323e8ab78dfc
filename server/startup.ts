import type { Kysely } from 'kysely';
import { type Config, loadConfig } from './config.ts';
import type { DB } from './db/schema.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isDatabaseEmpty, seedDemoCompany } from './db/seed/demo.ts';
import { seedDemoAppraisal } from './db/seed/demo-appraisal.ts';
import { seedDemoDispatch } from './db/seed/demo-dispatch.ts';
import { seedDemoFeedback } from './db/seed/demo-feedback.ts';
import { seedDemoFaultCodes } from './db/seed/demo-reports.ts';
import { seedDemoSiteWork } from './db/seed/demo-site-work.ts';
import { seedDemoStock } from './db/seed/demo-stock.ts';
import { seedDemoWorkOrders } from './db/seed/demo-work-orders.ts';
import { seedChinaHolidays } from './modules/calendar/china-holidays.ts';
import { ensureDefaultSettings } from './modules/settings/service.ts';

/** Opens the configured database and brings it up to date: migrations, default settings, and the demo company on an empty one. */
export async function prepareDatabase(config: Config): Promise<{ database: Database; seeded: boolean }> {
  const database = await openDatabase(config.database);
  await migrateToLatest(database.db);
  await ensureDefaultSettings(database.db);
  let seeded = false;
  if (config.seedDemo === 'auto' && (await isDatabaseEmpty(database.db))) {
    await seedDemo(database.db);
    seeded = true;
  }
  return { database, seeded };
}

/** The whole demo: the company, the mainland holiday calendar (a real company maintains its own), and orders in every stage. */
export async function seedDemo(db: Kysely<DB>): Promise<void> {
  await seedDemoCompany(db);
  await seedChinaHolidays(db);
  // What the field work needs before the first visit: parts and van stock, fault codes,
  // checklist templates and instruments.
  await seedDemoStock(db);
  await seedDemoFaultCodes(db);
  await seedDemoSiteWork(db);
  await seedDemoDispatch(db);
  await seedDemoWorkOrders(db);
  await seedDemoFeedback(db);
  // Last month's work of the demo team, and its appraisal period opened (issue 6).
  await seedDemoAppraisal(db);
  // The demo's past is not mailed to anyone: only in-app notices of it are kept.
  await db.deleteFrom('notifications').where('channel', '<>', 'in_app').execute();
}

export { loadConfig };
