import { allowedFeedbackActions, type FeedbackStatus } from '../../../core/feedback.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorKinds } from '../work-orders/policy.ts';
import type { FollowUpRow } from './follow-up-queries.ts';
import { feedbackPolicy, followUpPolicy } from './policy.ts';
import type { FeedbackRow } from './queries.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentFollowUp(actor: Actor, f: FollowUpRow, now: Date) {
  const orderKinds = actorKinds(actor, { customerId: f.orderCustomerId, assigneeId: f.orderAssigneeId, teamId: f.orderTeamId }, null);
  return {
    id: f.id,
    title: f.title,
    status: f.status,
    dueAt: f.dueAt.toISOString(),
    overdue: f.status === 'open' && f.dueAt < now,
    escalatedAt: iso(f.escalatedAt),
    outcome: f.outcome,
    doneAt: iso(f.doneAt),
    doneBy: f.doneByLabel,
    assignee: { id: f.assigneeId, name: f.assigneeName },
    workOrder: { id: f.workOrderId, number: f.workOrderNumber, title: f.workOrderTitle },
    feedback: f.feedbackId && f.feedbackNumber ? { id: f.feedbackId, number: f.feedbackNumber } : null,
    createdBy: f.createdByLabel,
    createdAt: f.createdAt.toISOString(),
    version: f.version,
    abilities: { complete: followUpPolicy.complete(actor, f, orderKinds) },
  };
}

export function presentFeedbackSummary(f: FeedbackRow) {
  return {
    id: f.id,
    number: f.number,
    kind: f.kind,
    source: f.source,
    department: f.department,
    productModel: f.productModel,
    serialNumber: f.serialNumber,
    defectCategory: f.defectCategory,
    severity: f.severity,
    title: f.title,
    status: f.status,
    answer: f.answer,
    raisedBy: f.raisedByLabel,
    createdAt: f.createdAt.toISOString(),
    workOrder: { id: f.workOrderId, number: f.workOrderNumber },
    version: f.version,
  };
}

type Details = {
  order: { id: string; number: string; title: string; customerName: string; productName: string | null };
  photos: { id: string; filename: string; contentType: string; size: number }[];
  events: { at: Date; actorLabel: string; fromStatus: FeedbackStatus | null; toStatus: FeedbackStatus; note: string | null }[];
  followUps: FollowUpRow[];
};

export function presentFeedback(actor: Actor, f: FeedbackRow, d: Details, now: Date) {
  const allowed = feedbackPolicy.act(actor, f, 'answer') ? allowedFeedbackActions(f.status) : [];
  return {
    ...presentFeedbackSummary(f),
    description: f.description,
    answeredBy: f.answeredByLabel,
    answeredAt: iso(f.answeredAt),
    closedAt: iso(f.closedAt),
    updatedAt: f.updatedAt.toISOString(),
    workOrder: d.order,
    photos: d.photos,
    events: d.events.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note })),
    followUps: d.followUps.map((u) => presentFollowUp(actor, u, now)),
    allowedActions: allowed,
    abilities: {
      investigate: allowed.includes('investigate'),
      answer: allowed.includes('answer'),
      close: allowed.includes('close'),
      openOrder: feedbackPolicy.openOrder(actor),
    },
  };
}
