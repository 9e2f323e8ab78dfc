// Stock benchmark (P4.3.1, issue 4): 20 concurrent clients take the same part through the real
// service functions, for a fixed number of attempts, more than the stock holds. Two scenarios,
// one JSON line each:
//   - order_parts: the issue's case. 20 technicians, each on site on their own order, take the
//     same warehouse part for their order: reserve (the technician), issue to their van (the
//     stock manager), consume on site (the technician), one unit at a time, through
//     orderPartStep as the API does. Reserve and issue contend for the one warehouse row.
//   - van_transfers: the stock manager restocks the 20 technicians' vans from the one warehouse
//     row (transferToVan), one unit at a time.
// Each checks that exactly the stock was handed out, never more, that the orders' lines account
// for every unit, and that the ledger (stock_movements) adds up to every stock level of the part
// to the unit: `consistent`. bench/field.ts opens the database and prints the lines.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Action } from '../../core/work-order-lifecycle.ts';
import type { DB } from '../../server/db/schema.ts';
import { employeeSearchKeys } from '../../server/modules/people/search-keys.ts';
import { orderPartStep } from '../../server/modules/stock/order-parts.ts';
import { ledgerBalance } from '../../server/modules/stock/queries.ts';
import { receiveStock, transferToVan } from '../../server/modules/stock/service.ts';
import { receiveOrder } from '../../server/modules/work-orders/intake.ts';
import { applyTransition } from '../../server/modules/work-orders/transitions.ts';
import { actorFromUser, type ServiceContext } from '../../server/platform/actor.ts';
import { AppError } from '../../server/platform/errors.ts';

const CLIENTS = 20;
const ORDER_ATTEMPTS = 800;
const ORDER_STOCK = 600;
const TRANSFERS = 2_000;
const TRANSFER_STOCK = 1_500;

/** From "assigned" (set at intake) to on site, where a part can be reserved, issued and consumed. */
const TO_ON_SITE: ReadonlyArray<Action> = ['accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit', 'depart', 'arrive'];

type Technician = { employeeId: string; ctx: ServiceContext };

async function userContext(db: Kysely<DB>, tag: string, role: 'manager' | 'technician', employeeId: string | null = null): Promise<ServiceContext> {
  const username = `bench-stock-${tag}`;
  const user = await db
    .insertInto('users')
    .values({ username, displayName: 'Stock bench', passwordHash: 'not-a-password', role, employeeId, locale: 'en' })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { db, actor: await actorFromUser(db, user, { kind: 'token', tokenId: 'bench' }), requestId: username };
}

/** CLIENTS repair engineers (they hold vans), each signed in as a technician. */
async function technicians(db: Kysely<DB>, tag: string): Promise<Technician[]> {
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
  const ids = (await db.insertInto('employees').values(rows).returning('id').execute()).map((r) => r.id);
  return Promise.all(ids.map(async (employeeId, i) => ({ employeeId, ctx: await userContext(db, `${tag}-tech-${i}`, 'technician', employeeId) })));
}

