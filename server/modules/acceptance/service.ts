import type { ServiceContext } from '../../platform/actor.ts';
import { errors } from '../../platform/errors.ts';
import { getSetting } from '../settings/service.ts';
import { loadForActor } from '../work-orders/read.ts';
import { acceptanceHistory, latestInvitation, orderRatings, signatureOf } from './queries.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function surveyStatus(invitation: Awaited<ReturnType<typeof latestInvitation>>, now: Date) {
  if (!invitation) return null;
  const status = invitation.usedAt ? 'answered' : invitation.expiresAt <= now ? 'expired' : 'pending';
  return { status, sentAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString(), answeredAt: iso(invitation.usedAt) } as const;
}

/** An order's acceptance history (without the signature bytes), its ratings, its survey and the questionnaire in force (P4.4.1, P5.1.1). */
export async function getOrderAcceptance(ctx: ServiceContext, orderId: string, now = new Date()) {
  const { order } = await loadForActor(ctx, orderId);
  const [history, ratings, invitation, questionnaire] = await Promise.all([
    acceptanceHistory(ctx.db, order.id),
    orderRatings(ctx.db, order.id),
    latestInvitation(ctx.db, order.id),
    getSetting(ctx.db, 'acceptance.questionnaire'),
  ]);
  const survey = surveyStatus(invitation, now);
  return {
    acceptances: history.map((a) => ({
      id: a.id,
      outcome: a.outcome,
      channel: a.channel,
      signerName: a.signerName,
      signatureUrl: a.signatureSha256 ? `/api/v1/work-orders/${order.id}/acceptance/${a.id}/signature.png` : null,
      signatureSha256: a.signatureSha256,
      reason: a.reason,
      comment: a.comment,
      recordedBy: a.recordedByLabel,
      at: a.at.toISOString(),
      handledAt: iso(a.handledAt),
      handledBy: a.handledByLabel,
      handlingNote: a.handlingNote,
    })),
    ratings: ratings.map((r) => ({
      id: r.id,
      source: r.source,
      rating: r.rating,
      answers: r.answers as Record<string, number>,
      questionnaire: r.questionnaire as { questions: { key: string; label: { 'zh-CN': string; en: string }; required: boolean }[] },
      comment: r.comment,
      ratedAt: r.ratedAt.toISOString(),
      technician: r.technicianId ? { id: r.technicianId, name: r.technicianName ?? '' } : null,
    })),
    survey,
    surveyPending: survey?.status === 'pending',
    /** The questionnaire in force, for the acceptance screen (P5.1.1). */
    questionnaire,
  };
}

/** The PNG of one acceptance's signature, for whoever may read the order. */
export async function getSignature(ctx: ServiceContext, orderId: string, acceptanceId: string): Promise<Buffer> {
  const { order } = await loadForActor(ctx, orderId);
  const row = await signatureOf(ctx.db, order.id, acceptanceId);
  if (!row?.signaturePng) throw errors.notFound();
  return Buffer.from(row.signaturePng);
}
