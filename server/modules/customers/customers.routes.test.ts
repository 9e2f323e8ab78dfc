import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, createTestApp, createUser, type Session, signIn, signInAs, type TestApp, unique } from '../../test/harness.ts';
import { companyToday } from '../settings/service.ts';

type Contact = { id: string; name: string; title: string | null; phone: string | null; email: string | null; isPrimary: boolean; version: number };
type Site = { id: string; name: string; address: string; city: string; latitude: number; longitude: number; version: number };
type Product = {
  id: string;
  siteId: string | null;
  model: string;
  productName: string;
  serialNumber: string;
  installedOn: string | null;
  warrantyEndsOn: string | null;
  underWarranty: boolean;
  version: number;
};
type Customer = {
  id: string;
  customerNo: string;
  name: string;
  status: 'active' | 'inactive';
  version: number;
  siteCount: number;
  productCount: number;
  primaryContact: { name: string; phone: string | null } | null;
  contacts: Contact[];
  sites: Site[];
  products: Product[];
  abilities: { update: boolean; deactivate: boolean };
};
type Res = Awaited<ReturnType<typeof as>>;

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const SUMMARY_KEYS = ['abilities', 'customerNo', 'email', 'id', 'kind', 'name', 'phone', 'primaryContact', 'productCount', 'siteCount', 'status', 'version'];
const CUSTOMER_KEYS = [...SUMMARY_KEYS, 'contacts', 'notes', 'products', 'sites'].sort();

let t: TestApp;
let agent: Session;
let admin: Session;
let technician: Session;
let manager: Session;
let department: Session;
/** A customer with one contact, one site and one product, for the access and validation tests. */
let full: Customer;

const contact = (extra: Record<string, unknown> = {}) => ({ name: '王建国', title: '设备主管', phone: '13800000000', email: 'wang@example.com', ...extra });
const site = (extra: Record<string, unknown> = {}) => ({
  name: '一号厂房',
  address: '张江路 88 号',
  city: '上海',
  latitude: 31.2,
  longitude: 121.6,
  ...extra,
});
const serial = () => unique('SN-').toUpperCase();
const product = (extra: Record<string, unknown> = {}) => ({
  model: 'VF-300',
  productName: '变频器',
  serialNumber: serial(),
  installedOn: '2024-01-10',
  warrantyEndsOn: '2099-01-09',
  ...extra,
});
const newCustomer = (extra: Record<string, unknown> = {}) => ({ kind: 'company', name: unique('测试客户'), ...extra });

