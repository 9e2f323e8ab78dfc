import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createCustomerRow,
  createEmployeeRow,
  createTestApp,
  createUser,
  type Session,
  signIn,
  signInAs,
  type TestApp,
  TEST_PASSWORD,
  unique,
} from '../../test/harness.ts';

type Res = Awaited<ReturnType<typeof as>>;
type User = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  department: string | null;
  employee: { id: string; name: string } | null;
  customer: { id: string; name: string } | null;
  locale: string;
  active: boolean;
  version: number;
  abilities: { update: boolean; resetPassword: boolean };
};

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const USER_KEYS = ['abilities', 'active', 'customer', 'department', 'displayName', 'employee', 'id', 'locale', 'role', 'username', 'version'];
const NEW_PASSWORD = 'fresh-password-7';

let t: TestApp;
let admin: Session;
let hr: Session;
let supervisor: Session;
/** Every answer of this file, checked at the end for password hashes. */
const answers: string[] = [];

const fieldsOf = (res: Res): string[] => (res.json().errors ?? []).map((e: { field: string }) => e.field).sort();
const newUser = (extra: Record<string, unknown> = {}) => ({
  username: unique('user.'),
  displayName: '测试 用户',
  password: 'initial-password-1',
  role: 'agent',
  ...extra,
});

