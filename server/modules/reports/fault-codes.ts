import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { faultCodePolicy } from './policy.ts';
import { presentFaultCode } from './presenter.ts';
import { findFaultCode, insertFaultCode, listFaultCodes, updateFaultCode } from './queries.ts';
import type { CreateFaultCode, UpdateFaultCode } from './schemas.ts';

// The maintained list of fault codes a report's fault cause is coded from (P4.4.2).

export async function listCodes(ctx: ServiceContext, q: { active?: 'true' | 'false' }) {
  if (!faultCodePolicy.read(ctx.actor)) throw errors.forbidden();
  const rows = await listFaultCodes(ctx.db, q.active === undefined ? undefined : q.active === 'true');
  return { items: rows.map((r) => presentFaultCode(ctx.actor, r)) };
}

async function loadForManage(ctx: ServiceContext, code: string) {
  if (!faultCodePolicy.manage(ctx.actor)) throw errors.forbidden();
  const row = await findFaultCode(ctx.db, code);
  if (!row) throw errors.notFound();
  return row;
}

export async function createCode(ctx: ServiceContext, input: CreateFaultCode) {
  if (!faultCodePolicy.manage(ctx.actor)) throw errors.forbidden();
  if (await findFaultCode(ctx.db, input.code)) throw errors.duplicate('code');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertFaultCode(trx, input);
    await writeAudit(trx, ctx, { action: 'fault_code.create', entityType: 'fault_code', entityId: created.code, after: created });
    return created;
  });
  return presentFaultCode(ctx.actor, row);
}

export async function updateCode(ctx: ServiceContext, code: string, input: UpdateFaultCode) {
  const before = await loadForManage(ctx, code);
  const { version, ...values } = input;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const after = await updateFaultCode(trx, code, version, values);
    await writeAudit(trx, ctx, { action: 'fault_code.update', entityType: 'fault_code', entityId: code, before, after });
    return after;
  });
  return presentFaultCode(ctx.actor, row);
}

/** Deactivated codes stay on the reports that used them but can no longer be chosen. */
export async function setCodeActive(ctx: ServiceContext, code: string, version: number, active: boolean) {
  const before = await loadForManage(ctx, code);
  if (before.active === active) throw errors.rule(active ? 'fault_code.already_active' : 'fault_code.already_inactive');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const after = await updateFaultCode(trx, code, version, { active });
    await writeAudit(trx, ctx, { action: active ? 'fault_code.reactivate' : 'fault_code.deactivate', entityType: 'fault_code', entityId: code, before, after });
    return after;
  });
  return presentFaultCode(ctx.actor, row);
}
