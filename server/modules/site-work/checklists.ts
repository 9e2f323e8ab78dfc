import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  type ChecklistItem,
  type ItemResult,
  isItemDone,
  isOutOfRange,
  missingRequired,
  type ResultProblem,
  requiredProgress,
  resultProblem,
  workTypeOf,
} from '../../../core/checklists.ts';
import type { DB } from '../../db/schema.ts';
import { type ServiceContext, can } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/messages.ts';
import { decodeAttachments, storeAttachments } from '../work-orders/attachments.ts';
import type { EffectInput } from '../work-orders/effects.ts';
import { loadForActor } from '../work-orders/read.ts';
import { mayReadFieldRecords, siteWorkPolicy } from './policy.ts';
import { checklistResults, findTemplate, findTemplates, instantiateTemplates, orderChecklists } from './queries.ts';
import type { CreateTemplate, ItemResultInput, ListTemplates, UpdateTemplate } from './schemas.ts';
import { updateVersioned } from '../../platform/versioned.ts';

type Db = Kysely<DB> | Transaction<DB>;
type ResultRow = Selectable<DB['checklistResults']>;

// Templates (administration, checklists.manage) ---------------------------------------------------

function presentTemplate(t: Selectable<DB['checklistTemplates']>) {
  return {
    id: t.id,
    workType: t.workType,
    kind: t.kind,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    items: t.items as ChecklistItem[],
    active: t.active,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

function requireManager(ctx: ServiceContext) {
  if (!can(ctx.actor, 'checklists.manage')) throw errors.forbidden();
}

export async function listTemplates(ctx: ServiceContext, query: ListTemplates) {
  requireManager(ctx);
  return { items: (await findTemplates(ctx.db, query)).map(presentTemplate) };
}

export async function getTemplate(ctx: ServiceContext, id: string) {
  requireManager(ctx);
  const row = await findTemplate(ctx.db, id);
  if (!row) throw errors.notFound();
  return presentTemplate(row);
}

export async function createTemplate(ctx: ServiceContext, input: CreateTemplate) {
  requireManager(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('checklistTemplates')
      .values({ ...input, items: JSON.stringify(input.items) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'checklist_template.create', entityType: 'checklist_template', entityId: row.id, after: row });
    return row.id;
  });
  return getTemplate(ctx, id);
}

/** Edits reach orders that check in later; an order keeps the items it was given (a snapshot). */
export async function updateTemplate(ctx: ServiceContext, id: string, input: UpdateTemplate & { active?: boolean }) {
  requireManager(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findTemplate(trx, id);
    if (!before) throw errors.notFound();
    const { version, items, ...fields } = input;
    const after = await updateVersioned(trx, 'checklistTemplates', id, version, {
      ...fields,
      ...(items ? { items: JSON.stringify(items) } : {}),
    });
    const action = input.active === false ? 'deactivate' : input.active === true ? 'activate' : 'update';
    await writeAudit(trx, ctx, { action: `checklist_template.${action}`, entityType: 'checklist_template', entityId: id, before, after });
  });
  return getTemplate(ctx, id);
}

// Checklists of an order ------------------------------------------------------------------------

/** On check-in: the active templates of the order's work type, copied once per order (P4.3.2). */
export async function instantiateChecklists({ trx, order }: Pick<EffectInput, 'trx' | 'order'>): Promise<void> {
  const workType = workTypeOf(order.category);
  if (workType) await instantiateTemplates(trx, order.id, workType);
}

const asResult = (r: ResultRow): ItemResult => ({
  done: r.done,
  value: r.value === null ? null : Number(r.value),
  justification: r.justification,
  hasPhoto: r.attachmentId !== null,
});

async function loadChecklists(db: Db, orderId: string) {
  const lists = await orderChecklists(db, orderId);
  const results = await checklistResults(db, lists.map((c) => c.id));
  return lists.map((c) => {
    const mine = results.filter((r) => r.checklistId === c.id);
    return { checklist: c, items: c.items as ChecklistItem[], rows: new Map(mine.map((r) => [r.itemKey, r])) };
  });
}

export type MissingItem = { checklistId: string; itemKey: string; label: { 'zh-CN': string; en: string } };

/** The order's required checklist items not yet done, in checklist order (P4.3.2). */
export async function missingItems(db: Db, orderId: string): Promise<MissingItem[]> {
  const lists = await loadChecklists(db, orderId);
  return lists.flatMap(({ checklist, items, rows }) => {
    const results = new Map([...rows].map(([k, r]) => [k, asResult(r)]));
    return missingRequired(items, results).map((i) => ({ checklistId: checklist.id, itemKey: i.key, label: i.label }));
  });
}

