import { z } from 'zod';
import { CATEGORIES, CHANNELS, PRIORITIES, SLA_CLOCKS } from '../../../core/work-orders.ts';
import { ACTIONS, STATES } from '../../../core/work-order-lifecycle.ts';
import { email, id, listQuery, optionalText, page, phone, searchQuery, text } from '../../platform/schemas.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The request size a route carrying `files` base64 attachments (plus its other fields) must accept. */
export function bodyLimitFor(files: number): number {
  return Math.ceil(MAX_ATTACHMENT_BYTES * 1.4) * files + 1024 * 1024;
}
const instant = z.iso.datetime({ offset: true });

export const attachmentInput = z
  .object({
    filename: text(200),
    contentType: z
      .string()
      .trim()
      .max(100)
      .refine((v) => /^[\w.+-]+\/[\w.+-]+$/.test(v), { params: { messageKey: 'field.invalid' } }),
    // base64; the decoded size is checked against MAX_ATTACHMENT_BYTES
    dataBase64: z.base64().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
  })
  .strict();

const orderFields = {
  contactId: id.nullish().transform((v) => v ?? null),
  siteId: id.nullish().transform((v) => v ?? null),
  productId: id.nullish().transform((v) => v ?? null),
  title: text(120),
  description: text(8000),
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES).default('normal'),
  preferredFrom: instant.nullish().transform((v) => (v ? new Date(v) : null)),
  preferredTo: instant.nullish().transform((v) => (v ? new Date(v) : null)),
  attachments: z.array(attachmentInput).max(10).default([]),
};

/** An agent records a report taken by phone, email or chat (P4.1.2), and may hand it over at once. */
export const staffIntakeBody = z
  .object({
    channel: z.enum(CHANNELS).exclude(['portal']).default('phone'),
    customerId: id,
    reporterName: optionalText(50),
    reporterPhone: phone,
    reporterEmail: email,
    duplicateOfId: id.nullish().transform((v) => v ?? null),
    assigneeId: id.nullish().transform((v) => v ?? null),
    teamId: id.nullish().transform((v) => v ?? null),
    ...orderFields,
  })
  .strict();

/** A customer reports a fault on the portal for one of their own sites or products. */
export const portalIntakeBody = z.object(orderFields).strict();

/** Chat systems, WeCom/DingTalk/Feishu bots and other systems; the customer by id, number or phone. */
export const apiIntakeBody = z
  .object({
    channel: z.enum(['chat', 'api', 'email', 'phone']).default('api'),
    customerId: id.optional(),
    customerNo: z.string().trim().max(20).optional(),
    customerPhone: z.string().trim().max(32).optional(),
    reporterName: optionalText(50),
    reporterPhone: phone,
    reporterEmail: email,
    ...orderFields,
  })
  .strict();

export const listWorkOrdersQuery = z
  .object({
    ...listQuery,
    q: searchQuery,
    state: z
      .string()
      .max(400)
      .optional()
      .transform((v) => (v ? v.split(',') : undefined))
      .pipe(z.array(z.enum([...STATES, 'open'])).optional()),
    priority: z.enum(PRIORITIES).optional(),
    teamId: id.optional(),
    assigneeId: id.optional(),
    customerId: id.optional(),
    productId: id.optional(),
    mine: z.enum(['true', 'false']).optional(),
    pool: z.enum(['true', 'false']).optional(),
    sla: z.enum(['at_risk', 'breached']).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export type ListWorkOrders = z.infer<typeof listWorkOrdersQuery>;

export const location = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), accuracyMeters: z.number().min(0).max(100000).optional() })
  .strict();

export const transitionBody = z
  .object({
    action: z.enum(ACTIONS),
    version: z.number().int().min(1),
    payload: z.record(z.string(), z.unknown()).default({}),
    location: location.optional(),
  })
  .strict();

export const commentBody = z
  .object({
    kind: z.enum(['comment', 'question', 'answer', 'note']).default('comment'),
    body: text(8000),
    parentId: id.nullish().transform((v) => v ?? null),
    attachments: z.array(attachmentInput).max(10).default([]),
  })
  .strict();

export const attachmentParams = z.object({ id, attachmentId: id }).strict();

const slaClockView = z.object({
  clock: z.enum(SLA_CLOCKS),
  targetMinutes: z.number(),
  dueAt: z.string().nullable(),
  metAt: z.string().nullable(),
  status: z.enum(['met', 'met_late', 'breached', 'at_risk', 'on_track', 'paused', 'not_applicable']),
  pausedMinutes: z.number(),
  explanation: z.string(),
});
const ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const workOrderSummaryView = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.enum(CHANNELS),
    title: z.string(),
    category: z.enum(CATEGORIES),
    priority: z.enum(PRIORITIES),
    state: z.enum(STATES),
    customer: ref,
    site: ref,
    product: z.object({ id: z.string(), model: z.string(), serialNumber: z.string() }).nullable(),
    team: ref,
    assignee: ref,
    receivedAt: z.string(),
    preferredFrom: z.string().nullable(),
    preferredTo: z.string().nullable(),
    responseDueAt: z.string().nullable(),
    arrivalDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    slaStatus: z.enum(['met', 'met_late', 'breached', 'at_risk', 'on_track', 'paused', 'not_applicable']),
    requiredSkill: z.string().nullable(),
    requiredSkillLevel: z.number().nullable(),
    serviceMinutes: z.number().nullable(),
    plannedArrivalAt: z.string().nullable(),
    routeSequence: z.number().nullable(),
    version: z.number(),
  })
  .meta({ id: 'WorkOrderSummary' });
export const workOrderPage = page(workOrderSummaryView);

export const workOrderView = workOrderSummaryView
  .extend({
    description: z.string(),
    contact: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }).nullable(),
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable(),
    reporterEmail: z.string().nullable(),
    holdReason: z.string().nullable(),
    solution: z.string().nullable(),
    resolution: z.string().nullable(),
    cancelReason: z.string().nullable(),
    visitScheduledAt: z.string().nullable(),
    expectedArrivalAt: z.string().nullable(),
    duplicateOf: z.object({ id: z.string(), number: z.string() }).nullable(),
    reopenCount: z.number(),
    sla: z.array(slaClockView),
    timeline: z.array(
      z.object({
        id: z.number(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        data: z.unknown(),
        location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
      }),
    ),
    comments: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        visibility: z.enum(['public', 'internal']),
        parentId: z.string().nullable(),
        author: z.string(),
        body: z.string(),
        createdAt: z.string(),
        attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() })),
      }),
    ),
    attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), uploadedBy: z.string(), createdAt: z.string() })),
    allowedActions: z.array(z.enum(ACTIONS)),
    abilities: z.object({ comment: z.boolean(), internalNote: z.boolean(), answer: z.boolean(), consult: z.boolean(), dispatch: z.boolean() }),
  })
  .meta({ id: 'WorkOrder' });
