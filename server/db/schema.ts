import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Column names are camelCase here; Kysely's CamelCasePlugin maps them to the
// snake_case columns of the migrations.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A business date, `YYYY-MM-DD`, kept as text end to end (never a JS Date). */
type DateOnly = string;

export type Role = 'admin' | 'agent' | 'technician' | 'supervisor' | 'manager' | 'hr' | 'customer' | 'department';
export type Position =
  | 'support_engineer'
  | 'repair_engineer'
  | 'installation_engineer'
  | 'supervisor'
  | 'manager'
  | 'hr'
  | 'agent'
  | 'other';
export type Locale = 'zh-CN' | 'en';

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  city: string;
  region: string;
  supervisorId: string | null;
  active: Generated<boolean>;
  /** The team's office, where technicians start and end their day unless they start from home. */
  baseAddress: Generated<string | null>;
  baseLatitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  baseLongitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface EmployeesTable {
  id: Generated<string>;
  employeeNo: string;
  name: string;
  position: Position;
  grade: string;
  teamId: string | null;
  supervisorId: string | null;
  hireDate: DateOnly;
  priorExperienceMonths: Generated<number>;
  phone: string | null;
  email: string | null;
  status: Generated<'active' | 'inactive'>;
  deactivatedAt: NullableTimestamp;
  deactivationReason: string | null;
  homeLatitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  homeLongitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  searchText: Generated<string>;
  searchGrams: Generated<string[]>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface EmployeeSkillsTable {
  id: Generated<string>;
  employeeId: string;
  skill: string;
  level: number;
}

export interface EmployeeCertificatesTable {
  id: Generated<string>;
  employeeId: string;
  name: string;
  issuer: string;
  number: string;
  issuedOn: DateOnly | null;
  expiresOn: DateOnly | null;
}

export interface CustomersTable {
  id: Generated<string>;
  customerNo: string;
  kind: 'company' | 'individual';
  name: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
  status: Generated<'active' | 'inactive'>;
  searchText: Generated<string>;
  searchGrams: Generated<string[]>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface CustomerContactsTable {
  id: Generated<string>;
  customerId: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: Generated<boolean>;
  version: Generated<number>;
}

export interface CustomerSitesTable {
  id: Generated<string>;
  customerId: string;
  name: string;
  address: string;
  city: string;
  /** numeric(9,6), returned as a decimal string */
  latitude: ColumnType<string, string | number, string | number>;
  longitude: ColumnType<string, string | number, string | number>;
  version: Generated<number>;
}

export interface InstalledProductsTable {
  id: Generated<string>;
  customerId: string;
  siteId: string | null;
  model: string;
  productName: string;
  serialNumber: string;
  installedOn: DateOnly | null;
  warrantyEndsOn: DateOnly | null;
  version: Generated<number>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  department: 'product' | 'quality' | null;
  employeeId: string | null;
  customerId: string | null;
  locale: Generated<Locale>;
  active: Generated<boolean>;
  passwordChangedAt: TimestampDefault;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface SessionsTable {
  id: Generated<string>;
  userId: string;
  tokenHash: string;
  csrfToken: string;
  createdAt: TimestampDefault;
  lastSeenAt: TimestampDefault;
  expiresAt: Timestamp;
  userAgent: string | null;
  ip: string | null;
}

export interface SignInThrottleTable {
  usernameKey: string;
  failures: number;
  lastFailureAt: Timestamp;
  lockedUntil: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  userId: string;
  tokenHash: string;
  tokenPrefix: string;
  createdBy: string;
  createdAt: TimestampDefault;
  expiresAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
  lastUsedAt: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: TimestampDefault;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown | null;
  after: unknown | null;
  requestId: string | null;
}

export interface SettingsTable {
  id: Generated<string>;
  key: string;
  value: unknown;
  effectiveFrom: DateOnly;
  setBy: string | null;
  setByLabel: string;
  reason: string;
  createdAt: TimestampDefault;
}

export type Channel = 'phone' | 'email' | 'portal' | 'chat' | 'api';
export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export type HoldReason = 'customer' | 'parts' | 'other';

export interface WorkOrderCountersTable {
  day: DateOnly;
  last: number;
}

export interface WorkOrdersTable {
  id: Generated<string>;
  number: string;
  channel: Channel;
  customerId: string;
  contactId: string | null;
  siteId: string | null;
  productId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  title: string;
  description: string;
  category: string;
  priority: Priority;
  preferredFrom: NullableTimestamp;
  preferredTo: NullableTimestamp;
  state: string;
  heldFromState: string | null;
  holdReason: HoldReason | null;
  teamId: string | null;
  assigneeId: string | null;
  duplicateOfId: string | null;
  receivedAt: Timestamp;
  respondedAt: NullableTimestamp;
  arrivedAt: NullableTimestamp;
  resolvedAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  cancelledAt: NullableTimestamp;
  visitScheduledAt: NullableTimestamp;
  expectedArrivalAt: NullableTimestamp;
  solution: string | null;
  resolution: string | null;
  cancelReason: string | null;
  reopenCount: Generated<number>;
  /** The SLA policy in force when the order was received: targets, calendar kind, settings version. */
  sla: unknown;
  responseDueAt: NullableTimestamp;
  arrivalDueAt: NullableTimestamp;
  resolutionDueAt: NullableTimestamp;
  /** When each clock becomes "at risk" (sla.warnAtPercent of its business-time allowance). */
  responseWarnAt: NullableTimestamp;
  arrivalWarnAt: NullableTimestamp;
  resolutionWarnAt: NullableTimestamp;
  createdBy: string | null;
  /** What the work needs (defaults from dispatch.requirements by category; dispatchers may change them). */
  requiredSkill: Generated<string | null>;
  requiredSkillLevel: Generated<number | null>;
  serviceMinutes: Generated<number | null>;
  /** Set when a day plan is accepted: when the technician should arrive and in which place of their day. */
  plannedArrivalAt: NullableTimestamp;
  routeSequence: Generated<number | null>;
  dispatchPlanId: Generated<string | null>;
  searchText: Generated<string>;
  searchGrams: Generated<string[]>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface WorkOrderEventsTable {
  id: Generated<number>;
  workOrderId: string;
  at: TimestampDefault;
  actorUserId: string | null;
  actorEmployeeId: string | null;
  actorLabel: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: ColumnType<unknown, unknown, unknown>;
  latitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  longitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

export interface WorkOrderPausesTable {
  id: Generated<string>;
  workOrderId: string;
  reason: HoldReason;
  startedAt: Timestamp;
  endedAt: NullableTimestamp;
}

export interface WorkOrderCommentsTable {
  id: Generated<string>;
  workOrderId: string;
  kind: 'comment' | 'question' | 'answer' | 'email' | 'note';
  visibility: 'public' | 'internal';
  parentId: string | null;
  authorUserId: string | null;
  authorLabel: string;
  body: string;
  createdAt: TimestampDefault;
}

export interface AttachmentsTable {
  id: Generated<string>;
  workOrderId: string;
  commentId: string | null;
  consultationMessageId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer | Uint8Array;
  feedbackId: Generated<string | null>;
  uploadedBy: string | null;
  uploadedByLabel: string;
  createdAt: TimestampDefault;
}

export interface ConsultationsTable {
  id: Generated<string>;
  workOrderId: string;
  topic: string;
  status: Generated<'open' | 'agreed'>;
  openedBy: string;
  agreedSolution: string | null;
  agreedAt: NullableTimestamp;
  agreedBy: string | null;
  version: Generated<number>;
  createdAt: TimestampDefault;
}

export interface ConsultationParticipantsTable {
  consultationId: string;
  employeeId: string;
  role: 'owner' | 'invited';
  invitedBy: string | null;
  invitedAt: TimestampDefault;
  joinedAt: NullableTimestamp;
  contributed: Generated<boolean>;
}

export interface ConsultationMessagesTable {
  id: Generated<string>;
  consultationId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  mentions: Generated<string[]>;
  createdAt: TimestampDefault;
}

export interface NotificationsTable {
  id: Generated<string>;
  channel: 'in_app' | 'email' | 'webhook';
  userId: string | null;
  recipient: string | null;
  workOrderId: string | null;
  event: string;
  locale: Generated<Locale>;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'read'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: TimestampDefault;
  sentAt: NullableTimestamp;
  readAt: NullableTimestamp;
  /** A claimed row's lease, or when a failed send is tried again. */
  nextAttemptAt: NullableTimestamp;
  /** A file of the order the email carries (the service report PDF). */
  attachmentId: Generated<string | null>;
}

export interface SlaAlertsTable {
  workOrderId: string;
  clock: 'response' | 'arrival' | 'resolution';
  level: 'warning' | 'breach';
  createdAt: TimestampDefault;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  requestHash: string;
  workOrderId: string;
  createdAt: TimestampDefault;
}

export interface InboundEmailsTable {
  id: Generated<string>;
  messageId: string | null;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: TimestampDefault;
  size: number;
  outcome: 'order' | 'comment' | 'rejected';
  workOrderId: string | null;
  error: string | null;
}

/** A date the company calendar overrides: a holiday on a working weekday, or a make-up working day (调休). */
export interface CalendarDaysTable {
  date: DateOnly;
  kind: 'holiday' | 'workday';
  name: string;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

// On site to closed (migration 2026112701_field_service).
type Decimal = ColumnType<string | null, string | number | null | undefined, string | number | null>;
/** Money in integer fen (bigint columns; client.ts parses int8 into a safe JS number). */
type Fen = ColumnType<number, number, number>;

export interface ServerSecretsTable {
  name: string;
  value: Buffer | Uint8Array;
  createdAt: TimestampDefault;
}

export interface PartsTable {
  id: Generated<string>;
  partNo: string;
  name: string;
  models: Generated<string[]>;
  unit: Generated<string>;
  unitCostFen: Fen;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface StockLocationsTable {
  id: Generated<string>;
  kind: 'warehouse' | 'van';
  name: string;
  employeeId: string | null;
  active: Generated<boolean>;
  createdAt: TimestampDefault;
}

export interface StockLevelsTable {
  locationId: string;
  partId: string;
  onHand: Generated<number>;
  reserved: Generated<number>;
  updatedAt: TimestampDefault;
}

export interface WorkOrderPartsTable {
  id: Generated<string>;
  workOrderId: string;
  partId: string;
  planned: Generated<number>;
  reserved: Generated<number>;
  issued: Generated<number>;
  consumed: Generated<number>;
  returned: Generated<number>;
  reservedFromId: string | null;
  unitCostFen: Fen;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export type StockMovementKind = 'receive' | 'adjust' | 'reserve' | 'release' | 'issue' | 'consume' | 'return' | 'transfer';

export interface StockMovementsTable {
  id: Generated<string>;
  at: TimestampDefault;
  kind: StockMovementKind;
  partId: string;
  quantity: number;
  fromLocationId: string | null;
  toLocationId: string | null;
  workOrderId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  note: string | null;
}

export interface ToolsTable {
  id: Generated<string>;
  assetNo: string;
  name: string;
  kind: 'tool' | 'instrument' | 'equipment';
  model: string | null;
  serialNumber: string | null;
  holderId: string | null;
  calibrationDueOn: DateOnly | null;
  maintenanceIntervalDays: number | null;
  status: Generated<'in_service' | 'out_of_service' | 'retired'>;
  notes: string | null;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface ToolMaintenanceTable {
  id: Generated<string>;
  toolId: string;
  kind: 'calibration' | 'maintenance' | 'repair' | 'inspection';
  performedOn: DateOnly;
  performedBy: string;
  result: 'pass' | 'fail' | 'done';
  note: string | null;
  nextDueOn: DateOnly | null;
  recordedBy: string | null;
  createdAt: TimestampDefault;
}

export interface WorkOrderToolsTable {
  workOrderId: string;
  toolId: string;
  addedBy: string | null;
  addedAt: TimestampDefault;
}

export interface SiteVisitsTable {
  id: Generated<string>;
  workOrderId: string;
  employeeId: string | null;
  departedAt: NullableTimestamp;
  checkInAt: Timestamp;
  checkInLatitude: Decimal;
  checkInLongitude: Decimal;
  checkInAccuracyM: number | null;
  checkInDistanceM: number | null;
  checkOutAt: NullableTimestamp;
  checkOutLatitude: Decimal;
  checkOutLongitude: Decimal;
  checkOutAccuracyM: number | null;
  checkOutDistanceM: number | null;
  createdAt: TimestampDefault;
}

export type WorkType = 'repair' | 'installation' | 'commissioning' | 'maintenance';

export interface ChecklistTemplatesTable {
  id: Generated<string>;
  workType: WorkType;
  kind: 'procedure' | 'safety';
  nameZh: string;
  nameEn: string;
  /** ChecklistItem[] (core/checklists.ts) */
  items: ColumnType<unknown, unknown, unknown>;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface WorkOrderChecklistsTable {
  id: Generated<string>;
  workOrderId: string;
  templateId: string;
  templateVersion: number;
  workType: WorkType;
  kind: 'procedure' | 'safety';
  nameZh: string;
  nameEn: string;
  items: ColumnType<unknown, unknown, unknown>;
  createdAt: TimestampDefault;
}

export interface ChecklistResultsTable {
  checklistId: string;
  itemKey: string;
  done: Generated<boolean>;
  value: Decimal;
  outOfRange: Generated<boolean>;
  justification: string | null;
  attachmentId: string | null;
  note: string | null;
  recordedBy: string | null;
  recordedByLabel: string;
  recordedAt: TimestampDefault;
  version: Generated<number>;
}

export interface AcceptancesTable {
  id: Generated<string>;
  workOrderId: string;
  outcome: 'accepted' | 'refused';
  channel: 'on_site' | 'portal';
  signerName: string | null;
  signaturePng: Buffer | Uint8Array | null;
  signatureSha256: string | null;
  reason: string | null;
  comment: string | null;
  recordedBy: string | null;
  recordedByLabel: string;
  at: Timestamp;
  handledAt: NullableTimestamp;
  handledByLabel: string | null;
  handlingNote: string | null;
}

export interface CustomerRatingsTable {
  id: Generated<string>;
  workOrderId: string;
  technicianId: string | null;
  source: 'on_site' | 'portal' | 'survey';
  rating: number;
  answers: ColumnType<unknown, unknown, unknown>;
  questionnaire: ColumnType<unknown, unknown, unknown>;
  comment: string | null;
  ratedAt: Timestamp;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  workOrderId: string;
  email: string;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
  createdAt: TimestampDefault;
}

export interface FaultCodesTable {
  code: string;
  category: string;
  nameZh: string;
  nameEn: string;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface ServiceReportsTable {
  id: Generated<string>;
  workOrderId: string;
  kind: 'repair' | 'installation';
  faultCode: string | null;
  faultCause: string | null;
  solution: string | null;
  travelMinutes: number | null;
  onSiteMinutes: number | null;
  trainingTopics: string | null;
  trainingAttendees: string | null;
  trainingMinutes: number | null;
  status: Generated<'draft' | 'filed'>;
  filedAt: NullableTimestamp;
  filedByLabel: string | null;
  pdfAttachmentId: string | null;
  pdfLocale: Locale | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface FeedbackCountersTable {
  day: DateOnly;
  last: number;
}

export type FeedbackStatus = 'received' | 'investigating' | 'answered' | 'closed';

export interface FeedbackTable {
  id: Generated<string>;
  number: string;
  workOrderId: string;
  kind: 'defect' | 'suggestion' | 'opinion';
  source: 'technician' | 'customer';
  department: 'product' | 'quality';
  productModel: string | null;
  serialNumber: string | null;
  defectCategory: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical' | null;
  title: string;
  description: string;
  status: Generated<FeedbackStatus>;
  answer: string | null;
  answeredByLabel: string | null;
  answeredAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  raisedBy: string | null;
  raisedByLabel: string;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface FeedbackEventsTable {
  id: Generated<string>;
  feedbackId: string;
  at: TimestampDefault;
  actorUserId: string | null;
  actorLabel: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus;
  note: string | null;
}

export interface FollowUpsTable {
  id: Generated<string>;
  workOrderId: string;
  feedbackId: string | null;
  title: string;
  assigneeId: string;
  dueAt: Timestamp;
  status: Generated<'open' | 'done'>;
  outcome: string | null;
  doneAt: NullableTimestamp;
  doneByLabel: string | null;
  escalatedAt: NullableTimestamp;
  createdBy: string | null;
  createdByLabel: string;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export type ShiftPlace = 'home' | 'office';

export interface WorkShiftsTable {
  id: Generated<string>;
  employeeId: string;
  day: DateOnly;
  off: Generated<boolean>;
  startsAt: NullableTimestamp;
  endsAt: NullableTimestamp;
  startsFrom: Generated<ShiftPlace>;
  endsAtPlace: Generated<ShiftPlace>;
  version: Generated<number>;
  updatedAt: TimestampDefault;
}

export type LeaveKind = 'annual' | 'sick' | 'personal' | 'training' | 'other';

export interface LeaveRecordsTable {
  id: Generated<string>;
  employeeId: string;
  kind: LeaveKind;
  startsAt: Timestamp;
  endsAt: Timestamp;
  note: string | null;
  createdBy: string | null;
  createdAt: TimestampDefault;
}

export type DispatchPlanStatus = 'proposed' | 'accepted' | 'discarded' | 'superseded';

export interface DispatchPlansTable {
  id: Generated<string>;
  teamId: string;
  day: DateOnly;
  status: Generated<DispatchPlanStatus>;
  basedOnId: string | null;
  /** PlanRoute[] (core/dispatch/plan.ts). */
  routes: unknown;
  /** PlanUnassigned[]. */
  unassigned: unknown;
  /** PlanSummary. */
  summary: unknown;
  /** PlanChange[]: what a re-plan moved, against the plan it was based on. */
  changes: Generated<unknown>;
  /** The settings the planner used, with their versions. */
  settings: Generated<unknown>;
  createdBy: string | null;
  acceptedBy: string | null;
  acceptedAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

// Performance appraisal (P5).
type Num = ColumnType<string, string | number | undefined, string | number>;
type NullableNum = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Json = ColumnType<unknown, unknown, unknown>;
export type ExcuseReason = 'customer_reschedule' | 'customer_absent' | 'access_denied' | 'force_majeure' | 'other';
export type GrowthKind = 'training' | 'exam' | 'certificate' | 'innovation';
export type PeriodKind = 'monthly' | 'annual';
export type PeriodStatus = 'open' | 'published' | 'closed';
export type ResultStatus = 'self_pending' | 'review_pending' | 'reviewed' | 'published' | 'acknowledged' | 'appealed' | 'answered';

export interface ArrivalExcusesTable {
  workOrderId: string;
  reason: ExcuseReason;
  evidence: string;
  attachmentId: string | null;
  recordedBy: string | null;
  recordedByLabel: string;
  recordedAt: TimestampDefault;
}

export interface GrowthRecordsTable {
  id: Generated<string>;
  employeeId: string;
  kind: GrowthKind;
  occurredOn: DateOnly;
  title: string;
  hours: NullableNum;
  score: number | null;
  passed: boolean | null;
  accepted: boolean | null;
  note: string | null;
  source: Generated<'manual' | 'training'>;
  recordedBy: string | null;
  recordedByLabel: string;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface AppraisalTemplatesTable {
  id: Generated<string>;
  kind: 'self' | 'supervisor';
  name: string;
  /** TemplateItem[] (core/appraisal/forms.ts). */
  items: Json;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface AppraisalPeriodsTable {
  id: Generated<string>;
  kind: PeriodKind;
  startsOn: DateOnly;
  endsOn: DateOnly;
  label: string;
  status: Generated<PeriodStatus>;
  /** The appraisal settings in force for the period, each with its effective date: the policy version. */
  policy: Json;
  selfDueOn: DateOnly;
  reviewDueOn: DateOnly;
  publishDueOn: DateOnly;
  /** The evaluation forms of the period's results, copied from HR's templates when it was first computed (annual: no self-evaluation). */
  selfTemplate: Json;
  reviewTemplate: Json;
  openedByLabel: string;
  openedAt: TimestampDefault;
  computedAt: NullableTimestamp;
  publishedAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  version: Generated<number>;
  updatedAt: TimestampDefault;
}

export interface AppraisalPeriodEventsTable {
  id: Generated<number>;
  periodId: string;
  at: TimestampDefault;
  actorLabel: string;
  action: string;
  reason: string | null;
  data: Json;
}

export interface AppraisalResultsTable {
  id: Generated<string>;
  periodId: string;
  employeeId: string;
  teamId: string | null;
  ratingCount: Generated<number>;
  ratingSum: Generated<number>;
  onTimeCount: Generated<number>;
  lateCount: Generated<number>;
  excusedCount: Generated<number>;
  closedCount: Generated<number>;
  reopenedCount: Generated<number>;
  assistCount: Generated<number>;
  /** Per set of records behind the facts, a digest ignoring order (migration 2026112802): the drill-down checks the records against it. */
  arrivalsDigest: Generated<string>;
  closuresDigest: Generated<string>;
  ratingsDigest: Generated<string>;
  growthDigest: Generated<string>;
  consultationsDigest: Generated<string>;
  assistsDigest: Generated<string>;
  trainingHours: Num;
  examsPassed: Generated<number>;
  certificates: Generated<number>;
  innovations: Generated<number>;
  consultationsJoined: Generated<number>;
  consultationsHelped: Generated<number>;
  /** Annual results: the monthly results combined. */
  monthly: Json;
  factsHash: string | null;
  /** IndicatorResult[] with their formulas. */
  indicators: Json;
  indicatorScore: NullableNum;
  selfAnswers: Json;
  selfScore: NullableNum;
  selfSubmittedAt: NullableTimestamp;
  selfLate: Generated<boolean>;
  reviewAnswers: Json;
  supervisorScore: NullableNum;
  teamworkRating: number | null;
  reviewComment: string | null;
  reviewedAt: NullableTimestamp;
  reviewedByLabel: string | null;
  customerScore: NullableNum;
  composite: NullableNum;
  compositeFormula: string | null;
  computedGrade: string | null;
  calibratedScore: NullableNum;
  calibrationReason: string | null;
  grade: string | null;
  status: Generated<ResultStatus>;
  publishedAt: NullableTimestamp;
  acknowledgedAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface AppraisalResultHistoryTable {
  id: Generated<number>;
  resultId: string;
  at: TimestampDefault;
  actorLabel: string;
  action: string;
  reason: string | null;
  before: Json;
  after: Json;
}

export interface AppraisalAppealsTable {
  id: Generated<string>;
  resultId: string;
  reason: string;
  raisedAt: TimestampDefault;
  status: Generated<'open' | 'answered'>;
  outcome: 'upheld' | 'adjusted' | null;
  answer: string | null;
  answeredByLabel: string | null;
  answeredAt: NullableTimestamp;
  version: Generated<number>;
  updatedAt: TimestampDefault;
}

export interface AppraisalRemindersTable {
  /** A result (self, review, acknowledge) or a period (publish). */
  subjectId: string;
  step: 'self' | 'review' | 'publish' | 'acknowledge';
  kind: 'reminder' | 'escalation';
  sentAt: TimestampDefault;
}

export interface DevelopmentActionsTable {
  id: Generated<string>;
  employeeId: string;
  resultId: string;
  indicator: string;
  points: NullableNum;
  /** { 'zh-CN': string, en: string }: the suggested training. */
  suggestion: Json;
  dueOn: DateOnly;
  status: Generated<'open' | 'done' | 'cancelled'>;
  fulfilledAt: NullableTimestamp;
  fulfilmentNote: string | null;
  version: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface DB {
  teams: TeamsTable;
  employees: EmployeesTable;
  employeeSkills: EmployeeSkillsTable;
  employeeCertificates: EmployeeCertificatesTable;
  customers: CustomersTable;
  customerContacts: CustomerContactsTable;
  customerSites: CustomerSitesTable;
  installedProducts: InstalledProductsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signInThrottle: SignInThrottleTable;
  apiTokens: ApiTokensTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  workOrderCounters: WorkOrderCountersTable;
  workOrders: WorkOrdersTable;
  workOrderEvents: WorkOrderEventsTable;
  workOrderPauses: WorkOrderPausesTable;
  workOrderComments: WorkOrderCommentsTable;
  attachments: AttachmentsTable;
  consultations: ConsultationsTable;
  consultationParticipants: ConsultationParticipantsTable;
  consultationMessages: ConsultationMessagesTable;
  notifications: NotificationsTable;
  slaAlerts: SlaAlertsTable;
  idempotencyKeys: IdempotencyKeysTable;
  inboundEmails: InboundEmailsTable;
  calendarDays: CalendarDaysTable;
  serverSecrets: ServerSecretsTable;
  parts: PartsTable;
  stockLocations: StockLocationsTable;
  stockLevels: StockLevelsTable;
  workOrderParts: WorkOrderPartsTable;
  stockMovements: StockMovementsTable;
  tools: ToolsTable;
  toolMaintenance: ToolMaintenanceTable;
  workOrderTools: WorkOrderToolsTable;
  siteVisits: SiteVisitsTable;
  checklistTemplates: ChecklistTemplatesTable;
  workOrderChecklists: WorkOrderChecklistsTable;
  checklistResults: ChecklistResultsTable;
  acceptances: AcceptancesTable;
  customerRatings: CustomerRatingsTable;
  surveyInvitations: SurveyInvitationsTable;
  faultCodes: FaultCodesTable;
  serviceReports: ServiceReportsTable;
  feedbackCounters: FeedbackCountersTable;
  feedback: FeedbackTable;
  feedbackEvents: FeedbackEventsTable;
  followUps: FollowUpsTable;
  workShifts: WorkShiftsTable;
  leaveRecords: LeaveRecordsTable;
  dispatchPlans: DispatchPlansTable;
  arrivalExcuses: ArrivalExcusesTable;
  growthRecords: GrowthRecordsTable;
  appraisalTemplates: AppraisalTemplatesTable;
  appraisalPeriods: AppraisalPeriodsTable;
  appraisalPeriodEvents: AppraisalPeriodEventsTable;
  appraisalResults: AppraisalResultsTable;
  appraisalResultHistory: AppraisalResultHistoryTable;
  appraisalAppeals: AppraisalAppealsTable;
  appraisalReminders: AppraisalRemindersTable;
  developmentActions: DevelopmentActionsTable;
}

export type Employee = Selectable<EmployeesTable>;
export type NewEmployee = Insertable<EmployeesTable>;
export type EmployeeUpdate = Updateable<EmployeesTable>;
export type Customer = Selectable<CustomersTable>;
export type User = Selectable<UsersTable>;
export type Team = Selectable<TeamsTable>;
export type WorkOrder = Selectable<WorkOrdersTable>;
