import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createEmployeeRow, createTestApp, type Session, signInAs, type TestApp, unique } from '../../test/harness.ts';

let t: TestApp;
let hr: Session;
beforeAll(async () => {
  t = await createTestApp();
  hr = await signInAs(t, { role: 'hr' });
});
afterAll(() => t?.close());

describe('teams', () => {
  it('GET: 401 without a session, 403 for a customer, 200 with member counts for staff', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(401);
    const customer = await t.db.insertInto('customers').values({ customerNo: unique('X'), kind: 'individual', name: '客户' }).returning('id').executeTakeFirstOrThrow();
    const c = await signInAs(t, { role: 'customer', customerId: customer.id });
    expect((await as(t.app, c, { method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(403);
    const created = (await as(t.app, hr, { method: 'POST', url: '/api/v1/teams', payload: { name: unique('维修'), city: '苏州', region: '华东' } })).json();
    await createEmployeeRow(t.db, { teamId: created.id });
    await createEmployeeRow(t.db, { teamId: created.id });
    const tech = await signInAs(t, { role: 'technician' });
    const list = (await as(t.app, tech, { method: 'GET', url: '/api/v1/teams' })).json();
    const team = list.items.find((x: { id: string }) => x.id === created.id);
    expect(team).toMatchObject({ memberCount: 2, city: '苏州', abilities: { update: false } });
  });

  it('POST: 400 naming fields, 403 for a supervisor, 409 for a duplicate name, 201 for HR', async () => {
    const bad = await as(t.app, hr, { method: 'POST', url: '/api/v1/teams', payload: { name: '', city: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['city', 'name', 'region']);
    const sup = await signInAs(t, { role: 'supervisor' });
    expect((await as(t.app, sup, { method: 'POST', url: '/api/v1/teams', payload: { name: 'x', city: 'y', region: 'z' } })).statusCode).toBe(403);
    const name = unique('安装');
    expect((await as(t.app, hr, { method: 'POST', url: '/api/v1/teams', payload: { name, city: '杭州', region: '华东' } })).statusCode).toBe(201);
    const dup = await as(t.app, hr, { method: 'POST', url: '/api/v1/teams', payload: { name, city: '杭州', region: '华东' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');
  });

  it('PATCH: 401, 400, 403, 409 when stale, and success naming a supervisor', async () => {
    const team = (await as(t.app, hr, { method: 'POST', url: '/api/v1/teams', payload: { name: unique('T'), city: '上海', region: '华东' } })).json();
    const url = `/api/v1/teams/${team.id}`;
    expect((await as(t.app, null, { method: 'PATCH', url, payload: { version: 1 } })).statusCode).toBe(401);
    expect((await as(t.app, hr, { method: 'PATCH', url, payload: { city: 'x' } })).statusCode).toBe(400);
    const agent = await signInAs(t, { role: 'agent' });
    expect((await as(t.app, agent, { method: 'PATCH', url, payload: { version: 1, city: 'x' } })).statusCode).toBe(403);
    const lead = await createEmployeeRow(t.db, { position: 'supervisor', name: '王主管' });
    const ok = await as(t.app, hr, { method: 'PATCH', url, payload: { version: 1, supervisorId: lead.id } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ supervisor: { id: lead.id, name: '王主管' }, version: 2 });
    expect((await as(t.app, hr, { method: 'PATCH', url, payload: { version: 1, city: '南京' } })).statusCode).toBe(409);
    expect((await as(t.app, hr, { method: 'PATCH', url, payload: { version: 2, supervisorId: '00000000-0000-4000-8000-000000000000' } })).json().errors[0].field).toBe('supervisorId');
  });
});
