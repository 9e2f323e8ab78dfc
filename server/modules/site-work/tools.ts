import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { toolPolicy } from './policy.ts';
import { type DueWindow, presentTool, presentToolSummary } from './presenter.ts';
import { assetNoTaken, findEmployeeRef, findToolById, findTools, toolMaintenance } from './queries.ts';
import type { CreateTool, ListTools, MaintenanceInput, UpdateTool } from './schemas.ts';
import { updateVersioned } from '../../platform/versioned.ts';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in the company time zone and the end of the "due soon" window (setting tools.calibrationWarnDays, P2.2.3). */
export async function dueWindow(db: Kysely<DB> | Transaction<DB>): Promise<DueWindow> {
  const today = await companyToday(db);
  const warnDays = await getSetting(db, 'tools.calibrationWarnDays', today);
  return { today, soonUntil: addDays(today, warnDays) };
}

export async function listTools(ctx: ServiceContext, query: ListTools) {
  if (!toolPolicy.read(ctx.actor)) throw errors.forbidden();
  const w = await dueWindow(ctx.db);
  const rows = await findTools(ctx.db, {
    q: query.q || undefined,
    holderId: query.holderId,
    status: query.status,
    due: query.due ? { kind: query.due, ...w } : undefined,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = pageOf(rows, query.limit, (r) => r.assetNo);
  return { items: items.map((t) => presentToolSummary(ctx.actor, t, w)), nextCursor };
}

export async function getTool(ctx: ServiceContext, id: string) {
  if (!toolPolicy.read(ctx.actor)) throw errors.forbidden();
  const row = await findToolById(ctx.db, id);
  if (!row) throw errors.notFound();
  return presentTool(ctx.actor, row, await dueWindow(ctx.db), await toolMaintenance(ctx.db, id));
}

async function checkToolFields(db: Kysely<DB> | Transaction<DB>, values: Partial<CreateTool>, exceptId?: string) {
  if (values.assetNo && (await assetNoTaken(db, values.assetNo, exceptId))) throw errors.duplicate('assetNo');
  if (values.holderId) {
    const holder = await findEmployeeRef(db, values.holderId);
    if (holder?.status !== 'active') throw errors.invalidField('holderId', 'field.reference');
  }
}

export async function createTool(ctx: ServiceContext, input: CreateTool) {
  if (!toolPolicy.manage(ctx.actor)) throw errors.forbidden();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkToolFields(trx, input);
    const row = await trx.insertInto('tools').values(input).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'tool.create', entityType: 'tool', entityId: row.id, after: row });
    return row.id;
  });
  return getTool(ctx, id);
}

export async function updateTool(ctx: ServiceContext, id: string, input: UpdateTool) {
  if (!toolPolicy.manage(ctx.actor)) throw errors.forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('tools').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound();
    const { version, ...values } = input;
    await checkToolFields(trx, values, id);
    const after = await updateVersioned(trx, 'tools', id, version, values);
    await writeAudit(trx, ctx, { action: 'tool.update', entityType: 'tool', entityId: id, before, after });
  });
  return getTool(ctx, id);
}

/**
 * The next due date a maintenance record sets: the one given, else for a calibration or a
 * maintenance that did not fail, the performed date plus the tool's interval; else unchanged.
 */
export function nextDueDate(input: MaintenanceInput, intervalDays: number | null): string | null {
  if (input.nextDueOn) return input.nextDueOn;
  const periodic = input.kind === 'calibration' || input.kind === 'maintenance';
  if (periodic && input.result !== 'fail' && intervalDays) return addDays(input.performedOn, intervalDays);
  return null;
}

/** P2.2.3: records a calibration, maintenance, repair or inspection; a next due date moves the tool's. */
export async function logMaintenance(ctx: ServiceContext, toolId: string, input: MaintenanceInput) {
  const tool = await findToolById(ctx.db, toolId);
  if (!tool || !toolPolicy.read(ctx.actor)) throw errors.notFound();
  if (!toolPolicy.logMaintenance(ctx.actor, tool)) throw errors.forbidden();
  if (input.nextDueOn && input.nextDueOn <= input.performedOn) throw errors.invalidField('nextDueOn', 'field.date_range');
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await trx
      .insertInto('toolMaintenance')
      .values({ ...input, toolId, recordedBy: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const due = nextDueDate(input, tool.maintenanceIntervalDays);
    if (due) {
      // Not an edit of the tool's card: it moves whatever version the caller saw.
      await trx
        .updateTable('tools')
        .set((eb) => ({ calibrationDueOn: due, updatedAt: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', toolId)
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'tool.maintenance',
      entityType: 'tool',
      entityId: toolId,
      before: { calibrationDueOn: tool.calibrationDueOn },
      after: { ...entry, calibrationDueOn: due ?? tool.calibrationDueOn },
    });
  });
  return getTool(ctx, toolId);
}
