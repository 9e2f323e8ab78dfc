import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { dateInZone } from '../../../core/settings.ts';
import { customerSearchKeys } from '../../modules/customers/search-keys.ts';
import { employeeSearchKeys } from '../../modules/people/search-keys.ts';
import { hashPassword } from '../../platform/passwords.ts';
import type {
  CustomerContactsTable,
  CustomerSitesTable,
  CustomersTable,
  DB,
  EmployeeCertificatesTable,
  EmployeeSkillsTable,
  EmployeesTable,
  InstalledProductsTable,
  Position,
  Role,
  TeamsTable,
  UsersTable,
} from '../schema.ts';
import { Random } from './random.ts';
import {
  CERTIFICATES,
  CITIES,
  type CertificateKind,
  type City,
  COMPOUNDS,
  CONTACT_TITLES,
  CUSTOMER_NOTES,
  type District,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  INDUSTRIES,
  MOBILE_PREFIXES,
  type Named,
  PRODUCT_CATALOGUE,
  type ProductModel,
  SKILLS,
  SUPERVISOR_SKILLS,
  SURNAMES,
  TEAM_NAMES,
  TRADE_NAMES,
} from './vocabulary.ts';

// The demo company: three service teams around Shanghai, their engineers, 200 customers
// with sites and installed products, and one sign-in per role. Everything is drawn from a
// seeded generator and dated relative to the reference date, so the same reference date
// always yields the same company (apart from row ids and password salts).

export const DEMO_PASSWORD = 'demo12345';
const SEED = 0x20261126;

const TECHNICIANS_PER_POSITION_PER_TEAM = 4;
const COMPANY_CUSTOMERS = 140;
const INDIVIDUAL_CUSTOMERS = 60;
/** Per team: technicians given one expired certificate, and one expiring within 60 days. */
const EXPIRED_PER_TEAM = [2, 2, 2] as const;
const EXPIRING_PER_TEAM = [2, 2, 1] as const;

type TechnicianPosition = 'support_engineer' | 'repair_engineer' | 'installation_engineer';
const TECHNICIAN_POSITIONS: ReadonlyArray<TechnicianPosition> = [
  'support_engineer',
  'repair_engineer',
  'installation_engineer',
];

export type DemoCounts = {
  teams: number;
  employees: number;
  technicians: number;
  skills: number;
  certificates: number;
  customers: number;
  companyCustomers: number;
  individualCustomers: number;
  contacts: number;
  sites: number;
  installedProducts: number;
  users: number;
};

export type DemoSignIn = { username: string; role: Role; displayName: string; description: string };

export type DemoSummary = {
  referenceDate: string;
  counts: DemoCounts;
  /** Every demo account signs in with DEMO_PASSWORD. */
  signIns: DemoSignIn[];
};

export class DemoSeedError extends Error {}