export async function listOrderChecklists(ctx: ServiceContext, orderId: string) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  const lists = await loadChecklists(ctx.db, orderId);
  return {
    items: lists.map(({ checklist: c, items, rows }) => {
      const results = new Map([...rows].map(([k, r]) => [k, asResult(r)]));
      const progress = requiredProgress(items, results);
      return {
        id: c.id,
        workType: c.workType,
        kind: c.kind,
        name: { 'zh-CN': c.nameZh, en: c.nameEn },
        items: items.map((item) => {
          const r = rows.get(item.key);
          return {
            ...item,
            result: r
              ? {
                  done: r.done,
                  value: r.value === null ? null : Number(r.value),
                  outOfRange: r.outOfRange,
                  justification: r.justification,
                  attachmentId: r.attachmentId,
                  note: r.note,
                  recordedBy: r.recordedByLabel,
                  recordedAt: r.recordedAt.toISOString(),
                  version: r.version,
                }
              : null,
            complete: isItemDone(item, results.get(item.key)),
          };
        }),
        requiredCount: progress.required,
        requiredDone: progress.done,
      };
    }),
    abilities: { record: siteWorkPolicy.recordChecklist(kinds, order) },
  };
}

const PROBLEM_FIELDS: Record<ResultProblem, [string, MessageKey]> = {
  photo: ['photo', 'field.photo_required'],
  value: ['value', 'field.value_required'],
  justification: ['justification', 'field.justification_required'],
  unexpected_value: ['value', 'field.no_measurement'],
};

/**
 * P4.3.2: the assignee on site records one item: a photo item needs its photo, a measurement
 * its value, a value out of range a justification (400 naming the field); a stale version 409.
 */
export async function recordItemResult(ctx: ServiceContext, orderId: string, checklistId: string, itemKey: string, input: ItemResultInput) {
  const { order, kinds } = await loadForActor(ctx, orderId);
  if (!mayReadFieldRecords(ctx.actor)) throw errors.notFound();
  if (!kinds.has('assignee')) throw errors.forbidden();
  if (!siteWorkPolicy.recordChecklist(kinds, order)) throw errors.rule('checklist.not_on_site');
  const checklist = (await orderChecklists(ctx.db, orderId)).find((c) => c.id === checklistId);
  const item = (checklist?.items as ChecklistItem[] | undefined)?.find((i) => i.key === itemKey);
  if (!checklist || !item) throw errors.notFound();
  const photo = input.photo ? decodeAttachments([input.photo], 'photo')[0] : undefined;

  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('checklistResults').selectAll().where('checklistId', '=', checklistId).where('itemKey', '=', itemKey).executeTakeFirst();
    if (before && input.version !== before.version) throw errors.stale();
    if (!before && input.version !== undefined) throw errors.stale();
    const problem = resultProblem(item, {
      done: input.done,
      value: input.value,
      justification: input.justification,
      hasPhoto: !!photo || !!before?.attachmentId,
    });
    if (problem) throw errors.invalidField(...PROBLEM_FIELDS[problem]);
    const by = { userId: ctx.actor.userId, label: ctx.actor.displayName };
    const [stored] = photo ? await storeAttachments(trx, orderId, [photo], by) : [];
    const values = {
      done: input.done,
      value: input.value,
      outOfRange: isOutOfRange(item.measurement, input.value),
      justification: input.justification,
      attachmentId: stored?.id ?? before?.attachmentId ?? null,
      note: input.note,
      recordedBy: ctx.actor.userId,
      recordedByLabel: ctx.actor.displayName,
      recordedAt: new Date(),
    };
    const after = before
      ? await trx
          .updateTable('checklistResults')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('checklistId', '=', checklistId)
          .where('itemKey', '=', itemKey)
          .where('version', '=', before.version)
          .returningAll()
          .executeTakeFirst()
      : await trx
          .insertInto('checklistResults')
          .values({ ...values, checklistId, itemKey })
          .onConflict((oc) => oc.columns(['checklistId', 'itemKey']).doNothing())
          .returningAll()
          .executeTakeFirst();
    if (!after) throw errors.stale();
    await writeAudit(trx, ctx, {
      action: 'checklist_result.record',
      entityType: 'work_order_checklist',
      entityId: checklistId,
      before: before ?? undefined,
      after,
    });
  });
  return listOrderChecklists(ctx, orderId);
}
