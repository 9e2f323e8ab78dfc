import type { Transaction } from 'kysely';
import { defaultDepartment, type FeedbackStatus, formatFeedbackNumber, needsFollowUp, nextFeedbackStatus } from '../../../core/feedback.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { companyToday, getSetting } from '../settings/service.ts';
import { type AttachmentInput, storeAttachments } from '../work-orders/attachments.ts';
import { loadForActor } from '../work-orders/read.ts';
import { followUpsOfFeedback, followUpsOfOrder } from './follow-up-queries.ts';
import { openFollowUp } from './follow-ups.ts';
import { notifyDepartment } from './notify.ts';
import { feedbackPolicy, followUpPolicy } from './policy.ts';
import { presentFeedback, presentFeedbackSummary, presentFollowUp } from './presenter.ts';
import {
  feedbackEvents,
  feedbackPhoto,
  feedbackPhotos,
  findFeedback,
  findFeedbackById,
  insertFeedbackEvent,
  knownModels,
  nextFeedbackSequence,
  orderContext,
} from './queries.ts';
import type { FeedbackTransition, ListFeedback, RaiseFeedback } from './schemas.ts';

/** The defect categories in force today (setting `feedback.defectCategories`, P2.2.2). */
export async function defectCategories(db: ServiceContext['db'] | Transaction<DB>) {
  return getSetting(db, 'feedback.defectCategories');
}

/** The fields a defect must carry (P2.2.2): model (default: the order's product), category in force, severity. */
async function defectFields(trx: Transaction<DB>, input: RaiseFeedback, product: { model: string | null; serialNumber: string | null }) {
  const productModel = input.productModel ?? product.model;
  if (!productModel) throw errors.invalidField('productModel', 'field.product_model_required');
  if (!input.defectCategory) throw errors.invalidField('defectCategory', 'field.required');
  const categories = await defectCategories(trx);
  if (!categories.some((c) => c.key === input.defectCategory)) throw errors.invalidField('defectCategory', 'field.defect_category');
  if (!input.severity) throw errors.invalidField('severity', 'field.required');
  return { productModel, serialNumber: input.serialNumber ?? product.serialNumber, defectCategory: input.defectCategory, severity: input.severity };
}

/**
 * Raises feedback from an order to the department concerned (P4.4.3, P2.1.3, P2.2.2, P2.3.4):
 * numbered per company day, its photos stored, the department told in-app, and a problem the
 * customer raised gets a follow-up task at once.
 */
export async function raiseFeedback(ctx: ServiceContext, orderId: string, input: RaiseFeedback, photos: AttachmentInput[]) {
  const { order, kinds, consultant } = await loadForActor(ctx, orderId);
  if (!feedbackPolicy.raise(ctx.actor, kinds, consultant)) throw errors.forbidden();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const context = await orderContext(trx, order.id);
    const fields =
      input.kind === 'defect'
        ? await defectFields(trx, input, context)
        : { productModel: input.productModel ?? context.model, serialNumber: input.serialNumber ?? context.serialNumber, defectCategory: null, severity: null };
    const day = await companyToday(trx);
    const number = formatFeedbackNumber(day, await nextFeedbackSequence(trx, day));
    const row = await trx
      .insertInto('feedback')
      .values({
        number,
        workOrderId: order.id,
        kind: input.kind,
        source: input.source,
        department: input.department ?? defaultDepartment(input.kind),
        ...fields,
        title: input.title,
        description: input.description,
        raisedBy: ctx.actor.userId,
        raisedByLabel: ctx.actor.displayName,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertFeedbackEvent(trx, { feedbackId: row.id, actorUserId: ctx.actor.userId, actorLabel: ctx.actor.displayName, fromStatus: null, toStatus: 'received', note: null });
    const stored = await storeAttachments(trx, order.id, photos, { userId: ctx.actor.userId, label: ctx.actor.displayName }, { feedbackId: row.id });
    await writeAudit(trx, ctx, { action: 'feedback.raise', entityType: 'feedback', entityId: row.id, after: { ...row, photos: stored } });
    await notifyDepartment(trx, row, context.number);
    if (needsFollowUp(row.source)) await openFollowUp(trx, ctx, order, { title: `${row.number} ${row.title}`, feedbackId: row.id });
    return row.id;
  });
  return getFeedback(ctx, id);
}

