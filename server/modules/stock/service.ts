import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { ensureVan, ensureWarehouse, type Movement, move, type PartRef, type Place, put, record, take, type Who } from './ledger.ts';
import { stockPolicy } from './policy.ts';
import { presentLevel, presentLocation, presentMovement, presentPartRef } from './presenter.ts';
import { findLevel, findLevels, findLocation, findLocations, findMovements, findPart, findVanOf, findWarehouse } from './queries.ts';
import type { AdjustInput, LevelsQuery, MovementsQuery } from './schemas.ts';

// Stock per location (P4.3.1): the central warehouse and each technician's van.

export const whoOf = (ctx: ServiceContext): Who => ({ userId: ctx.actor.userId, label: `${ctx.actor.displayName} (${ctx.actor.username})` });

export async function listLocations(ctx: ServiceContext) {
  const rows = await findLocations(ctx.db);
  return { items: rows.filter((l) => stockPolicy.readLocation(ctx.actor, l)).map(presentLocation) };
}

async function levelsAt(ctx: ServiceContext, locationId: string, query: Omit<LevelsQuery, 'locationId'>) {
  const location = await findLocation(ctx.db, locationId);
  if (!location || !stockPolicy.readLocation(ctx.actor, location)) throw errors.notFound();
  const rows = await findLevels(ctx.db, { locationId, q: query.q || undefined, after: decodeCursor(query.cursor), limit: query.limit });
  const { items, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.partId })),
    query.limit,
    (r) => r.partNo,
  );
  return { location: presentLocation(location), items: items.map(presentLevel), nextCursor };
}

/** Stock levels at a location (the warehouse when none is named): on hand, reserved, available. */
export async function listLevels(ctx: ServiceContext, query: LevelsQuery) {
  const locationId = query.locationId ?? (await findWarehouse(ctx.db))?.id;
  if (!locationId) return { location: null, items: [], nextCursor: null };
  return levelsAt(ctx, locationId, query);
}

/** The caller's own van stock; none yet is an empty list. */
export async function myVan(ctx: ServiceContext, query: Omit<LevelsQuery, 'locationId'>) {
  const van = ctx.actor.employeeId ? await findVanOf(ctx.db, ctx.actor.employeeId) : undefined;
  if (!van) return { location: null, items: [], nextCursor: null };
  return levelsAt(ctx, van.id, query);
}

export async function listMovements(ctx: ServiceContext, query: MovementsQuery) {
  const [rows, locations] = await Promise.all([
    findMovements(ctx.db, { ...query, after: decodeCursor(query.cursor), limit: query.limit }),
    findLocations(ctx.db),
  ]);
  const { items, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: String(r.id) })),
    query.limit,
    (r) => r.id,
  );
  const byId = new Map(locations.map((l) => [l.id, l]));
  return { items: items.map((m) => presentMovement(m, byId)), nextCursor };
}

/** A part named in a request: a 400 on the field when it does not exist. */
export async function partFor(trx: Transaction<DB>, partId: string, field = 'partId'): Promise<PartRef & { active: boolean; unitCostFen: number }> {
  const part = await findPart(trx, partId);
  if (!part) throw errors.invalidField(field, 'field.reference');
  return { id: part.id, name: part.name, active: part.active, unitCostFen: Number(part.unitCostFen) };
}

/** Applies one stock change with its ledger row and audit row; answers the level where it landed. */
async function stockChange(ctx: ServiceContext, change: (trx: Transaction<DB>) => Promise<{ movement: Movement; at: Place }>) {
  if (!stockPolicy.manage(ctx.actor)) throw errors.forbidden();
  const { locationId, partId } = await ctx.db.transaction().execute(async (trx) => {
    const { movement, at } = await change(trx);
    const row = await record(trx, whoOf(ctx), movement);
    await writeAudit(trx, ctx, { action: `stock.${movement.kind}`, entityType: 'stock_movement', entityId: String(row.id), after: row });
    return { locationId: at.id, partId: movement.part.id };
  });
  const [location, level] = await Promise.all([findLocation(ctx.db, locationId), findLevel(ctx.db, locationId, partId)]);
  if (!location || !level) throw errors.notFound();
  return { location: presentLocation(location), part: presentPartRef(level), onHand: level.onHand, reserved: level.reserved, available: level.onHand - level.reserved };
}

/** Goods received into the central warehouse. */
export function receiveStock(ctx: ServiceContext, input: { partId: string; quantity: number; note: string | null }) {
  return stockChange(ctx, async (trx) => {
    const part = await partFor(trx, input.partId);
    const warehouse = await ensureWarehouse(trx);
    await put(trx, warehouse, part, input.quantity);
    return { at: warehouse, movement: { kind: 'receive', part, quantity: input.quantity, to: warehouse, note: input.note } };
  });
}

/** A stock count's correction at any location, with its reason; never below what is reserved. */
export function adjustStock(ctx: ServiceContext, input: AdjustInput) {
  return stockChange(ctx, async (trx) => {
    const part = await partFor(trx, input.partId);
    const location = await findLocation(trx, input.locationId);
    if (!location) throw errors.invalidField('locationId', 'field.reference');
    const place: Place = { id: location.id, kind: location.kind, holder: location.employeeName };
    const quantity = Math.abs(input.delta);
    if (input.delta > 0) await put(trx, place, part, quantity);
    else await take(trx, place, part, quantity);
    const movement: Movement = { kind: 'adjust', part, quantity, note: input.reason, ...(input.delta > 0 ? { to: place } : { from: place }) };
    return { at: place, movement };
  });
}

/** Restocks a technician's van from the warehouse. */
export function transferToVan(ctx: ServiceContext, input: { partId: string; employeeId: string; quantity: number; note: string | null }) {
  return stockChange(ctx, async (trx) => {
    const part = await partFor(trx, input.partId);
    const warehouse = await ensureWarehouse(trx);
    const van = await ensureVan(trx, input.employeeId);
    await move(trx, warehouse, van, part, input.quantity);
    return { at: van, movement: { kind: 'transfer', part, quantity: input.quantity, from: warehouse, to: van, note: input.note } };
  });
}
