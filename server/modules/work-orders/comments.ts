import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import { type AttachmentInput, storeAttachments } from './attachments.ts';
import { attachmentFile, findComment, insertComment } from './queries.ts';
import { getOrder, loadForActor } from './read.ts';

type CommentInput = { kind: 'comment' | 'question' | 'answer' | 'note'; body: string; parentId: string | null; attachments: AttachmentInput[] };

/**
 * Comments on an order (P4.3.3): a customer asks a question, the technician answers it; staff
 * may also leave internal notes the customer never sees.
 */
export async function addComment(ctx: ServiceContext, id: string, input: CommentInput) {
  const { order, kinds, consultant } = await loadForActor(ctx, id);
  const customer = ctx.actor.role === 'customer';
  if (customer && (input.kind === 'note' || input.kind === 'answer')) throw errors.forbidden();
  if (input.kind === 'answer' && !(kinds.has('assignee') || kinds.has('dispatcher') || consultant)) throw errors.forbidden();
  const kind = customer && input.kind === 'comment' ? 'question' : input.kind;
  if (input.parentId) {
    const parent = await findComment(ctx.db, id, input.parentId);
    if (!parent || (customer && parent.visibility !== 'public')) throw errors.invalidField('parentId', 'field.reference');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await insertComment(trx, {
      workOrderId: id,
      kind,
      visibility: kind === 'note' ? 'internal' : 'public',
      parentId: input.parentId,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.actor.displayName,
      body: input.body,
    });
    await storeAttachments(trx, id, input.attachments, { userId: ctx.actor.userId, label: ctx.actor.displayName }, { commentId: comment.id });
    await writeAudit(trx, ctx, { action: `work_order.${kind}`, entityType: 'work_order', entityId: order.id, after: { commentId: comment.id, kind, body: comment.body } });
    if (kind === 'answer') await notifyOrderEvent(trx, id, 'answered');
  });
  return getOrder(ctx, id);
}

export async function readAttachment(ctx: ServiceContext, id: string, attachmentId: string) {
  await loadForActor(ctx, id);
  const row = await attachmentFile(ctx.db, id, attachmentId);
  // A customer never reads internal notes' files or the team's consultation files.
  if (!row || (ctx.actor.role === 'customer' && (row.visibility === 'internal' || row.consultationMessageId))) throw errors.notFound();
  return row;
}
