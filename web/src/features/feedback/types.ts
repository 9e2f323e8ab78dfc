import type {
  FeedbackAction,
  FeedbackDepartment,
  FeedbackKind,
  FeedbackSource,
  FeedbackStatus,
  FollowUpStatus,
  Severity,
} from '../../../../core/feedback.ts';
import type { AttachmentInput, AttachmentRef, DateString, Instant, LocalizedText, Ref } from '../../api/types.ts';

export {
  FEEDBACK_ACTIONS,
  FEEDBACK_DEPARTMENTS,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  SEVERITIES,
} from '../../../../core/feedback.ts';
export type { FeedbackAction, FeedbackDepartment, FeedbackKind, FeedbackSource, FeedbackStatus, FollowUpStatus, Severity };

export interface FollowUp {
  id: string;
  title: string;
  status: FollowUpStatus;
  dueAt: Instant;
  overdue: boolean;
  escalatedAt: Instant | null;
  outcome: string | null;
  doneAt: Instant | null;
  doneBy: string | null;
  assignee: Ref;
  workOrder: { id: string; number: string; title: string };
  feedback: { id: string; number: string } | null;
  createdBy: string;
  createdAt: Instant;
  version: number;
  abilities: { complete: boolean };
}

export interface FeedbackSummary {
  id: string;
  number: string;
  kind: FeedbackKind;
  source: FeedbackSource;
  department: FeedbackDepartment;
  productModel: string | null;
  serialNumber: string | null;
  defectCategory: string | null;
  severity: Severity | null;
  title: string;
  status: FeedbackStatus;
  answer: string | null;
  raisedBy: string;
  createdAt: Instant;
  workOrder: { id: string; number: string };
  version: number;
}

export interface FeedbackEvent {
  at: Instant;
  actor: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus;
  note: string | null;
}

export interface Feedback extends Omit<FeedbackSummary, 'workOrder'> {
  description: string;
  answeredBy: string | null;
  answeredAt: Instant | null;
  closedAt: Instant | null;
  updatedAt: Instant;
  workOrder: { id: string; number: string; title: string; customerName: string; productName: string | null };
  photos: AttachmentRef[];
  events: FeedbackEvent[];
  followUps: FollowUp[];
  allowedActions: FeedbackAction[];
  abilities: { investigate: boolean; answer: boolean; close: boolean; openOrder: boolean };
}

export interface OrderFeedback {
  feedback: FeedbackSummary[];
  followUps: FollowUp[];
  abilities: { raise: boolean; addFollowUp: boolean };
  defaults: { productModel: string | null; serialNumber: string | null };
}

export interface DefectCategory {
  key: string;
  label: LocalizedText;
}

export interface FeedbackOptions {
  defectCategories: DefectCategory[];
  models: string[];
}

export interface FeedbackFilters {
  q?: string;
  status?: FeedbackStatus;
  kind?: FeedbackKind;
  model?: string;
  category?: string;
  severity?: Severity;
  from?: DateString;
  to?: DateString;
}

export interface RaiseFeedbackInput {
  kind: FeedbackKind;
  source: FeedbackSource;
  department?: FeedbackDepartment;
  productModel?: string | null;
  serialNumber?: string | null;
  defectCategory?: string | null;
  severity?: Severity;
  title: string;
  description: string;
  photos: AttachmentInput[];
}

export interface FeedbackTransitionInput {
  action: FeedbackAction;
  version: number;
  answer?: string;
  note?: string;
}

export interface DefectReport {
  from: DateString;
  to: DateString;
  months: string[];
  categories: DefectCategory[];
  cells: { model: string; category: string; month: string; count: number }[];
  bySeverity: Record<Severity, number>;
  total: number;
}

export interface DefectReportFilters {
  from?: DateString;
  to?: DateString;
  model?: string;
  category?: string;
}