async function newPart(ctx: ServiceContext, tag: string, stock: number) {
  const part = await ctx.db
    .insertInto('parts')
    .values({ partNo: `BENCH-${tag}`, name: '压测备件', unitCostFen: 1_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const received = await receiveStock(ctx, { partId: part.id, quantity: stock, note: 'bench' });
  return { partId: part.id, warehouseId: received.location.id };
}

/** An order for the technician, received already assigned and driven to on site by them, through the services. */
async function orderOnSite(manager: ServiceContext, customerId: string, tech: Technician): Promise<string> {
  const { db } = manager;
  const id = await receiveOrder(
    db,
    {
      channel: 'phone',
      customerId,
      contactId: null,
      siteId: null,
      productId: null,
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
      title: '压测工单',
      description: '库存并发压测',
      category: 'fault_repair',
      priority: 'normal',
      preferredFrom: null,
      preferredTo: null,
      duplicateOfId: null,
      assigneeId: tech.employeeId,
      teamId: null,
      attachments: [],
    },
    { userId: manager.actor.userId, employeeId: null, label: manager.actor.displayName, requestId: manager.requestId },
  );
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const payloads: Partial<Record<Action, Record<string, unknown>>> = {
    propose_solution: { solution: '更换备件' },
    schedule_visit: { visitAt: later(60) },
    depart: { expectedArrivalAt: later(30) },
  };
  for (const action of TO_ON_SITE) {
    const { version } = await db.selectFrom('workOrders').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await applyTransition(tech.ctx, id, { action, version, payload: payloads[action] ?? {} });
  }
  return id;
}

const isRefusal = (error: unknown) => error instanceof AppError && error.status === 422;

/**
 * Every location of the part: its stock level against the sum of its ledger rows, to the unit.
 * Locations that only appear in the ledger count too (their level must then be zero).
 */
async function levelsAndLedger(db: Kysely<DB>, partId: string) {
  const levels = await db
    .selectFrom('stockLevels as s')
    .innerJoin('stockLocations as l', 'l.id', 's.locationId')
    .select(['s.locationId', 'l.kind', 's.onHand', 's.reserved'])
    .where('s.partId', '=', partId)
    .execute();
  const moved = await db.selectFrom('stockMovements').select(['fromLocationId', 'toLocationId']).where('partId', '=', partId).execute();
  const ids = new Set([...levels.map((l) => l.locationId), ...moved.flatMap((m) => [m.fromLocationId, m.toLocationId]).filter((id): id is string => id !== null)]);
  let agrees = true;
  for (const id of ids) {
    const level = levels.find((l) => l.locationId === id) ?? { onHand: 0, reserved: 0 };
    const ledger = await ledgerBalance(db, id, partId);
    agrees &&= ledger.onHand === level.onHand && ledger.reserved === level.reserved;
  }
  const movements = await db.selectFrom('stockMovements').select(['kind']).select((eb) => eb.fn.sum<string>('quantity').as('units')).where('partId', '=', partId).groupBy('kind').execute();
  return { levels, agrees, movedUnits: Object.fromEntries(movements.map((m) => [m.kind, Number(m.units)])) as Record<string, number> };
}

/** The issue's case: reserve, issue and consume the same part for 20 orders at once. */
async function orderParts(db: Kysely<DB>, tag: string): Promise<Record<string, unknown>> {
  const manager = await userContext(db, `${tag}-orders`, 'manager');
  const techs = await technicians(db, `${tag}o`);
  const customer = await db
    .insertInto('customers')
    .values({ customerNo: `BENCH-${tag}`, kind: 'company', name: '压测客户', searchText: '压测客户' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orders = await Promise.all(techs.map((t) => orderOnSite(manager, customer.id, t)));
  const { partId, warehouseId } = await newPart(manager, `${tag}-orders`, ORDER_STOCK);

  let next = 0;
  let units = 0;
  let refused = 0;
  let steps = 0;
  let failed = 0;
  const client = async (tech: Technician, orderId: string) => {
    const step = (ctx: ServiceContext, op: 'reserve' | 'issue' | 'consume') => orderPartStep(ctx, orderId, op, { partId, quantity: 1 }).finally(() => steps++);
    while (next < ORDER_ATTEMPTS) {
      next++;
      try {
        await step(tech.ctx, 'reserve');
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused++; // the warehouse has none left to reserve
        continue;
      }
      try {
        await step(manager, 'issue');
        await step(tech.ctx, 'consume');
        units++;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        failed++; // a reserved unit that could not be issued or used: a bug, reported as inconsistent
      }
    }
  };
  const started = performance.now();
  await Promise.all(techs.map((t, i) => client(t, orders[i]!)));
  const seconds = (performance.now() - started) / 1000;

  const { levels, agrees, movedUnits } = await levelsAndLedger(db, partId);
  const warehouse = levels.find((l) => l.locationId === warehouseId) ?? { onHand: 0, reserved: 0 };
  const vans = levels.filter((l) => l.kind === 'van');
  const lines = await db.selectFrom('workOrderParts').select(['reserved', 'issued', 'consumed', 'returned']).where('partId', '=', partId).execute();
  const sum = (k: 'reserved' | 'issued' | 'consumed') => lines.reduce((s, l) => s + l[k], 0);
  const expectedUnits = Math.min(ORDER_STOCK, ORDER_ATTEMPTS);
  const expectedFinal = ORDER_STOCK - expectedUnits;
  const consistent =
    failed === 0 &&
    units === expectedUnits &&
    refused === ORDER_ATTEMPTS - expectedUnits &&
    warehouse.onHand === expectedFinal &&
    warehouse.reserved === 0 &&
    vans.every((v) => v.onHand === 0 && v.reserved === 0) &&
    sum('reserved') === 0 &&
    sum('issued') === units &&
    sum('consumed') === units &&
    lines.every((l) => l.issued === l.consumed && l.returned === 0) &&
    movedUnits.reserve === units &&
    movedUnits.issue === units &&
    movedUnits.consume === units &&
    agrees;
  return {
    measure: 'stock_ops',
    scenario: 'order_parts',
    clients: CLIENTS,
    orders: orders.length,
    attempts: ORDER_ATTEMPTS,
    initial_stock: ORDER_STOCK,
    units_consumed: units,
    refused,
    failed,
    steps,
    seconds: Number(seconds.toFixed(3)),
    steps_per_s: Math.round(steps / seconds),
    units_per_s: Math.round(units / seconds),
    final_stock: warehouse.onHand,
    expected_final_stock: expectedFinal,
    lines_consumed: sum('consumed'),
    ledger_consumed: movedUnits.consume ?? 0,
    ledger_matches: agrees,
    consistent,
  };
}

/** The stock manager restocks the 20 vans from the one warehouse row at once. */
async function vanTransfers(db: Kysely<DB>, tag: string): Promise<Record<string, unknown>> {
  const ctx = await userContext(db, `${tag}-transfers`, 'manager');
  const techs = await technicians(db, `${tag}t`);
  const { partId, warehouseId } = await newPart(ctx, `${tag}-transfers`, TRANSFER_STOCK);

  let next = 0;
  let succeeded = 0;
  let refused = 0;
  const client = async (employeeId: string) => {
    while (next < TRANSFERS) {
      next++;
      try {
        await transferToVan(ctx, { partId, employeeId, quantity: 1, note: null });
        succeeded++;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(techs.map((t) => client(t.employeeId)));
  const seconds = (performance.now() - started) / 1000;

  const { levels, agrees, movedUnits } = await levelsAndLedger(db, partId);
  const warehouse = levels.find((l) => l.locationId === warehouseId) ?? { onHand: 0, reserved: 0 };
  const inVans = levels.filter((l) => l.kind === 'van').reduce((sum, v) => sum + v.onHand, 0);
  const expectedFinal = TRANSFER_STOCK - Math.min(TRANSFER_STOCK, TRANSFERS);
  return {
    measure: 'stock_ops',
    scenario: 'van_transfers',
    clients: CLIENTS,
    operations: TRANSFERS,
    initial_stock: TRANSFER_STOCK,
    succeeded,
    refused,
    seconds: Number(seconds.toFixed(3)),
    ops_per_s: Math.round(TRANSFERS / seconds),
    final_stock: warehouse.onHand,
    expected_final_stock: expectedFinal,
    units_in_vans: inVans,
    ledger_matches: agrees,
    consistent:
      warehouse.onHand === expectedFinal &&
      warehouse.reserved === 0 &&
      succeeded === TRANSFER_STOCK - expectedFinal &&
      inVans === succeeded &&
      succeeded + refused === TRANSFERS &&
      movedUnits.transfer === succeeded &&
      agrees,
  };
}

export async function benchStock(db: Kysely<DB>): Promise<Record<string, unknown>[]> {
  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  return [await orderParts(db, tag), await vanTransfers(db, tag)];
}
