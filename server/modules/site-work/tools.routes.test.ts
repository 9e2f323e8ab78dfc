import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createEmployeeRow, createTestApp, createUser, type Session, signIn, signInAs, type TestApp, unique } from '../../test/harness.ts';
import { act, createFieldWorld, type FieldWorld, orderAt } from '../../test/field.ts';
import { companyToday } from '../settings/service.ts';
import { addDays } from './tools.ts';

let t: TestApp;
let w: FieldWorld;
let manager: Session;
let admin: Session;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  manager = await signInAs(t, { role: 'manager' });
  admin = await signInAs(t, { role: 'admin' });
  today = await companyToday(t.db);
});
afterAll(() => t.close());

type Tool = {
  id: string;
  assetNo: string;
  due: string;
  calibrationDueOn: string | null;
  holder: { id: string; name: string } | null;
  lastCalibration: { performedOn: string; result: string } | null;
  maintenance: Array<{ kind: string; result: string; nextDueOn: string | null }>;
  version: number;
  abilities: { update: boolean; logMaintenance: boolean };
};

async function newTool(fields: Record<string, unknown> = {}): Promise<Tool> {
  const res = await as(t.app, manager, {
    method: 'POST',
    url: '/api/v1/tools',
    payload: { assetNo: unique('T-'), name: '绝缘电阻测试仪', kind: 'instrument', holderId: w.tech.employeeId, ...fields },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const listed = async (session: Session, query: string) => {
  const res = await as(t.app, session, { method: 'GET', url: `/api/v1/tools?${query}&limit=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Tool[]).map((x) => x.assetNo);
};

describe('tools register (P2.2.3)', () => {
  it('answers 401 without a session, 403 to roles without tools.read or tools.manage', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/tools' })).statusCode).toBe(401);
    expect((await as(t.app, w.agent, { method: 'GET', url: '/api/v1/tools' })).statusCode).toBe(403);
    expect((await as(t.app, w.portal.session, { method: 'GET', url: '/api/v1/tools' })).statusCode).toBe(403);
    const create = await as(t.app, w.tech.session, { method: 'POST', url: '/api/v1/tools', payload: { assetNo: unique('T-'), name: 'x', kind: 'tool' } });
    expect(create.statusCode).toBe(403);
  });

  it('creates a tool with an audit row; a duplicate asset number is 409 naming assetNo', async () => {
    const tool = await newTool({ model: 'FLUKE 1508', serialNumber: 'F1508-001' });
    expect(tool.holder).toEqual({ id: w.tech.employeeId, name: '李维修' });
    expect(tool.due).toBe('none');
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', tool.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['tool.create']);
    const dup = await as(t.app, manager, { method: 'POST', url: '/api/v1/tools', payload: { assetNo: tool.assetNo.toLowerCase(), name: 'y', kind: 'tool' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('assetNo');
  });

  it('refuses an unknown holder (400 holderId) and a bad kind (400 kind)', async () => {
    const res = await as(t.app, manager, {
      method: 'POST',
      url: '/api/v1/tools',
      payload: { assetNo: unique('T-'), name: 'x', kind: 'gadget', holderId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('kind');
    const holder = await as(t.app, manager, {
      method: 'POST',
      url: '/api/v1/tools',
      payload: { assetNo: unique('T-'), name: 'x', kind: 'tool', holderId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(holder.statusCode).toBe(400);
    expect(holder.json().errors[0].field).toBe('holderId');
  });

  it('edits on the version read and answers 409 on a stale one', async () => {
    const tool = await newTool();
    const ok = await as(t.app, manager, { method: 'PATCH', url: `/api/v1/tools/${tool.id}`, payload: { version: tool.version, notes: '随车存放' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(tool.version + 1);
    const stale = await as(t.app, manager, { method: 'PATCH', url: `/api/v1/tools/${tool.id}`, payload: { version: tool.version, notes: '另一个' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
  });

  it('flags overdue and due soon against today and tools.calibrationWarnDays, and filters by them', async () => {
    const overdue = await newTool({ calibrationDueOn: addDays(today, -1) });
    const soon = await newTool({ calibrationDueOn: addDays(today, 20) });
    const later = await newTool({ calibrationDueOn: addDays(today, 45) });
    const dueToday = await newTool({ calibrationDueOn: today });
    const one = async (id: string) => (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/tools/${id}` })).json() as Tool;
    expect((await one(overdue.id)).due).toBe('overdue');
    expect((await one(soon.id)).due).toBe('due_soon');
    expect((await one(later.id)).due).toBe('ok');
    expect((await one(dueToday.id)).due).toBe('due_soon');
    const overdueList = await listed(w.tech.session, 'due=overdue');
    expect(overdueList).toContain(overdue.assetNo);
    expect(overdueList).not.toContain(soon.assetNo);
    const soonList = await listed(w.tech.session, 'due=due_soon');
    expect(soonList).toEqual(expect.arrayContaining([soon.assetNo, dueToday.assetNo]));
    expect(soonList).not.toContain(later.assetNo);
    expect(soonList).not.toContain(overdue.assetNo);

    // The warning window is a dated setting: from today it is 60 days, and the 45-day tool is due soon.
    const set = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/settings/tools.calibrationWarnDays/versions',
      payload: { value: 60, effectiveFrom: today, reason: 'test' },
    });
    expect(set.statusCode, set.body).toBe(201);
    expect((await one(later.id)).due).toBe('due_soon');
    expect(await listed(w.tech.session, 'due=due_soon')).toContain(later.assetNo);
  });

  it('filters by holder and finds by asset number, name or serial', async () => {
    const other = await createEmployeeRow(t.db, { teamId: w.teamId, name: '王安装' });
    const mine = await newTool({ serialNumber: unique('SER') });
    const theirs = await newTool({ holderId: other.id, name: '扭力扳手', kind: 'tool' });
    const byHolder = await listed(manager, `holderId=${other.id}`);
    expect(byHolder).toEqual([theirs.assetNo]);
    expect(await listed(manager, `q=${encodeURIComponent('扭力')}`)).toContain(theirs.assetNo);
    const serial = (await t.db.selectFrom('tools').select('serialNumber').where('id', '=', mine.id).executeTakeFirstOrThrow()).serialNumber!;
    expect(await listed(manager, `q=${serial.toLowerCase()}`)).toEqual([mine.assetNo]);
  });
});