/** True when nobody can sign in yet: the database has no users at all. */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Inserts the demo company in one transaction; refuses a database that already holds people or customers. */
export async function seedDemoCompany(
  db: Kysely<DB>,
  options: { referenceDate?: string } = {},
): Promise<DemoSummary> {
  const referenceDate = options.referenceDate ?? todayInShanghai();
  if (!isDateOnly(referenceDate)) throw new DemoSeedError(`referenceDate must be YYYY-MM-DD, got ${referenceDate}`);

  await assertEmpty(db); // before the costly hashing; checked again inside the transaction
  const plan = planDemoCompany(referenceDate);
  // scrypt runs on the libuv thread pool, so hashing the accounts concurrently costs about one hash.
  const hashes = await Promise.all(plan.users.map(() => hashPassword(DEMO_PASSWORD)));
  const users = plan.users.map((u, i) => ({ ...u.row, passwordHash: hashes[i]! }));
  const counts: DemoCounts = {
    teams: plan.teams.length,
    employees: plan.employees.length,
    technicians: plan.employees.filter((e) => isTechnician(e.position)).length,
    skills: plan.skills.length,
    certificates: plan.certificates.length,
    customers: plan.customers.length,
    companyCustomers: plan.customers.filter((c) => c.kind === 'company').length,
    individualCustomers: plan.customers.filter((c) => c.kind === 'individual').length,
    contacts: plan.contacts.length,
    sites: plan.sites.length,
    installedProducts: plan.products.length,
    users: users.length,
  };

  await db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    await trx
      .insertInto('teams')
      .values(plan.teams.map((t) => ({ ...t, supervisorId: null })))
      .execute();
    for (const batch of chunks(plan.employees)) await trx.insertInto('employees').values(batch).execute();
    for (const team of plan.teams) {
      await trx.updateTable('teams').set({ supervisorId: team.supervisorId }).where('id', '=', team.id).execute();
    }
    for (const batch of chunks(plan.skills)) await trx.insertInto('employeeSkills').values(batch).execute();
    for (const batch of chunks(plan.certificates)) await trx.insertInto('employeeCertificates').values(batch).execute();
    for (const batch of chunks(plan.customers)) await trx.insertInto('customers').values(batch).execute();
    for (const batch of chunks(plan.contacts)) await trx.insertInto('customerContacts').values(batch).execute();
    for (const batch of chunks(plan.sites)) await trx.insertInto('customerSites').values(batch).execute();
    for (const batch of chunks(plan.products)) await trx.insertInto('installedProducts').values(batch).execute();
    await trx.insertInto('users').values(users).execute();
    await trx
      .insertInto('auditLog')
      .values({
        actorUserId: null,
        actorLabel: 'system',
        action: 'seed',
        entityType: 'company',
        entityId: 'demo',
        before: null,
        after: JSON.stringify({ counts, signIns: plan.users.map((u) => u.signIn) }),
        requestId: null,
      })
      .execute();
  });

  return { referenceDate, counts, signIns: plan.users.map((u) => u.signIn) };
}

async function assertEmpty(db: Kysely<DB>): Promise<void> {
  for (const table of ['users', 'teams', 'employees', 'customers'] as const) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) {
      throw new DemoSeedError(`the demo company is only seeded into an empty database (${table} has rows)`);
    }
  }
}

