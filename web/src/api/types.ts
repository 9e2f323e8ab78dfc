// Resource shapes, written from docs/API.md (the server's contract).

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

import type { Permission, Role } from '../../../core/permissions.ts';
import type { Position } from '../../../core/people.ts';

export { type Permission, PERMISSIONS, type Role, ROLES } from '../../../core/permissions.ts';
export { type Position, POSITIONS } from '../../../core/people.ts';

export const DEPARTMENTS = ['product', 'quality'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const RECORD_STATUSES = ['active', 'inactive'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const SETTING_KINDS = ['timeZone', 'integer', 'percent', 'text'] as const;
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