describe('maintenance log (P2.2.3)', () => {
  it('lets the holder log a calibration, which moves the due date; others may not', async () => {
    const tool = await newTool({ calibrationDueOn: addDays(today, -10) });
    expect(tool.abilities).toEqual({ update: true, logMaintenance: true });
    const stranger = await createEmployeeRow(t.db, { teamId: w.teamId });
    const strangerUser = await createUser(t.db, { role: 'technician', employeeId: stranger.id });
    const strangerSession = await signIn(t.app, strangerUser.username);
    const entry = { kind: 'calibration', performedOn: today, performedBy: '上海计量院', result: 'pass', nextDueOn: addDays(today, 365) };
    const refused = await as(t.app, strangerSession, { method: 'POST', url: `/api/v1/tools/${tool.id}/maintenance`, payload: entry });
    expect(refused.statusCode).toBe(403);
    const asHolder = (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/tools/${tool.id}` })).json() as Tool;
    expect(asHolder.abilities).toEqual({ update: false, logMaintenance: true });

    const res = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/tools/${tool.id}/maintenance`, payload: entry });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json() as Tool;
    expect(after.calibrationDueOn).toBe(addDays(today, 365));
    expect(after.due).toBe('ok');
    expect(after.lastCalibration).toEqual({ performedOn: today, result: 'pass' });
    expect(after.maintenance).toHaveLength(1);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', tool.id).execute();
    expect(audit.map((a) => a.action)).toContain('tool.maintenance');
  });

  it('computes the next due date from the interval when none is given; a failed calibration leaves it', async () => {
    const tool = await newTool({ calibrationDueOn: addDays(today, 3), maintenanceIntervalDays: 180 });
    const failed = await as(t.app, manager, {
      method: 'POST',
      url: `/api/v1/tools/${tool.id}/maintenance`,
      payload: { kind: 'calibration', performedOn: today, performedBy: '计量室', result: 'fail', note: '示值超差' },
    });
    expect(failed.json().calibrationDueOn).toBe(addDays(today, 3));
    expect(failed.json().lastCalibration.result).toBe('fail');
    const passed = await as(t.app, manager, {
      method: 'POST',
      url: `/api/v1/tools/${tool.id}/maintenance`,
      payload: { kind: 'maintenance', performedOn: today, performedBy: '计量室', result: 'done' },
    });
    expect(passed.json().calibrationDueOn).toBe(addDays(today, 180));
  });

  it('refuses a next due date not after the performed date (400 nextDueOn)', async () => {
    const tool = await newTool();
    const res = await as(t.app, manager, {
      method: 'POST',
      url: `/api/v1/tools/${tool.id}/maintenance`,
      payload: { kind: 'calibration', performedOn: today, performedBy: '计量室', result: 'pass', nextDueOn: today },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('nextDueOn');
  });
});

describe('tools a visit needs (P4.3.1)', () => {
  it('flags an overdue calibration and a failed last calibration on the order; customers get 404', async () => {
    const order = await orderAt(t, w, 'visit_scheduled');
    const overdue = await newTool({ calibrationDueOn: addDays(today, -1) });
    const failed = await newTool({ calibrationDueOn: addDays(today, 100) });
    await as(t.app, manager, {
      method: 'POST',
      url: `/api/v1/tools/${failed.id}/maintenance`,
      payload: { kind: 'calibration', performedOn: today, performedBy: '计量室', result: 'fail' },
    });
    const fine = await newTool({ calibrationDueOn: addDays(today, 100) });
    for (const tool of [overdue, failed, fine]) {
      const res = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/tools`, payload: { toolId: tool.id } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/tools` });
    const items = res.json().items as Array<{ id: string; overdue: boolean; lastCalibrationFailed: boolean }>;
    expect(items.find((i) => i.id === overdue.id)).toMatchObject({ overdue: true, lastCalibrationFailed: false });
    expect(items.find((i) => i.id === failed.id)).toMatchObject({ overdue: false, lastCalibrationFailed: true });
    expect(items.find((i) => i.id === fine.id)).toMatchObject({ overdue: false, lastCalibrationFailed: false });
    expect(res.json().abilities).toEqual({ add: true, remove: true });
    expect((await as(t.app, w.portal.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/tools` })).statusCode).toBe(404);
  });

  it('lets a dispatcher add and remove, refuses a retired tool and a technician off the order', async () => {
    const order = await orderAt(t, w, 'assigned');
    const tool = await newTool();
    const retired = await newTool({ status: 'retired' });
    const add = await as(t.app, w.agent, { method: 'POST', url: `/api/v1/work-orders/${order.id}/tools`, payload: { toolId: tool.id } });
    expect(add.statusCode, add.body).toBe(201);
    const bad = await as(t.app, w.agent, { method: 'POST', url: `/api/v1/work-orders/${order.id}/tools`, payload: { toolId: retired.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('toolId');
    const options = await as(t.app, w.agent, { method: 'GET', url: `/api/v1/work-orders/${order.id}/tools/options?q=${tool.assetNo}` });
    expect(options.json().items.map((o: { id: string }) => o.id)).toEqual([tool.id]);

    const outsider = await signInAs(t, { role: 'technician', employeeId: (await createEmployeeRow(t.db)).id });
    const refused = await as(t.app, outsider, { method: 'POST', url: `/api/v1/work-orders/${order.id}/tools`, payload: { toolId: tool.id } });
    expect([403, 404]).toContain(refused.statusCode);

    const removed = await as(t.app, w.agent, { method: 'DELETE', url: `/api/v1/work-orders/${order.id}/tools/${tool.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items).toEqual([]);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', order.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['work_order.tool_add', 'work_order.tool_remove']));
  });

  it('stops changes once the order is finished (422)', async () => {
    const order = await orderAt(t, w, 'assigned');
    const tool = await newTool();
    const cancelled = await act(t, w.agent, order, 'cancel', { reason: '客户取消' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const res = await as(t.app, w.agent, { method: 'POST', url: `/api/v1/work-orders/${order.id}/tools`, payload: { toolId: tool.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('tools.order_closed');
  });
});
