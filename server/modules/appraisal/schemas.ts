import { z } from 'zod';
import { INDICATORS } from '../../../core/appraisal/indicators.ts';
import { templateItem, templateItems } from '../../../core/appraisal/forms.ts';
import { dateOnly, id, optionalText, text, version } from '../../platform/schemas.ts';

// Performance appraisal (issue 6, P5): the API's shapes. The web app mirrors them in
// web/src/features/appraisal/types.ts.

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const nullableNumber = z.number().nullable();

export const periodLabel = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
export const indicatorKey = z.enum(INDICATORS);
export const EXCUSE_REASONS = ['customer_reschedule', 'customer_absent', 'access_denied', 'force_majeure', 'other'] as const;
export const GROWTH_KINDS = ['training', 'exam', 'certificate', 'innovation'] as const;
export const RESULT_STATUSES = ['self_pending', 'review_pending', 'reviewed', 'published', 'acknowledged', 'appealed', 'answered'] as const;

/** The policy version a period runs on: each appraisal setting with the date it took effect. */
export const policyVersionView = z.array(z.object({ key: z.string(), effectiveFrom: z.string() }));

export const periodView = z.object({
  id,
  kind: z.enum(['monthly', 'annual']),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['open', 'published', 'closed']),
  selfDueOn: z.string(),
  reviewDueOn: z.string(),
  publishDueOn: z.string(),
  openedAt: z.string(),
  openedByLabel: z.string(),
  computedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  policy: policyVersionView,
  counts: z.object({ results: z.number().int(), selfDone: z.number().int(), reviewed: z.number().int(), appealsOpen: z.number().int() }),
  version: z.number().int(),
  abilities: z.object({ recompute: z.boolean(), publish: z.boolean(), reopen: z.boolean(), close: z.boolean() }),
});
export type PeriodView = z.infer<typeof periodView>;

export const periodEventView = z.object({ id: z.number().int(), at: z.string(), actorLabel: z.string(), action: z.string(), reason: z.string().nullable() });

export const openPeriodBody = z.object({ label: periodLabel }).strict();
export const periodActionBody = z.object({ version }).strict();
export const reopenBody = z.object({ version, reason: text(1000) }).strict();

export const scoredIndicatorView = z.object({
  key: indicatorKey,
  value: nullableNumber,
  samples: z.number(),
  points: nullableNumber,
  status: z.enum(['scored', 'insufficient']),
  explanation: z.string(),
  target: z.number(),
  weight: z.number(),
  formula: z.string(),
});

export const resultSummaryView = z.object({
  id,
  periodId: id,
  periodLabel: z.string(),
  periodKind: z.enum(['monthly', 'annual']),
  periodStatus: z.enum(['open', 'published', 'closed']),
  employee: z.object({ id, name: z.string(), employeeNo: z.string() }),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  status: z.enum(RESULT_STATUSES),
  selfScore: nullableNumber,
  selfLate: z.boolean(),
  supervisorScore: nullableNumber,
  teamworkRating: z.number().int().nullable(),
  customerScore: nullableNumber,
  indicatorScore: nullableNumber,
  composite: nullableNumber,
  calibratedScore: nullableNumber,
  computedGrade: z.string().nullable(),
  grade: z.string().nullable(),
  samples: z.object({ ratings: z.number().int(), arrivals: z.number().int(), excused: z.number().int(), closed: z.number().int() }),
  version: z.number().int(),
});
export type ResultSummary = z.infer<typeof resultSummaryView>;

export const resultsQuery = z
  .object({ periodId: id.optional(), teamId: id.optional(), employeeId: id.optional(), status: z.enum(RESULT_STATUSES).optional() })
  .strict();