function chunks<T>(rows: ReadonlyArray<T>, size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------
// The plan: every row, built in memory with the seeded generator, before any SQL runs.

type Row<T> = Insertable<T> & { id: string };

type DemoPlan = {
  teams: Row<TeamsTable>[];
  employees: Row<EmployeesTable>[];
  skills: Insertable<EmployeeSkillsTable>[];
  certificates: Insertable<EmployeeCertificatesTable>[];
  customers: Row<CustomersTable>[];
  contacts: Insertable<CustomerContactsTable>[];
  sites: Row<CustomerSitesTable>[];
  products: Insertable<InstalledProductsTable>[];
  users: { row: Omit<Insertable<UsersTable>, 'passwordHash'>; signIn: DemoSignIn }[];
};

type EmployeeDraft = {
  id: string;
  name: string;
  position: Position;
  grade: string;
  team: number | null;
  supervisorId: string | null;
  hireDate: string;
  priorExperienceMonths: number;
  phone: string;
  skills: { skill: string; level: number }[];
  certificates: CertificateDraft[];
};

type CertificateDraft = { kind: CertificateKind; status: 'valid' | 'expiring' | 'expired' };

function planDemoCompany(referenceDate: string): DemoPlan {
  const rng = new Random(SEED);
  const people = new People(rng);

  // Teams, one per city; supervisors are filled in once the employees exist.
  const teams: Row<TeamsTable>[] = TEAM_NAMES.map((name, i) => ({
    id: randomUUID(),
    name,
    city: CITIES[i]!.name,
    region: CITIES[i]!.region,
    supervisorId: null,
  }));

  // Staff: manager, HR, two agents, one supervisor per team.
  const draft = (
    position: Position,
    grade: string,
    team: number | null,
    supervisorId: string | null,
    yearsAgo: readonly [number, number],
    priorMonths: readonly [number, number],
    gender?: 'male' | 'female',
  ): EmployeeDraft => ({
    id: randomUUID(),
    name: people.name(gender),
    position,
    grade,
    team,
    supervisorId,
    hireDate: addDays(referenceDate, -rng.int(Math.round(yearsAgo[0] * 365), Math.round(yearsAgo[1] * 365))),
    priorExperienceMonths: rng.int(priorMonths[0], priorMonths[1]),
    phone: people.mobile(),
    skills: [],
    certificates: [],
  });
  const manager = draft('manager', 'M2', null, null, [10.5, 11.8], [72, 120], 'male');
  const hr = draft('hr', 'S2', null, manager.id, [4, 8], [12, 48], 'female');
  const agents = [
    draft('agent', 'S1', null, manager.id, [1, 5], [0, 24], 'female'),
    draft('agent', 'S1', null, manager.id, [0.5, 3], [0, 12], 'female'),
  ];
  const supervisors = teams.map((_, t) => draft('supervisor', 'M1', t, manager.id, [6, 10], [24, 84], 'male'));
  for (const s of supervisors) {
    s.skills = [
      ...rng.sample(SUPERVISOR_SKILLS, 2).map((skill) => ({ skill, level: rng.int(3, 5) })),
      { skill: rng.pick(SKILLS[rng.pick(TECHNICIAN_POSITIONS)]), level: rng.int(4, 5) },
    ];
    s.certificates = [
      { kind: CERTIFICATES.electrician, status: 'valid' },
      { kind: CERTIFICATES.vendorHvac, status: 'valid' },
    ];
  }

  // Technicians: four of each position per team, numbered in order of hire.
  const technicians: EmployeeDraft[] = [];
  teams.forEach((_, t) => {
    for (const position of TECHNICIAN_POSITIONS) {
      for (let k = 0; k < TECHNICIANS_PER_POSITION_PER_TEAM; k++) {
        const tech = draft(position, '', t, supervisors[t]!.id, [0.2, 12], [0, 0], rng.chance(0.88) ? 'male' : 'female');
        // Most come with little prior experience, a few with up to ten years.
        tech.priorExperienceMonths = rng.chance(0.3) ? 0 : Math.round(6 + rng.next() ** 2 * 114);
        const years = daysBetween(tech.hireDate, referenceDate) / 365 + tech.priorExperienceMonths / 12;
        const level = years < 3 ? 1 : years < 6 ? 2 : years < 9 ? 3 : years < 13 ? 4 : 5;
        tech.grade = `T${level}`;
        tech.skills = rng
          .sample(SKILLS[position], rng.int(2, 4))
          .map((skill) => ({ skill, level: clamp(level + rng.int(-1, 1), 1, 5) }));
        tech.certificates = technicianCertificates(rng, tech);
        technicians.push(tech);
      }
    }
  });
  technicians.sort((a, b) => compareText(a.hireDate, b.hireDate));

  // The demo technicians (first of each position in the first team) keep every certificate
  // valid; in each team a few others carry an expired one or one expiring within 60 days.
  const demoTechnicians = TECHNICIAN_POSITIONS.map((p) => technicians.find((e) => e.team === 0 && e.position === p)!);
  teams.forEach((_, t) => {
    const others = rng.shuffle(technicians.filter((e) => e.team === t && !demoTechnicians.includes(e)));
    const expired = others.slice(0, EXPIRED_PER_TEAM[t]);
    const expiring = others.slice(EXPIRED_PER_TEAM[t], EXPIRED_PER_TEAM[t]! + EXPIRING_PER_TEAM[t]!);
    for (const e of expired) rng.pick(e.certificates).status = 'expired';
    for (const e of expiring) rng.pick(e.certificates).status = 'expiring';
  });

  const drafts = [manager, hr, ...agents, ...supervisors, ...technicians];
  const employees: Row<EmployeesTable>[] = [];
  const skills: Insertable<EmployeeSkillsTable>[] = [];
  const certificates: Insertable<EmployeeCertificatesTable>[] = [];
  const certificateSerials = new Map<string, number>();
  drafts.forEach((e, i) => {
    const employeeNo = `E${1001 + i}`;
    const email = `${employeeNo.toLowerCase()}@aftersales.example`;
    employees.push({
      id: e.id,
      employeeNo,
      name: e.name,
      position: e.position,
      grade: e.grade,
      teamId: e.team === null ? null : teams[e.team]!.id,
      supervisorId: e.supervisorId,
      hireDate: e.hireDate,
      priorExperienceMonths: e.priorExperienceMonths,
      phone: e.phone,
      email,
      ...employeeSearchKeys({ employeeNo, name: e.name, phone: e.phone, email, skills: e.skills }),
    });
    for (const s of e.skills) skills.push({ employeeId: e.id, ...s });
    const city = CITIES[e.team ?? 0]!;
    for (const c of e.certificates) {
      const expiresOn = certificateExpiry(rng, referenceDate, e.hireDate, c);
      const issuedOn = addYears(expiresOn, -c.kind.validYears);
      const year = issuedOn.slice(0, 4);
      const series = c.kind.issuedBy === 'safety' ? `T${city.certificateRegion}` : `AS-${c.kind.issuedBy.code}`;
      const serial = (certificateSerials.get(series) ?? rng.int(1000, 3000)) + rng.int(1, 97);
      certificateSerials.set(series, serial);
      certificates.push({
        employeeId: e.id,
        name: c.kind.name,
        issuer: c.kind.issuedBy === 'safety' ? city.safetyAuthority : c.kind.issuedBy.productLine,
        number:
          c.kind.issuedBy === 'safety'
            ? `${series}${year}${String(serial).padStart(6, '0')}`
            : `${series}-${year}-${String(serial).padStart(5, '0')}`,
        issuedOn,
        expiresOn,
      });
    }
  });
  for (const [t, team] of teams.entries()) team.supervisorId = supervisors[t]!.id;

  const customerPlan = planCustomers(rng, people, referenceDate);

  // Sign-ins: one per role, linked to the people above.
  const team0 = teams[0]!;
  const firstCompany = customerPlan.customers[0]!;
  const firstContact = customerPlan.contacts.find((c) => c.customerId === firstCompany.id && c.isPrimary)!;
  const user = (
    username: string,
    role: Role,
    displayName: string,
    description: string,
    links: { employeeId?: string; customerId?: string; department?: 'product' | 'quality' } = {},
  ) => ({
    row: {
      username,
      displayName,
      role,
      department: links.department ?? null,
      employeeId: links.employeeId ?? null,
      customerId: links.customerId ?? null,
      locale: 'zh-CN' as const,
    },
    signIn: { username, role, displayName, description },
  });
  const [support, repair, install] = demoTechnicians as [EmployeeDraft, EmployeeDraft, EmployeeDraft];
  const users = [
    user('admin', 'admin', '系统管理员', '系统管理员：账号、系统设置与审计日志'),
    user('agent', 'agent', agents[0]!.name, '客服专员：受理客户来电、建立与跟踪工单', { employeeId: agents[0]!.id }),
    user('supervisor', 'supervisor', supervisors[0]!.name, `${team0.name}主管：派工、审核与团队管理`, {
      employeeId: supervisors[0]!.id,
    }),
    user('manager', 'manager', manager.name, '技术经理：全部服务团队、KPI 与考核', { employeeId: manager.id }),
    user('hr', 'hr', hr.name, '人事专员：员工档案、资质证书与薪酬', { employeeId: hr.id }),
    user('support', 'technician', support.name, `支持工程师（${team0.name}）：远程支持与技术咨询`, {
      employeeId: support.id,
    }),
    user('repair', 'technician', repair.name, `维修工程师（${team0.name}）：上门维修`, { employeeId: repair.id }),
    user('install', 'technician', install.name, `安装工程师（${team0.name}）：安装与调试`, { employeeId: install.id }),
    user('customer', 'customer', firstContact.name, `客户联系人：${firstCompany.name}`, { customerId: firstCompany.id }),
    user('quality', 'department', '质量部', '质量部：产品质量问题与客户回访', { department: 'quality' }),
    user('product', 'department', '产品部', '产品部：产品建议、客户意见与缺陷统计', { department: 'product' }),
  ];

  return { teams, employees, skills, certificates, ...customerPlan, users };
}

function technicianCertificates(rng: Random, tech: EmployeeDraft): CertificateDraft[] {
  const kinds: CertificateKind[] = [];
  const vendor = () => rng.pick([CERTIFICATES.vendorHvac, CERTIFICATES.vendorDrives]);
  const has = (skill: string) => tech.skills.some((s) => s.skill === skill);
  if (tech.position === 'support_engineer') {
    if (rng.chance(0.5)) kinds.push(CERTIFICATES.electrician);
    kinds.push(vendor());
    if (rng.chance(0.3)) kinds.push(CERTIFICATES.refrigeration);
  } else if (tech.position === 'repair_engineer') {
    kinds.push(CERTIFICATES.electrician);
    if (has('制冷系统维修') || has('压缩机维修') || rng.chance(0.4)) kinds.push(CERTIFICATES.refrigeration);
    if (has('焊接') || rng.chance(0.15)) kinds.push(CERTIFICATES.welding);
    if (rng.chance(0.6)) kinds.push(vendor());
  } else {
    kinds.push(CERTIFICATES.electrician, CERTIFICATES.height);
    if (has('管路施工') || rng.chance(0.3)) kinds.push(CERTIFICATES.refrigeration);
    if (rng.chance(0.3)) kinds.push(vendor());
  }
  return kinds.map((kind) => ({ kind, status: 'valid' }));
}

function certificateExpiry(rng: Random, referenceDate: string, hireDate: string, c: CertificateDraft): string {
  if (c.status === 'expired') return addDays(referenceDate, -rng.int(5, 400));
  if (c.status === 'expiring') return addDays(referenceDate, rng.int(3, 58));
  // Valid and not due soon, issued at least a month before the reference date; the
  // manufacturer certifies its own engineers only, so not before they were hired.
  const earliest =
    c.kind.issuedBy === 'safety' ? 75 : Math.max(75, daysBetween(referenceDate, addYears(hireDate, c.kind.validYears)));
  return addDays(referenceDate, rng.int(earliest, c.kind.validYears * 365 - 30));
}

// ---------------------------------------------------------------------------------------
// Customers, their contacts, sites and installed products.

function planCustomers(
  rng: Random,
  people: People,
  referenceDate: string,
): Pick<DemoPlan, 'customers' | 'contacts' | 'sites' | 'products'> {
  type ContactDraft = { name: string; title: string | null; phone: string; email: string | null };
  type ProductDraft = { product: ProductModel; row: Insertable<InstalledProductsTable> };
  type CustomerDraft = {
    id: string;
    customerNo: string;
    kind: 'company' | 'individual';
    name: string;
    phone: string;
    email: string | null;
    notes: string | null;
  };
  const drafts: { row: CustomerDraft; contacts: ContactDraft[] }[] = [];
  const contacts: Insertable<CustomerContactsTable>[] = [];
  const sites: Row<CustomerSitesTable>[] = [];
  const products: ProductDraft[] = [];
  const usedCompanies = new Set<string>();

  // C000001 is a Shanghai company (the demo customer sign-in); the rest are shuffled.
  const kinds: ('company' | 'individual')[] = [
    'company',
    ...rng.shuffle([
      ...Array<'company'>(COMPANY_CUSTOMERS - 1).fill('company'),
      ...Array<'individual'>(INDIVIDUAL_CUSTOMERS).fill('individual'),
    ]),
  ];
  kinds.forEach((kind, i) => {
    const customerNo = `C${String(i + 1).padStart(6, '0')}`;
    const id = randomUUID();
    const city = i === 0 ? CITIES[0]! : rng.weighted(CITIES.map((c, k) => [c, [45, 30, 25][k]!] as const));
    const customerContacts: ContactDraft[] = [];
    const customerSites: Row<CustomerSitesTable>[] = [];
    let name: string;
    let phone: string;
    let email: string | null = null;
    let notes: string | null = null;
    let models: ReadonlyArray<ProductModel>;
    let productCount: number;

    if (kind === 'company') {
      let trade: Named;
      let industry: (typeof INDUSTRIES)[number];
      do {
        trade = rng.pick(TRADE_NAMES);
        industry = rng.pick(INDUSTRIES);
      } while (usedCompanies.has(trade[0] + industry.name));
      usedCompanies.add(trade[0] + industry.name);
      name = `${city.name}${trade[0]}${industry.name}${rng.chance(0.15) ? '股份有限公司' : '有限公司'}`;
      const domain = `${trade[1]}-${industry.slug}.example.com`;
      phone = people.landline(city);
      email = `${rng.pick(['info', 'service', 'contact', 'office'])}@${domain}`;
      if (rng.chance(0.15)) notes = rng.pick(CUSTOMER_NOTES);
      const titles = rng.sample(CONTACT_TITLES, rng.weighted([[1, 35], [2, 45], [3, 20]] as const));
      for (const title of titles) {
        const person = people.person();
        customerContacts.push({
          name: person.name,
          title,
          phone: people.mobile(),
          email: rng.chance(0.7) ? `${person.pinyin}@${domain}` : null,
        });
      }
      const siteKinds = rng.sample(industry.sites.slice(1), rng.chance(0.35) ? 1 : 0);
      for (const [k, siteKind] of [industry.sites[0]!, ...siteKinds].entries()) {
        const siteCity = k === 0 || rng.chance(0.75) ? city : rng.pick(CITIES.filter((c) => c !== city));
        const district = rng.pick(siteCity.districts);
        customerSites.push({
          id: randomUUID(),
          customerId: id,
          name: `${industry.siteNamedAfterTrade ? trade[0] : district.short}${siteKind}`,
          address: `${siteCity.name}市${district.name}${rng.pick(district.roads)} ${rng.int(1, 1999)} 号`,
          city: siteCity.name,
          ...coordinates(rng, siteCity, district),
        });
      }
      models = industry.models.map((m) => PRODUCT_CATALOGUE.find((p) => p.model === m)!);
      productCount = rng.weighted([[1, 30], [2, 35], [3, 20], [4, 15]] as const);
    } else {
      const person = people.person();
      name = person.name;
      phone = people.mobile();
      customerContacts.push({ name, title: null, phone, email: null });
      if (rng.chance(0.25)) customerContacts.push({ name: people.name(), title: '家属', phone: people.mobile(), email: null });
      const district = rng.pick(city.districts);
      const road = rng.pick(district.roads.filter((r) => !r.includes('区')));
      const address =
        city.name === '上海'
          ? `${road} ${rng.int(1, 2999)} 弄 ${rng.int(1, 60)} 号 ${rng.int(1, 18)}0${rng.int(1, 4)} 室`
          : `${road} ${rng.int(1, 999)} 号${rng.pick(COMPOUNDS)} ${rng.int(1, 30)} 幢 ${rng.int(1, 3)} 单元 ${rng.int(1, 25)}0${rng.int(1, 4)} 室`;
      customerSites.push({
        id: randomUUID(),
        customerId: id,
        name: '住宅',
        address: `${city.name}市${district.name}${address}`,
        city: city.name,
        ...coordinates(rng, city, district),
      });
      models = PRODUCT_CATALOGUE.filter((p) => p.household);
      productCount = rng.weighted([[1, 75], [2, 25]] as const);
    }

    const customerProducts: ProductDraft[] = [];
    for (let k = 0; k < productCount; k++) {
      const product = rng.pick(models);
      const installedOn = addDays(referenceDate, -rng.int(20, 6 * 365));
      customerProducts.push({
        product,
        row: {
          customerId: id,
          siteId: rng.pick(customerSites).id,
          model: product.model,
          productName: product.productName,
          serialNumber: '',
          installedOn,
          warrantyEndsOn: addYears(installedOn, rng.chance(0.5) ? 2 : 3),
        },
      });
    }

    drafts.push({ row: { id, customerNo, kind, name, phone, email, notes }, contacts: customerContacts });
    contacts.push(...customerContacts.map((c, k) => ({ customerId: id, ...c, isPrimary: k === 0 })));
    sites.push(...customerSites);
    products.push(...customerProducts);
  });

  // Serial numbers run in order of installation, so older units carry lower numbers.
  const serials = new SerialNumbers(rng);
  const byInstallation = [...products].sort((a, b) => compareText(a.row.installedOn!, b.row.installedOn!));
  for (const p of byInstallation) p.row.serialNumber = serials.next(p.product, p.row.installedOn!.slice(0, 4));

  const customers = drafts.map(({ row, contacts: customerContacts }) => ({
    ...row,
    ...customerSearchKeys({
      ...row,
      contacts: customerContacts,
      serialNumbers: products.filter((p) => p.row.customerId === row.id).map((p) => p.row.serialNumber),
    }),
  }));
  return { customers, contacts, sites, products: products.map((p) => p.row) };
}

/** A point near the district centre, kept within 0.145° of the city centre; 6 decimals. */
function coordinates(rng: Random, city: City, district: District): { latitude: string; longitude: string } {
  const near = (centre: number, around: number) =>
    clamp(around + (rng.next() - 0.5) * 0.04, centre - 0.145, centre + 0.145).toFixed(6);
  return { latitude: near(city.latitude, district.latitude), longitude: near(city.longitude, district.longitude) };
}

/** Serial numbers like HP3K-2023-004512: the sequence only grows per model, so they never repeat. */
class SerialNumbers {
  private readonly last = new Map<string, number>();
  constructor(private readonly rng: Random) {}
  next(product: ProductModel, year: string): string {
    const n = (this.last.get(product.serialPrefix) ?? this.rng.int(1000, 4000)) + this.rng.int(1, 29);
    this.last.set(product.serialPrefix, n);
    return `${product.serialPrefix}-${year}-${String(n).padStart(6, '0')}`;
  }
}

/** Names and phone numbers, unique across the whole demo company. */
class People {
  private readonly names = new Set<string>();
  private readonly phones = new Set<string>();
  constructor(private readonly rng: Random) {}

  person(gender?: 'male' | 'female'): { name: string; pinyin: string } {
    for (let attempt = 0; ; attempt++) {
      const [surname, surnamePinyin] = this.rng.pickSkewed(SURNAMES, 1.5);
      const female = gender ? gender === 'female' : this.rng.chance(0.45);
      const [given, givenPinyin] = this.rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
      const name = surname + given;
      if (!this.names.has(name) || attempt >= 50) {
        this.names.add(name);
        return { name, pinyin: surnamePinyin + givenPinyin };
      }
    }
  }

  name(gender?: 'male' | 'female'): string {
    return this.person(gender).name;
  }

  mobile(): string {
    return this.unique(() => this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8));
  }

  landline(city: City): string {
    // Local numbers have eight digits in all three cities.
    return this.unique(() => `${city.areaCode}-${this.rng.pick(city.landlineLead)}${this.rng.digits(7)}`);
  }

  private unique(make: () => string): string {
    for (;;) {
      const phone = make();
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Business dates are YYYY-MM-DD text, computed in UTC so the process time zone never shifts them.

const DAY_MS = 86_400_000;

/** Today's date in China (UTC+8 all year, no daylight saving). */
export function todayInShanghai(now: Date = new Date()): string {
  return dateInZone(now, 'Asia/Shanghai');
}

/** The demo sign-ins that still exist and are active, as the seed recorded them. */
export async function demoSignIns(db: Kysely<DB>): Promise<DemoSignIn[]> {
  const seed = await db.selectFrom('auditLog').select('after').where('action', '=', 'seed').where('entityType', '=', 'company').executeTakeFirst();
  const recorded = (seed?.after as { signIns?: DemoSignIn[] } | null)?.signIns ?? [];
  if (!recorded.length) return [];
  const active = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', recorded.map((r) => r.username))
    .where('active', '=', true)
    .execute();
  const names = new Set(active.map((u) => u.username));
  return recorded.filter((r) => names.has(r.username));
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && formatDay(parseDay(value)) === value;
}

function parseDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return formatDay(parseDay(day) + days * DAY_MS);
}

/** Same month and day n years on; 29 February becomes 28 February in a common year. */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return formatDay(Date.UTC(y + years, m - 1, Math.min(d, lastDay)));
}

function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function isTechnician(position: Position): boolean {
  return (TECHNICIAN_POSITIONS as ReadonlyArray<Position>).includes(position);
}
