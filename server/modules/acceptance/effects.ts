import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/messages.ts';
import { getSetting } from '../settings/service.ts';
import type { EffectInput } from '../work-orders/effects.ts';
import { insertAcceptance, insertRating, latestAcceptance, markRefusalHandled } from './queries.ts';
import { ratingRow } from './ratings.ts';
import { type SignatureProblem, checkSignature } from './signature.ts';
import { inviteToSurvey } from './survey.ts';

type AcceptPayload = {
  signerName: string;
  signature: string;
  rating?: number;
  answers?: Record<string, number>;
  comment?: string;
};

const SIGNATURE_KEYS: Record<SignatureProblem, MessageKey> = {
  not_png: 'field.signature_not_png',
  too_large: 'field.signature_too_large',
  unsupported: 'field.signature_unsupported',
  empty: 'field.signature_empty',
};

/** P4.4.1: the drawn signature must be a real, non-blank PNG within the size set. */
async function signatureBytes(db: Kysely<DB>, dataUrl: string): Promise<Buffer> {
  const maxKilobytes = await getSetting(db, 'acceptance.signatureMaxKilobytes');
  const check = checkSignature(dataUrl, maxKilobytes * 1024);
  if (!check.ok) throw errors.invalidField('payload.signature', SIGNATURE_KEYS[check.problem], { maxKilobytes });
  return check.png;
}

const channelOf = (kinds: EffectInput['kinds']) => (kinds.has('customer') ? ('portal' as const) : ('on_site' as const));

/**
 * `customer_accept` (P4.4.1): stores the signature; with a rating, the rating on the
 * questionnaire in force (P5.1.1, P5.3.3); without one, a survey link emailed to the customer.
 */
export async function recordAcceptance({ trx, ctx, order, kinds, payload, now, eventData }: EffectInput): Promise<void> {
  const p = payload as AcceptPayload;
  const png = await signatureBytes(trx, p.signature);
  const channel = channelOf(kinds);
  if (p.rating === undefined && p.answers && Object.keys(p.answers).length > 0) {
    throw errors.invalidField('payload.rating', 'field.rating_required');
  }
  const rating =
    p.rating === undefined
      ? null
      : await ratingRow(
          trx,
          { workOrderId: order.id, technicianId: order.assigneeId, source: channel, rating: p.rating, answers: p.answers, comment: p.comment, at: now },
          'payload.answers',
        );
  const { id } = await insertAcceptance(trx, {
    workOrderId: order.id,
    outcome: 'accepted',
    channel,
    signerName: p.signerName,
    signaturePng: png,
    signatureSha256: createHash('sha256').update(png).digest('hex'),
    comment: p.comment?.trim() ? p.comment.trim() : null,
    recordedBy: ctx.actor.userId,
    recordedByLabel: ctx.actor.displayName,
    at: now,
  });
  if (rating) await insertRating(trx, rating);
  else await inviteToSurvey(trx as Transaction<DB>, ctx, order.id, now);
  Object.assign(eventData, { acceptanceId: id, channel, surveyInvited: !rating });
  await writeAudit(trx, ctx, {
    action: 'acceptance.accept',
    entityType: 'acceptance',
    entityId: id,
    after: { workOrderId: order.id, channel, signerName: p.signerName, rating: p.rating ?? null, surveyInvited: !rating },
  });
}

/** `customer_refuse` (P4.4.1): the refusal and its reason; the lifecycle sends the order back to work. */
export async function recordRefusal({ trx, ctx, order, kinds, payload, now, eventData }: EffectInput): Promise<void> {
  const p = payload as { reason: string; signerName?: string };
  const channel = channelOf(kinds);
  const { id } = await insertAcceptance(trx, {
    workOrderId: order.id,
    outcome: 'refused',
    channel,
    signerName: p.signerName?.trim() ? p.signerName.trim() : null,
    reason: p.reason,
    recordedBy: ctx.actor.userId,
    recordedByLabel: ctx.actor.displayName,
    at: now,
  });
  Object.assign(eventData, { acceptanceId: id, channel });
  await writeAudit(trx, ctx, { action: 'acceptance.refuse', entityType: 'acceptance', entityId: id, after: { workOrderId: order.id, channel, reason: p.reason } });
}

/** `settle_refusal` (P4.4.1): a dispatcher settles the latest refusal, if it is still unhandled. */
export async function settleRefusal({ trx, ctx, order, payload, now, eventData }: EffectInput): Promise<void> {
  const note = (payload as { note: string }).note;
  const latest = await latestAcceptance(trx, order.id);
  if (latest?.outcome !== 'refused' || latest.handledAt) throw errors.rule('acceptance.no_refusal');
  const updated = await markRefusalHandled(trx, latest.id, { at: now, label: ctx.actor.displayName, note });
  if (Number(updated.numUpdatedRows) !== 1) throw errors.rule('acceptance.no_refusal');
  eventData.acceptanceId = latest.id;
  await writeAudit(trx, ctx, {
    action: 'acceptance.settle_refusal',
    entityType: 'acceptance',
    entityId: latest.id,
    before: { handledAt: null },
    after: { handledAt: now, handlingNote: note },
  });
}

/** True when the latest acceptance is "accepted", or a refusal that a dispatcher handled (P4.4.1 closing rule). */
/** True when the customer's latest word is a refusal no dispatcher has settled yet (P4.4.1). */
export async function refusalAwaitingSettlement(db: Kysely<DB>, orderId: string): Promise<boolean> {
  const latest = await latestAcceptance(db, orderId);
  return latest?.outcome === 'refused' && latest.handledAt === null;
}

export async function acceptanceSettled(db: Kysely<DB>, orderId: string): Promise<boolean> {
  const latest = await latestAcceptance(db, orderId);
  if (!latest) return false;
  return latest.outcome === 'accepted' || latest.handledAt !== null;
}