export async function listFeedback(ctx: ServiceContext, q: ListFeedback) {
  const zone = await getSetting(ctx.db, 'company.timeZone');
  const rows = await findFeedback(ctx.db, {
    scope: feedbackPolicy.scope(ctx.actor),
    q: q.q || undefined,
    status: q.status,
    kind: q.kind,
    department: q.department,
    model: q.model || undefined,
    category: q.category || undefined,
    severity: q.severity,
    createdFrom: q.from ? zonedDayStart(q.from, zone) : undefined,
    createdTo: q.to ? zonedDayStart(q.to, zone, 1) : undefined,
    after: decodeCursor(q.cursor),
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => r.number);
  return { items: items.map(presentFeedbackSummary), nextCursor };
}

/** A record the caller may not see answers 404, as if it did not exist. */
async function loadReadable(ctx: ServiceContext, id: string) {
  const row = await findFeedbackById(ctx.db, id);
  if (!row || !feedbackPolicy.read(ctx.actor, row)) throw errors.notFound();
  return row;
}

export async function getFeedback(ctx: ServiceContext, id: string) {
  const row = await loadReadable(ctx, id);
  const [order, photos, events, followUps] = await Promise.all([
    orderContext(ctx.db, row.workOrderId),
    feedbackPhotos(ctx.db, id),
    feedbackEvents(ctx.db, id),
    followUpsOfFeedback(ctx.db, id),
  ]);
  return presentFeedback(
    ctx.actor,
    row,
    {
      order: { id: order.id, number: order.number, title: order.title, customerName: order.customerName, productName: order.productName },
      photos,
      events,
      followUps,
    },
    new Date(),
  );
}

/** The photo of a record, for whoever may read the record (department users cannot open the order's files). */
export async function readFeedbackPhoto(ctx: ServiceContext, id: string, attachmentId: string) {
  await loadReadable(ctx, id);
  const photo = await feedbackPhoto(ctx.db, id, attachmentId);
  if (!photo) throw errors.notFound();
  return photo;
}

/** The department moves its record on (P4.4.3): investigating, answered (with the answer), closed. */
export async function transitionFeedback(ctx: ServiceContext, id: string, input: FeedbackTransition) {
  const current = await loadReadable(ctx, id);
  if (!feedbackPolicy.act(ctx.actor, current, input.action)) throw errors.forbidden();
  const to = nextFeedbackStatus(current.status, input.action);
  if (!to) throw new AppError(409, 'feedback.conflict_transition', { extra: { feedbackStatus: current.status, allowed: allowedFrom(current.status) } });
  if (input.action === 'answer' && !input.answer) throw errors.invalidField('answer', 'field.required');
  await ctx.db.transaction().execute(async (trx) => {
    const now = new Date();
    const values =
      input.action === 'answer'
        ? { status: to, answer: input.answer, answeredByLabel: ctx.actor.displayName, answeredAt: now }
        : input.action === 'close'
          ? { status: to, closedAt: now }
          : { status: to };
    const after = await updateVersioned(trx, 'feedback', id, input.version, values);
    await insertFeedbackEvent(trx, {
      feedbackId: id,
      actorUserId: ctx.actor.userId,
      actorLabel: ctx.actor.displayName,
      fromStatus: current.status,
      toStatus: to,
      note: input.action === 'answer' ? input.answer : input.note,
    });
    await writeAudit(trx, ctx, { action: `feedback.${input.action}`, entityType: 'feedback', entityId: id, before: { status: current.status, version: current.version }, after });
  });
  return getFeedback(ctx, id);
}

function allowedFrom(status: FeedbackStatus) {
  return (['investigate', 'answer', 'close'] as const).filter((a) => nextFeedbackStatus(status, a) !== null);
}

/** The feedback panel of an order: the records raised from it that the caller may see, its follow-ups, and what the caller may add. */
export async function orderFeedback(ctx: ServiceContext, orderId: string) {
  const { order, kinds, consultant } = await loadForActor(ctx, orderId);
  if (ctx.actor.role === 'customer') throw errors.forbidden();
  const now = new Date();
  const [feedback, followUps, context] = await Promise.all([
    findFeedback(ctx.db, { scope: feedbackPolicy.scope(ctx.actor), workOrderId: order.id, after: null, limit: 100 }),
    followUpsOfOrder(ctx.db, order.id),
    orderContext(ctx.db, order.id),
  ]);
  return {
    feedback: feedback.slice(0, 100).map(presentFeedbackSummary),
    followUps: followUps.map((f) => presentFollowUp(ctx.actor, f, now)),
    abilities: { raise: feedbackPolicy.raise(ctx.actor, kinds, consultant), addFollowUp: followUpPolicy.create(ctx.actor, kinds) },
    defaults: { productModel: context.model, serialNumber: context.serialNumber },
  };
}

/** What the raise form and the filters offer: the defect categories in force and the known models. */
export async function feedbackOptions(ctx: ServiceContext) {
  const [categories, models] = await Promise.all([defectCategories(ctx.db), knownModels(ctx.db)]);
  return { defectCategories: categories, models };
}
