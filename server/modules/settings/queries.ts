import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function settingRows(db: Db, key?: string) {
  let q = db
    .selectFrom('settings')
    .select(['key', 'value', 'effectiveFrom', 'setByLabel', 'reason', 'createdAt'])
    .orderBy('key')
    .orderBy('effectiveFrom', 'desc');
  if (key) q = q.where('key', '=', key);
  return q.execute();
}

export async function valueAsOf(db: Db, key: string, date: string): Promise<unknown | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.value;
}

export function insertSetting(
  db: Db,
  row: { key: string; value: unknown; effectiveFrom: string; setBy: string | null; setByLabel: string; reason: string },
) {
  return db
    .insertInto('settings')
    .values({ ...row, value: JSON.stringify(row.value) })
    .returning(['key', 'value', 'effectiveFrom', 'setByLabel', 'reason', 'createdAt'])
    .executeTakeFirstOrThrow();
}

export function insertDefaultIfMissing(db: Db, row: { key: string; value: unknown; effectiveFrom: string }) {
  return db
    .insertInto('settings')
    .values({ ...row, value: JSON.stringify(row.value), setBy: null, setByLabel: 'system', reason: 'default' })
    .onConflict((oc) => oc.columns(['key', 'effectiveFrom']).doNothing())
    .execute();
}
