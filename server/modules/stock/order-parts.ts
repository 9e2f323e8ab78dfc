import type { Transaction } from 'kysely';
import type { State } from '../../../core/work-order-lifecycle.ts';
import type { DB, WorkOrder } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { loadForActor } from '../work-orders/read.ts';
import { ensureVan, ensureWarehouse, move, type PartRef, record, reserve, take, unreserve } from './ledger.ts';
import { inOpState, mayOp, type OrderPartOp, opStates, orderPartAbilities } from './policy.ts';
import { presentOrderPart } from './presenter.ts';
import { findOrderPart, findOrderParts } from './queries.ts';
import { partFor, whoOf } from './service.ts';

// The parts a visit needs (P4.3.1): planned with the proposed solution, reserved in the
// warehouse, issued to the technician's van, consumed on site, and the unused ones returned.

type Trx = Transaction<DB>;
type Part = PartRef & { active: boolean; unitCostFen: number };
type Step = { trx: Trx; ctx: ServiceContext; order: WorkOrder; part: Part; quantity: number };

/** The parts of an order, for staff who may see the order; a customer gets 404 (stock is internal). */
async function loadOrder(ctx: ServiceContext, orderId: string) {
  const loaded = await loadForActor(ctx, orderId);
  if (ctx.actor.role === 'customer') throw errors.notFound();
  return loaded;
}

export async function getOrderParts(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadOrder(ctx, orderId);
  const rows = await findOrderParts(ctx.db, orderId);
  const items = rows.map(presentOrderPart);
  return {
    workOrderId: orderId,
    items,
    totalCostFen: items.reduce((sum, i) => sum + i.costFen, 0),
    abilities: orderPartAbilities(ctx.actor, kinds, order.state as State),
  };
}

