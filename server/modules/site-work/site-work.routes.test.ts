import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createEmployeeRow, createTestApp, createUser, type Session, signIn, signInAs, type TestApp } from '../../test/harness.ts';
import { act, createFieldWorld, type FieldWorld, type OrderRef, orderAt } from '../../test/field.ts';
import { instantiateChecklists } from './checklists.ts';
import { missingChecklistItems } from './effects.ts';
import { orderVisitSummary } from './visits.ts';

let t: TestApp;
let w: FieldWorld;
let manager: Session;

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const photo = { filename: 'nameplate.png', contentType: 'image/png', dataBase64: PNG };

const repairProcedure = {
  workType: 'repair',
  kind: 'procedure',
  nameZh: '维修作业流程',
  nameEn: 'Repair procedure',
  items: [
    { key: 'nameplate', label: { 'zh-CN': '拍摄铭牌照片', en: 'Photograph the nameplate' }, required: true, photo: true, measurement: null },
    {
      key: 'insulation',
      label: { 'zh-CN': '测量绝缘电阻', en: 'Measure insulation resistance' },
      required: true,
      photo: false,
      measurement: { unit: 'MΩ', min: 2, max: null },
    },
    { key: 'current', label: { 'zh-CN': '测量运行电流', en: 'Measure running current' }, required: false, photo: false, measurement: { unit: 'A', min: 10, max: 16 } },
  ],
};
const repairSafety = {
  workType: 'repair',
  kind: 'safety',
  nameZh: '维修安全检查',
  nameEn: 'Repair safety',
  items: [{ key: 'loto', label: { 'zh-CN': '断电挂牌上锁', en: 'Lock out, tag out' }, required: true, photo: false, measurement: null }],
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  manager = await signInAs(t, { role: 'manager' });
  for (const template of [repairProcedure, repairSafety]) {
    const res = await as(t.app, w.supervisor.session, { method: 'POST', url: '/api/v1/checklist-templates', payload: template });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => t.close());

type Checklist = {
  id: string;
  kind: string;
  name: { 'zh-CN': string; en: string };
  items: Array<{ key: string; complete: boolean; result: { version: number; outOfRange: boolean; attachmentId: string | null } | null }>;
  requiredCount: number;
  requiredDone: number;
};

async function checklistsOf(order: { id: string }, session: Session = w.tech.session): Promise<Checklist[]> {
  const res = await as(t.app, session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/checklists` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

function record(order: { id: string }, checklistId: string, key: string, payload: Record<string, unknown>, session: Session = w.tech.session) {
  return as(t.app, session, { method: 'PUT', url: `/api/v1/work-orders/${order.id}/checklists/${checklistId}/items/${key}`, payload });
}

const near = (metres: number) => ({ latitude: w.site.latitude + metres / 111_195, longitude: w.site.longitude, accuracyMeters: 8 });

async function arriveAt(location?: unknown): Promise<OrderRef> {
  const order = await orderAt(t, w, 'en_route');
  const res = await act(t, w.tech.session, order, 'arrive', {}, location);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('check-in on arrival (P4.3.2, P5.1.2)', () => {
  it('records the visit with the GPS fix, its distance to the site and the departure time', async () => {
    const order = await arriveAt(near(120));
    const visits = await t.db.selectFrom('siteVisits').selectAll().where('workOrderId', '=', order.id).execute();
    expect(visits).toHaveLength(1);
    const visit = visits[0]!;
    expect(visit.employeeId).toBe(w.tech.employeeId);
    expect(visit.checkInDistanceM).toBeGreaterThanOrEqual(119);
    expect(visit.checkInDistanceM).toBeLessThanOrEqual(121);
    expect(visit.checkInAccuracyM).toBe(8);
    const depart = await t.db.selectFrom('workOrderEvents').select('at').where('workOrderId', '=', order.id).where('action', '=', 'depart').executeTakeFirstOrThrow();
    expect(visit.departedAt?.toISOString()).toBe(depart.at.toISOString());
    const arrive = await t.db.selectFrom('workOrderEvents').select('data').where('workOrderId', '=', order.id).where('action', '=', 'arrive').executeTakeFirstOrThrow();
    expect(arrive.data).toMatchObject({ distanceMeters: visit.checkInDistanceM, withinRadius: true });
  });

  it('flags a check-in beyond visits.checkInRadiusMeters, and records one without GPS', async () => {
    const far = await arriveAt(near(2_000));
    const res = await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/work-orders/${far.id}/visits` });
    expect(res.statusCode).toBe(200);
    const [visit] = res.json().items;
    expect(visit.withinRadius).toBe(false);
    expect(visit.radiusMeters).toBe(500);
    expect(visit.distanceMeters).toBeGreaterThan(1_990);

    const blind = await arriveAt(undefined);
    const blindVisit = (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/work-orders/${blind.id}/visits` })).json().items[0];
    expect(blindVisit).toMatchObject({ checkIn: null, distanceMeters: null, withinRadius: null });
  });

  it('checks out the assignee only, once; 409 when no visit is open', async () => {
    const order = await arriveAt(near(0));
    const url = `/api/v1/work-orders/${order.id}/visits/check-out`;
    expect((await as(t.app, w.supervisor.session, { method: 'POST', url, payload: {} })).statusCode).toBe(403);
    const before = (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/visits` })).json();
    expect(before.abilities.checkOut).toBe(true);
    const res = await as(t.app, w.tech.session, { method: 'POST', url, payload: { location: near(30) } });
    expect(res.statusCode, res.body).toBe(200);
    const visit = res.json().items[0];
    expect(visit.checkOutAt).not.toBeNull();
    expect(visit.checkOutDistanceMeters).toBeGreaterThanOrEqual(29);
    expect(visit.onSiteMinutes).toBe(0);
    expect(res.json().abilities.checkOut).toBe(false);
    const again = await as(t.app, w.tech.session, { method: 'POST', url, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('visit.not_open');
    expect((await as(t.app, w.portal.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/visits` })).statusCode).toBe(404);
  });

  it('sums travel and on-site minutes for the report (orderVisitSummary)', async () => {
    const order = await arriveAt(near(0));
    const checkIn = new Date('2026-11-20T02:00:00Z');
    await t.db
      .updateTable('siteVisits')
      .set({ departedAt: new Date('2026-11-20T01:15:00Z'), checkInAt: checkIn, checkOutAt: new Date('2026-11-20T04:30:00Z') })
      .where('workOrderId', '=', order.id)
      .execute();
    const summary = await orderVisitSummary(t.db, order.id);
    expect(summary).toMatchObject({ travelMinutes: 45, onSiteMinutes: 150, firstCheckInAt: checkIn.toISOString(), firstCheckInDistanceM: 0 });
    expect(summary.visits[0]).toMatchObject({ travelMinutes: 45, onSiteMinutes: 150, withinRadius: true });
  });
});

describe('checklist templates (P4.3.2, P2.3.1)', () => {
  it('is for checklists.manage only; the items are validated field by field', async () => {
    expect((await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/checklist-templates' })).statusCode).toBe(403);
    expect((await as(t.app, w.agent, { method: 'POST', url: '/api/v1/checklist-templates', payload: repairSafety })).statusCode).toBe(403);
    const dup = await as(t.app, manager, {
      method: 'POST',
      url: '/api/v1/checklist-templates',
      payload: { ...repairSafety, items: [repairSafety.items[0], repairSafety.items[0]] },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors.map((e: { field: string }) => e.field)).toContain('items.1.key');
    const range = await as(t.app, manager, {
      method: 'POST',
      url: '/api/v1/checklist-templates',
      payload: { ...repairSafety, items: [{ ...repairProcedure.items[2], measurement: { unit: 'A', min: 20, max: 10 } }] },
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().errors[0].field).toBe('items.0.measurement.max');
  });

  it('edits on the version read (409 when stale) and deactivates', async () => {
    const created = (
      await as(t.app, manager, { method: 'POST', url: '/api/v1/checklist-templates', payload: { ...repairSafety, workType: 'maintenance', nameEn: 'Maintenance safety' } })
    ).json();
    const edited = await as(t.app, manager, { method: 'PATCH', url: `/api/v1/checklist-templates/${created.id}`, payload: { version: created.version, nameZh: '保养安全' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await as(t.app, manager, { method: 'PATCH', url: `/api/v1/checklist-templates/${created.id}`, payload: { version: created.version, nameZh: 'x' } });
    expect(stale.statusCode).toBe(409);
    const off = await as(t.app, manager, { method: 'POST', url: `/api/v1/checklist-templates/${created.id}/deactivate`, payload: { version: edited.json().version } });
    expect(off.json().active).toBe(false);
    const active = (await as(t.app, manager, { method: 'GET', url: '/api/v1/checklist-templates?workType=maintenance' })).json().items;
    expect(active.map((x: { id: string }) => x.id)).not.toContain(created.id);
    const all = (await as(t.app, manager, { method: 'GET', url: '/api/v1/checklist-templates?workType=maintenance&status=all' })).json().items;
    expect(all.map((x: { id: string }) => x.id)).toContain(created.id);
  });
});

describe('checklists on the order (P4.3.2)', () => {
  it('gives a repair order the active repair templates on check-in, once', async () => {
    const order = await arriveAt(near(0));
    const lists = await checklistsOf(order);
    expect(lists.map((c) => c.name.en).sort()).toEqual(['Repair procedure', 'Repair safety']);
    expect(lists.find((c) => c.kind === 'procedure')).toMatchObject({ requiredCount: 2, requiredDone: 0 });
    const row = await t.db.selectFrom('workOrders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    await instantiateChecklists({ trx: t.db, order: row });
    expect(await checklistsOf(order)).toHaveLength(2);
  });

  it('gives no checklists to categories without a work type', async () => {
    const order = await orderAt(t, w, 'on_site', { category: 'consultation' });
    expect(await checklistsOf(order)).toEqual([]);
    expect(await missingChecklistItems(t.db, order.id)).toEqual([]);
  });

  it('keeps the items an order was given when the template changes later', async () => {
    const order = await arriveAt(near(0));
    const templates = (await as(t.app, manager, { method: 'GET', url: '/api/v1/checklist-templates?workType=repair' })).json().items;
    const safety = templates.find((x: { kind: string }) => x.kind === 'safety');
    const extra = { key: 'ppe', label: { 'zh-CN': '佩戴劳保用品', en: 'Wear PPE' }, required: true, photo: false, measurement: null };
    const res = await as(t.app, manager, {
      method: 'PATCH',
      url: `/api/v1/checklist-templates/${safety.id}`,
      payload: { version: safety.version, items: [...safety.items, extra] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await checklistsOf(order)).find((c) => c.kind === 'safety')!;
    expect(mine.items.map((i) => i.key)).toEqual(['loto']);
    await as(t.app, manager, { method: 'PATCH', url: `/api/v1/checklist-templates/${safety.id}`, payload: { version: res.json().version, items: safety.items } });
  });

  it('takes a full-size photo from a phone camera (a few MB), not only small ones', async () => {
    const order = await arriveAt(near(0));
    const proc = (await checklistsOf(order)).find((c) => c.kind === 'procedure')!;
    const camera = { filename: 'IMG_0001.jpg', contentType: 'image/jpeg', dataBase64: Buffer.alloc(4 * 1024 * 1024, 0xa5).toString('base64') };
    const res = await record(order, proc.id, 'nameplate', { done: true, photo: camera });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const stored = await t.db.selectFrom('attachments').select('size').where('workOrderId', '=', order.id).executeTakeFirstOrThrow();
    expect(stored.size).toBe(4 * 1024 * 1024);
  });

  it('needs the photo, the value, and a justification for a value out of range (400 naming the field)', async () => {
    const order = await arriveAt(near(0));
    const proc = (await checklistsOf(order)).find((c) => c.kind === 'procedure')!;
    const noPhoto = await record(order, proc.id, 'nameplate', { done: true });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().errors[0].field).toBe('photo');
    const withPhoto = await record(order, proc.id, 'nameplate', { done: true, photo });
    expect(withPhoto.statusCode, withPhoto.body).toBe(200);
    const nameplate = withPhoto.json().items.find((c: Checklist) => c.id === proc.id).items[0];
    expect(nameplate.complete).toBe(true);
    expect(nameplate.result.attachmentId).not.toBeNull();

    const noValue = await record(order, proc.id, 'insulation', { done: true });
    expect(noValue.json().errors[0].field).toBe('value');
    const low = await record(order, proc.id, 'insulation', { done: true, value: 1.2 }, w.tech.session);
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0].field).toBe('justification');
    const zhLow = await as(t.app, w.tech.session, {
      method: 'PUT',
      url: `/api/v1/work-orders/${order.id}/checklists/${proc.id}/items/insulation`,
      payload: { done: true, value: 1.2 },
      locale: 'zh-CN',
    });
    expect(zhLow.json().errors[0].message).toContain('说明');
    const justified = await record(order, proc.id, 'insulation', { done: true, value: 1.2, justification: '电机受潮，烘干后复测 2.5 MΩ 前先记录原值' });
    expect(justified.statusCode, justified.body).toBe(200);
    const insulation = justified.json().items.find((c: Checklist) => c.id === proc.id).items[1];
    expect(insulation.result).toMatchObject({ outOfRange: true, version: 1 });
    expect(insulation.complete).toBe(true);

    const notMeasured = await record(order, proc.id, 'nameplate', { done: true, value: 3, version: 1 });
    expect(notMeasured.json().errors[0].field).toBe('value');
  });

  it('answers 409 on a stale version, 403 to others than the assignee, 404 to the customer', async () => {
    const order = await arriveAt(near(0));
    const safety = (await checklistsOf(order)).find((c) => c.kind === 'safety')!;
    expect((await record(order, safety.id, 'loto', { done: true })).statusCode).toBe(200);
    expect((await record(order, safety.id, 'loto', { done: false, version: 1 })).statusCode).toBe(200);
    const stale = await record(order, safety.id, 'loto', { done: true, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await record(order, safety.id, 'loto', { done: true })).statusCode).toBe(409);
    expect((await record(order, safety.id, 'loto', { done: true, version: 2 }, w.supervisor.session)).statusCode).toBe(403);
    expect((await record(order, safety.id, 'nope', { done: true, version: 2 })).statusCode).toBe(404);
    expect((await as(t.app, w.portal.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/checklists` })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', safety.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['checklist_result.record', 'checklist_result.record']);
  });

  it('refuses complete_work while required items are missing (422 listing them), then allows it', async () => {
    const order = await arriveAt(near(0));
    const lists = await checklistsOf(order);
    const proc = lists.find((c) => c.kind === 'procedure')!;
    const safety = lists.find((c) => c.kind === 'safety')!;
    await record(order, safety.id, 'loto', { done: true });
    const refused = await act(t, w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('checklist.incomplete');
    expect(refused.json().missing.map((m: { itemKey: string }) => m.itemKey)).toEqual(['nameplate', 'insulation']);
    expect(refused.json().title).toContain('2');

    await record(order, proc.id, 'nameplate', { done: true, photo });
    await record(order, proc.id, 'insulation', { done: true, value: 250 });
    expect(await missingChecklistItems(t.db, order.id)).toEqual([]);
    const done = await act(t, w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('work_done');
    const after = await record(order, safety.id, 'loto', { done: false, version: 1 });
    expect(after.statusCode).toBe(422);
    expect(after.json().code).toBe('checklist.not_on_site');
  });
});

describe('another technician', () => {
  it('may not check out or record on an order that is not theirs', async () => {
    const order = await arriveAt(near(0));
    const other = await createEmployeeRow(t.db, { teamId: w.teamId });
    const otherUser = await createUser(t.db, { role: 'technician', employeeId: other.id });
    const session = await signIn(t.app, otherUser.username);
    const safety = (await checklistsOf(order, session)).find((c) => c.kind === 'safety')!;
    expect((await record(order, safety.id, 'loto', { done: true }, session)).statusCode).toBe(403);
    expect((await as(t.app, session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/visits/check-out`, payload: {} })).statusCode).toBe(403);
  });
});
