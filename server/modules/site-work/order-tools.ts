import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { loadForActor } from '../work-orders/read.ts';
import { mayReadFieldRecords, orderToolPolicy } from './policy.ts';
import { presentOrderTool } from './presenter.ts';
import { findToolById, orderTools, toolOptions } from './queries.ts';
import { dueWindow } from './tools.ts';

/** The order as its field records' reader sees it: customers get 404, like any internal record. */
async function loadOrder(ctx: ServiceContext, orderId: string) {
  const loaded = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  return loaded;
}

async function loadForChange(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadOrder(ctx, orderId);
  if (!kinds.has('assignee') && !kinds.has('dispatcher')) throw errors.forbidden();
  if (!orderToolPolicy.change(kinds, order)) throw errors.rule('tools.order_closed');
  return order;
}

/** P4.3.1: the tools the order's visit needs, each overdue calibration flagged (P2.2.3). */
export async function listOrderTools(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadOrder(ctx, orderId);
  const [rows, w] = await Promise.all([orderTools(ctx.db, orderId), dueWindow(ctx.db)]);
  const change = orderToolPolicy.change(kinds, order);
  return { items: rows.map((t) => presentOrderTool(t, w)), abilities: { add: change, remove: change } };
}

export async function orderToolOptions(ctx: ServiceContext, orderId: string, q: string | undefined) {
  await loadForChange(ctx, orderId);
  const [rows, w] = await Promise.all([toolOptions(ctx.db, q || undefined), dueWindow(ctx.db)]);
  return {
    items: rows.slice(0, 20).map((t) => ({
      id: t.id,
      assetNo: t.assetNo,
      name: t.name,
      holder: t.holderId ? { id: t.holderId, name: t.holderName ?? '' } : null,
      overdue: t.calibrationDueOn !== null && t.calibrationDueOn < w.today,
    })),
  };
}

export async function addOrderTool(ctx: ServiceContext, orderId: string, toolId: string) {
  await loadForChange(ctx, orderId);
  const tool = await findToolById(ctx.db, toolId);
  if (!tool) throw errors.invalidField('toolId', 'field.reference');
  if (tool.status !== 'in_service') throw errors.invalidField('toolId', 'field.tool_unavailable');
  await ctx.db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('workOrderTools')
      .values({ workOrderId: orderId, toolId, addedBy: ctx.actor.userId })
      .onConflict((oc) => oc.columns(['workOrderId', 'toolId']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (added) {
      await writeAudit(trx, ctx, { action: 'work_order.tool_add', entityType: 'work_order', entityId: orderId, after: { toolId, assetNo: tool.assetNo } });
    }
  });
  return listOrderTools(ctx, orderId);
}

export async function removeOrderTool(ctx: ServiceContext, orderId: string, toolId: string) {
  await loadForChange(ctx, orderId);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('workOrderTools').where('workOrderId', '=', orderId).where('toolId', '=', toolId).returningAll().executeTakeFirst();
    if (!removed) throw errors.notFound();
    await writeAudit(trx, ctx, { action: 'work_order.tool_remove', entityType: 'work_order', entityId: orderId, before: { toolId } });
  });
  return listOrderTools(ctx, orderId);
}