/** Adds to the order's line for a part, creating it (with the catalogue cost) on first use. */
async function addToLine(s: Step, column: 'planned' | 'reserved' | 'consumed', extra: { reservedFromId?: string } = {}) {
  return s.trx
    .insertInto('workOrderParts')
    .values({ workOrderId: s.order.id, partId: s.part.id, [column]: s.quantity, unitCostFen: s.part.unitCostFen, ...extra })
    .onConflict((oc) =>
      oc.columns(['workOrderId', 'partId']).doUpdateSet((eb) => ({
        [column]: eb(`workOrderParts.${column}`, '+', s.quantity),
        // The cost is the catalogue's when the part is first used on the order.
        ...(column === 'consumed'
          ? {
              unitCostFen: eb
                .case()
                .when('workOrderParts.consumed', '=', 0)
                .then(eb.ref('excluded.unitCostFen'))
                .else(eb.ref('workOrderParts.unitCostFen'))
                .end(),
            }
          : {}),
        ...extra,
        version: eb('workOrderParts.version', '+', 1),
        updatedAt: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The order's line, changed only when `guard` still holds; a refusal otherwise. */
async function changeLine(s: Step, set: Partial<Record<'reserved' | 'issued' | 'returned', number>>, guard: 'reserved' | 'outstanding') {
  let q = s.trx
    .updateTable('workOrderParts')
    .set((eb) => ({
      ...Object.fromEntries(Object.entries(set).map(([column, delta]) => [column, eb(column as 'reserved', '+', delta)])),
      version: eb('version', '+', 1),
      updatedAt: new Date(),
    }))
    .where('workOrderId', '=', s.order.id)
    .where('partId', '=', s.part.id);
  q =
    guard === 'reserved'
      ? q.where('reserved', '>=', s.quantity)
      : q.where((eb) => eb(eb(eb('issued', '-', eb.ref('consumed')), '-', eb.ref('returned')), '>=', s.quantity));
  const row = await q.returningAll().executeTakeFirst();
  if (!row) throw await lineRefusal(s, guard);
  return row;
}

async function lineRefusal(s: Step, guard: 'reserved' | 'outstanding') {
  const line = await findOrderPart(s.trx, s.order.id, s.part.id);
  if (guard === 'reserved') return errors.rule('stock.not_reserved', { part: s.part.name, reserved: line?.reserved ?? 0 }, { reserved: line?.reserved ?? 0 });
  const returnable = line ? Math.max(0, line.issued - line.consumed - line.returned) : 0;
  return errors.rule('stock.nothing_to_return', { part: s.part.name, returnable }, { returnable });
}

function requireActive(part: Part) {
  if (!part.active) throw errors.rule('stock.part_inactive', { part: part.name });
}

function assigneeOf(order: WorkOrder): string {
  if (!order.assigneeId) throw errors.rule('stock.no_assignee');
  return order.assigneeId;
}

// Each step takes stock first and then changes the order's line: every transaction locks rows in
// the same order (stock levels, then the line), so concurrent steps cannot deadlock.
const STEPS: Record<OrderPartOp, (s: Step) => Promise<{ id: string }>> = {
  async plan(s) {
    requireActive(s.part);
    return addToLine(s, 'planned');
  },
  async reserve(s) {
    requireActive(s.part);
    const warehouse = await ensureWarehouse(s.trx);
    await reserve(s.trx, warehouse, s.part, s.quantity);
    await record(s.trx, whoOf(s.ctx), { kind: 'reserve', part: s.part, quantity: s.quantity, from: warehouse, workOrderId: s.order.id });
    return addToLine(s, 'reserved', { reservedFromId: warehouse.id });
  },
  async release(s) {
    const line = await findOrderPart(s.trx, s.order.id, s.part.id);
    if (!line?.reservedFromId || line.reserved < s.quantity) throw await lineRefusal(s, 'reserved');
    const warehouse = { id: line.reservedFromId, kind: 'warehouse' as const, holder: null };
    await unreserve(s.trx, warehouse, s.part, s.quantity, false);
    await record(s.trx, whoOf(s.ctx), { kind: 'release', part: s.part, quantity: s.quantity, from: warehouse, workOrderId: s.order.id });
    return changeLine(s, { reserved: -s.quantity }, 'reserved');
  },
  async issue(s) {
    const van = await ensureVan(s.trx, assigneeOf(s.order));
    const line = await findOrderPart(s.trx, s.order.id, s.part.id);
    if (!line?.reservedFromId || line.reserved < s.quantity) throw await lineRefusal(s, 'reserved');
    const warehouse = { id: line.reservedFromId, kind: 'warehouse' as const, holder: null };
    await move(s.trx, warehouse, van, s.part, s.quantity, true);
    await record(s.trx, whoOf(s.ctx), { kind: 'issue', part: s.part, quantity: s.quantity, from: warehouse, to: van, workOrderId: s.order.id });
    return changeLine(s, { reserved: -s.quantity, issued: s.quantity }, 'reserved');
  },
  async consume(s) {
    // The technician uses parts from their own van, planned for this order or not.
    const van = await ensureVan(s.trx, s.ctx.actor.employeeId ?? assigneeOf(s.order));
    await take(s.trx, van, s.part, s.quantity);
    await record(s.trx, whoOf(s.ctx), { kind: 'consume', part: s.part, quantity: s.quantity, from: van, workOrderId: s.order.id });
    return addToLine(s, 'consumed');
  },
  async return(s) {
    const line = await findOrderPart(s.trx, s.order.id, s.part.id);
    if (!line || line.issued - line.consumed - line.returned < s.quantity) throw await lineRefusal(s, 'outstanding');
    const van = await ensureVan(s.trx, assigneeOf(s.order));
    const warehouse = await ensureWarehouse(s.trx);
    await move(s.trx, van, warehouse, s.part, s.quantity);
    await record(s.trx, whoOf(s.ctx), { kind: 'return', part: s.part, quantity: s.quantity, from: van, to: warehouse, workOrderId: s.order.id });
    return changeLine(s, { returned: s.quantity }, 'outstanding');
  },
};

/** One step on an order's parts: who may, in which states, then stock and line in one transaction. */
export async function orderPartStep(ctx: ServiceContext, orderId: string, op: OrderPartOp, input: { partId: string; quantity: number }) {
  const { kinds } = await loadOrder(ctx, orderId);
  if (!mayOp(op, ctx.actor, kinds)) throw errors.forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    // The state is read again under a share lock, so a transition cannot slip in between.
    const order = await trx.selectFrom('workOrders').selectAll().where('id', '=', orderId).forShare().executeTakeFirstOrThrow();
    if (!inOpState(op, order.state as State)) throw errors.rule('stock.wrong_state', {}, { state: order.state, allowedStates: opStates(op) });
    const part = await partFor(trx, input.partId);
    const before = await findOrderPart(trx, orderId, part.id);
    const line = await STEPS[op]({ trx, ctx, order, part, quantity: input.quantity });
    const after = await findOrderPart(trx, orderId, part.id);
    await writeAudit(trx, ctx, { action: `work_order_part.${op}`, entityType: 'work_order_part', entityId: line.id, before: before ?? null, after: { ...after, quantity: input.quantity } });
  });
  return getOrderParts(ctx, orderId);
}
