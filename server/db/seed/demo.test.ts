import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { likePattern, normalizeSearch, queryGrams } from '../../../core/search.ts';
import { customerSearchKeys } from '../../modules/customers/search-keys.ts';
import { employeeSearchKeys } from '../../modules/people/search-keys.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from '../client.ts';
import type { DB } from '../schema.ts';
import { DEMO_PASSWORD, DemoSeedError, type DemoSummary, demoSignIns, isDatabaseEmpty, seedDemoCompany } from './demo.ts';

const REFERENCE_DATE = '2026-11-26';
const IN_60_DAYS = '2027-01-25';
const CITY_CENTRES: Record<string, { latitude: number; longitude: number }> = {
  上海: { latitude: 31.23, longitude: 121.47 },
  苏州: { latitude: 31.3, longitude: 120.62 },
  杭州: { latitude: 30.27, longitude: 120.15 },
};

let first: Database;
let second: Database;
let db: Kysely<DB>;
let summary: DemoSummary;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  db = first.db;
  expect(await isDatabaseEmpty(db)).toBe(true);
  summary = await seedDemoCompany(db, { referenceDate: REFERENCE_DATE });
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const count = async (table: keyof DB) =>
  Number((await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('seedDemoCompany', () => {
  it('reports what it inserted, and the database is no longer empty', async () => {
    const c = summary.counts;
    expect(summary.referenceDate).toBe(REFERENCE_DATE);
    expect(c).toMatchObject({ teams: 3, customers: 200, users: 11 });
    expect(await count('teams')).toBe(c.teams);
    expect(await count('employees')).toBe(c.employees);
    expect(await count('employeeSkills')).toBe(c.skills);
    expect(await count('employeeCertificates')).toBe(c.certificates);
    expect(await count('customers')).toBe(c.customers);
    expect(await count('customerContacts')).toBe(c.contacts);
    expect(await count('customerSites')).toBe(c.sites);
    expect(await count('installedProducts')).toBe(c.installedProducts);
    expect(await count('users')).toBe(c.users);
    expect(c.companyCustomers + c.individualCustomers).toBe(200);
    expect(c.companyCustomers).toBeGreaterThanOrEqual(120);
    expect(c.individualCustomers).toBeGreaterThanOrEqual(40);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('writes one audit row for the seed', async () => {
    const rows = await db.selectFrom('auditLog').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorLabel: 'system',
      actorUserId: null,
      action: 'seed',
      entityType: 'company',
      entityId: 'demo',
      after: { counts: summary.counts, signIns: summary.signIns },
    });
    const listed = await demoSignIns(db);
    expect(listed.map((u) => u.username).sort()).toEqual(summary.signIns.map((u) => u.username).sort());
  });

  it('has three teams in several cities, each led by its own supervisor', async () => {
    const teams = await db
      .selectFrom('teams as t')
      .innerJoin('employees as s', 's.id', 't.supervisorId')
      .select(['t.id', 't.name', 't.city', 't.region', 's.position', 's.teamId', 's.grade'])
      .execute();
    expect(teams).toHaveLength(3);
    expect(new Set(teams.map((t) => t.city)).size).toBeGreaterThanOrEqual(2);
    for (const t of teams) {
      expect(t).toMatchObject({ position: 'supervisor', teamId: t.id, grade: 'M1' });
      expect(t.region).not.toBe('');
    }
    const manager = await db.selectFrom('employees').selectAll().where('position', '=', 'manager').execute();
    expect(manager).toHaveLength(1);
    expect(manager[0]).toMatchObject({ grade: 'M2', supervisorId: null });
    const supervisors = await db.selectFrom('employees').select('supervisorId').where('position', '=', 'supervisor').execute();
    expect(supervisors.every((s) => s.supervisorId === manager[0]!.id)).toBe(true);
    const staff = await db.selectFrom('employees').select('position').where('position', 'in', ['hr', 'agent']).execute();
    expect(staff.filter((s) => s.position === 'hr')).toHaveLength(1);
    expect(staff.filter((s) => s.position === 'agent')).toHaveLength(2);
  });

  it('has at least 30 technicians of all three positions, each in a team under its supervisor', async () => {
    const technicians = await db
      .selectFrom('employees as e')
      .leftJoin('teams as t', 't.id', 'e.teamId')
      .select(['e.employeeNo', 'e.name', 'e.position', 'e.grade', 'e.supervisorId', 'e.hireDate', 't.supervisorId as teamSupervisorId'])
      .select('e.priorExperienceMonths')
      .where('e.position', 'in', TECHNICIAN_POSITIONS)
      .execute();
    expect(technicians.length).toBeGreaterThanOrEqual(30);
    for (const p of TECHNICIAN_POSITIONS) {
      expect(technicians.filter((t) => t.position === p).length).toBeGreaterThanOrEqual(9);
    }
    for (const t of technicians) {
      expect(t.teamSupervisorId, t.employeeNo).not.toBeNull();
      expect(t.supervisorId, t.employeeNo).toBe(t.teamSupervisorId);
      expect(t.grade).toMatch(/^T[1-5]$/);
      expect(t.hireDate >= '2014-11-26' && t.hireDate <= REFERENCE_DATE, t.hireDate).toBe(true);
      expect(t.priorExperienceMonths).toBeGreaterThanOrEqual(0);
      expect(t.priorExperienceMonths).toBeLessThanOrEqual(120);
    }
    const names = technicians.map((t) => t.name);
    expect(names.every((n) => /^\p{Script=Han}{2,3}$/u.test(n))).toBe(true);
    expect(names.filter((n) => n.length === 2).length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every employee a unique number, mobile phone and company e-mail', async () => {
    const employees = await db.selectFrom('employees').select(['employeeNo', 'phone', 'email']).execute();
    for (const e of employees) {
      expect(e.employeeNo).toMatch(/^E\d{4}$/);
      expect(e.phone).toMatch(/^1[358]\d{9}$/);
      expect(e.email).toBe(`${e.employeeNo.toLowerCase()}@aftersales.example`);
    }
    expect(new Set(employees.map((e) => e.phone)).size).toBe(employees.length);
  });

  it('gives technicians 2-4 skills of level 1-5', async () => {
    const rows = await db
      .selectFrom('employees as e')
      .leftJoin('employeeSkills as s', 's.employeeId', 'e.id')
      .select((eb) => [
        'e.employeeNo',
        eb.fn.count<number>('s.id').as('skills'),
        eb.fn.min<number>('s.level').as('minLevel'),
        eb.fn.max<number>('s.level').as('maxLevel'),
      ])
      .where('e.position', 'in', TECHNICIAN_POSITIONS)
      .groupBy('e.employeeNo')
      .execute();
    for (const r of rows) {
      expect(Number(r.skills), r.employeeNo).toBeGreaterThanOrEqual(2);
      expect(Number(r.skills), r.employeeNo).toBeLessThanOrEqual(4);
      expect(r.minLevel).toBeGreaterThanOrEqual(1);
      expect(r.maxLevel).toBeLessThanOrEqual(5);
    }
  });

  it('has some expired and some expiring certificates, but none among the demo technicians', async () => {
    const certificates = await db
      .selectFrom('employeeCertificates as c')
      .innerJoin('employees as e', 'e.id', 'c.employeeId')
      .select(['e.id as employeeId', 'e.position', 'c.name', 'c.issuer', 'c.number', 'c.issuedOn', 'c.expiresOn'])
      .execute();
    const technicianCertificates = certificates.filter((c) => (TECHNICIAN_POSITIONS as readonly string[]).includes(c.position));
    const expired = new Set(technicianCertificates.filter((c) => c.expiresOn! < REFERENCE_DATE).map((c) => c.employeeId));
    const expiring = technicianCertificates.filter((c) => c.expiresOn! >= REFERENCE_DATE && c.expiresOn! <= IN_60_DAYS);
    const valid = technicianCertificates.filter((c) => c.expiresOn! >= REFERENCE_DATE);
    expect(expired.size).toBeGreaterThanOrEqual(5);
    expect(expiring.length).toBeGreaterThanOrEqual(3);
    expect(valid.length).toBeGreaterThan(technicianCertificates.length * 0.8);
    for (const c of certificates) {
      expect(c.issuedOn! < c.expiresOn!).toBe(true);
      expect(c.issuedOn! <= REFERENCE_DATE).toBe(true);
      expect(c.issuer).not.toBe('');
    }
    expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length);

    const demo = await db
      .selectFrom('users')
      .select('employeeId')
      .where('username', 'in', ['support', 'repair', 'install'])
      .execute();
    for (const { employeeId } of demo) {
      const own = certificates.filter((c) => c.employeeId === employeeId);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.every((c) => c.expiresOn! > IN_60_DAYS)).toBe(true);
    }
  });

  it('gives every customer contacts with exactly one primary', async () => {
    const rows = await db
      .selectFrom('customers as c')
      .leftJoin('customerContacts as k', 'k.customerId', 'c.id')
      .select(['c.customerNo', 'c.kind', 'c.name'])
      .select((eb) => eb.fn.count<number>('k.id').as('contacts'))
      .select(sql<number>`count(*) filter (where k.is_primary)`.as('primaries'))
      .select(sql<string | null>`max(k.name) filter (where k.is_primary)`.as('primaryName'))
      .groupBy(['c.customerNo', 'c.kind', 'c.name'])
      .execute();
    expect(rows).toHaveLength(200);
    for (const r of rows) {
      expect(Number(r.contacts), r.customerNo).toBeGreaterThanOrEqual(1);
      expect(Number(r.contacts), r.customerNo).toBeLessThanOrEqual(3);
      expect(Number(r.primaries), r.customerNo).toBe(1);
      if (r.kind === 'individual') expect(r.primaryName).toBe(r.name);
      else expect(r.name).toMatch(/^(上海|苏州|杭州)\p{Script=Han}+有限公司$/u);
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(200);
    const customers = await db.selectFrom('customers').select(['customerNo', 'kind', 'phone', 'email']).execute();
    for (const c of customers) {
      expect(c.customerNo).toMatch(/^C\d{6}$/);
      expect(c.phone).toBeTruthy();
      if (c.kind === 'company') expect(c.email).toMatch(/@/);
    }
  });

  it('gives every customer 1-2 sites inside the urban area of their city', async () => {
    const perCustomer = await db
      .selectFrom('customers as c')
      .leftJoin('customerSites as s', 's.customerId', 'c.id')
      .select((eb) => ['c.customerNo', eb.fn.count<number>('s.id').as('sites')])
      .groupBy('c.customerNo')
      .execute();
    for (const r of perCustomer) {
      expect(Number(r.sites), r.customerNo).toBeGreaterThanOrEqual(1);
      expect(Number(r.sites), r.customerNo).toBeLessThanOrEqual(2);
    }
    const sites = await db.selectFrom('customerSites').select(['address', 'city', 'latitude', 'longitude']).execute();
    for (const s of sites) {
      const centre = CITY_CENTRES[s.city];
      expect(centre, s.city).toBeDefined();
      expect(s.address.startsWith(`${s.city}市`), s.address).toBe(true);
      expect(String(s.latitude)).toMatch(/^\d+\.\d{6}$/);
      expect(Math.abs(Number(s.latitude) - centre!.latitude), s.address).toBeLessThanOrEqual(0.15);
      expect(Math.abs(Number(s.longitude) - centre!.longitude), s.address).toBeLessThanOrEqual(0.15);
    }
    expect(new Set(sites.map((s) => s.city)).size).toBe(3);
  });

  it('installs 1-4 products per customer at its own sites, with unique serials and a warranty after installation', async () => {
    const products = await db
      .selectFrom('installedProducts as p')
      .innerJoin('customerSites as s', 's.id', 'p.siteId')
      .select(['p.customerId', 's.customerId as siteCustomerId', 'p.model', 'p.productName', 'p.serialNumber'])
      .select(['p.installedOn', 'p.warrantyEndsOn'])
      .execute();
    expect(products).toHaveLength(summary.counts.installedProducts);
    expect(new Set(products.map((p) => p.serialNumber)).size).toBe(products.length);
    for (const p of products) {
      expect(p.siteCustomerId).toBe(p.customerId);
      expect(p.serialNumber).toMatch(/^[A-Z0-9]{4}-\d{4}-\d{6}$/);
      expect(p.serialNumber.slice(5, 9)).toBe(p.installedOn!.slice(0, 4));
      expect(p.installedOn! <= REFERENCE_DATE).toBe(true);
      expect(p.warrantyEndsOn! > p.installedOn!).toBe(true);
    }
    expect(products.some((p) => p.warrantyEndsOn! < REFERENCE_DATE)).toBe(true);
    expect(products.some((p) => p.warrantyEndsOn! >= REFERENCE_DATE)).toBe(true);
    const perCustomer = new Map<string, number>();
    for (const p of products) perCustomer.set(p.customerId, (perCustomer.get(p.customerId) ?? 0) + 1);
    expect(perCustomer.size).toBe(200);
    expect([...perCustomer.values()].every((n) => n >= 1 && n <= 4)).toBe(true);
  });

  it('creates the ten demo sign-ins with the right roles and links, all with the demo password', async () => {
    const users = await db
      .selectFrom('users as u')
      .leftJoin('employees as e', 'e.id', 'u.employeeId')
      .leftJoin('teams as t', 't.id', 'e.teamId')
      .leftJoin('customers as c', 'c.id', 'u.customerId')
      .select(['u.username', 'u.role', 'u.department', 'u.displayName', 'u.locale', 'u.active', 'u.passwordHash'])
      .select(['e.name as employeeName', 'e.position', 't.name as team', 'c.customerNo', 'c.id as customerId'])
      .execute();
    const byName = new Map(users.map((u) => [u.username, u]));
    const expected = {
      admin: { role: 'admin', position: null, customerNo: null, department: null, displayName: '系统管理员' },
      agent: { role: 'agent', position: 'agent' },
      supervisor: { role: 'supervisor', position: 'supervisor', team: '上海服务一部' },
      manager: { role: 'manager', position: 'manager' },
      hr: { role: 'hr', position: 'hr' },
      support: { role: 'technician', position: 'support_engineer', team: '上海服务一部' },
      repair: { role: 'technician', position: 'repair_engineer', team: '上海服务一部' },
      install: { role: 'technician', position: 'installation_engineer', team: '上海服务一部' },
      customer: { role: 'customer', position: null, customerNo: 'C000001' },
      quality: { role: 'department', department: 'quality', position: null, customerNo: null },
      product: { role: 'department', department: 'product', position: null, customerNo: null },
    } as const;
    expect([...byName.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(summary.signIns.map((s) => s.username).sort()).toEqual(Object.keys(expected).sort());
    for (const [username, want] of Object.entries(expected)) {
      const u = byName.get(username)!;
      expect(u, username).toMatchObject({ ...want, locale: 'zh-CN', active: true });
      if (u.position) expect(u.displayName).toBe(u.employeeName);
      const signIn = summary.signIns.find((s) => s.username === username)!;
      expect(signIn).toMatchObject({ role: u.role, displayName: u.displayName });
      expect(signIn.description).not.toBe('');
    }
    const customer = byName.get('customer')!;
    const primary = await db
      .selectFrom('customerContacts')
      .select('name')
      .where('customerId', '=', customer.customerId!)
      .where('isPrimary', '=', true)
      .executeTakeFirstOrThrow();
    expect(customer.displayName).toBe(primary.name);
    const kind = await db.selectFrom('customers').select('kind').where('customerNo', '=', 'C000001').executeTakeFirstOrThrow();
    expect(kind.kind).toBe('company');

    const hashes = users.map((u) => u.passwordHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(await Promise.all(hashes.map((h) => verifyPassword(DEMO_PASSWORD, h)))).toEqual(hashes.map(() => true));
    expect(await verifyPassword('wrong-password', hashes[0]!)).toBe(false);
  });

  it('fills the search keys exactly as the people and customer services do', async () => {
    const employees = await db.selectFrom('employees').selectAll().execute();
    const skills = await db.selectFrom('employeeSkills').select(['employeeId', 'skill']).execute();
    for (const e of employees) {
      const own = skills.filter((s) => s.employeeId === e.id);
      // The order of skills does not change the grams; the text lists them in insertion order.
      const keys = employeeSearchKeys({ ...e, skills: own });
      expect(e.searchGrams, e.employeeNo).toEqual(keys.searchGrams);
      expect(e.searchText.split(' | ').sort(), e.employeeNo).toEqual(keys.searchText.split(' | ').sort());
    }

    const customers = await db.selectFrom('customers').selectAll().execute();
    const contacts = await db.selectFrom('customerContacts').select(['customerId', 'name', 'phone']).execute();
    const products = await db.selectFrom('installedProducts').select(['customerId', 'serialNumber']).execute();
    for (const c of customers) {
      const keys = customerSearchKeys({
        ...c,
        contacts: contacts.filter((k) => k.customerId === c.id),
        serialNumbers: products.filter((p) => p.customerId === c.id).map((p) => p.serialNumber),
      });
      expect(c.searchGrams, c.customerNo).toEqual(keys.searchGrams);
      expect(c.searchText.split(' | ').sort(), c.customerNo).toEqual(keys.searchText.split(' | ').sort());
    }
  });

  it('finds seeded people and customers by partial Chinese names and serials', async () => {
    const someone = await db.selectFrom('employees').select(['employeeNo', 'name']).where('employeeNo', '=', 'E1010').executeTakeFirstOrThrow();
    const twoChars = Array.from(someone.name).slice(0, 2).join('');
    const found = await db
      .selectFrom('employees')
      .select('employeeNo')
      .where('searchGrams', '@>', sql<string[]>`ARRAY[${twoChars}]::text[]`)
      .execute();
    expect(found.map((f) => f.employeeNo)).toContain('E1010');

    const company = await db.selectFrom('customers').select(['id', 'name']).where('customerNo', '=', 'C000001').executeTakeFirstOrThrow();
    const fragment = Array.from(company.name).slice(2, 6).join(''); // the trade name and industry, e.g. 恒远医药
    const serial = await db.selectFrom('installedProducts').select('serialNumber').where('customerId', '=', company.id).executeTakeFirstOrThrow();
    for (const query of [fragment, serial.serialNumber.slice(0, 9)]) {
      const grams = queryGrams(query);
      let q = db.selectFrom('customers').select('customerNo').where('searchText', 'like', likePattern(query));
      if (grams.length > 0) q = q.where('searchGrams', '@>', sql<string[]>`ARRAY[${sql.join(grams)}]::text[]`);
      expect((await q.execute()).map((r) => r.customerNo), query).toContain('C000001');
    }
    expect(normalizeSearch(serial.serialNumber)).toBe(serial.serialNumber.toLowerCase());
  });

  it('refuses to seed a database that is not empty, leaving it untouched', async () => {
    await expect(seedDemoCompany(db, { referenceDate: REFERENCE_DATE })).rejects.toBeInstanceOf(DemoSeedError);
    expect(await count('employees')).toBe(summary.counts.employees);
    expect(await count('auditLog')).toBe(1);
  });

  it('refuses a malformed reference date', async () => {
    await expect(seedDemoCompany(second.db, { referenceDate: '2026-02-30' })).rejects.toBeInstanceOf(DemoSeedError);
    await expect(seedDemoCompany(second.db, { referenceDate: '26/11/2026' })).rejects.toBeInstanceOf(DemoSeedError);
    expect(await isDatabaseEmpty(second.db)).toBe(true);
  });

  it('is deterministic: the same reference date yields the same rows, ids aside', async () => {
    const again = await seedDemoCompany(second.db, { referenceDate: REFERENCE_DATE });
    expect(again).toEqual(summary);
    const [a, b] = await Promise.all([snapshot(db), snapshot(second.db)]);
    for (const key of Object.keys(a) as (keyof typeof a)[]) {
      expect(b[key], key).toEqual(a[key]);
    }
  });
});

/** Every seeded row without its generated ids, foreign keys replaced by natural keys, in a stable order. */
async function snapshot(db: Kysely<DB>) {
  return {
    teams: await db
      .selectFrom('teams as t')
      .leftJoin('employees as s', 's.id', 't.supervisorId')
      .select(['t.name', 't.city', 't.region', 't.active', 's.employeeNo as supervisorNo'])
      .orderBy('t.name')
      .execute(),
    employees: await db
      .selectFrom('employees as e')
      .leftJoin('teams as t', 't.id', 'e.teamId')
      .leftJoin('employees as s', 's.id', 'e.supervisorId')
      .select(['e.employeeNo', 'e.name', 'e.position', 'e.grade', 'e.hireDate', 'e.priorExperienceMonths', 'e.phone'])
      .select(['e.email', 'e.status', 'e.searchText', 'e.searchGrams', 't.name as team', 's.employeeNo as supervisorNo'])
      .orderBy('e.employeeNo')
      .execute(),
    skills: await db
      .selectFrom('employeeSkills as k')
      .innerJoin('employees as e', 'e.id', 'k.employeeId')
      .select(['e.employeeNo', 'k.skill', 'k.level'])
      .orderBy('e.employeeNo')
      .orderBy('k.skill')
      .execute(),
    certificates: await db
      .selectFrom('employeeCertificates as c')
      .innerJoin('employees as e', 'e.id', 'c.employeeId')
      .select(['e.employeeNo', 'c.name', 'c.issuer', 'c.number', 'c.issuedOn', 'c.expiresOn'])
      .orderBy('c.number')
      .execute(),
    customers: await db
      .selectFrom('customers')
      .select(['customerNo', 'kind', 'name', 'phone', 'email', 'notes', 'status', 'searchText', 'searchGrams'])
      .orderBy('customerNo')
      .execute(),
    contacts: await db
      .selectFrom('customerContacts as k')
      .innerJoin('customers as c', 'c.id', 'k.customerId')
      .select(['c.customerNo', 'k.name', 'k.title', 'k.phone', 'k.email', 'k.isPrimary'])
      .orderBy('c.customerNo')
      .orderBy('k.phone')
      .execute(),
    sites: await db
      .selectFrom('customerSites as s')
      .innerJoin('customers as c', 'c.id', 's.customerId')
      .select(['c.customerNo', 's.name', 's.address', 's.city', 's.latitude', 's.longitude'])
      .orderBy('c.customerNo')
      .orderBy('s.address')
      .execute(),
    products: await db
      .selectFrom('installedProducts as p')
      .innerJoin('customers as c', 'c.id', 'p.customerId')
      .leftJoin('customerSites as s', 's.id', 'p.siteId')
      .select(['p.serialNumber', 'c.customerNo', 's.address as site', 'p.model', 'p.productName'])
      .select(['p.installedOn', 'p.warrantyEndsOn'])
      .orderBy('p.serialNumber')
      .execute(),
    users: await db
      .selectFrom('users as u')
      .leftJoin('employees as e', 'e.id', 'u.employeeId')
      .leftJoin('customers as c', 'c.id', 'u.customerId')
      .select(['u.username', 'u.displayName', 'u.role', 'u.department', 'u.locale', 'e.employeeNo', 'c.customerNo'])
      .orderBy('u.username')
      .execute(),
  };
}
