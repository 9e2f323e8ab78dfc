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
}

export type Employee = Selectable<EmployeesTable>;
export type NewEmployee = Insertable<EmployeesTable>;
export type EmployeeUpdate = Updateable<EmployeesTable>;
export type Customer = Selectable<CustomersTable>;
export type User = Selectable<UsersTable>;
export type Team = Selectable<TeamsTable>;
