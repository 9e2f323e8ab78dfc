import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern, queryGrams } from '../../../core/search.ts';
import type { DB } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type CustomerFilter = {
  q?: string;
  kind?: 'company' | 'individual';
  status: 'active' | 'inactive' | 'all';
  onlyId: string | null;
  after: Cursor | null;
  limit: number;
};

export function findCustomers(db: Db, f: CustomerFilter) {
  let q = db
    .selectFrom('customers')
    .selectAll('customers')
    .select((eb) => [
      eb.selectFrom('customerSites as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.customerId', '=', 'customers.id').as('siteCount'),
      eb
        .selectFrom('installedProducts as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.customerId', '=', 'customers.id')
        .as('productCount'),
    ])
    .orderBy('customerNo')
    .orderBy('id')
    .limit(f.limit + 1);
  if (f.onlyId) q = q.where('id', '=', f.onlyId);
  if (f.status !== 'all') q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const grams = queryGrams(f.q);
    if (grams.length) q = q.where('searchGrams', '@>', sql<string[]>`${sql.val(grams)}::text[]`);
    q = q.where('searchText', 'like', likePattern(f.q));
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('customerNo', 'id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export function primaryContacts(db: Db, customerIds: string[]) {
  if (!customerIds.length) return Promise.resolve([]);
  return db
    .selectFrom('customerContacts')
    .select(['customerId', 'name', 'phone'])
    .where('customerId', 'in', customerIds)
    .where('isPrimary', '=', true)
    .execute();
}

export function findCustomerById(db: Db, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function customerParts(db: Db, customerId: string) {
  const [contacts, sites, products] = await Promise.all([
    db.selectFrom('customerContacts').selectAll().where('customerId', '=', customerId).orderBy('isPrimary', 'desc').orderBy('name').execute(),
    db.selectFrom('customerSites').selectAll().where('customerId', '=', customerId).orderBy('name').execute(),
    db.selectFrom('installedProducts').selectAll().where('customerId', '=', customerId).orderBy('serialNumber').execute(),
  ]);
  return { contacts, sites, products };
}

/** The next customer number, C000001 onwards; the advisory lock serializes concurrent creations. */
export async function nextCustomerNo(trx: Transaction<DB>): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext('customers.customer_no'))`.execute(trx);
  const row = await trx
    .selectFrom('customers')
    .select(sql<number>`coalesce(max(nullif(regexp_replace(customer_no, '\\D', '', 'g'), '')::int), 0)`.as('n'))
    // Only numbers of this scheme count: an imported 'T98765432' must not move the sequence.
    .where('customerNo', '~', '^C[0-9]+$')
    .executeTakeFirstOrThrow();
  return `C${String(Number(row.n) + 1).padStart(6, '0')}`;
}
