import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type PartFilter = { q?: string; model?: string; status: 'active' | 'inactive' | 'all'; after: Cursor | null; limit: number };

/** The catalogue by part number; `q` matches part number, name or a model, `model` one applicable model. */
export function findParts(db: Db, f: PartFilter) {
  let q = db.selectFrom('parts').selectAll().orderBy('partNo').orderBy('id').limit(f.limit + 1);
  if (f.status !== 'all') q = q.where('active', '=', f.status === 'active');
  if (f.model) q = q.where(sql<boolean>`${f.model} = ANY(models)`);
  if (f.q) {
    const like = contains(f.q);
    q = q.where((eb) =>
      eb.or([eb('partNo', 'ilike', like), eb('name', 'ilike', like), eb(sql`array_to_string(models, ' ')`, 'ilike', like)]),
    );
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('partNo', 'id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export function findPart(db: Db, id: string) {
  return db.selectFrom('parts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function partNoTaken(db: Db, partNo: string, exceptId?: string) {
  let q = db.selectFrom('parts').select('id').where(sql<boolean>`lower(part_no) = lower(${partNo})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function findLocations(db: Db) {
  return db
    .selectFrom('stockLocations as l')
    .leftJoin('employees as e', 'e.id', 'l.employeeId')
    .select(['l.id', 'l.kind', 'l.name', 'l.employeeId', 'e.name as employeeName'])
    .where('l.active', '=', true)
    .orderBy('l.kind', 'desc') // the warehouse first
    .orderBy('e.name')
    .execute();
}
export type LocationRow = Awaited<ReturnType<typeof findLocations>>[number];

export function findLocation(db: Db, id: string) {
  return db
    .selectFrom('stockLocations as l')
    .leftJoin('employees as e', 'e.id', 'l.employeeId')
    .select(['l.id', 'l.kind', 'l.name', 'l.employeeId', 'e.name as employeeName'])
    .where('l.id', '=', id)
    .executeTakeFirst();
}

export function findWarehouse(db: Db) {
  return db.selectFrom('stockLocations').select('id').where('kind', '=', 'warehouse').orderBy('createdAt').executeTakeFirst();
}

export function findVanOf(db: Db, employeeId: string) {
  return db.selectFrom('stockLocations').select('id').where('employeeId', '=', employeeId).executeTakeFirst();
}

const PART_REF = ['p.id as partId', 'p.partNo', 'p.name as partName', 'p.unit', 'p.unitCostFen'] as const;

export function findLevels(db: Db, f: { locationId: string; q?: string; after: Cursor | null; limit: number }) {
  let q = db
    .selectFrom('stockLevels as s')
    .innerJoin('parts as p', 'p.id', 's.partId')
    .select([...PART_REF, 's.onHand', 's.reserved'])
    .where('s.locationId', '=', f.locationId)
    .orderBy('p.partNo')
    .orderBy('p.id')
    .limit(f.limit + 1);
  if (f.q) {
    const like = contains(f.q);
    q = q.where((eb) => eb.or([eb('p.partNo', 'ilike', like), eb('p.name', 'ilike', like)]));
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('p.partNo', 'p.id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}
export type LevelRow = Awaited<ReturnType<typeof findLevels>>[number];

export function findLevel(db: Db, locationId: string, partId: string) {
  return db
    .selectFrom('stockLevels as s')
    .innerJoin('parts as p', 'p.id', 's.partId')
    .select([...PART_REF, 's.onHand', 's.reserved'])
    .where('s.locationId', '=', locationId)
    .where('s.partId', '=', partId)
    .executeTakeFirst();
}

export function findMovements(db: Db, f: { partId?: string; locationId?: string; workOrderId?: string; after: Cursor | null; limit: number }) {
  let q = db
    .selectFrom('stockMovements as m')
    .innerJoin('parts as p', 'p.id', 'm.partId')
    .leftJoin('workOrders as w', 'w.id', 'm.workOrderId')
    .select([
      'm.id',
      'm.at',
      'm.kind',
      'm.quantity',
      'm.fromLocationId',
      'm.toLocationId',
      'm.workOrderId',
      'w.number as workOrderNumber',
      'm.actorLabel',
      'm.note',
      ...PART_REF,
    ])
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1);
  if (f.partId) q = q.where('m.partId', '=', f.partId);
  if (f.workOrderId) q = q.where('m.workOrderId', '=', f.workOrderId);
  const locationId = f.locationId;
  if (locationId) q = q.where((eb) => eb.or([eb('m.fromLocationId', '=', locationId), eb('m.toLocationId', '=', locationId)]));
  if (f.after) q = q.where('m.id', '<', f.after.key);
  return q.execute();
}
export type MovementRow = Awaited<ReturnType<typeof findMovements>>[number];

export function findOrderParts(db: Db, workOrderId: string) {
  return db
    .selectFrom('workOrderParts as o')
    .innerJoin('parts as p', 'p.id', 'o.partId')
    .select([
      'o.id',
      'o.planned',
      'o.reserved',
      'o.issued',
      'o.consumed',
      'o.returned',
      'o.reservedFromId',
      'o.unitCostFen as snapshotFen',
      ...PART_REF,
    ])
    .where('o.workOrderId', '=', workOrderId)
    .orderBy('o.createdAt')
    .orderBy('p.partNo')
    .execute();
}
export type OrderPartRow = Awaited<ReturnType<typeof findOrderParts>>[number];

export function findOrderPart(db: Db, workOrderId: string, partId: string) {
  return db.selectFrom('workOrderParts').selectAll().where('workOrderId', '=', workOrderId).where('partId', '=', partId).executeTakeFirst();
}

/**
 * The parts used on an order (P4.3.1, P4.4.2): each consumed part with the unit cost captured
 * when it was first used. The service report lists these with their cost.
 */
export async function orderPartsUsed(
  db: Db,
  orderId: string,
): Promise<{ partId: string; partNo: string; name: string; unit: string; quantity: number; unitCostFen: number; totalFen: number }[]> {
  const rows = await db
    .selectFrom('workOrderParts as o')
    .innerJoin('parts as p', 'p.id', 'o.partId')
    .select(['p.id as partId', 'p.partNo', 'p.name', 'p.unit', 'o.consumed', 'o.unitCostFen'])
    .where('o.workOrderId', '=', orderId)
    .where('o.consumed', '>', 0)
    .orderBy('p.partNo')
    .execute();
  return rows.map((r) => {
    const unitCostFen = Number(r.unitCostFen);
    return { partId: r.partId, partNo: r.partNo, name: r.name, unit: r.unit, quantity: r.consumed, unitCostFen, totalFen: unitCostFen * r.consumed };
  });
}

/**
 * What the ledger says a location holds of a part: every movement in, less every movement out;
 * reservations are reserve less release less issue (an issue hands out reserved stock).
 */
export async function ledgerBalance(db: Db, locationId: string, partId: string) {
  const row = await db
    .selectFrom('stockMovements')
    .select([
      sql<number>`coalesce(sum(case when kind in ('reserve', 'release') then 0 when to_location_id = ${locationId} then quantity when from_location_id = ${locationId} then -quantity else 0 end), 0)`.as(
        'onHand',
      ),
      sql<number>`coalesce(sum(case when from_location_id <> ${locationId} then 0 when kind = 'reserve' then quantity when kind in ('release', 'issue') then -quantity else 0 end), 0)`.as(
        'reserved',
      ),
    ])
    .where('partId', '=', partId)
    .where((eb) => eb.or([eb('fromLocationId', '=', locationId), eb('toLocationId', '=', locationId)]))
    .executeTakeFirstOrThrow();
  return { onHand: Number(row.onHand), reserved: Number(row.reserved) };
}
