// Stock benchmark (P4.3.1, issue 4): 20 concurrent clients take the same part through the real
// service functions (each technician restocks their own van from the one warehouse row, so every
// operation contends for the same stock) for a fixed number of operations, more than the stock
// holds. It checks that exactly the stock was handed out, never more, and that the ledger adds up
// to the final levels to the unit. bench/field.ts opens the database and prints the lines.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { ledgerBalance } from '../../server/modules/stock/queries.ts';
import { receiveStock, transferToVan } from '../../server/modules/stock/service.ts';
import { employeeSearchKeys } from '../../server/modules/people/search-keys.ts';
import { actorFromUser, type ServiceContext } from '../../server/platform/actor.ts';
import { AppError } from '../../server/platform/errors.ts';

const CLIENTS = 20;
const OPERATIONS = 2_000;
const STOCK = 1_500;

async function benchContext(db: Kysely<DB>, tag: string): Promise<ServiceContext> {
  const user = await db
    .insertInto('users')
    .values({ username: `bench-stock-${tag}`, displayName: 'Stock bench', passwordHash: 'not-a-password', role: 'manager', locale: 'en' })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { db, actor: await actorFromUser(db, user, { kind: 'token', tokenId: 'bench' }), requestId: `bench-stock-${tag}` };
}

async function technicians(db: Kysely<DB>, tag: string): Promise<string[]> {
  const rows = Array.from({ length: CLIENTS }, (_, i) => {
    const fields = {
      employeeNo: `BENCH-${tag}-${i}`,
      name: `压测工程师 ${i + 1}`,
      position: 'repair_engineer' as const,
      grade: 'T2',
      hireDate: '2024-01-01',
      phone: null,
      email: null,
    };
    return { ...fields, ...employeeSearchKeys({ ...fields, skills: [] }) };
  });
  return (await db.insertInto('employees').values(rows).returning('id').execute()).map((r) => r.id);
}

export async function benchStock(db: Kysely<DB>): Promise<Record<string, unknown>[]> {
  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const ctx = await benchContext(db, tag);
  const employeeIds = await technicians(db, tag);
  const part = await db
    .insertInto('parts')
    .values({ partNo: `BENCH-${tag}`, name: '压测备件', unitCostFen: 1_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const received = await receiveStock(ctx, { partId: part.id, quantity: STOCK, note: 'bench' });
  const warehouseId = received.location.id;

  let next = 0;
  let succeeded = 0;
  let refused = 0;
  const client = async (employeeId: string) => {
    while (next < OPERATIONS) {
      next++;
      try {
        await transferToVan(ctx, { partId: part.id, employeeId, quantity: 1, note: null });
        succeeded++;
      } catch (error) {
        if (!(error instanceof AppError && error.status === 422)) throw error;
        refused++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(employeeIds.map(client));
  const seconds = (performance.now() - started) / 1000;

  const warehouse = await db.selectFrom('stockLevels').select(['onHand', 'reserved']).where('locationId', '=', warehouseId).where('partId', '=', part.id).executeTakeFirstOrThrow();
  const vans = await db
    .selectFrom('stockLevels as s')
    .innerJoin('stockLocations as l', 'l.id', 's.locationId')
    .select(['s.locationId', 's.onHand', 's.reserved'])
    .where('s.partId', '=', part.id)
    .where('l.kind', '=', 'van')
    .execute();
  const ledgerWarehouse = await ledgerBalance(db, warehouseId, part.id);
  let ledgerAgrees = ledgerWarehouse.onHand === warehouse.onHand && ledgerWarehouse.reserved === warehouse.reserved;
  for (const van of vans) {
    const ledger = await ledgerBalance(db, van.locationId, part.id);
    ledgerAgrees &&= ledger.onHand === van.onHand && ledger.reserved === van.reserved;
  }
  const inVans = vans.reduce((sum, v) => sum + v.onHand, 0);
  const expectedFinal = STOCK - Math.min(STOCK, OPERATIONS);
  return [
    {
      measure: 'stock_ops',
      clients: CLIENTS,
      operations: OPERATIONS,
      initial_stock: STOCK,
      succeeded,
      refused,
      seconds: Number(seconds.toFixed(3)),
      ops_per_s: Math.round(OPERATIONS / seconds),
      final_stock: warehouse.onHand,
      expected_final_stock: expectedFinal,
      units_in_vans: inVans,
      ledger_matches: ledgerAgrees,
      consistent: warehouse.onHand === expectedFinal && succeeded === STOCK - expectedFinal && inVans === succeeded && succeeded + refused === OPERATIONS && ledgerAgrees,
    },
  ];
}
