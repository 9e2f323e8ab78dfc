import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { EventRecord, OrderRecord, PauseRecord } from './generate.ts';

// Bulk loading for the benchmark, bypassing the service layer: one INSERT ... SELECT FROM
// json_to_recordset($1) per batch (one parameter, any number of rows, the same SQL on PGlite
// and on the server), foreign-key triggers off for the batch (the generator only references
// rows that exist), secondary indexes dropped before and rebuilt after, as in any bulk load.

type Columns<T> = Record<keyof T, string>;

const ORDER_COLUMNS: Columns<OrderRecord> = {
  id: 'uuid',
  number: 'text',
  channel: 'text',
  customer_id: 'uuid',
  contact_id: 'uuid',
  site_id: 'uuid',
  product_id: 'uuid',
  reporter_name: 'text',
  reporter_phone: 'text',
  title: 'text',
  description: 'text',
  category: 'text',
  priority: 'text',
  state: 'text',
  held_from_state: 'text',
  hold_reason: 'text',
  team_id: 'uuid',
  assignee_id: 'uuid',
  received_at: 'timestamptz',
  responded_at: 'timestamptz',
  arrived_at: 'timestamptz',
  resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  cancelled_at: 'timestamptz',
  visit_scheduled_at: 'timestamptz',
  expected_arrival_at: 'timestamptz',
  solution: 'text',
  resolution: 'text',
  cancel_reason: 'text',
  sla: 'jsonb',
  response_due_at: 'timestamptz',
  arrival_due_at: 'timestamptz',
  resolution_due_at: 'timestamptz',
  response_warn_at: 'timestamptz',
  arrival_warn_at: 'timestamptz',
  resolution_warn_at: 'timestamptz',
  created_by: 'uuid',
  search_text: 'text',
  search_grams: 'text[]',
  version: 'integer',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const EVENT_COLUMNS: Columns<EventRecord> = {
  work_order_id: 'uuid',
  at: 'timestamptz',
  actor_user_id: 'uuid',
  actor_employee_id: 'uuid',
  actor_label: 'text',
  action: 'text',
  from_state: 'text',
  to_state: 'text',
  data: 'jsonb',
};
const PAUSE_COLUMNS: Columns<PauseRecord> = { work_order_id: 'uuid', reason: 'text', started_at: 'timestamptz' };

/** INSERT INTO table (cols) SELECT cols FROM json_to_recordset($1) AS r(col type, ...). */
function insertFromJson<T>(table: string, columns: Columns<T>, rows: T[]) {
  const names = Object.keys(columns).join(', ');
  const definition = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(${sql.raw(definition)})`;
}

export type Batch = { orders: OrderRecord[]; events: EventRecord[]; pauses: PauseRecord[] };

/** Inserts one batch in one transaction, with foreign-key triggers off for it (superuser, as the benchmark runs). */
export async function insertBatch(db: Kysely<DB>, batch: Batch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await insertFromJson('work_orders', ORDER_COLUMNS, batch.orders).execute(trx);
    await insertFromJson('work_order_events', EVENT_COLUMNS, batch.events).execute(trx);
    if (batch.pauses.length) await insertFromJson('work_order_pauses', PAUSE_COLUMNS, batch.pauses).execute(trx);
  });
}

/** The counters receiveOrder continues from, so that numbers issued later never collide with the bulk. */
export async function insertCounters(db: Kysely<DB>, counters: { day: string; last: number }[]): Promise<void> {
  for (let i = 0; i < counters.length; i += 1000) {
    await db.insertInto('workOrderCounters').values(counters.slice(i, i + 1000)).execute();
  }
}

const BULK_TABLES = ['work_orders', 'work_order_events', 'work_order_pauses'];

/** Drops the secondary indexes of the bulk tables (not those behind constraints); returns their definitions. */
export async function dropSecondaryIndexes(db: Kysely<DB>, tables: readonly string[] = BULK_TABLES): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join([...tables])})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
    ORDER BY i.indexname`.execute(db);
  for (const r of rows) await sql`DROP INDEX ${sql.id(r.indexname)}`.execute(db);
  return rows.map((r) => r.indexdef);
}

/** Rebuilds the indexes exactly as the migrations defined them, with room to sort in memory. */
export async function recreateIndexes(db: Kysely<DB>, definitions: string[], maintenanceWorkMem: string): Promise<void> {
  for (const definition of definitions) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('maintenance_work_mem', ${maintenanceWorkMem}, true)`.execute(trx);
      await sql.raw(definition).execute(trx);
    });
  }
}

/** Statistics and the visibility map, as autovacuum would leave a long-lived database (PGlite runs no autovacuum). */
export async function vacuumAnalyze(db: Kysely<DB>): Promise<void> {
  for (const table of [...BULK_TABLES, 'work_order_counters']) await sql`VACUUM (ANALYZE) ${sql.id(table)}`.execute(db);
}
