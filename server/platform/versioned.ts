import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errors } from './errors.ts';

/** Every table whose rows have an `id` and a `version`. */
type Versioned = { [K in keyof DB]: DB[K] extends { id: unknown; version: unknown } ? K : never }[keyof DB];
/** Whether each versioned table keeps `updated_at`: a new versioned table must be listed here. */
const HAS_UPDATED_AT: { [K in Versioned]: DB[K] extends { updatedAt: unknown } ? true : false } = {
  employees: true,
  customers: true,
  teams: true,
  users: true,
  customerContacts: false,
  customerSites: false,
  installedProducts: false,
  workOrders: true,
  consultations: false,
  parts: true,
  workOrderParts: true,
  tools: true,
  checklistTemplates: true,
  serviceReports: true,
  feedback: true,
  followUps: true,
  workShifts: true,
  dispatchPlans: true,
  growthRecords: true,
  appraisalTemplates: true,
  appraisalPeriods: true,
  appraisalResults: true,
  appraisalAppeals: true,
  developmentActions: true,
};

/**
 * Optimistic concurrency for rows people edit: the write lands only on the version the caller
 * read (409 `conflict.stale` otherwise) and bumps it. With `version: null` the write is
 * unconditional (a password reset is not an edit conflict) but still bumps the version.
 */
export async function updateVersioned<T extends Versioned>(
  trx: Transaction<DB>,
  table: T,
  id: string,
  version: number | null,
  values: Updateable<DB[T]>,
): Promise<Selectable<DB[T]>> {
  // biome-ignore lint/suspicious/noExplicitAny: one statement serves every versioned table
  const db = trx as unknown as Kysely<any>;
  const name = table as string;
  let q = db
    .updateTable(name)
    .set((eb) => ({ ...values, ...(HAS_UPDATED_AT[table] ? { updatedAt: new Date() } : {}), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const row = await q.returningAll().executeTakeFirst();
  if (!row) throw version === null ? errors.notFound() : errors.stale();
  return row as Selectable<DB[T]>;
}
