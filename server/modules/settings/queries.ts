import { type Kysely, sql, type Transaction } from 'kysely';
import { DEFAULTS_EFFECTIVE_FROM, settingDefinition } from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// A value is read as text and parsed here: given jsonb, the CamelCasePlugin would rename the
// keys inside it (dispatch.requirements is keyed by category: fault_repair became faultRepair).
const valueText = sql<string>`value::text`.as('valueText');
const parsed = <T extends { valueText: string }>({ valueText: text, ...row }: T) => ({ ...row, value: JSON.parse(text) as unknown });

export async function settingRows(db: Db, key?: string) {
  let q = db
    .selectFrom('settings')
    .select(['key', valueText, 'effectiveFrom', 'setByLabel', 'reason', 'createdAt'])
    .orderBy('key')
    .orderBy('effectiveFrom', 'desc');
  if (key) q = q.where('key', '=', key);
  return (await q.execute()).map(parsed);
}

export async function valueAsOf(db: Db, key: string, date: string): Promise<unknown | undefined> {
  const row = await db
    .selectFrom('settings')
    .select(valueText)
    .where('key', '=', key)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? parsed(row).value : undefined;
}

/** The value in force on a date with the date it took effect; the registry's default (dated as installed) when none is stored. */
export async function datedValueAsOf(db: Db, key: string, date: string): Promise<{ value: unknown; effectiveFrom: string }> {
  const row = await db
    .selectFrom('settings')
    .select([valueText, 'effectiveFrom'])
    .where('key', '=', key)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row) return { value: parsed(row).value, effectiveFrom: row.effectiveFrom };
  return { value: settingDefinition(key)?.defaultValue, effectiveFrom: DEFAULTS_EFFECTIVE_FROM };
}

export async function insertSetting(
  db: Db,
  row: { key: string; value: unknown; effectiveFrom: string; setBy: string | null; setByLabel: string; reason: string },
) {
  return parsed(
    await db
      .insertInto('settings')
      .values({ ...row, value: JSON.stringify(row.value) })
      .returning(['key', valueText, 'effectiveFrom', 'setByLabel', 'reason', 'createdAt'])
      .executeTakeFirstOrThrow(),
  );
}

export function insertDefaultIfMissing(db: Db, row: { key: string; value: unknown; effectiveFrom: string }) {
  return db
    .insertInto('settings')
    .values({ ...row, value: JSON.stringify(row.value), setBy: null, setByLabel: 'system', reason: 'default' })
    .onConflict((oc) => oc.columns(['key', 'effectiveFrom']).doNothing())
    .execute();
}