async function call(session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown) {
  const res = await as(t.app, session, { method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  answers.push(res.body);
  return res;
}

async function create(body: Record<string, unknown> = {}): Promise<User> {
  const res = await call(admin, 'POST', '/api/v1/users', newUser(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const userCount = async () => Number((await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditCount = async () =>
  Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const me = (session: Session) => as(t.app, session, { method: 'GET', url: '/api/v1/auth/me' });

beforeAll(async () => {
  t = await createTestApp();
  [admin, hr, supervisor] = await Promise.all([signInAs(t, { role: 'admin' }), signInAs(t, { role: 'hr' }), signInAs(t, { role: 'supervisor' })]);
});
afterAll(() => t?.close());

function everyRoute(target: { id: string; version: number }) {
  return [
    { name: 'list', method: 'GET', url: '/api/v1/users', payload: undefined },
    { name: 'create', method: 'POST', url: '/api/v1/users', payload: newUser() },
    { name: 'patch', method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { version: target.version, displayName: '改名' } },
    { name: 'reset password', method: 'POST', url: `/api/v1/users/${target.id}/reset-password`, payload: { newPassword: NEW_PASSWORD } },
  ] as const;
}

describe('access', () => {
  it('401 without a session on every route', async () => {
    const target = await create();
    for (const r of everyRoute(target)) {
      const res = await call(null, r.method, r.url, r.payload);
      expect(res.statusCode, r.name).toBe(401);
      expect(res.json().code, r.name).toBe('auth.required');
    }
  });

  it('403 for roles other than admin (hr, supervisor, agent), and nothing changes', async () => {
    const target = await create();
    const agent = await signInAs(t, { role: 'agent' });
    const users = await userCount();
    const audit = await auditCount();
    for (const session of [hr, supervisor, agent]) {
      for (const r of everyRoute(target)) {
        const res = await call(session, r.method, r.url, r.payload);
        expect(res.statusCode, r.name).toBe(403);
        expect(res.json().code, r.name).toBe('forbidden');
      }
    }
    expect(await userCount()).toBe(users);
    expect(await auditCount()).toBe(audit);
    await expect(signIn(t.app, target.username, 'initial-password-1')).resolves.toBeTruthy();
  });
});

describe('POST /api/v1/users', () => {
  it('400 naming each bad field, and creates nothing', async () => {
    const users = await userCount();
    const res = await call(admin, 'POST', '/api/v1/users', {
      username: 'bad name!',
      displayName: 'x'.repeat(61),
      password: 'short',
      role: 'root',
      locale: 'fr',
      isAdmin: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(fieldsOf(res)).toEqual(['displayName', 'isAdmin', 'locale', 'password', 'role', 'username']);
    const codes = Object.fromEntries(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(codes).toMatchObject({ username: 'invalid', password: 'too_small', role: 'invalid_value', isAdmin: 'unrecognized_keys', displayName: 'too_big' });
    const missing = await call(admin, 'POST', '/api/v1/users', {});
    expect(fieldsOf(missing)).toEqual(['displayName', 'password', 'role', 'username']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/users', newUser({ username: 'a' })))).toEqual(['username']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/users', newUser({ username: '张三' })))).toEqual(['username']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/users', newUser({ password: 'p'.repeat(129) })))).toEqual(['password']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/users', newUser({ customerId: 'C000001' })))).toEqual(['customerId']);
    expect(await userCount()).toBe(users);
  });

  it('400 when links do not fit the role or do not exist', async () => {
    const users = await userCount();
    const customer = await call(admin, 'POST', '/api/v1/users', newUser({ role: 'customer' }));
    expect(customer.statusCode).toBe(400);
    expect(customer.json().errors).toEqual([expect.objectContaining({ field: 'customerId', code: 'required' })]);
    const department = await call(admin, 'POST', '/api/v1/users', newUser({ role: 'department' }));
    expect(fieldsOf(department)).toEqual(['department']);
    const ghostCustomer = await call(admin, 'POST', '/api/v1/users', newUser({ role: 'customer', customerId: NOWHERE }));
    expect(ghostCustomer.json().errors).toEqual([expect.objectContaining({ field: 'customerId', code: 'reference' })]);
    const ghostEmployee = await call(admin, 'POST', '/api/v1/users', newUser({ employeeId: NOWHERE }));
    expect(fieldsOf(ghostEmployee)).toEqual(['employeeId']);
    expect(await userCount()).toBe(users);
  });

  it('creates a user who can sign in, answers its shape, and audits it without the password', async () => {
    const res = await call(admin, 'POST', '/api/v1/users', {
      username: '  Li.Wei@Service  ',
      displayName: '李伟',
      password: 'initial-password-1',
      role: 'agent',
    });
    expect(res.statusCode).toBe(201);
    const u: User = res.json();
    expect(Object.keys(u).sort()).toEqual(USER_KEYS);
    expect(u).toMatchObject({
      username: 'Li.Wei@Service',
      displayName: '李伟',
      role: 'agent',
      department: null,
      employee: null,
      customer: null,
      locale: 'zh-CN',
      active: true,
      version: 1,
      abilities: { update: true, resetPassword: true },
    });
    const session = await signIn(t.app, 'li.wei@service', 'initial-password-1');
    expect((await me(session)).json().user).toMatchObject({ id: u.id, role: 'agent' });
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'user').where('entityId', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
    expect(audit[0]!.after).toMatchObject({ id: u.id, username: 'Li.Wei@Service', role: 'agent' });
    expect(audit[0]!.after).not.toHaveProperty('passwordHash');
  });

  it('links a customer account to its customer, a staff account to its employee, a department account to its department', async () => {
    const customer = await createCustomerRow(t.db, '华东精密仪器有限公司');
    const employee = await createEmployeeRow(t.db, { name: '陈静' });
    const portal = await create({ role: 'customer', customerId: customer.id, locale: 'en' });
    expect(portal).toMatchObject({ role: 'customer', customer: { id: customer.id, name: '华东精密仪器有限公司' }, employee: null, locale: 'en' });
    const tech = await create({ role: 'technician', employeeId: employee.id });
    expect(tech).toMatchObject({ role: 'technician', employee: { id: employee.id, name: '陈静' }, customer: null });
    const quality = await create({ role: 'department', department: 'quality' });
    expect(quality).toMatchObject({ role: 'department', department: 'quality' });
    // one account per employee
    const second = await call(admin, 'POST', '/api/v1/users', newUser({ role: 'technician', employeeId: employee.id }));
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual([expect.objectContaining({ field: 'employeeId', code: 'duplicate' })]);
  });

  it('409 conflict.duplicate naming username for a taken username in any letter case', async () => {
    const taken = await create({ username: unique('Zhang.San-') });
    const users = await userCount();
    const audit = await auditCount();
    for (const username of [taken.username, taken.username.toUpperCase(), taken.username.toLowerCase()]) {
      const res = await call(admin, 'POST', '/api/v1/users', newUser({ username }));
      expect(res.statusCode, username).toBe(409);
      expect(res.json().code).toBe('conflict.duplicate');
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'username', code: 'duplicate' })]);
    }
    expect(await userCount()).toBe(users);
    expect(await auditCount()).toBe(audit);
  });
});

describe('GET /api/v1/users', () => {
  it('lists users with q and role filters', async () => {
    const tag = unique('findme');
    const a = await create({ username: `${tag}.one`, role: 'hr' });
    const b = await create({ username: unique('other.'), displayName: `Display ${tag}`, role: 'manager' });
    const res = await as(t.app, admin, { method: 'GET', url: '/api/v1/users', query: { q: tag.toUpperCase() } });
    answers.push(res.body);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['items', 'nextCursor']);
    expect(res.json().items.map((u: User) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect(Object.keys(res.json().items[0]).sort()).toEqual(USER_KEYS);
    const managers = await as(t.app, admin, { method: 'GET', url: '/api/v1/users', query: { q: tag, role: 'manager' } });
    expect(managers.json().items.map((u: User) => u.id)).toEqual([b.id]);
    const bad = await as(t.app, admin, { method: 'GET', url: '/api/v1/users', query: { role: 'root', limit: '500', page: '2' } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['querystring.limit', 'querystring.page', 'querystring.role']);
  });

  it('walks every user with the cursor, without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '3', ...(cursor ? { cursor } : {}) };
      const res = await as(t.app, admin, { method: 'GET', url: '/api/v1/users', query });
      answers.push(res.body);
      expect(res.statusCode, res.body).toBe(200);
      for (const u of res.json().items) seen.push(u.id);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const all = await t.db.selectFrom('users').select('id').execute();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.map((u) => u.id).sort());
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('400 naming each bad field; 404 for an unknown user', async () => {
    const u = await create();
    const res = await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { role: 'root', active: 'no', username: 'renamed', email: 'x@example.com' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['active', 'email', 'role', 'username', 'version']);
    expect(fieldsOf(await call(admin, 'PATCH', '/api/v1/users/nope', { version: 1 }))).toEqual(['params.id']);
    const toCustomer = await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: u.version, role: 'customer' });
    expect(toCustomer.statusCode).toBe(400);
    expect(fieldsOf(toCustomer)).toEqual(['customerId']);
    const missing = await call(admin, 'PATCH', `/api/v1/users/${NOWHERE}`, { version: 1, displayName: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('updates with the version, audits before and after; a stale version is 409 and changes nothing', async () => {
    const u = await create({ displayName: '旧名字' });
    const res = await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, displayName: '新名字', role: 'supervisor' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(USER_KEYS);
    expect(res.json()).toMatchObject({ id: u.id, displayName: '新名字', role: 'supervisor', version: 2 });
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', u.id).where('action', '=', 'user.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ displayName: '旧名字', role: 'agent', version: 1 });
    expect(audit[0]!.after).toMatchObject({ displayName: '新名字', role: 'supervisor', version: 2 });
    const count = await auditCount();
    const stale = await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, displayName: '又改了' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    expect(await auditCount()).toBe(count);
    const row = await t.db.selectFrom('users').select(['displayName', 'version']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ displayName: '新名字', version: 2 });
  });

  it('a new role takes effect on the next request of an open session', async () => {
    const u = await create({ role: 'agent' });
    const session = await signIn(t.app, u.username, 'initial-password-1');
    const body = { kind: 'company', name: '角色测试客户' };
    expect((await call(session, 'POST', '/api/v1/customers', body)).statusCode).toBe(201);
    expect((await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, role: 'technician' })).statusCode).toBe(200);
    expect((await call(session, 'POST', '/api/v1/customers', body)).statusCode).toBe(403);
  });

  it('deactivating a user ends their sessions and stops sign-in; reactivating lets them back in', async () => {
    const u = await create();
    const one = await signIn(t.app, u.username, 'initial-password-1');
    const two = await signIn(t.app, u.username, 'initial-password-1');
    const res = await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expect((await me(one)).statusCode).toBe(401);
    expect((await me(two)).statusCode).toBe(401);
    const sessions = await t.db.selectFrom('sessions').select('id').where('userId', '=', u.id).execute();
    expect(sessions).toEqual([]);
    await expect(signIn(t.app, u.username, 'initial-password-1')).rejects.toThrow(/401/);
    expect((await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 2, active: true })).json()).toMatchObject({ active: true, version: 3 });
    await expect(signIn(t.app, u.username, 'initial-password-1')).resolves.toBeTruthy();
  });

  it('422 business_rule when an administrator would deactivate or demote themselves; nothing changes', async () => {
    const self = await createUser(t.db, { role: 'admin' });
    const session = await signIn(t.app, self.username);
    const count = await auditCount();
    for (const change of [{ active: false }, { role: 'agent' }, { role: 'hr', active: false }]) {
      const res = await call(session, 'PATCH', `/api/v1/users/${self.id}`, { version: self.version, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(422);
      expect(res.json().code).toBe('business_rule');
    }
    expect(await auditCount()).toBe(count);
    const row = await t.db.selectFrom('users').select(['role', 'active', 'version']).where('id', '=', self.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', active: true, version: self.version });
    expect((await me(session)).statusCode).toBe(200);
    // other changes to one's own account are fine, and another administrator may demote them
    const renamed = await call(session, 'PATCH', `/api/v1/users/${self.id}`, { version: self.version, displayName: '管理员本人', role: 'admin', active: true });
    expect(renamed.statusCode).toBe(200);
    const demoted = await call(admin, 'PATCH', `/api/v1/users/${self.id}`, { version: renamed.json().version, role: 'agent' });
    expect(demoted.statusCode).toBe(200);
    expect((await call(session, 'GET', '/api/v1/users')).statusCode).toBe(403);
  });
});

describe('POST /api/v1/users/:id/reset-password', () => {
  it('400 for a short, missing or extra field, a bad id; 404 for an unknown user', async () => {
    const u = await create();
    const url = `/api/v1/users/${u.id}/reset-password`;
    const short = await call(admin, 'POST', url, { newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'too_small' })]);
    expect(fieldsOf(await call(admin, 'POST', url, { password: NEW_PASSWORD }))).toEqual(['newPassword', 'password']);
    expect(fieldsOf(await call(admin, 'POST', url, { newPassword: 12345678 }))).toEqual(['newPassword']);
    expect(fieldsOf(await call(admin, 'POST', '/api/v1/users/1/reset-password', { newPassword: NEW_PASSWORD }))).toEqual(['params.id']);
    const missing = await call(admin, 'POST', `/api/v1/users/${NOWHERE}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(missing.statusCode).toBe(404);
    await expect(signIn(t.app, u.username, 'initial-password-1')).resolves.toBeTruthy();
  });

  it('sets the new password, ends every session of the user, and audits it', async () => {
    const u = await create();
    const one = await signIn(t.app, u.username, 'initial-password-1');
    const two = await signIn(t.app, u.username, 'initial-password-1');
    const res = await call(admin, 'POST', `/api/v1/users/${u.id}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await me(one)).statusCode).toBe(401);
    expect((await me(two)).statusCode).toBe(401);
    await expect(signIn(t.app, u.username, 'initial-password-1')).rejects.toThrow(/401/);
    const fresh = await signIn(t.app, u.username, NEW_PASSWORD);
    expect((await me(fresh)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', u.id).where('action', '=', 'user.password_reset').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.userId);
    // the administrator's own session is untouched
    expect((await me(admin)).statusCode).toBe(200);
  });
});

describe('password hashes', () => {
  it('never appear in any answer of this file or in any audit row', async () => {
    // one more of each write, so this test stands on its own too
    const u = await create();
    await call(admin, 'PATCH', `/api/v1/users/${u.id}`, { version: 1, displayName: '散列检查' });
    await call(admin, 'POST', `/api/v1/users/${u.id}/reset-password`, { newPassword: NEW_PASSWORD });
    const hashes = (await t.db.selectFrom('users').select('passwordHash').execute()).map((r) => r.passwordHash);
    expect(hashes.every((h) => h.startsWith('scrypt$'))).toBe(true);
    const auditApi = await as(t.app, admin, { method: 'GET', url: '/api/v1/audit-log', query: { entityType: 'user', limit: '100' } });
    expect(auditApi.statusCode).toBe(200);
    expect(auditApi.json().items.length).toBeGreaterThan(5);
    answers.push(auditApi.body);
    const rows = await t.db.selectFrom('auditLog').select(['before', 'after']).execute();
    const texts = [...answers, ...rows.map((r) => JSON.stringify(r))];
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      expect(text).not.toContain('scrypt$');
      expect(text).not.toMatch(/passwordHash|password_hash/);
      expect(text).not.toContain('initial-password-1');
      expect(text).not.toContain(NEW_PASSWORD);
      expect(text).not.toContain(TEST_PASSWORD);
      for (const h of hashes) expect(text).not.toContain(h.split('$').pop()!);
    }
  });
});
