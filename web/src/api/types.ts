// Resource shapes, written from docs/API.md (the server's contract).

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

import type { Permission, Role } from '../../../core/permissions.ts';
import type { Position } from '../../../core/people.ts';
import type { SettingKind as CoreSettingKind } from '../../../core/settings.ts';
import type { Action as CoreAction, State as CoreState } from '../../../core/work-order-lifecycle.ts';
import type { Category, Channel, Priority, SlaClock } from '../../../core/work-orders.ts';

export { type Permission, PERMISSIONS, type Role, ROLES } from '../../../core/permissions.ts';
export { type Position, POSITIONS } from '../../../core/people.ts';

export const DEPARTMENTS = ['product', 'quality'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const RECORD_STATUSES = ['active', 'inactive'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const SETTING_KINDS = ['timeZone', 'integer', 'percent', 'text', 'json'] as const satisfies readonly CoreSettingKind[];
export type SettingKind = (typeof SETTING_KINDS)[number];

/** `YYYY-MM-DD` business date. */
export type DateString = string;
/** ISO 8601 UTC instant. */
export type Instant = string;

export type Abilities<K extends string> = Partial<Record<K, boolean>>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Ref {
  id: string;
  name: string;
}

// ---- auth ----------------------------------------------------------------

export interface MeUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  locale: Locale;
  employeeId: string | null;
  customerId: string | null;
  permissions: Permission[];
}

export interface Me {
  user: MeUser;
  /** null for callers authenticated by an API token. */
  csrfToken: string | null;
}

// ---- people --------------------------------------------------------------

export interface Skill {
  skill: string;
  level: number;
}

export interface Certificate {
  id: string;
  name: string;
  issuer: string;
  number: string;
  issuedOn: DateString | null;
  expiresOn: DateString | null;
  expired: boolean;
}

export interface Employee {
  id: string;
  employeeNo: string;
  name: string;
  position: Position;
  grade: string;
  team: Ref | null;
  supervisor: Ref | null;
  hireDate: DateString;
  priorExperienceMonths: number;
  serviceYears: number;
  phone: string | null;
  email: string | null;
  status: RecordStatus;
  deactivatedAt: Instant | null;
  deactivationReason: string | null;
  skills: Skill[];
  certificates: Certificate[];
  user: { id: string; username: string; role: Role } | null;
  version: number;
  abilities: Abilities<'update' | 'deactivate' | 'reactivate'>;
}

export interface CertificateInput {
  id?: string;
  name: string;
  issuer: string;
  number: string;
  issuedOn?: DateString | null;
  expiresOn?: DateString | null;
}

export interface EmployeeInput {
  employeeNo: string;
  name: string;
  position: Position;
  grade: string;
  teamId?: string | null;
  supervisorId?: string | null;
  hireDate: DateString;
  priorExperienceMonths?: number;
  phone?: string | null;
  email?: string | null;
  skills?: Skill[];
  certificates?: CertificateInput[];
}

export interface EmployeeFilters {
  q?: string;
  position?: Position;
  teamId?: string;
  status?: RecordStatus | 'all';
  certificate?: 'expired';
}

export interface Team {
  id: string;
  name: string;
  city: string;
  region: string;
  supervisor: Ref | null;
  memberCount: number;
  active: boolean;
  version: number;
  abilities: Abilities<'update'>;
}

// ---- customers -----------------------------------------------------------

export interface CustomerSummary {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  phone: string | null;
  email: string | null;
  status: RecordStatus;
  primaryContact: { name: string; phone: string | null } | null;
  siteCount: number;
  productCount: number;
  version: number;
  abilities: Abilities<'update' | 'deactivate'>;
}

export interface Contact {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
  version: number;
}

export interface Site {
  id: string;
  name: string;
  address: string;
  city: string;
  /** The database keeps numeric(9,6); the server may answer a number or a decimal string. */
  latitude: number | string;
  longitude: number | string;
  version: number;
}

export interface InstalledProduct {
  id: string;
  siteId: string | null;
  model: string;
  productName: string;
  serialNumber: string;
  installedOn: DateString | null;
  warrantyEndsOn: DateString | null;
  underWarranty: boolean;
  version: number;
}

export interface Customer extends CustomerSummary {
  notes: string | null;
  contacts: Contact[];
  sites: Site[];
  products: InstalledProduct[];
}

export interface CustomerFilters {
  q?: string;
  kind?: CustomerKind;
  status?: RecordStatus | 'all';
}

export interface ContactInput {
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  isPrimary?: boolean;
}

export interface SiteInput {
  name: string;
  address: string;
  city: string;
  latitude: number;
  longitude: number;
}

export interface ProductInput {
  siteId?: string | null;
  model: string;
  productName: string;
  serialNumber: string;
  installedOn?: DateString | null;
  warrantyEndsOn?: DateString | null;
}

export interface CustomerInput {
  kind: CustomerKind;
  name: string;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
  contacts?: ContactInput[];
  sites?: SiteInput[];
}

// ---- audit ---------------------------------------------------------------

export interface AuditEntry {
  id: string | number;
  at: Instant;
  actor: { id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: DateString;
  to?: DateString;
}

// ---- settings ------------------------------------------------------------

export type LocalizedText = Record<Locale, string>;

export interface SettingVersion {
  value: unknown;
  effectiveFrom: DateString;
  setByLabel: string;
  reason: string;
  /** When the version was recorded; not named in docs/API.md, shown when present. */
  createdAt?: Instant;
}

export interface Setting {
  key: string;
  label: LocalizedText;
  description: LocalizedText;
  kind: SettingKind;
  /** The policy clause the setting serves, when there is one. */
  clause?: string | null;
  current: SettingVersion | null;
  upcoming: SettingVersion[];
  history: SettingVersion[];
  abilities: Abilities<'update'>;
}

export interface SettingVersionInput {
  value: unknown;
  effectiveFrom: DateString;
  reason: string;
}

// ---- users and API tokens ------------------------------------------------

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  employee: Ref | null;
  customer: Ref | null;
  locale: Locale;
  active: boolean;
  version: number;
  abilities: Abilities<'update' | 'resetPassword'>;
}

export interface UserFilters {
  q?: string;
  role?: Role;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  department?: Department | null;
  employeeId?: string | null;
  customerId?: string | null;
  locale?: Locale;
}

export interface UserUpdateInput {
  version: number;
  displayName?: string;
  role?: Role;
  department?: Department | null;
  employeeId?: string | null;
  customerId?: string | null;
  active?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  tokenPrefix: string;
  user: { id: string; username: string };
  createdAt: Instant;
  expiresAt: Instant | null;
  revokedAt: Instant | null;
  lastUsedAt: Instant | null;
  abilities: Abilities<'revoke'>;
}

export interface IssuedApiToken extends ApiToken {
  /** The secret; the server shows it only in this answer. */
  token: string;
}

export interface ApiTokenInput {
  name: string;
  userId: string;
  expiresAt?: Instant;
}

// ---- work orders ---------------------------------------------------------

// Pure vocabulary from core/work-orders.ts; the lifecycle's states and actions are listed
// here again because core/work-order-lifecycle.ts carries zod schemas the browser does not
// need. The checks below fail to compile when the lists drift from core.
export { CATEGORIES, type Category, CHANNELS, type Channel, PRIORITIES, type Priority, SLA_CLOCKS, type SlaClock } from '../../../core/work-orders.ts';
export const WO_STATES = [
  'new',
  'assigned',
  'accepted',
  'contacted',
  'diagnosing',
  'solution_proposed',
  'resolved_remotely',
  'visit_scheduled',
  'en_route',
  'on_site',
  'work_done',
  'customer_accepted',
  'closed',
  'on_hold',
  'cancelled',
] as const satisfies readonly CoreState[];
export type WoState = (typeof WO_STATES)[number];

export const WO_ACTIONS = [
  'assign',
  'publish',
  'take',
  'reassign',
  'accept',
  'contact_customer',
  'start_diagnosis',
  'propose_solution',
  'resolve_remotely',
  'schedule_visit',
  'depart',
  'arrive',
  'complete_work',
  'customer_accept',
  'customer_refuse',
  'settle_refusal',
  'close',
  'hold',
  'resume',
  'cancel',
  'reopen',
] as const satisfies readonly CoreAction[];
export type WoAction = (typeof WO_ACTIONS)[number];

type Exhaustive<Core, Listed> = [Exclude<Core, Listed>] extends [never] ? true : { missing: Exclude<Core, Listed> };
const statesListed: Exhaustive<CoreState, WoState> = true;
const actionsListed: Exhaustive<CoreAction, WoAction> = true;
const kindsListed: Exhaustive<CoreSettingKind, SettingKind> = true;
void [statesListed, actionsListed, kindsListed];

export const OPEN_WO_STATES: readonly WoState[] = WO_STATES.filter((s) => s !== 'closed' && s !== 'cancelled');

export const SLA_STATUSES = ['met', 'met_late', 'breached', 'at_risk', 'on_track', 'paused', 'not_applicable'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const HOLD_REASONS = ['customer', 'parts', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const COMMENT_KINDS = ['comment', 'question', 'answer', 'email', 'note'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** Events of the order's timeline: every action, the receipt, and team consultations (staff only). */
export const WO_EVENTS = ['receive', ...WO_ACTIONS, 'consultation_open', 'consultation_agreed', 'auto_dispatch'] as const;

export interface WorkOrderSummary {
  id: string;
  number: string;
  channel: Channel;
  title: string;
  category: Category;
  priority: Priority;
  state: WoState;
  customer: Ref | null;
  site: Ref | null;
  product: { id: string; model: string; serialNumber: string } | null;
  team: Ref | null;
  assignee: Ref | null;
  receivedAt: Instant;
  preferredFrom: Instant | null;
  preferredTo: Instant | null;
  responseDueAt: Instant | null;
  arrivalDueAt: Instant | null;
  resolutionDueAt: Instant | null;
  slaStatus: SlaStatus;
  version: number;
}

export interface SlaClockView {
  clock: SlaClock;
  targetMinutes: number;
  dueAt: Instant | null;
  metAt: Instant | null;
  status: SlaStatus;
  pausedMinutes: number;
  /** How the deadline was computed (server text). */
  explanation: string;
}

export interface TimelineEvent {
  id: number;
  at: Instant;
  actor: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: unknown;
  location: { latitude: number; longitude: number } | null;
}

export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface OrderAttachment extends AttachmentRef {
  uploadedBy: string;
  createdAt: Instant;
}

export interface OrderComment {
  id: string;
  kind: CommentKind;
  visibility: 'public' | 'internal';
  parentId: string | null;
  author: string;
  body: string;
  createdAt: Instant;
  attachments: AttachmentRef[];
}

export interface WorkOrder extends WorkOrderSummary {
  description: string;
  contact: { id: string; name: string; phone: string | null } | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  holdReason: string | null;
  solution: string | null;
  resolution: string | null;
  cancelReason: string | null;
  visitScheduledAt: Instant | null;
  expectedArrivalAt: Instant | null;
  duplicateOf: { id: string; number: string } | null;
  reopenCount: number;
  sla: SlaClockView[];
  timeline: TimelineEvent[];
  comments: OrderComment[];
  attachments: OrderAttachment[];
  allowedActions: WoAction[];
  abilities: { comment: boolean; internalNote: boolean; answer: boolean; consult: boolean };
}

export interface WorkOrderFilters {
  q?: string;
  /** Comma-separated states, or `open`. */
  state?: string;
  priority?: Priority;
  teamId?: string;
  assigneeId?: string;
  customerId?: string;
  productId?: string;
  mine?: 'true';
  pool?: 'true';
  sla?: 'at_risk' | 'breached';
  from?: DateString;
  to?: DateString;
}

export interface AttachmentInput {
  filename: string;
  contentType: string;
  dataBase64: string;
}

interface OrderFieldsInput {
  contactId?: string | null;
  siteId?: string | null;
  productId?: string | null;
  title: string;
  description: string;
  category: Category;
  priority: Priority;
  preferredFrom?: Instant | null;
  preferredTo?: Instant | null;
  attachments?: AttachmentInput[];
}

export interface StaffIntakeInput extends OrderFieldsInput {
  channel: Exclude<Channel, 'portal'>;
  customerId: string;
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterEmail?: string | null;
  duplicateOfId?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
}

export type PortalIntakeInput = OrderFieldsInput;

export interface GeoLocation {
  latitude: number;
  longitude: number;
  accuracyMeters?: number;
}

export interface TransitionInput {
  action: WoAction;
  version: number;
  payload: Record<string, unknown>;
  location?: GeoLocation;
}

export interface CommentInput {
  kind: 'comment' | 'question' | 'answer' | 'note';
  body: string;
  parentId?: string | null;
  attachments?: AttachmentInput[];
}

// ---- consultations, similar cases, notifications, calendar ---------------

export interface ConsultationParticipant {
  id: string;
  name: string;
  role: string;
  joinedAt: Instant | null;
  contributed: boolean;
}

export interface ConsultationMessage {
  id: string;
  parentId: string | null;
  author: string | Ref | null;
  body: string;
  mentions: (string | Ref)[];
  attachments: AttachmentRef[];
  createdAt: Instant;
}

export interface Consultation {
  id: string;
  workOrderId?: string;
  topic: string;
  status: 'open' | 'agreed';
  openedBy?: Ref;
  openedAt?: Instant;
  agreedSolution: string | null;
  agreedAt?: Instant | null;
  agreedBy?: Ref | null;
  version: number;
  participants: ConsultationParticipant[];
  messages: ConsultationMessage[];
  /** What the caller may do; absent from an older server (the UI then infers it). */
  abilities?: Abilities<'join' | 'invite' | 'post' | 'agree'>;
}

export interface SimilarCase {
  id: string;
  number: string;
  title: string;
  state: WoState;
  /** 0..1 */
  similarity: number;
  solution: string | null;
  resolution: string | null;
  receivedAt: Instant;
  productModel?: string | null;
  /** An earlier name of productModel. */
  model?: string | null;
}

export interface SimilarCases {
  productModel?: string | null;
  sameModel: SimilarCase[];
  similar: SimilarCase[];
}

export const NOTIFICATION_EVENTS = [
  'received',
  'assigned',
  'en_route',
  'on_site',
  'done',
  'report_ready',
  'answered',
  'question',
  'sla_warning',
  'sla_breach',
  'consultation_invite',
  'consultation_mention',
  'survey',
  'follow_up_due',
  'follow_up_overdue',
  'feedback_received',
] as const;

export interface AppNotification {
  id: string;
  event: string;
  subject: string;
  body: string;
  workOrder?: { id: string; number: string } | null;
  workOrderId: string | null;
  createdAt: Instant;
  readAt: Instant | null;
  status: string;
}

export interface NotificationPage extends Page<AppNotification> {
  unreadCount: number;
}

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: DateString;
  kind: CalendarDayKind;
  name: string;
  version: number;
  updatedAt?: Instant;
}

export interface CalendarYear {
  year: number;
  items: CalendarDay[];
  abilities: Abilities<'update'>;
}

// ---- errors --------------------------------------------------------------

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
  [extra: string]: unknown;
}
