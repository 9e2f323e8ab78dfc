import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, signInAs, type TestApp, unique } from '../../test/harness.ts';

let t: TestApp;
let hr: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  hr = await signInAs(t, { role: 'hr' });
  admin = await signInAs(t, { role: 'admin' });
});
afterAll(() => t?.close());

const newEmployee = (extra: Record<string, unknown> = {}) => ({
  employeeNo: unique('E'),
  name: '欧阳明',
  position: 'repair_engineer',
  grade: 'T3',
  hireDate: '2019-04-01',
  priorExperienceMonths: 24,
  phone: '13800001234',
  email: 'ouyang@example.com',
  skills: [{ skill: '变频器维修', level: 4 }],
  certificates: [{ name: '低压电工作业证', issuer: '应急管理局', number: 'T1234', issuedOn: '2020-01-01', expiresOn: '2021-01-01' }],
  ...extra,
});

async function create(session: Session, body: Record<string, unknown>) {
  return as(t.app, session, { method: 'POST', url: '/api/v1/employees', payload: body });
}

describe('POST /api/v1/employees', () => {
  it('401 without a session', async () => {
    expect((await as(t.app, null, { method: 'POST', url: '/api/v1/employees', payload: newEmployee() })).statusCode).toBe(401);
  });

  it('400 naming each bad field, and writes nothing', async () => {
    const before = await t.db.selectFrom('employees').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await create(hr, {
      ...newEmployee({ hireDate: '2026-02-30', grade: 'X'.repeat(11), position: 'pilot', shoeSize: 42 }),
      skills: [{ skill: '焊接', level: 6 }],
      name: undefined,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['grade', 'hireDate', 'name', 'position', 'shoeSize', 'skills.0.level'].sort());
    const after = await t.db.selectFrom('employees').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('400 for a date out of range, a certificate expiring before issue, a duplicate skill, an unknown team', async () => {
    expect((await create(hr, newEmployee({ hireDate: '1850-01-01' }))).json().errors[0]).toMatchObject({ field: 'hireDate', code: 'date_range' });
    const cert = await create(hr, newEmployee({ certificates: [{ name: 'a', issuer: 'b', number: 'c', issuedOn: '2022-01-01', expiresOn: '2021-01-01' }] }));
    expect(cert.json().errors[0].field).toBe('certificates.0.expiresOn');
    const dup = await create(hr, newEmployee({ skills: [{ skill: '焊接', level: 2 }, { skill: '焊接', level: 3 }] }));
    expect(dup.json().errors[0].field).toBe('skills.1.skill');
    const team = await create(hr, newEmployee({ teamId: '00000000-0000-4000-8000-000000000000' }));
    expect(team.statusCode).toBe(400);
    expect(team.json().errors[0].field).toBe('teamId');
  });

  it('403 for roles that may not create people (supervisor, agent, technician)', async () => {
    for (const role of ['supervisor', 'agent', 'technician'] as const) {
      const s = await signInAs(t, { role });
      expect((await create(s, newEmployee())).statusCode, role).toBe(403);
    }
  });

  it('creates with skills and certificates, computes service years and expiry, and audits it', async () => {
    const res = await create(hr, newEmployee());
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ name: '欧阳明', position: 'repair_engineer', status: 'active', version: 1, skills: [{ skill: '变频器维修', level: 4 }] });
    expect(e.certificates[0]).toMatchObject({ name: '低压电工作业证', expired: true });
    expect(e.serviceYears).toBeGreaterThanOrEqual(9.5);
    expect(e.abilities).toEqual({ update: true, deactivate: true, reactivate: false });
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', e.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['employee.create']);
    expect((audit[0]!.after as { certificates: unknown[] }).certificates).toHaveLength(1);
  });

  it('409 naming employeeNo for a duplicate number', async () => {
    const body = newEmployee();
    expect((await create(hr, body)).statusCode).toBe(201);
    const res = await create(hr, { ...body, employeeNo: body.employeeNo });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict.duplicate', errors: [{ field: 'employeeNo' }] });
  });
});

describe('GET /api/v1/employees', () => {
  it('401 without a session, 403 for a portal customer and a department viewer', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/employees' })).statusCode).toBe(401);
    const customer = await t.db.insertInto('customers').values({ customerNo: unique('X'), kind: 'individual', name: '客户' }).returning('id').executeTakeFirstOrThrow();
    for (const s of [await signInAs(t, { role: 'customer', customerId: customer.id }), await signInAs(t, { role: 'department' })]) {
      expect((await as(t.app, s, { method: 'GET', url: '/api/v1/employees' })).statusCode).toBe(403);
    }
  });

  it('400 for a bad filter', async () => {
    const res = await as(t.app, hr, { method: 'GET', url: '/api/v1/employees?limit=0&position=pilot&teamId=nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.limit', 'querystring.position', 'querystring.teamId']);
  });

  it('finds people by a two-character Chinese name, a phone fragment and a skill', async () => {
    const tag = String(process.hrtime.bigint()).slice(-4);
    const a = (await create(hr, newEmployee({ name: '司马懿', phone: `139${tag}5678`, skills: [{ skill: `冷库${tag}`, level: 3 }] }))).json();
    await create(hr, newEmployee({ name: '诸葛亮' }));
    const search = async (q: string) =>
      (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?q=${encodeURIComponent(q)}&limit=100` })).json().items.map((e: { id: string }) => e.id);
    expect(await search('司马')).toContain(a.id);
    expect(await search('马懿')).toContain(a.id);
    expect(await search('司马亮')).not.toContain(a.id);
    expect(await search(`${tag}56`)).toEqual([a.id]);
    expect(await search(`冷库${tag}`)).toEqual([a.id]);
  });

  it('filters by expired certificate and by team, and pages with a cursor', async () => {
    const team = await createTeam(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(hr, newEmployee({ teamId: team.id, certificates: [] }))).json().id);
    const page1 = (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?teamId=${team.id}&limit=2` })).json();
    const page2 = (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?teamId=${team.id}&limit=2&cursor=${page1.nextCursor}` })).json();
    const page3 = (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?teamId=${team.id}&limit=2&cursor=${page2.nextCursor}` })).json();
    const seen = [...page1.items, ...page2.items, ...page3.items].map((e: { id: string }) => e.id);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(page3.nextCursor).toBeNull();
    const expired = (await as(t.app, hr, { method: 'GET', url: '/api/v1/employees?certificate=expired&limit=100' })).json();
    expect(expired.items.length).toBeGreaterThan(0);
    for (const e of expired.items) expect(e.certificates.some((c: { expired: boolean }) => c.expired)).toBe(true);
    expect((await as(t.app, hr, { method: 'GET', url: '/api/v1/employees?cursor=garbage' })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/employees/:id', () => {
  it('401, 400 for a malformed id, 404 for an unknown one, 200 with the record', async () => {
    const e = (await create(hr, newEmployee())).json();
    expect((await as(t.app, null, { method: 'GET', url: `/api/v1/employees/${e.id}` })).statusCode).toBe(401);
    expect((await as(t.app, hr, { method: 'GET', url: '/api/v1/employees/123' })).statusCode).toBe(400);
    expect((await as(t.app, hr, { method: 'GET', url: '/api/v1/employees/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const tech = await signInAs(t, { role: 'technician' });
    const res = await as(t.app, tech, { method: 'GET', url: `/api/v1/employees/${e.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: false, deactivate: false, reactivate: false });
  });
});

describe('PATCH /api/v1/employees/:id', () => {
  it('401, 400, 403, and success with before/after in the audit trail', async () => {
    const e = (await create(hr, newEmployee())).json();
    const url = `/api/v1/employees/${e.id}`;
    expect((await as(t.app, null, { method: 'PATCH', url, payload: { version: 1, grade: 'T4' } })).statusCode).toBe(401);
    const bad = await as(t.app, hr, { method: 'PATCH', url, payload: { grade: 'T4' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'version', code: 'required' });
    const agent = await signInAs(t, { role: 'agent' });
    expect((await as(t.app, agent, { method: 'PATCH', url, payload: { version: 1, grade: 'T4' } })).statusCode).toBe(403);
    const ok = await as(t.app, hr, {
      method: 'PATCH',
      url,
      payload: { version: 1, grade: 'T4', certificates: [{ ...e.certificates[0], expiresOn: '2030-01-01', expired: undefined }] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ grade: 'T4', version: 2 });
    expect(ok.json().certificates[0]).toMatchObject({ id: e.certificates[0].id, expired: false });
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', e.id).where('action', '=', 'employee.update').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ grade: 'T3' });
    expect(audit.after).toMatchObject({ grade: 'T4' });
  });

  it('409 for a stale version, and nothing changes', async () => {
    const e = (await create(hr, newEmployee())).json();
    const url = `/api/v1/employees/${e.id}`;
    expect((await as(t.app, hr, { method: 'PATCH', url, payload: { version: 1, name: '甲' } })).statusCode).toBe(200);
    const stale = await as(t.app, admin, { method: 'PATCH', url, payload: { version: 1, name: '乙', skills: [] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    const now = (await as(t.app, hr, { method: 'GET', url })).json();
    expect(now).toMatchObject({ name: '甲', version: 2 });
    expect(now.skills).toHaveLength(1);
  });

  it('lets a supervisor edit the people of their own team only, and not move them out', async () => {
    const supervisorEmployee = await createEmployeeRow(t.db, { position: 'supervisor' });
    const own = await createTeam(t.db, supervisorEmployee.id);
    const other = await createTeam(t.db);
    const supervisor = await createUser(t.db, { role: 'supervisor', employeeId: supervisorEmployee.id });
    const s = await signIn(t.app, supervisor.username);
    const mine = (await create(hr, newEmployee({ teamId: own.id }))).json();
    const theirs = (await create(hr, newEmployee({ teamId: other.id }))).json();
    const listed = (await as(t.app, s, { method: 'GET', url: `/api/v1/employees/${mine.id}` })).json();
    expect(listed.abilities.update).toBe(true);
    expect((await as(t.app, s, { method: 'PATCH', url: `/api/v1/employees/${mine.id}`, payload: { version: 1, skills: [{ skill: '焊接', level: 5 }] } })).statusCode).toBe(200);
    expect((await as(t.app, s, { method: 'PATCH', url: `/api/v1/employees/${theirs.id}`, payload: { version: 1, grade: 'T5' } })).statusCode).toBe(403);
    expect((await as(t.app, s, { method: 'PATCH', url: `/api/v1/employees/${mine.id}`, payload: { version: 2, teamId: other.id } })).statusCode).toBe(403);
  });
});

describe('deactivate and reactivate', () => {
  it('401, 400, 403, and success: the person stays, their sign-in stops', async () => {
    const e = (await create(hr, newEmployee())).json();
    const account = await createUser(t.db, { role: 'technician', employeeId: e.id });
    const theirSession = await signIn(t.app, account.username);
    const url = `/api/v1/employees/${e.id}/deactivate`;
    expect((await as(t.app, null, { method: 'POST', url, payload: { version: 1, reason: '离职' } })).statusCode).toBe(401);
    expect((await as(t.app, hr, { method: 'POST', url, payload: { version: 1 } })).json().errors[0].field).toBe('reason');
    const supervisor = await signInAs(t, { role: 'supervisor' });
    expect((await as(t.app, supervisor, { method: 'POST', url, payload: { version: 1, reason: '离职' } })).statusCode).toBe(403);
    const res = await as(t.app, hr, { method: 'POST', url, payload: { version: 1, reason: '离职' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'inactive', deactivationReason: '离职', abilities: { reactivate: true, deactivate: false } });
    expect((await as(t.app, theirSession, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: account.username, password: 'test-password-1' } })).statusCode).toBe(401);
    // still there, just not in the default list
    const active = (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?q=${e.employeeNo}` })).json();
    const all = (await as(t.app, hr, { method: 'GET', url: `/api/v1/employees?q=${e.employeeNo}&status=all` })).json();
    expect(active.items).toHaveLength(0);
    expect(all.items).toHaveLength(1);
    const again = await as(t.app, hr, { method: 'POST', url: `/api/v1/employees/${e.id}/reactivate`, payload: { version: 2 } });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('active');
  });
});
