import { z } from 'zod';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_DEPARTMENTS,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  FOLLOW_UP_STATUSES,
  SEVERITIES,
} from '../../../core/feedback.ts';
import { dateOnly, id, listQuery, optionalText, page, searchQuery, text, version } from '../../platform/schemas.ts';
import { attachmentInput } from '../work-orders/schemas.ts';

const instant = z.iso.datetime({ offset: true });

/** Raising feedback from an order (P4.4.3, P2.1.3, P2.2.2, P2.3.4); defect fields are checked in the service. */
export const raiseFeedbackBody = z
  .object({
    kind: z.enum(FEEDBACK_KINDS),
    source: z.enum(FEEDBACK_SOURCES).default('technician'),
    department: z.enum(FEEDBACK_DEPARTMENTS).optional(),
    productModel: optionalText(40),
    serialNumber: optionalText(60),
    defectCategory: optionalText(40),
    severity: z.enum(SEVERITIES).optional(),
    title: text(120),
    description: text(4000),
    photos: z.array(attachmentInput).max(10).default([]),
  })
  .strict();
export type RaiseFeedback = z.infer<typeof raiseFeedbackBody>;

export const feedbackTransitionBody = z
  .object({
    action: z.enum(FEEDBACK_ACTIONS),
    version,
    answer: optionalText(4000),
    note: optionalText(1000),
  })
  .strict();
export type FeedbackTransition = z.infer<typeof feedbackTransitionBody>;

export const listFeedbackQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    status: z.enum(FEEDBACK_STATUSES).optional(),
    kind: z.enum(FEEDBACK_KINDS).optional(),
    department: z.enum(FEEDBACK_DEPARTMENTS).optional(),
    model: z.string().trim().max(40).optional(),
    category: z.string().trim().max(40).optional(),
    severity: z.enum(SEVERITIES).optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
  })
  .strict();
export type ListFeedback = z.infer<typeof listFeedbackQuery>;

export const photoParams = z.object({ id, attachmentId: id }).strict();

export const defectReportQuery = z
  .object({
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    model: z.string().trim().max(40).optional(),
    category: z.string().trim().max(40).optional(),
  })
  .strict();
export type DefectReportQuery = z.infer<typeof defectReportQuery>;

export const createFollowUpBody = z
  .object({
    title: text(200),
    assigneeId: id.optional(),
    dueAt: instant.optional(),
  })
  .strict();
export type CreateFollowUp = z.infer<typeof createFollowUpBody>;

export const completeFollowUpBody = z.object({ version, outcome: text(2000) }).strict();

export const listFollowUpsQuery = z
  .object({
    ...listQuery,
    scope: z.enum(['mine', 'team']).default('mine'),
    status: z.enum([...FOLLOW_UP_STATUSES, 'all']).default('open'),
  })
  .strict();
export type ListFollowUps = z.infer<typeof listFollowUpsQuery>;

// ---- answers ----

const ref = z.object({ id: z.string(), name: z.string() });
const label = z.object({ 'zh-CN': z.string(), en: z.string() });

export const followUpView = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(FOLLOW_UP_STATUSES),
    dueAt: z.string(),
    overdue: z.boolean(),
    escalatedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    assignee: ref,
    workOrder: z.object({ id: z.string(), number: z.string(), title: z.string() }),
    feedback: z.object({ id: z.string(), number: z.string() }).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    version: z.number(),
    abilities: z.object({ complete: z.boolean() }),
  })
  .meta({ id: 'FollowUp' });

const feedbackShape = {
  id: z.string(),
  number: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  source: z.enum(FEEDBACK_SOURCES),
  department: z.enum(FEEDBACK_DEPARTMENTS),
  productModel: z.string().nullable(),
  serialNumber: z.string().nullable(),
  defectCategory: z.string().nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  answer: z.string().nullable(),
  raisedBy: z.string(),
  createdAt: z.string(),
  workOrder: z.object({ id: z.string(), number: z.string() }),
  version: z.number(),
};
export const feedbackSummaryView = z.object(feedbackShape).meta({ id: 'FeedbackSummary' });
export const feedbackView = z
  .object({
    ...feedbackShape,
    description: z.string(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
    workOrder: z.object({ id: z.string(), number: z.string(), title: z.string(), customerName: z.string(), productName: z.string().nullable() }),
    photos: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() })),
    events: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        fromStatus: z.enum(FEEDBACK_STATUSES).nullable(),
        toStatus: z.enum(FEEDBACK_STATUSES),
        note: z.string().nullable(),
      }),
    ),
    followUps: z.array(followUpView),
    allowedActions: z.array(z.enum(FEEDBACK_ACTIONS)),
    abilities: z.object({ investigate: z.boolean(), answer: z.boolean(), close: z.boolean(), openOrder: z.boolean() }),
  })
  .meta({ id: 'Feedback' });
export const feedbackPage = page(feedbackSummaryView);

export const orderFeedbackView = z
  .object({
    feedback: z.array(feedbackSummaryView),
    followUps: z.array(followUpView),
    abilities: z.object({ raise: z.boolean(), addFollowUp: z.boolean() }),
    defaults: z.object({ productModel: z.string().nullable(), serialNumber: z.string().nullable() }),
  })
  .meta({ id: 'OrderFeedback' });

export const feedbackOptionsView = z
  .object({
    defectCategories: z.array(z.object({ key: z.string(), label })),
    models: z.array(z.string()),
  })
  .meta({ id: 'FeedbackOptions' });

export const defectReportView = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.string()),
    categories: z.array(z.object({ key: z.string(), label })),
    cells: z.array(z.object({ model: z.string(), category: z.string(), month: z.string(), count: z.number() })),
    bySeverity: z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() }),
    total: z.number(),
  })
  .meta({ id: 'DefectReport' });

export const followUpPage = page(followUpView);