const fieldsOf = (res: Res): string[] => (res.json().errors ?? []).map((e: { field: string }) => e.field).sort();
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function call(session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown) {
  return as(t.app, session, { method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
}

async function create(body: Record<string, unknown> = {}, session = agent): Promise<Customer> {
  const res = await call(session, 'POST', '/api/v1/customers', newCustomer(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function ok(res: Res, status = 200): Promise<Customer> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

async function get(id: string, session = agent): Promise<Customer> {
  return ok(await call(session, 'GET', `/api/v1/customers/${id}`));
}

async function search(q: string, session = agent): Promise<string[]> {
  const res = await as(t.app, session, { method: 'GET', url: '/api/v1/customers', query: { q, status: 'all', limit: '100' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((c: { id: string }) => c.id);
}

const auditCount = async () =>
  Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditRows = (entityType: string, entityId: string, action: string) =>
  t.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .where('action', '=', action)
    .execute();

/** Every customers route, with a body that would be accepted, against the customer `c`. */
function everyRoute(c: Customer) {
  const base = `/api/v1/customers/${c.id}`;
  const k = c.contacts[0]!;
  const s = c.sites[0]!;
  const p = c.products[0]!;
  return [
    { name: 'list', write: false, method: 'GET', url: '/api/v1/customers', payload: undefined },
    { name: 'get', write: false, method: 'GET', url: base, payload: undefined },
    { name: 'create', write: true, method: 'POST', url: '/api/v1/customers', payload: newCustomer() },
    { name: 'patch', write: true, method: 'PATCH', url: base, payload: { version: c.version, notes: '备注' } },
    { name: 'deactivate', write: true, method: 'POST', url: `${base}/deactivate`, payload: { version: c.version, reason: '合同终止' } },
    { name: 'add contact', write: true, method: 'POST', url: `${base}/contacts`, payload: contact() },
    { name: 'patch contact', write: true, method: 'PATCH', url: `${base}/contacts/${k.id}`, payload: { version: k.version, title: '经理' } },
    { name: 'add site', write: true, method: 'POST', url: `${base}/sites`, payload: site() },
    { name: 'patch site', write: true, method: 'PATCH', url: `${base}/sites/${s.id}`, payload: { version: s.version, city: '苏州' } },
    { name: 'add product', write: true, method: 'POST', url: `${base}/products`, payload: product() },
    { name: 'patch product', write: true, method: 'PATCH', url: `${base}/products/${p.id}`, payload: { version: p.version, model: 'VF-310' } },
  ] as const;
}

beforeAll(async () => {
  t = await createTestApp();
  [agent, admin, technician, manager, department] = await Promise.all([
    signInAs(t, { role: 'agent' }),
    signInAs(t, { role: 'admin' }),
    signInAs(t, { role: 'technician' }),
    signInAs(t, { role: 'manager' }),
    signInAs(t, { role: 'department', department: 'product' }),
  ]);
  const c = await create({ contacts: [contact()], sites: [site()] });
  full = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/products`, product({ siteId: c.sites[0]!.id })), 201);
});
afterAll(() => t?.close());

describe('access to every customers route', () => {
  it('401 without a session', async () => {
    for (const r of everyRoute(full)) {
      const res = await call(null, r.method, r.url, r.payload);
      expect(res.statusCode, r.name).toBe(401);
      expect(res.json().code, r.name).toBe('auth.required');
    }
  });

  it('403 on every write for roles without customers.write (technician, manager), who may still read', async () => {
    const before = await auditCount();
    for (const session of [technician, manager]) {
      for (const r of everyRoute(full)) {
        const res = await call(session, r.method, r.url, r.payload);
        expect(res.statusCode, r.name).toBe(r.write ? 403 : 200);
        if (r.write) expect(res.json().code, r.name).toBe('forbidden');
      }
    }
    expect(await auditCount()).toBe(before);
    expect((await get(full.id, technician)).abilities).toEqual({ update: false, deactivate: false });
  });

  it('403 on reads (and writes) for the department role', async () => {
    for (const r of everyRoute(full)) {
      const res = await call(department, r.method, r.url, r.payload);
      expect(res.statusCode, r.name).toBe(403);
    }
  });

  it('a cookie session must send the CSRF header on writes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: agent.cookie }, payload: newCustomer() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
  });
});

describe('GET /api/v1/customers', () => {
  it('answers summaries with counts, the primary contact and abilities', async () => {
    const res = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { q: full.customerNo } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
    expect(body.items).toHaveLength(1);
    const summary = body.items[0];
    expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
    expect(summary).toMatchObject({
      id: full.id,
      customerNo: full.customerNo,
      kind: 'company',
      status: 'active',
      primaryContact: { name: '王建国', phone: '13800000000' },
      siteCount: 1,
      productCount: 1,
      version: 1,
      abilities: { update: true, deactivate: true },
    });
    expect(body.nextCursor).toBeNull();
  });

  it('400 naming the bad query parameters', async () => {
    const bad = await as(t.app, agent, {
      method: 'GET',
      url: '/api/v1/customers',
      query: { limit: '101', kind: 'robot', status: 'gone', sort: 'name', q: 'x'.repeat(101) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation.failed');
    expect(fieldsOf(bad)).toEqual(['querystring.kind', 'querystring.limit', 'querystring.q', 'querystring.sort', 'querystring.status']);
    const zero = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { limit: '0' } });
    expect(fieldsOf(zero)).toEqual(['querystring.limit']);
    const notANumber = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { limit: 'ten' } });
    expect(fieldsOf(notANumber)).toEqual(['querystring.limit']);
    const cursor = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { cursor: 'not-a-cursor' } });
    expect(cursor.statusCode).toBe(400);
    expect(fieldsOf(cursor)).toEqual(['cursor']);
  });

  it('walks every row with the cursor, without duplicates or gaps', async () => {
    for (let i = 0; i < 5; i++) await create();
    await createCustomerRow(t.db, '导入的客户');
    const seen: string[] = [];
    const numbers: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '2', status: 'all', ...(cursor ? { cursor } : {}) };
      const res = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const c of body.items) {
        seen.push(c.id);
        numbers.push(c.customerNo);
      }
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const all = await t.db.selectFrom('customers').select('id').execute();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.map((c) => c.id).sort());
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(numbers).toEqual([...numbers].sort());
  });

  it('searches by a 2-character Chinese fragment of the name, a contact phone fragment, a serial added later; not by an unrelated word', async () => {
    const c = await create({ name: '苏州明辉精工机械有限公司', contacts: [contact({ name: '赵立', phone: '139-1736-5501' })] });
    const other = await create({ name: '杭州远景电气有限公司' });
    expect(await search('明辉')).toEqual([c.id]);
    expect(await search('辉精工')).toEqual([c.id]);
    expect(await search('1736-55')).toEqual([c.id]);
    expect(await search('赵立')).toEqual([c.id]);
    expect(await search('QX-778')).toEqual([]);
    await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/products`, product({ serialNumber: 'QX-77812-ZT' })), 201);
    expect(await search('qx-778')).toEqual([c.id]);
    expect(await search('778')).toEqual([c.id]);
    expect(await search('远景')).toEqual([other.id]);
    expect(await search('恒星')).toEqual([]);
    expect(await search('zebra')).toEqual([]);
    // LIKE wildcards in the query are taken literally
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    // a contact's new phone replaces the old one in the search keys
    const k = (await get(c.id)).contacts[0]!;
    await ok(await call(agent, 'PATCH', `/api/v1/customers/${c.id}/contacts/${k.id}`, { version: k.version, phone: '021-66554433' }));
    expect(await search('1736-55')).toEqual([]);
    expect(await search('66554')).toEqual([c.id]);
    // and a renamed customer is found by its new name only
    await ok(await call(agent, 'PATCH', `/api/v1/customers/${c.id}`, { version: c.version, name: '苏州澄湖精工机械有限公司' }));
    expect(await search('明辉')).toEqual([]);
    expect(await search('澄湖')).toEqual([c.id]);
  });

  it('filters by kind', async () => {
    const person = await create({ kind: 'individual', name: unique('个人客户') });
    const res = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { kind: 'individual', limit: '100' } });
    const items: Array<{ id: string; kind: string }> = res.json().items;
    expect(items.map((c) => c.id)).toContain(person.id);
    expect(items.every((c) => c.kind === 'individual')).toBe(true);
  });
});

describe('POST /api/v1/customers', () => {
  it('400 naming each bad field, and writes nothing', async () => {
    const before = await t.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const audit = await auditCount();
    const res = await call(agent, 'POST', '/api/v1/customers', {
      kind: 'robot',
      phone: 12345,
      email: 'not-an-email',
      notes: 'x'.repeat(2001),
      tier: 'gold',
      contacts: [contact({ email: 'nope', isPrimary: 'yes' })],
      sites: [site({ latitude: 91, longitude: '121' })],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, code: 'validation.failed', title: 'The request is not valid' });
    expect(fieldsOf(res)).toEqual(
      ['contacts.0.email', 'contacts.0.isPrimary', 'email', 'kind', 'name', 'notes', 'phone', 'sites.0.latitude', 'sites.0.longitude', 'tier'].sort(),
    );
    const byField = Object.fromEntries(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(byField).toMatchObject({ name: 'required', tier: 'unrecognized_keys', notes: 'too_big', 'sites.0.latitude': 'too_big', phone: 'invalid_type' });
    const after = await t.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await auditCount()).toBe(audit);
  });

  it('400 for an over-long name, an empty name, two primary contacts; errors in the caller language', async () => {
    const long = await call(agent, 'POST', '/api/v1/customers', newCustomer({ name: '名'.repeat(101) }));
    expect(fieldsOf(long)).toEqual(['name']);
    expect(long.json().errors[0]).toMatchObject({ code: 'too_big', message: 'At most 100 characters' });
    expect(fieldsOf(await call(agent, 'POST', '/api/v1/customers', newCustomer({ name: '   ' })))).toEqual(['name']);
    const twoPrimaries = await call(agent, 'POST', '/api/v1/customers', newCustomer({ contacts: [contact({ isPrimary: true }), contact({ isPrimary: true })] }));
    expect(twoPrimaries.statusCode).toBe(400);
    expect(fieldsOf(twoPrimaries)).toEqual(['contacts.1.isPrimary']);
    const zh = await as(t.app, agent, { method: 'POST', url: '/api/v1/customers', payload: newCustomer({ kind: 1 }), locale: 'zh-CN' });
    expect(zh.json().title).toBe('请求内容无效');
    expect(zh.json().errors[0]).toMatchObject({ field: 'kind', code: 'invalid_value' });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['body']);
  });

  it('creates with contacts and sites, answers the full Customer, and audits it', async () => {
    const c = await create({
      kind: 'individual',
      name: '  李娜  ',
      phone: '021-5555 0000',
      email: '',
      notes: '老客户',
      contacts: [contact({ name: '李娜', title: null, email: null }), contact({ name: '张伟', phone: null })],
      sites: [site({ latitude: -33.868819, longitude: 151.209295 })],
    });
    expect(Object.keys(c).sort()).toEqual(CUSTOMER_KEYS);
    expect(c).toMatchObject({
      kind: 'individual',
      name: '李娜',
      phone: '021-5555 0000',
      email: null,
      notes: '老客户',
      status: 'active',
      version: 1,
      siteCount: 1,
      productCount: 0,
      primaryContact: { name: '李娜', phone: '13800000000' },
      abilities: { update: true, deactivate: true },
      products: [],
    });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.customerNo).toMatch(/^C\d{6}$/);
    expect(c.contacts.map((k) => [k.name, k.isPrimary, k.title, k.version])).toEqual([
      ['李娜', true, null, 1],
      ['张伟', false, '设备主管', 1],
    ]);
    expect(Object.keys(c.contacts[0]!).sort()).toEqual(['email', 'id', 'isPrimary', 'name', 'phone', 'title', 'version']);
    expect(c.sites).toHaveLength(1);
    expect(Object.keys(c.sites[0]!).sort()).toEqual(['address', 'city', 'id', 'latitude', 'longitude', 'name', 'version']);
    expect(c.sites[0]).toMatchObject({ name: '一号厂房', city: '上海', latitude: -33.868819, longitude: 151.209295, version: 1 });
    const audit = await auditRows('customer', c.id, 'customer.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ id: c.id, name: '李娜', customerNo: c.customerNo, contacts: [{ name: '李娜' }, { name: '张伟' }] });
    expect(audit[0]!.actorUserId).toBe(agent.userId);
    expect(audit[0]!.requestId).toBeTruthy();
  });

  it('makes the first contact primary unless another is named', async () => {
    const first = await create({ contacts: [contact({ name: '甲' }), contact({ name: '乙' })] });
    expect(first.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['甲']);
    const named = await create({ contacts: [contact({ name: '甲' }), contact({ name: '乙', isPrimary: true })] });
    expect(named.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['乙']);
    expect(named.primaryContact?.name).toBe('乙');
    const none = await create();
    expect(none.primaryContact).toBeNull();
  });

  it('assigns customer numbers in sequence, unaffected by imported numbers in other formats', async () => {
    const a = await create();
    const b = await create();
    const n = (c: Customer) => Number(c.customerNo.slice(1));
    expect(a.customerNo).toMatch(/^C\d{6}$/);
    expect(n(b)).toBe(n(a) + 1);
    // rows created outside the API (imports, the test harness) may carry other numbering schemes
    await t.db.insertInto('customers').values({ customerNo: 'T98765432', kind: 'company', name: '导入客户', searchText: '导入客户' }).execute();
    await t.db.insertInto('customers').values({ customerNo: 'LEGACY-2019-000777', kind: 'company', name: '旧系统客户', searchText: '旧系统客户' }).execute();
    const c = await create();
    expect(c.customerNo).toMatch(/^C\d{6}$/);
    expect(n(c)).toBe(n(b) + 1);
    // concurrent creations still get distinct, consecutive numbers
    const many = await Promise.all([create(), create(), create()]);
    expect(many.map(n).sort((x, y) => x - y)).toEqual([n(c) + 1, n(c) + 2, n(c) + 3]);
  });
});

describe('GET /api/v1/customers/:id', () => {
  it('answers the full Customer', async () => {
    const c = await get(full.id);
    expect(Object.keys(c).sort()).toEqual(CUSTOMER_KEYS);
    expect(c.products).toHaveLength(1);
    expect(Object.keys(c.products[0]!).sort()).toEqual(
      ['id', 'installedOn', 'model', 'productName', 'serialNumber', 'siteId', 'underWarranty', 'version', 'warrantyEndsOn'].sort(),
    );
    expect(c.products[0]).toMatchObject({ siteId: full.sites[0]!.id, installedOn: '2024-01-10', warrantyEndsOn: '2099-01-09', underWarranty: true });
  });

  it('400 for an id that is not a uuid, 404 for an unknown one', async () => {
    const bad = await call(agent, 'GET', '/api/v1/customers/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.id']);
    const missing = await call(agent, 'GET', `/api/v1/customers/${NOWHERE}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('computes underWarranty from warrantyEndsOn against the company today', async () => {
    const today = await companyToday(t.db);
    const c = await create();
    const url = `/api/v1/customers/${c.id}/products`;
    await ok(await call(agent, 'POST', url, product({ serialNumber: 'UW-TODAY', installedOn: '2020-01-01', warrantyEndsOn: today })), 201);
    await ok(await call(agent, 'POST', url, product({ serialNumber: 'UW-YESTERDAY', installedOn: '2020-01-01', warrantyEndsOn: shift(today, -1) })), 201);
    await ok(await call(agent, 'POST', url, product({ serialNumber: 'UW-TOMORROW', installedOn: '2020-01-01', warrantyEndsOn: shift(today, 1) })), 201);
    await ok(await call(agent, 'POST', url, product({ serialNumber: 'UW-NONE', installedOn: null, warrantyEndsOn: null })), 201);
    const got = await get(c.id);
    expect(Object.fromEntries(got.products.map((p) => [p.serialNumber, p.underWarranty]))).toEqual({
      'UW-NONE': false,
      'UW-TODAY': true,
      'UW-TOMORROW': true,
      'UW-YESTERDAY': false,
    });
  });
});

describe('PATCH /api/v1/customers/:id', () => {
  it('400 naming each bad field', async () => {
    const res = await call(agent, 'PATCH', `/api/v1/customers/${full.id}`, { name: 'x'.repeat(101), kind: 'robot', status: 'inactive', email: 'bad' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['email', 'kind', 'name', 'status', 'version']);
    const version = await call(agent, 'PATCH', `/api/v1/customers/${full.id}`, { version: '1', name: '新名' });
    expect(fieldsOf(version)).toEqual(['version']);
    expect(version.json().errors[0].code).toBe('invalid_type');
    const zero = await call(agent, 'PATCH', `/api/v1/customers/${full.id}`, { version: 0 });
    expect(fieldsOf(zero)).toEqual(['version']);
    const badId = await call(agent, 'PATCH', '/api/v1/customers/123', { version: 1, name: '新名' });
    expect(fieldsOf(badId)).toEqual(['params.id']);
    expect((await call(agent, 'PATCH', `/api/v1/customers/${NOWHERE}`, { version: 1, name: '新名' })).statusCode).toBe(404);
  });

  it('updates the given fields only, bumps the version and audits before and after', async () => {
    const c = await create({ phone: '010-12345678', email: 'a@example.com', notes: '旧备注' });
    const res = await ok(await call(agent, 'PATCH', `/api/v1/customers/${c.id}`, { version: 1, name: '北京新名有限公司', notes: null }));
    expect(res).toMatchObject({ name: '北京新名有限公司', phone: '010-12345678', email: 'a@example.com', notes: null, version: 2 });
    expect(Object.keys(res).sort()).toEqual(CUSTOMER_KEYS);
    const audit = await auditRows('customer', c.id, 'customer.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ name: c.name, notes: '旧备注', version: 1 });
    expect(audit[0]!.after).toMatchObject({ name: '北京新名有限公司', notes: null, version: 2 });
    expect(JSON.stringify(audit[0])).not.toContain('searchGrams');
  });

  it('409 conflict.stale for a stale version: nothing changes and nothing is audited', async () => {
    const c = await create();
    await ok(await call(agent, 'PATCH', `/api/v1/customers/${c.id}`, { version: 1, name: '第一次修改' }));
    const audit = await auditCount();
    const stale = await call(agent, 'PATCH', `/api/v1/customers/${c.id}`, { version: 1, name: '第二次修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect(await auditCount()).toBe(audit);
    expect(await get(c.id)).toMatchObject({ name: '第一次修改', version: 2 });
  });
});

describe('POST /api/v1/customers/:id/deactivate', () => {
  it('400 for a missing or over-long reason, a missing version, a bad id', async () => {
    const res = await call(agent, 'POST', `/api/v1/customers/${full.id}/deactivate`, { reason: 'x'.repeat(201), extra: true });
    expect(fieldsOf(res)).toEqual(['extra', 'reason', 'version']);
    const noReason = await call(agent, 'POST', `/api/v1/customers/${full.id}/deactivate`, { version: full.version });
    expect(fieldsOf(noReason)).toEqual(['reason']);
    expect(fieldsOf(await call(agent, 'POST', '/api/v1/customers/x/deactivate', { version: 1, reason: 'r' }))).toEqual(['params.id']);
  });

  it('sets the status inactive, disables the portal users bound to it (their sessions stop), and audits it', async () => {
    const c = await create();
    const portalUser = await createUser(t.db, { role: 'customer', customerId: c.id });
    const portal = await signIn(t.app, portalUser.username);
    expect((await call(portal, 'GET', `/api/v1/customers/${c.id}`)).statusCode).toBe(200);
    const stale = await call(agent, 'POST', `/api/v1/customers/${c.id}/deactivate`, { version: 7, reason: '合同终止' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect((await call(portal, 'GET', `/api/v1/customers/${c.id}`)).statusCode).toBe(200);

    const res = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/deactivate`, { version: 1, reason: '合同终止' }));
    expect(Object.keys(res).sort()).toEqual(CUSTOMER_KEYS);
    expect(res).toMatchObject({ status: 'inactive', version: 2, abilities: { update: true, deactivate: false } });
    const user = await t.db.selectFrom('users').select('active').where('id', '=', portalUser.id).executeTakeFirstOrThrow();
    expect(user.active).toBe(false);
    expect((await call(portal, 'GET', `/api/v1/customers/${c.id}`)).statusCode).toBe(401);
    await expect(signIn(t.app, portalUser.username)).rejects.toThrow(/401/);
    const audit = await auditRows('customer', c.id, 'customer.deactivate');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({ status: 'active' });
    expect(audit[0]!.after).toEqual({ status: 'inactive', reason: '合同终止' });
    // the default list holds active customers only
    const active = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { q: c.customerNo } });
    expect(active.json().items).toEqual([]);
    const inactive = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { q: c.customerNo, status: 'inactive' } });
    expect(inactive.json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe('contacts', () => {
  it('400 naming each bad field on POST and PATCH', async () => {
    const url = `/api/v1/customers/${full.id}/contacts`;
    const res = await call(agent, 'POST', url, { title: 't'.repeat(51), phone: 'call me', email: 'x@', isPrimary: 1, fax: '1' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['email', 'fax', 'isPrimary', 'name', 'phone', 'title']);
    expect(fieldsOf(await call(agent, 'POST', url, contact({ name: 'n'.repeat(51) })))).toEqual(['name']);
    expect(fieldsOf(await call(agent, 'POST', '/api/v1/customers/nope/contacts', contact()))).toEqual(['params.id']);
    const k = full.contacts[0]!;
    const patch = await call(agent, 'PATCH', `${url}/${k.id}`, { name: '', customerId: full.id });
    expect(fieldsOf(patch)).toEqual(['customerId', 'name', 'version']);
    expect(fieldsOf(await call(agent, 'PATCH', `${url}/nope`, { version: 1 }))).toEqual(['params.contactId']);
    expect((await call(agent, 'PATCH', `${url}/${NOWHERE}`, { version: 1, name: '某人' })).statusCode).toBe(404);
    expect((await call(agent, 'POST', `/api/v1/customers/${NOWHERE}/contacts`, contact())).statusCode).toBe(404);
  });

  it('the first contact added to a customer without contacts becomes primary', async () => {
    const c = await create();
    const res = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/contacts`, contact({ name: '首位联系人' })), 201);
    expect(Object.keys(res).sort()).toEqual(CUSTOMER_KEYS);
    expect(res.contacts.map((k) => [k.name, k.isPrimary])).toEqual([['首位联系人', true]]);
    expect(res.primaryContact).toEqual({ name: '首位联系人', phone: '13800000000' });
    const second = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/contacts`, contact({ name: '第二联系人' })), 201);
    expect(second.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['首位联系人']);
    const audit = await auditRows('customer_contact', res.contacts[0]!.id, 'customer_contact.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ name: '首位联系人', customerId: c.id });
  });

  it('naming a new primary contact demotes the old one (on POST and on PATCH)', async () => {
    const c = await create({ contacts: [contact({ name: '老主联系人' })] });
    const added = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/contacts`, contact({ name: '新主联系人', isPrimary: true })), 201);
    expect(added.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['新主联系人']);
    expect(added.primaryContact?.name).toBe('新主联系人');
    const old = added.contacts.find((k) => k.name === '老主联系人')!;
    const patched = await ok(await call(agent, 'PATCH', `/api/v1/customers/${c.id}/contacts/${old.id}`, { version: old.version, isPrimary: true }));
    expect(patched.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['老主联系人']);
    const summary = await as(t.app, agent, { method: 'GET', url: '/api/v1/customers', query: { q: c.customerNo } });
    expect(summary.json().items[0].primaryContact.name).toBe('老主联系人');
  });

  it('updates a contact with its version; a stale one is 409 and demotes nobody', async () => {
    const c = await create({ contacts: [contact({ name: '甲' }), contact({ name: '乙' })] });
    const b = c.contacts.find((k) => k.name === '乙')!;
    const url = `/api/v1/customers/${c.id}/contacts/${b.id}`;
    const res = await ok(await call(agent, 'PATCH', url, { version: b.version, title: '总经理', email: 'yi@example.com' }));
    expect(res.contacts.find((k) => k.id === b.id)).toMatchObject({ name: '乙', title: '总经理', email: 'yi@example.com', version: 2, isPrimary: false });
    const audit = await auditRows('customer_contact', b.id, 'customer_contact.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ title: '设备主管', version: 1 });
    expect(audit[0]!.after).toMatchObject({ title: '总经理', version: 2 });
    const count = await auditCount();
    const stale = await call(agent, 'PATCH', url, { version: 1, isPrimary: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect(await auditCount()).toBe(count);
    const now = await get(c.id);
    expect(now.contacts.filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['甲']);
  });

  it('404 for a contact of another customer', async () => {
    const other = await create({ contacts: [contact()] });
    const k = other.contacts[0]!;
    const res = await call(agent, 'PATCH', `/api/v1/customers/${full.id}/contacts/${k.id}`, { version: k.version, name: '偷换' });
    expect(res.statusCode).toBe(404);
  });
});

describe('sites', () => {
  it('400 naming each bad field on POST and PATCH (latitude 91, longitude out of range, over-long, missing)', async () => {
    const url = `/api/v1/customers/${full.id}/sites`;
    const res = await call(agent, 'POST', url, { name: '厂房', city: '城'.repeat(31), latitude: 91, longitude: -181, floor: 3 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['address', 'city', 'floor', 'latitude', 'longitude']);
    expect(fieldsOf(await call(agent, 'POST', url, site({ latitude: '31.2' })))).toEqual(['latitude']);
    const s = full.sites[0]!;
    expect(fieldsOf(await call(agent, 'PATCH', `${url}/${s.id}`, { version: s.version, latitude: 91 }))).toEqual(['latitude']);
    expect(fieldsOf(await call(agent, 'PATCH', `${url}/${s.id}`, { latitude: -90 }))).toEqual(['version']);
    expect(fieldsOf(await call(agent, 'PATCH', `${url}/not-a-site`, { version: 1 }))).toEqual(['params.siteId']);
    expect((await call(agent, 'PATCH', `${url}/${NOWHERE}`, { version: 1, name: '某地' })).statusCode).toBe(404);
  });

  it('adds and updates a site, with audit rows; a stale version is 409', async () => {
    const c = await create();
    const added = await ok(await call(agent, 'POST', `/api/v1/customers/${c.id}/sites`, site({ name: '二号仓库', latitude: 90, longitude: -180 })), 201);
    expect(added.siteCount).toBe(1);
    const s = added.sites[0]!;
    expect(s).toMatchObject({ name: '二号仓库', latitude: 90, longitude: -180, version: 1 });
    expect(await auditRows('customer_site', s.id, 'customer_site.create')).toHaveLength(1);
    const url = `/api/v1/customers/${c.id}/sites/${s.id}`;
    const updated = await ok(await call(agent, 'PATCH', url, { version: 1, city: '苏州', latitude: 31.298886 }));
    expect(updated.sites[0]).toMatchObject({ name: '二号仓库', city: '苏州', latitude: 31.298886, longitude: -180, version: 2 });
    const audit = await auditRows('customer_site', s.id, 'customer_site.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ city: '上海' });
    expect(audit[0]!.after).toMatchObject({ city: '苏州' });
    const count = await auditCount();
    const stale = await call(agent, 'PATCH', url, { version: 1, city: '无锡' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect(await auditCount()).toBe(count);
    expect((await get(c.id)).sites[0]!.city).toBe('苏州');
  });
});

describe('installed products', () => {
  it('400 naming each bad field on POST (bad date, warranty before install, bad serial, bad siteId)', async () => {
    const url = `/api/v1/customers/${full.id}/products`;
    const res = await call(agent, 'POST', url, {
      siteId: 'site-1',
      productName: 'p'.repeat(81),
      serialNumber: 'SN 1',
      installedOn: '2026-02-30',
      warrantyEndsOn: '2026/03/01',
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    // '2026/03/01' fails both the format and the calendar check, so warrantyEndsOn may be named twice
    expect([...new Set(fieldsOf(res))]).toEqual(['colour', 'installedOn', 'model', 'productName', 'serialNumber', 'siteId', 'warrantyEndsOn']);
    expect(res.json().errors.find((e: { field: string }) => e.field === 'installedOn').code).toBe('invalid_date');
    const range = await call(agent, 'POST', url, product({ installedOn: '1899-12-31' }));
    expect(range.json().errors).toEqual([expect.objectContaining({ field: 'installedOn', code: 'date_range' })]);
    const before = await call(agent, 'POST', url, product({ installedOn: '2025-06-01', warrantyEndsOn: '2025-05-31' }));
    expect(before.statusCode).toBe(400);
    expect(before.json().errors).toEqual([expect.objectContaining({ field: 'warrantyEndsOn', code: 'date_range' })]);
  });

  it("400 for a site of another customer, and nothing is written", async () => {
    const other = await create({ sites: [site({ name: '别人的厂房' })] });
    const count = await auditCount();
    const res = await call(agent, 'POST', `/api/v1/customers/${full.id}/products`, product({ siteId: other.sites[0]!.id }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['siteId']);
    expect(res.json().errors[0].code).toBe('reference');
    const p = full.products[0]!;
    const patch = await call(agent, 'PATCH', `/api/v1/customers/${full.id}/products/${p.id}`, { version: p.version, siteId: other.sites[0]!.id });
    expect(fieldsOf(patch)).toEqual(['siteId']);
    expect(await auditCount()).toBe(count);
    expect((await get(full.id)).products).toHaveLength(1);
  });

  it('409 conflict.duplicate naming serialNumber for a serial already installed anywhere; nothing is written', async () => {
    const a = await create();
    const b = await create();
    const sn = serial();
    await ok(await call(agent, 'POST', `/api/v1/customers/${a.id}/products`, product({ serialNumber: sn })), 201);
    const count = await auditCount();
    const dup = await call(agent, 'POST', `/api/v1/customers/${b.id}/products`, product({ serialNumber: sn }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('conflict.duplicate');
    expect(dup.json().errors).toEqual([expect.objectContaining({ field: 'serialNumber', code: 'duplicate' })]);
    expect(await auditCount()).toBe(count);
    expect((await get(b.id)).products).toEqual([]);
    // and on PATCH
    const added = await ok(await call(agent, 'POST', `/api/v1/customers/${b.id}/products`, product()), 201);
    const p = added.products[0]!;
    const patch = await call(agent, 'PATCH', `/api/v1/customers/${b.id}/products/${p.id}`, { version: p.version, serialNumber: sn });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().errors[0].field).toBe('serialNumber');
    expect(await auditCount()).toBe(count + 1);
    expect((await get(b.id)).products[0]).toMatchObject({ serialNumber: p.serialNumber, version: 1 });
  });

  it('adds and updates a product with audit rows; warranty checks use the stored dates; stale is 409', async () => {
    const c = await create({ sites: [site()] });
    const s = c.sites[0]!;
    const added = await ok(
      await call(agent, 'POST', `/api/v1/customers/${c.id}/products`, product({ siteId: s.id, serialNumber: 'ab-100/7', installedOn: '2023-03-01', warrantyEndsOn: '2024-02-29' })),
      201,
    );
    expect(added.productCount).toBe(1);
    const p = added.products[0]!;
    expect(p).toMatchObject({ siteId: s.id, serialNumber: 'ab-100/7', installedOn: '2023-03-01', warrantyEndsOn: '2024-02-29', underWarranty: false, version: 1 });
    expect(await auditRows('installed_product', p.id, 'installed_product.create')).toHaveLength(1);
    const url = `/api/v1/customers/${c.id}/products/${p.id}`;
    // the new warranty end is checked against the stored installation date
    const early = await call(agent, 'PATCH', url, { version: 1, warrantyEndsOn: '2023-02-28' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['warrantyEndsOn']);
    expect(fieldsOf(await call(agent, 'PATCH', url, { version: 1, installedOn: '2023-02-29' }))).toEqual(['installedOn']);
    const updated = await ok(await call(agent, 'PATCH', url, { version: 1, warrantyEndsOn: '2099-12-31', siteId: null }));
    expect(updated.products[0]).toMatchObject({ siteId: null, installedOn: '2023-03-01', warrantyEndsOn: '2099-12-31', underWarranty: true, version: 2 });
    const audit = await auditRows('installed_product', p.id, 'installed_product.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ warrantyEndsOn: '2024-02-29', siteId: s.id });
    expect(audit[0]!.after).toMatchObject({ warrantyEndsOn: '2099-12-31', siteId: null });
    const count = await auditCount();
    const stale = await call(agent, 'PATCH', url, { version: 1, model: 'X' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect(await auditCount()).toBe(count);
  });

  it('400 for bad PATCH fields and ids; 404 for a product of another customer', async () => {
    const p = full.products[0]!;
    const url = `/api/v1/customers/${full.id}/products`;
    const res = await call(agent, 'PATCH', `${url}/${p.id}`, { version: p.version, model: 'm'.repeat(41), installedOn: '2026-13-01', customerId: NOWHERE });
    expect(fieldsOf(res)).toEqual(['customerId', 'installedOn', 'model']);
    expect(fieldsOf(await call(agent, 'PATCH', `${url}/123`, { version: 1 }))).toEqual(['params.productId']);
    const other = await create();
    const mine = await ok(await call(agent, 'POST', `/api/v1/customers/${other.id}/products`, product()), 201);
    const q = mine.products[0]!;
    expect((await call(agent, 'PATCH', `${url}/${q.id}`, { version: q.version, model: 'X' })).statusCode).toBe(404);
  });
});

describe('a customer portal user', () => {
  it('sees exactly their own account, 404 for any other, and 403 on every write', async () => {
    const own = await create({ contacts: [contact()], sites: [site()] });
    const withProduct = await ok(await call(agent, 'POST', `/api/v1/customers/${own.id}/products`, product()), 201);
    const other = await create({ name: '别家客户有限公司' });
    const user = await createUser(t.db, { role: 'customer', customerId: own.id });
    const portal = await signIn(t.app, user.username);

    const list = await as(t.app, portal, { method: 'GET', url: '/api/v1/customers', query: { status: 'all', limit: '100' } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect(list.json().items[0].abilities).toEqual({ update: false, deactivate: false });
    expect(list.json().nextCursor).toBeNull();
    const searchOther = await as(t.app, portal, { method: 'GET', url: '/api/v1/customers', query: { q: '别家' } });
    expect(searchOther.json().items).toEqual([]);

    const mine = await get(own.id, portal);
    expect(mine.id).toBe(own.id);
    expect(mine.abilities).toEqual({ update: false, deactivate: false });
    const forbidden = await call(portal, 'GET', `/api/v1/customers/${other.id}`);
    expect(forbidden.statusCode).toBe(404);
    expect(forbidden.json().code).toBe('not_found');

    const count = await auditCount();
    for (const r of everyRoute(withProduct).filter((x) => x.write)) {
      const res = await call(portal, r.method, r.url, r.payload);
      expect(res.statusCode, r.name).toBe(403);
    }
    for (const r of everyRoute({ ...withProduct, id: other.id }).filter((x) => x.write)) {
      const res = await call(portal, r.method, r.url, r.payload);
      expect(res.statusCode, r.name).toBe(403);
    }
    expect(await auditCount()).toBe(count);
    expect(await get(own.id)).toMatchObject({ version: own.version, status: 'active' });
  });
});

describe('admin', () => {
  it('holds customers.write too', async () => {
    const res = await call(admin, 'POST', '/api/v1/customers', newCustomer());
    expect(res.statusCode).toBe(201);
  });
});

describe('primary contact on a stale-safe path', () => {
  it('re-saving the primary contact as primary succeeds, and the demoted one gets a new version', async () => {
    const s = await signInAs(t, { role: 'agent' });
    const created = (
      await as(t.app, s, { method: 'POST', url: '/api/v1/customers', payload: { kind: 'company', name: '主联系人测试', contacts: [{ name: '甲' }, { name: '乙' }] } })
    ).json();
    const [first, second] = created.contacts;
    const same = await as(t.app, s, { method: 'PATCH', url: `/api/v1/customers/${created.id}/contacts/${first.id}`, payload: { version: first.version, isPrimary: true, title: '经理' } });
    expect(same.statusCode).toBe(200);
    const promoted = await as(t.app, s, { method: 'PATCH', url: `/api/v1/customers/${created.id}/contacts/${second.id}`, payload: { version: second.version, isPrimary: true } });
    const contacts = promoted.json().contacts;
    expect(contacts.find((c: { id: string }) => c.id === second.id).isPrimary).toBe(true);
    const demoted = contacts.find((c: { id: string }) => c.id === first.id);
    expect(demoted.isPrimary).toBe(false);
    // an edit from the copy read before the demotion is refused
    const stale = await as(t.app, s, { method: 'PATCH', url: `/api/v1/customers/${created.id}/contacts/${first.id}`, payload: { version: demoted.version - 1, title: 'x' } });
    expect(stale.statusCode).toBe(409);
  });
});
