import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { partPolicy } from './policy.ts';
import { presentPart } from './presenter.ts';
import { findPart, findParts, partNoTaken } from './queries.ts';
import type { CreatePart, ListParts, UpdatePart } from './schemas.ts';

// The parts catalogue (P4.3.1): part number, name, applicable product models, unit cost in fen.

export async function listParts(ctx: ServiceContext, query: ListParts) {
  const rows = await findParts(ctx.db, {
    q: query.q || undefined,
    model: query.model || undefined,
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = pageOf(rows, query.limit, (r) => r.partNo);
  return { items: items.map((p) => presentPart(ctx.actor, p)), nextCursor };
}

export async function getPart(ctx: ServiceContext, id: string) {
  const part = await findPart(ctx.db, id);
  if (!part) throw errors.notFound();
  return presentPart(ctx.actor, part);
}

const uniqueModels = (models: string[] | undefined) => (models ? [...new Set(models)] : undefined);

export async function createPart(ctx: ServiceContext, input: CreatePart) {
  if (!partPolicy.manage(ctx.actor)) throw errors.forbidden();
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (await partNoTaken(trx, input.partNo)) throw errors.duplicate('partNo');
      const row = await trx
        .insertInto('parts')
        .values({ ...input, models: uniqueModels(input.models) ?? [] })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, { action: 'part.create', entityType: 'part', entityId: row.id, after: row });
      return row.id;
    });
  return getPart(ctx, id);
}

async function changePart(ctx: ServiceContext, id: string, version: number, values: Record<string, unknown>, action: string) {
  if (!partPolicy.manage(ctx.actor)) throw errors.forbidden();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await findPart(trx, id);
      if (!before) throw errors.notFound();
      if (typeof values.partNo === 'string' && (await partNoTaken(trx, values.partNo, id))) throw errors.duplicate('partNo');
      const after = await updateVersioned(trx, 'parts', id, version, values);
      await writeAudit(trx, ctx, { action, entityType: 'part', entityId: id, before, after });
    });
  return getPart(ctx, id);
}

export function updatePart(ctx: ServiceContext, id: string, input: UpdatePart) {
  const { version, models, ...fields } = input;
  return changePart(ctx, id, version, { ...fields, ...(models ? { models: uniqueModels(models) } : {}) }, 'part.update');
}

export function setPartActive(ctx: ServiceContext, id: string, version: number, active: boolean) {
  return changePart(ctx, id, version, { active }, active ? 'part.reactivate' : 'part.deactivate');
}
