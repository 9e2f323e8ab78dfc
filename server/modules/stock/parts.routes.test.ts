import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerRow, createTestApp, type Session, signInAs, type TestApp, unique } from '../../test/harness.ts';
import { call, newPart, type PartJson } from './fixtures.ts';

let t: TestApp;
let manager: Session;
let supervisor: Session;
let technician: Session;
let customer: Session;

beforeAll(async () => {
  t = await createTestApp();
  manager = await signInAs(t, { role: 'manager' });
  supervisor = await signInAs(t, { role: 'supervisor' });
  technician = await signInAs(t, { role: 'technician' });
  customer = await signInAs(t, { role: 'customer', customerId: (await createCustomerRow(t.db)).id });
});
afterAll(() => t.close());

describe('parts catalogue (P4.3.1)', () => {
  it('P4.3.1: a manager creates a part with number, name, models, unit and cost in fen, and the change is audited', async () => {
    const part = await newPart(t, manager, { name: '温度传感器', models: ['AS-HP3000', 'AS-CH500', 'AS-HP3000'], unitCostFen: 1_280 });
    expect(part).toMatchObject({ name: '温度传感器', models: ['AS-HP3000', 'AS-CH500'], unit: '个', unitCostFen: 1_280, active: true, version: 1 });
    expect(part.abilities).toEqual({ update: true, deactivate: true, reactivate: false });
    const audit = await t.db.selectFrom('auditLog').select(['action']).where('entityType', '=', 'part').where('entityId', '=', part.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['part.create']);
  });

  it('searches by part number, name and model, and filters by model', async () => {
    const tag = unique('x');
    const a = await newPart(t, manager, { name: `风机电机 ${tag}`, models: ['AS-AHU8'] });
    const b = await newPart(t, manager, { name: `主控板 ${tag}`, models: ['AS-VF22'] });
    const byName = await call(t, technician, 'GET', `/api/v1/parts?q=${encodeURIComponent('风机电机')}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items.map((p: PartJson) => p.id)).toContain(a.id);
    expect(byName.json().items.map((p: PartJson) => p.id)).not.toContain(b.id);
    const byNo = await call(t, technician, 'GET', `/api/v1/parts?q=${b.partNo.slice(2).toLowerCase()}`);
    expect(byNo.json().items.map((p: PartJson) => p.id)).toEqual([b.id]);
    const byModelText = await call(t, technician, 'GET', `/api/v1/parts?q=${tag}&model=AS-VF22`);
    expect(byModelText.json().items.map((p: PartJson) => p.id)).toEqual([b.id]);
    const bySearchModel = await call(t, technician, 'GET', `/api/v1/parts?q=${encodeURIComponent('ahu8')}`);
    expect(bySearchModel.json().items.map((p: PartJson) => p.id)).toContain(a.id);
  });

  it('pages through the catalogue by part number with a cursor', async () => {
    const tag = unique('PG');
    for (let i = 0; i < 3; i++) await newPart(t, manager, { partNo: `${tag}-${i}` });
    const first = await call(t, technician, 'GET', `/api/v1/parts?q=${tag}&limit=2`);
    expect(first.json().items.map((p: PartJson) => p.partNo)).toEqual([`${tag}-0`, `${tag}-1`]);
    const second = await call(t, technician, 'GET', `/api/v1/parts?q=${tag}&limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((p: PartJson) => p.partNo)).toEqual([`${tag}-2`]);
    expect(second.json().nextCursor).toBeNull();
  });

  it('edits with the version read: a stale version is 409 and changes nothing', async () => {
    const part = await newPart(t, manager);
    const ok = await call(t, manager, 'PATCH', `/api/v1/parts/${part.id}`, { version: 1, unitCostFen: 5_000, name: '密封圈' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ unitCostFen: 5_000, name: '密封圈', version: 2 });
    const stale = await call(t, manager, 'PATCH', `/api/v1/parts/${part.id}`, { version: 1, unitCostFen: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    const now = await call(t, technician, 'GET', `/api/v1/parts/${part.id}`);
    expect(now.json().unitCostFen).toBe(5_000);
  });

  it('deactivates and reactivates, audited', async () => {
    const part = await newPart(t, manager);
    const off = await call(t, manager, 'POST', `/api/v1/parts/${part.id}/deactivate`, { version: 1 });
    expect(off.json()).toMatchObject({ active: false, abilities: { deactivate: false, reactivate: true } });
    const listed = await call(t, technician, 'GET', `/api/v1/parts?q=${part.partNo}`);
    expect(listed.json().items).toEqual([]);
    const inactive = await call(t, technician, 'GET', `/api/v1/parts?q=${part.partNo}&status=inactive`);
    expect(inactive.json().items.map((p: PartJson) => p.id)).toEqual([part.id]);
    const on = await call(t, manager, 'POST', `/api/v1/parts/${part.id}/reactivate`, { version: 2 });
    expect(on.json().active).toBe(true);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', part.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['part.create', 'part.deactivate', 'part.reactivate']);
  });

  it('refuses a duplicate part number (any case) with 409 naming partNo', async () => {
    const part = await newPart(t, manager);
    const dup = await call(t, manager, 'POST', '/api/v1/parts', { partNo: part.partNo.toLowerCase(), name: 'x', unitCostFen: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('partNo');
  });

  it('refuses bad input with 400 naming each field', async () => {
    const res = await call(t, manager, 'POST', '/api/v1/parts', { partNo: 'bad no!', name: '', unitCostFen: -1, models: 'AS' }, 'zh-CN');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['models', 'name', 'partNo', 'unitCostFen']);
    const frac = await call(t, manager, 'POST', '/api/v1/parts', { partNo: unique('P'), name: 'x', unitCostFen: 12.5 });
    expect(frac.json().errors[0].field).toBe('unitCostFen');
  });

  it('reading needs parts.read, writing parts.manage', async () => {
    expect((await call(t, customer, 'GET', '/api/v1/parts')).statusCode).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/parts')).statusCode).toBe(401);
    expect((await call(t, technician, 'POST', '/api/v1/parts', { partNo: unique('P'), name: 'x', unitCostFen: 1 })).statusCode).toBe(403);
    expect((await call(t, supervisor, 'POST', '/api/v1/parts', { partNo: unique('P'), name: 'x', unitCostFen: 1 })).statusCode).toBe(403);
    const part = await newPart(t, manager);
    expect((await call(t, technician, 'GET', `/api/v1/parts/${part.id}`)).json().abilities).toEqual({ update: false, deactivate: false, reactivate: false });
    expect((await call(t, technician, 'PATCH', `/api/v1/parts/${part.id}`, { version: 1, name: 'y' })).statusCode).toBe(403);
    expect((await call(t, technician, 'GET', '/api/v1/parts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
