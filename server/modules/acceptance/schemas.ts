import { z } from 'zod';
import { id } from '../../platform/schemas.ts';

const score = z.number().int().min(1).max(5);
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const questionnaire = z.object({ questions: z.array(z.object({ key: z.string(), label, required: z.boolean() })) });

export const acceptanceParams = z.object({ id, acceptanceId: id }).strict();
export const surveyParams = z.object({ token: z.string().min(1).max(200) }).strict();

export const surveyBody = z
  .object({
    rating: score,
    answers: z.record(z.string().max(40), score).optional(),
    comment: z.string().trim().max(2000).nullish(),
  })
  .strict();

export const orderAcceptanceView = z
  .object({
    acceptances: z.array(
      z.object({
        id,
        outcome: z.enum(['accepted', 'refused']),
        channel: z.enum(['on_site', 'portal']),
        signerName: z.string().nullable(),
        signatureUrl: z.string().nullable(),
        signatureSha256: z.string().nullable(),
        reason: z.string().nullable(),
        comment: z.string().nullable(),
        recordedBy: z.string(),
        at: z.string(),
        handledAt: z.string().nullable(),
        handledBy: z.string().nullable(),
        handlingNote: z.string().nullable(),
      }),
    ),
    ratings: z.array(
      z.object({
        id,
        source: z.enum(['on_site', 'portal', 'survey']),
        rating: z.number(),
        answers: z.record(z.string(), z.number()),
        questionnaire,
        comment: z.string().nullable(),
        ratedAt: z.string(),
        technician: z.object({ id, name: z.string() }).nullable(),
      }),
    ),
    survey: z
      .object({
        status: z.enum(['pending', 'answered', 'expired']),
        sentAt: z.string(),
        expiresAt: z.string(),
        answeredAt: z.string().nullable(),
      })
      .nullable(),
    surveyPending: z.boolean(),
    questionnaire,
  })
  .meta({ id: 'OrderAcceptance' });

export const surveyView = z
  .object({
    order: z.object({ number: z.string(), title: z.string() }),
    technicianName: z.string().nullable(),
    serviceDate: z.string().nullable(),
    expiresAt: z.string(),
    questionnaire,
  })
  .meta({ id: 'Survey' });

export const surveyDone = z.object({ ok: z.literal(true) });
