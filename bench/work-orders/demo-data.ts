import type { Kysely } from 'kysely';
import type { DB, User } from '../../server/db/schema.ts';

// The demo company as the benchmark needs it: who can be assigned, whom orders are for, and
// the sign-ins whose service contexts call the real service functions.

export type DemoProduct = { id: string; siteId: string | null; model: string; productName: string; serialNumber: string };
export type DemoCustomer = {
  id: string;
  kind: string;
  contacts: { id: string; name: string; phone: string | null }[];
  sites: { id: string; city: string | null }[];
  products: DemoProduct[];
};
export type DemoTechnician = { id: string; name: string; position: string; teamId: string };
export type Demo = {
  teams: { id: string; city: string | null }[];
  technicians: DemoTechnician[];
  customers: DemoCustomer[];
  users: Map<string, User>;
};

const TECHNICIAN_POSITIONS = ['support_engineer', 'repair_engineer', 'installation_engineer'];

export async function loadDemo(db: Kysely<DB>): Promise<Demo> {
  const [teams, employees, customers, contacts, sites, products, users] = await Promise.all([
    db.selectFrom('teams').select(['id', 'city']).orderBy('name').execute(),
    db.selectFrom('employees').select(['id', 'name', 'position', 'teamId', 'status']).orderBy('employeeNo').execute(),
    db.selectFrom('customers').select(['id', 'kind']).orderBy('customerNo').execute(),
    db.selectFrom('customerContacts').select(['id', 'customerId', 'name', 'phone', 'isPrimary']).execute(),
    db.selectFrom('customerSites').select(['id', 'customerId', 'city']).execute(),
    db.selectFrom('installedProducts').select(['id', 'customerId', 'siteId', 'model', 'productName', 'serialNumber']).execute(),
    db.selectFrom('users').selectAll().execute(),
  ]);
  const byCustomer = new Map<string, DemoCustomer>(customers.map((c) => [c.id, { ...c, contacts: [], sites: [], products: [] }]));
  // The primary contact first: most reports come from them.
  for (const c of contacts.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))) byCustomer.get(c.customerId)?.contacts.push(c);
  for (const s of sites) byCustomer.get(s.customerId)?.sites.push(s);
  for (const p of products) byCustomer.get(p.customerId)?.products.push(p);
  const technicians = employees
    .filter((e) => e.status === 'active' && e.teamId && TECHNICIAN_POSITIONS.includes(e.position))
    .map((e) => ({ id: e.id, name: e.name, position: e.position, teamId: e.teamId! }));
  return {
    teams,
    technicians,
    customers: [...byCustomer.values()].filter((c) => c.products.length > 0),
    users: new Map(users.map((u) => [u.username, u])),
  };
}

export function demoUser(demo: Demo, username: string): User {
  const user = demo.users.get(username);
  if (!user) throw new Error(`the demo seed has no user ${username}`);
  return user;
}
