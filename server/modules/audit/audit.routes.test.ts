import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, signInAs, type TestApp, unique } from '../../test/harness.ts';

let t: TestApp;
let admin: Session;
let hr: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, { role: 'admin' });
  hr = await signInAs(t, { role: 'hr' });
});
afterAll(() => t?.close());

async function createEmployee(name: string) {
  const res = await as(t.app, hr, {
    method: 'POST',
    url: '/api/v1/employees',
    payload: { employeeNo: unique('A'), name, position: 'support_engineer', grade: 'T1', hireDate: '2024-01-02' },
  });
  return res.json();
}

describe('GET /api/v1/audit-log', () => {
  it('401 without a session, 403 for everyone but administrators', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(401);
    for (const role of ['hr', 'manager', 'supervisor', 'agent', 'technician'] as const) {
      const s = await signInAs(t, { role });
      expect((await as(t.app, s, { method: 'GET', url: '/api/v1/audit-log' })).statusCode, role).toBe(403);
    }
  });

  it('400 for bad filters', async () => {
    const res = await as(t.app, admin, { method: 'GET', url: '/api/v1/audit-log?from=2026-13-01&actorUserId=x&limit=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.actorUserId', 'querystring.from', 'querystring.limit']);
    const reversed = await as(t.app, admin, { method: 'GET', url: '/api/v1/audit-log?from=2026-02-01&to=2026-01-01' });
    expect(reversed.json().errors[0].field).toBe('to');
  });

  it('records who changed what, before and after, and filters by entity, actor and action', async () => {
    const e = await createEmployee('审计甲');
    await as(t.app, hr, { method: 'PATCH', url: `/api/v1/employees/${e.id}`, payload: { version: 1, grade: 'T2' } });
    const res = await as(t.app, admin, { method: 'GET', url: `/api/v1/audit-log?entityType=employee&entityId=${e.id}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['employee.update', 'employee.create']);
    expect(items[0].actor.id).toBe(hr.userId);
    expect(items[0].before.grade).toBe('T1');
    expect(items[0].after.grade).toBe('T2');
    const byActor = (await as(t.app, admin, { method: 'GET', url: `/api/v1/audit-log?actorUserId=${hr.userId}&action=employee.&limit=100` })).json();
    expect(byActor.items.length).toBeGreaterThanOrEqual(2);
    for (const i of byActor.items) expect(i.action.startsWith('employee.')).toBe(true);
  });

  it('filters by business days in the company time zone and pages through everything', async () => {
    for (let i = 0; i < 3; i++) await createEmployee(`翻页${i}`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const all = (await as(t.app, admin, { method: 'GET', url: `/api/v1/audit-log?from=${today}&to=${today}&limit=100` })).json();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const none = (await as(t.app, admin, { method: 'GET', url: '/api/v1/audit-log?to=2000-01-01' })).json();
    expect(none.items).toHaveLength(0);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await as(t.app, admin, { method: 'GET', url: `/api/v1/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('never keeps password hashes or search keys', async () => {
    const rows = await t.db.selectFrom('auditLog').select(['before', 'after']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('searchGrams');
  });
});

describe('GET /api/v1/audit-log/export', () => {
  it('401, 400, 403, and a CSV with a byte-order mark; the export is itself audited', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/audit-log/export' })).statusCode).toBe(401);
    expect((await as(t.app, hr, { method: 'GET', url: '/api/v1/audit-log/export' })).statusCode).toBe(403);
    expect((await as(t.app, admin, { method: 'GET', url: '/api/v1/audit-log/export?from=yesterday' })).statusCode).toBe(400);
    const e = await createEmployee('导出，"引号"');
    const res = await as(t.app, admin, { method: 'GET', url: `/api/v1/audit-log/export?entityId=${e.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,entityType,entityId,before,after,requestId');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('employee.create');
    expect(lines[1]).toContain('导出，\\""引号\\""');
    const exported = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'audit.export').execute();
    expect(exported.length).toBeGreaterThan(0);
  });
});