export const historyView = z.object({ id: z.number().int(), at: z.string(), actorLabel: z.string(), action: z.string(), reason: z.string().nullable(), before: z.unknown(), after: z.unknown() });
export const appealView = z.object({
  id,
  resultId: id,
  reason: z.string(),
  raisedAt: z.string(),
  status: z.enum(['open', 'answered']),
  outcome: z.enum(['upheld', 'adjusted']).nullable(),
  answer: z.string().nullable(),
  answeredByLabel: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export const developmentActionView = z.object({
  id,
  employeeId: id,
  employeeName: z.string(),
  resultId: id,
  periodLabel: z.string(),
  indicator: indicatorKey,
  points: nullableNumber,
  suggestion: localized,
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  fulfilledAt: z.string().nullable(),
  fulfilmentNote: z.string().nullable(),
  version: z.number().int(),
});

const answers = z.record(z.string(), z.union([z.number(), z.string()]));
export const resultDetailView = resultSummaryView.extend({
  indicators: z.array(scoredIndicatorView),
  indicatorFormula: z.string().nullable(),
  compositeFormula: z.string().nullable(),
  factsHash: z.string().nullable(),
  policy: policyVersionView,
  selfTemplate: z.array(templateItem).nullable(),
  selfAnswers: answers.nullable(),
  selfSubmittedAt: z.string().nullable(),
  reviewTemplate: z.array(templateItem).nullable(),
  reviewAnswers: answers.nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByLabel: z.string().nullable(),
  calibrationReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  deadlines: z.object({ selfDueOn: z.string(), reviewDueOn: z.string(), publishDueOn: z.string(), appealDueOn: z.string().nullable() }),
  /** Annual results: the monthly results combined. */
  monthly: z.array(z.object({ label: z.string(), score: z.number(), grade: z.string().nullable() })).nullable(),
  history: z.array(historyView),
  appeals: z.array(appealView),
  developmentActions: z.array(developmentActionView),
  abilities: z.object({ self: z.boolean(), review: z.boolean(), calibrate: z.boolean(), acknowledge: z.boolean(), appeal: z.boolean(), answer: z.boolean() }),
});
export type ResultDetail = z.infer<typeof resultDetailView>;

export const selfBody = z.object({ version, answers }).strict();
export const reviewBody = z.object({ version, answers, teamworkRating: z.number().int().min(1).max(5), comment: optionalText(2000) }).strict();
export const calibrateBody = z.object({ version, score: z.number().min(0).max(100), reason: text(1000) }).strict();
export const acknowledgeBody = z.object({ version }).strict();
export const appealBody = z.object({ version, reason: text(4000) }).strict();
export const answerBody = z
  .object({ version, outcome: z.enum(['upheld', 'adjusted']), answer: text(4000), score: z.number().min(0).max(100).optional() })
  .strict()
  .refine((b) => b.outcome === 'upheld' || b.score !== undefined, { path: ['score'], params: { messageKey: 'field.required' } });

/** One line behind an indicator: an order (counted, excused, reopened...), a rating, a growth record or a consultation. */
export const explainItemView = z.object({
  kind: z.enum(['order', 'rating', 'growth', 'consultation', 'assist']),
  /** on_time | late | excused | closed | reopened | rating | training | exam | certificate | innovation | joined | helped | assist */
  status: z.string(),
  workOrderId: id.nullable(),
  number: z.string().nullable(),
  title: z.string(),
  at: z.string().nullable(),
  dueAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  excuse: z.object({ reason: z.enum(EXCUSE_REASONS), evidence: z.string(), recordedByLabel: z.string(), recordedAt: z.string() }).nullable(),
});
export const explainView = z.object({
  resultId: id,
  periodLabel: z.string(),
  employeeName: z.string(),
  indicator: scoredIndicatorView,
  policy: z.object({ key: z.string(), effectiveFrom: z.string(), target: z.number(), curve: z.array(z.tuple([z.number(), z.number()])), weight: z.number(), minSamples: z.number(), insufficient: z.enum(['reweight', 'at_target']) }),
  /** The records listed are no longer those the result counted (checked against the digests frozen with it). */
  recordsChanged: z.boolean(),
  items: z.array(explainItemView),
});
export const explainParams = z.object({ id, indicator: indicatorKey }).strict();

export const templateView = z.object({ id, kind: z.enum(['self', 'supervisor']), name: z.string(), items: z.array(templateItem), version: z.number().int() });
export const templateParams = z.object({ kind: z.enum(['self', 'supervisor']) }).strict();
export const putTemplateBody = z.object({ name: text(200), items: templateItems, version }).strict();

export const growthRecordView = z.object({
  id,
  employeeId: id,
  employeeName: z.string(),
  kind: z.enum(GROWTH_KINDS),
  occurredOn: z.string(),
  title: z.string(),
  hours: nullableNumber,
  score: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  accepted: z.boolean().nullable(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'training']),
  recordedByLabel: z.string(),
  version: z.number().int(),
});
export const growthQuery = z.object({ employeeId: id.optional(), teamId: id.optional(), from: dateOnly, to: dateOnly }).strict();
export const createGrowthBody = z
  .object({
    employeeId: id,
    kind: z.enum(GROWTH_KINDS),
    occurredOn: dateOnly,
    title: text(200),
    hours: z.number().positive().max(1000).optional(),
    score: z.number().int().min(0).max(100).optional(),
    passed: z.boolean().optional(),
    accepted: z.boolean().optional(),
    note: optionalText(2000),
  })
  .strict()
  .refine((b) => b.kind !== 'training' || b.hours !== undefined, { path: ['hours'], params: { messageKey: 'field.required' } })
  .refine((b) => b.kind !== 'exam' || b.passed !== undefined, { path: ['passed'], params: { messageKey: 'field.required' } })
  .refine((b) => b.kind !== 'innovation' || b.accepted !== undefined, { path: ['accepted'], params: { messageKey: 'field.required' } });
export type CreateGrowth = z.infer<typeof createGrowthBody>;

export const excuseView = z.object({
  workOrderId: id,
  number: z.string(),
  title: z.string(),
  assigneeName: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  arrivalDueAt: z.string().nullable(),
  reason: z.enum(EXCUSE_REASONS),
  evidence: z.string(),
  attachmentId: id.nullable(),
  recordedByLabel: z.string(),
  recordedAt: z.string(),
});
export const excuseParams = z.object({ workOrderId: id }).strict();
export const putExcuseBody = z.object({ reason: z.enum(EXCUSE_REASONS), evidence: text(2000), attachmentId: id.nullish() }).strict();
export const excusesQuery = z.object({ from: dateOnly, to: dateOnly, teamId: id.optional() }).strict();

export const payCoefficientView = z.object({
  employeeId: id,
  employeeNo: z.string(),
  name: z.string(),
  periodLabel: z.string(),
  grade: z.string(),
  coefficient: z.number(),
  score: z.number(),
  resultStatus: z.enum(RESULT_STATUSES),
});
export const payQuery = z.object({ period: periodLabel }).strict();
export const excellentView = z.object({
  employeeId: id,
  employeeNo: z.string(),
  name: z.string(),
  teamName: z.string().nullable(),
  year: z.string(),
  grade: z.string(),
  score: z.number(),
  resultId: id,
});
export const excellentQuery = z.object({ year: z.string().regex(/^\d{4}$/) }).strict();
export const developmentQuery = z.object({ employeeId: id.optional(), status: z.enum(['open', 'done', 'cancelled']).optional() }).strict();
export const fulfilBody = z.object({ version, status: z.enum(['done', 'cancelled']), note: text(2000) }).strict();
export const appealsQuery = z.object({ status: z.enum(['open', 'answered']).optional() }).strict();
export const appealListItemView = appealView.extend({ periodLabel: z.string(), employeeName: z.string() });
