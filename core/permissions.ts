// Who may do what, by role. Object-level rules (own team, own account) live in each
// module's policy; this table answers only "may this role ever do this".
export const ROLES = ['admin', 'agent', 'technician', 'supervisor', 'manager', 'hr', 'customer', 'department'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'people.read',
  'people.create',
  'people.write',
  'people.deactivate',
  'teams.read',
  'teams.write',
  'customers.read',
  'customers.write',
  'audit.read',
  'settings.read',
  'settings.write',
  'users.manage',
  'api_tokens.manage',
  'work_orders.read',
  'work_orders.create',
  'work_orders.dispatch',
  'work_orders.work',
  // Integrations (a mail gateway's API token) hand in raw inbound email (P4.1.1).
  'inbound_email.submit',
  // On site to closed (P4.3-P4.4): parts and stock, tools, checklists, fault codes, feedback.
  'parts.read',
  'parts.manage',
  'stock.manage',
  'tools.read',
  'tools.manage',
  'checklists.manage',
  'fault_codes.manage',
  'feedback.read',
  'feedback.answer',
  // Dispatch and route planning (issue 5): day plans for a team, and the working-time records they read.
  'dispatch.plan',
  'working_time.manage',
  // Performance appraisal (P5): HR runs the cycle; HR, managers and payroll read every result;
  // growth records and excused arrivals are kept by HR and supervisors (their teams).
  'appraisal.manage',
  'appraisal.read_all',
  'appraisal.records',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_DIRECTORY: Permission[] = ['people.read', 'teams.read'];
const DISPATCH: Permission[] = ['work_orders.read', 'work_orders.create', 'work_orders.dispatch'];
const FIELD_MANAGEMENT: Permission[] = ['parts.read', 'stock.manage', 'tools.read', 'tools.manage', 'checklists.manage', 'fault_codes.manage', 'feedback.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Agents hand requests to technicians, so they see the staff directory; they keep customer records.
  agent: [...STAFF_DIRECTORY, 'customers.read', 'customers.write', ...DISPATCH, 'feedback.read', 'parts.read'],
  // A technician sees the feedback they raised (the feedback policy narrows feedback.read).
  technician: [...STAFF_DIRECTORY, 'customers.read', 'work_orders.read', 'work_orders.work', 'parts.read', 'tools.read', 'feedback.read'],
  // A supervisor edits the people of the teams they lead (the people policy narrows people.write).
  supervisor: [
    ...STAFF_DIRECTORY,
    'people.write',
    'customers.read',
    'customers.write',
    'settings.read',
    ...DISPATCH,
    'work_orders.work',
    ...FIELD_MANAGEMENT,
    'dispatch.plan',
    'working_time.manage',
    'appraisal.records',
  ],
  manager: [
    ...STAFF_DIRECTORY,
    'customers.read',
    'settings.read',
    ...DISPATCH,
    ...FIELD_MANAGEMENT,
    'parts.manage',
    'dispatch.plan',
    'working_time.manage',
    'appraisal.read_all',
    'appraisal.records',
  ],
  hr: [
    ...STAFF_DIRECTORY,
    'people.create',
    'people.write',
    'people.deactivate',
    'teams.write',
    'settings.read',
    'working_time.manage',
    'appraisal.manage',
    'appraisal.read_all',
    'appraisal.records',
  ],
  // A customer reads only their own account (the customers policy narrows customers.read).
  customer: ['customers.read', 'work_orders.read', 'work_orders.create'],
  // The product and quality departments (P4.4.3): their feedback inbox, and the parts catalogue.
  department: ['feedback.read', 'feedback.answer', 'parts.read'],
};

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}
