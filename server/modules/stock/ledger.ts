import { sql, type Transaction } from 'kysely';
import type { DB, StockMovementKind } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { findLevel, findVanOf, findWarehouse } from './queries.ts';

// Stock changes (P4.3.1). Every change is one conditional UPDATE, so stock never goes negative
// even when two technicians take the last part at the same moment: the one whose UPDATE finds
// the condition false gets a clear refusal and the stock stays as it was. Each change writes
// one ledger row (stock_movements).

type Trx = Transaction<DB>;
export type Place = { id: string; kind: 'warehouse' | 'van'; holder: string | null };
export type PartRef = { id: string; name: string };
export type Who = { userId: string | null; label: string };

export const WAREHOUSE_NAME = '中心仓库';

/** The company's one warehouse, created on first need (the advisory lock keeps it one). */
export async function ensureWarehouse(trx: Trx): Promise<Place> {
  const place = (id: string): Place => ({ id, kind: 'warehouse', holder: null });
  const found = await findWarehouse(trx);
  if (found) return place(found.id);
  await sql`select pg_advisory_xact_lock(hashtext('stock.warehouse'))`.execute(trx);
  const again = await findWarehouse(trx);
  if (again) return place(again.id);
  const made = await trx.insertInto('stockLocations').values({ kind: 'warehouse', name: WAREHOUSE_NAME }).returning('id').executeTakeFirstOrThrow();
  return place(made.id);
}

/** Those who go on site and so carry a van stock. */
const VAN_HOLDERS = new Set(['support_engineer', 'repair_engineer', 'installation_engineer', 'supervisor']);

/** A technician's van stock, created on first need. */
export async function ensureVan(trx: Trx, employeeId: string): Promise<Place> {
  const employee = await trx.selectFrom('employees').select(['id', 'name', 'position']).where('id', '=', employeeId).executeTakeFirst();
  if (!employee) throw errors.invalidField('employeeId', 'field.reference');
  if (!VAN_HOLDERS.has(employee.position)) throw errors.rule('stock.no_van');
  const place = (id: string): Place => ({ id, kind: 'van', holder: employee.name });
  const found = await findVanOf(trx, employeeId);
  if (found) return place(found.id);
  await trx
    .insertInto('stockLocations')
    .values({ kind: 'van', name: `${employee.name} 车载库存`, employeeId })
    .onConflict((oc) => oc.column('employeeId').doNothing())
    .execute();
  const made = await findVanOf(trx, employeeId);
  if (!made) throw new Error(`van of ${employeeId} not created`);
  return place(made.id);
}

/** The refusal when a location cannot give what is asked: it names the part, the place and what is available. */
async function shortage(trx: Trx, place: Place, part: PartRef) {
  const level = await findLevel(trx, place.id, part.id);
  const available = level ? level.onHand - level.reserved : 0;
  if (place.kind === 'van' && available === 0) return errors.rule('stock.not_held', { part: part.name, holder: place.holder }, { available });
  const key = place.kind === 'van' ? 'stock.insufficient.van' : 'stock.insufficient.warehouse';
  return errors.rule(key, { part: part.name, holder: place.holder, available }, { available, partId: part.id, locationId: place.id });
}

/** Takes available stock (on hand less reserved) out of a location, or refuses. */
export async function take(trx: Trx, place: Place, part: PartRef, quantity: number): Promise<void> {
  const row = await trx
    .updateTable('stockLevels')
    .set((eb) => ({ onHand: eb('onHand', '-', quantity), updatedAt: new Date() }))
    .where('locationId', '=', place.id)
    .where('partId', '=', part.id)
    .where((eb) => eb(eb('onHand', '-', eb.ref('reserved')), '>=', quantity))
    .returning('onHand')
    .executeTakeFirst();
  if (!row) throw await shortage(trx, place, part);
}

export async function put(trx: Trx, place: Place, part: PartRef, quantity: number): Promise<void> {
  await trx
    .insertInto('stockLevels')
    .values({ locationId: place.id, partId: part.id, onHand: quantity })
    .onConflict((oc) =>
      oc.columns(['locationId', 'partId']).doUpdateSet((eb) => ({ onHand: eb('stockLevels.onHand', '+', quantity), updatedAt: new Date() })),
    )
    .execute();
}

/** Sets available stock aside for an order, or refuses. */
export async function reserve(trx: Trx, place: Place, part: PartRef, quantity: number): Promise<void> {
  const row = await trx
    .updateTable('stockLevels')
    .set((eb) => ({ reserved: eb('reserved', '+', quantity), updatedAt: new Date() }))
    .where('locationId', '=', place.id)
    .where('partId', '=', part.id)
    .where((eb) => eb(eb('onHand', '-', eb.ref('reserved')), '>=', quantity))
    .returning('reserved')
    .executeTakeFirst();
  if (!row) throw await shortage(trx, place, part);
}

/** Gives reserved stock back to available (release) or hands it out (issue: on hand goes too). */
export async function unreserve(trx: Trx, place: Place, part: PartRef, quantity: number, alsoOnHand: boolean): Promise<void> {
  const row = await trx
    .updateTable('stockLevels')
    .set((eb) => ({
      reserved: eb('reserved', '-', quantity),
      ...(alsoOnHand ? { onHand: eb('onHand', '-', quantity) } : {}),
      updatedAt: new Date(),
    }))
    .where('locationId', '=', place.id)
    .where('partId', '=', part.id)
    .where('reserved', '>=', quantity)
    .returning('reserved')
    .executeTakeFirst();
  // The order's own reservation was checked first, so the location must hold at least as much.
  if (!row) throw new Error(`reservation of ${part.id} at ${place.id} is smaller than the order's`);
}

/** Moves stock between two locations, locking their rows in one order so two opposite moves cannot deadlock. */
export async function move(trx: Trx, from: Place, to: Place, part: PartRef, quantity: number, fromReserved = false): Promise<void> {
  const out = () => (fromReserved ? unreserve(trx, from, part, quantity, true) : take(trx, from, part, quantity));
  if (from.id < to.id) {
    await out();
    await put(trx, to, part, quantity);
  } else {
    await put(trx, to, part, quantity);
    await out();
  }
}

export type Movement = {
  kind: StockMovementKind;
  part: PartRef;
  quantity: number;
  from?: Place | null;
  to?: Place | null;
  workOrderId?: string | null;
  note?: string | null;
};

export async function record(trx: Trx, who: Who, m: Movement) {
  return trx
    .insertInto('stockMovements')
    .values({
      kind: m.kind,
      partId: m.part.id,
      quantity: m.quantity,
      fromLocationId: m.from?.id ?? null,
      toLocationId: m.to?.id ?? null,
      workOrderId: m.workOrderId ?? null,
      actorUserId: who.userId,
      actorLabel: who.label,
      note: m.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
