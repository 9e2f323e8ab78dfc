import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { notifyOrderEvent } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import { claimInvitation, customerEmailOf, insertInvitation, insertRating, invitationWithOrder, lastAcceptedAt } from './queries.ts';
import { ratingRow } from './ratings.ts';
import { signSurveyToken, surveySecret, verifySurveyToken } from './survey-token.ts';

// Survey links (P5.1.1): a customer who did not rate at acceptance is emailed a signed link
// that works once, until it expires; a reused, expired or altered link is refused saying why.

const DAY_MS = 86_400_000;

const refusal = {
  invalid: () => new AppError(404, 'survey.invalid'),
  used: () => new AppError(409, 'survey.used'),
  expired: () => new AppError(410, 'survey.expired'),
};

/** Creates the invitation and queues the `survey` email (and in-app notice) with its link, in the caller's transaction. */
export async function inviteToSurvey(trx: Transaction<DB>, ctx: Pick<ServiceContext, 'publicUrl'>, orderId: string, now: Date) {
  const days = await getSetting(trx, 'survey.linkValidDays');
  // No address on file: the link still reaches the customer's portal users in-app.
  const email = (await customerEmailOf(trx, orderId)) ?? '';
  const invitation = await insertInvitation(trx, { workOrderId: orderId, email, expiresAt: new Date(now.getTime() + days * DAY_MS) });
  const token = signSurveyToken(await surveySecret(trx), { invitationId: invitation.id, expiresAt: invitation.expiresAt });
  const link = `${ctx.publicUrl ?? ''}/survey/${token}`;
  await notifyOrderEvent(trx, orderId, 'survey', { link, dueAt: invitation.expiresAt.toISOString() });
  return { invitationId: invitation.id, link };
}

/** The invitation a token stands for, refused with the reason when it cannot be used now. */
async function usableInvitation(db: Kysely<DB>, token: string, now: Date) {
  const parsed = verifySurveyToken(await surveySecret(db), token);
  if (!parsed) throw refusal.invalid();
  const invitation = await invitationWithOrder(db, parsed.invitationId);
  if (!invitation) throw refusal.invalid();
  if (invitation.usedAt) throw refusal.used();
  if (parsed.expiresAt <= now || invitation.expiresAt <= now) throw refusal.expired();
  return invitation;
}

export async function getSurvey(db: Kysely<DB>, token: string, now = new Date()) {
  const invitation = await usableInvitation(db, token, now);
  const acceptedAt = await lastAcceptedAt(db, invitation.workOrderId);
  return {
    order: { number: invitation.number, title: invitation.title },
    technicianName: invitation.technicianName ?? null,
    serviceDate: (acceptedAt ?? invitation.resolvedAt)?.toISOString() ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
    questionnaire: await getSetting(db, 'acceptance.questionnaire'),
  };
}

export type SurveyAnswer = { rating: number; answers?: Record<string, number>; comment?: string | null };

/**
 * Stores the customer's rating (source survey) and uses up the link in one transaction: the
 * conditional claim lets exactly one of two racing submissions through.
 */
export async function submitSurvey(db: Kysely<DB>, requestId: string, token: string, body: SurveyAnswer, now = new Date()) {
  const invitation = await usableInvitation(db, token, now);
  const row = await ratingRow(
    db,
    {
      workOrderId: invitation.workOrderId,
      technicianId: invitation.assigneeId,
      source: 'survey',
      rating: body.rating,
      answers: body.answers,
      comment: body.comment,
      at: now,
    },
    'answers',
  );
  await db.transaction().execute(async (trx) => {
    if (!(await claimInvitation(trx, invitation.id, now))) throw refusal.used();
    const { id } = await insertRating(trx, row);
    await writeAudit(trx, { actor: null, requestId, label: 'survey link' }, {
      action: 'customer_rating.survey',
      entityType: 'customer_rating',
      entityId: id,
      after: { workOrderId: invitation.workOrderId, invitationId: invitation.id, rating: body.rating },
    });
  });
  return { ok: true as const };
}
