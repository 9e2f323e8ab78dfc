import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFaultCodes } from '../../db/seed/demo-reports.ts';
import { act, createFieldWorld, type FieldWorld, orderAt, type OrderRef, signaturePng } from '../../test/field.ts';
import { as, createTestApp, type Session, type TestApp } from '../../test/harness.ts';

// Closing (P4.4.1-P4.4.3, P4.3.2): an order closes only when its report is filed, the
// customer's acceptance is recorded or the refusal settled, every required checklist item is
// done and every follow-up is done; the record keeps what the appraisal will need (P5.1).

let t: TestApp;
let w: FieldWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  await seedDemoFaultCodes(t.db);
  const template = await as(t.app, w.supervisor.session, {
    method: 'POST',
    url: '/api/v1/checklist-templates',
    payload: {
      workType: 'repair',
      kind: 'safety',
      nameZh: '维修安全检查',
      nameEn: 'Repair safety checks',
      items: [
        { key: 'loto', label: { 'zh-CN': '断电挂牌上锁', en: 'Lock out, tag out' }, required: true, photo: false, measurement: null },
        { key: 'tidy', label: { 'zh-CN': '清理现场', en: 'Tidy the site' }, required: false, photo: false, measurement: null },
      ],
    },
  });
  expect(template.statusCode, template.body).toBe(201);
});
afterAll(() => t?.close());

const get = (session: Session, url: string) => as(t.app, session, { method: 'GET', url });

async function step(session: Session, order: OrderRef, action: string, payload: Record<string, unknown> = {}): Promise<OrderRef> {
  const res = await act(t, session, order, action, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

async function completeChecklists(orderId: string) {
  const lists = (await get(w.tech.session, `/api/v1/work-orders/${orderId}/checklists`)).json().items;
  for (const list of lists) {
    const res = await as(t.app, w.tech.session, { method: 'PUT', url: `/api/v1/work-orders/${orderId}/checklists/${list.id}/items/loto`, payload: { done: true } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function fileReport(orderId: string) {
  const draft = await as(t.app, w.tech.session, {
    method: 'PUT',
    url: `/api/v1/work-orders/${orderId}/report`,
    payload: { version: 0, faultCode: 'E-CAP-01', faultCause: '启动电容失效', solution: '更换启动电容，试机正常' },
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const filed = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${orderId}/report/file`, payload: { version: draft.json().version } });
  expect(filed.statusCode, filed.body).toBe(200);
}

const accept = { signerName: '王经理', signature: signaturePng(), rating: 5, answers: { punctuality: 5, quality: 5, attitude: 5 } };

describe('closing an order (P4.4.2, P4.4.3, P4.3.2)', () => {
  it('is refused with 422 listing what is missing, and closes once everything is done', async () => {
    let order = await orderAt(t, w, 'on_site');

    const early = await act(t, w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'checklist.incomplete', missing: [{ itemKey: 'loto' }] });

    await completeChecklists(order.id);
    order = await step(w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    order = await step(w.tech.session, order, 'customer_accept', accept);
    const followUp = await as(t.app, w.supervisor.session, {
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/follow-ups`,
      payload: { title: '一周后回访确认机组运行', assigneeId: w.tech.employeeId },
    });
    expect(followUp.statusCode, followUp.body).toBe(201);

    const refused = await act(t, w.tech.session, order, 'close', {});
    expect(refused.statusCode).toBe(422);
    const problem = refused.json();
    expect(problem.code).toBe('closing.incomplete');
    expect(problem.missing.map((m: { kind: string }) => m.kind)).toEqual(['report', 'follow_up']);
    expect(problem.missing[1]).toMatchObject({ followUpId: followUp.json().id, title: '一周后回访确认机组运行' });
    const zh = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, payload: { action: 'close', version: order.version, payload: {} }, locale: 'zh-CN' });
    expect(zh.json().title).toBe('工单尚不能关闭：还有 2 项未完成');

    const record = (await get(w.supervisor.session, `/api/v1/work-orders/${order.id}/service-record`)).json();
    expect(record.toClose.map((m: { kind: string }) => m.kind)).toEqual(['report', 'follow_up']);

    await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/visits/check-out`, payload: {} });
    await fileReport(order.id);
    const done = await as(t.app, w.tech.session, {
      method: 'POST',
      url: `/api/v1/follow-ups/${followUp.json().id}/complete`,
      payload: { version: followUp.json().version, outcome: '客户确认机组运行正常' },
    });
    expect(done.statusCode, done.body).toBe(200);

    order = await step(w.tech.session, order, 'close');
    expect(order.state).toBe('closed');

    // The fault comes back: the order reopens, and its report must be filed again for the new work.
    order = await step(w.portal.session, order, 'reopen', { reason: '一周后再次报 E04' });
    const reopened = (await get(w.tech.session, `/api/v1/work-orders/${order.id}/report`)).json();
    expect(reopened.status).toBe('draft');
    expect((await get(w.supervisor.session, `/api/v1/work-orders/${order.id}/service-record`)).json().toClose).toContainEqual({ kind: 'report' });
  });

  it('keeps on the record what the appraisal needs: arrival against its deadline, check-in distance, resolution, rating (P5.1)', async () => {
    let order = await orderAt(t, w, 'on_site');
    await completeChecklists(order.id);
    order = await step(w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    order = await step(w.tech.session, order, 'customer_accept', { ...accept, rating: 4 });
    const record = (await get(w.supervisor.session, `/api/v1/work-orders/${order.id}/service-record`)).json();
    expect(record.arrival).toMatchObject({ status: 'on_time', checkInDistanceMeters: 0, withinRadius: true });
    expect(record.arrival.arrivedAt).not.toBeNull();
    expect(record.resolution).toMatchObject({ reopenCount: 0 });
    expect(record.resolution.resolvedAt).not.toBeNull();
    expect(record.rating).toMatchObject({ rating: 4, source: 'on_site' });
    expect(record.toClose).toEqual([{ kind: 'report' }]);
    expect((await get(w.portal.session, `/api/v1/work-orders/${order.id}/service-record`)).statusCode).toBe(403);
  });

  it('after a refusal, closes only once a dispatcher settles it (P4.4.1)', async () => {
    let order = await orderAt(t, w, 'on_site');
    // On site, with nothing refused, there is nothing to settle.
    expect((await get(w.supervisor.session, `/api/v1/work-orders/${order.id}`)).json().allowedActions).not.toContain('settle_refusal');
    await completeChecklists(order.id);
    order = await step(w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    order = await step(w.portal.session, order, 'customer_refuse', { reason: '机组仍有异响' });
    expect(order.state).toBe('on_site');
    expect((await get(w.supervisor.session, `/api/v1/work-orders/${order.id}`)).json().allowedActions).toContain('settle_refusal');
    expect((await act(t, w.tech.session, order, 'settle_refusal', { note: '异响为风道共振，非故障' })).statusCode).toBe(409);
    order = await step(w.supervisor.session, order, 'settle_refusal', { note: '异响为风道共振，非故障；已向客户解释' });
    expect(order.state).toBe('customer_accepted');

    await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/visits/check-out`, payload: {} });
    await fileReport(order.id);
    order = await step(w.supervisor.session, order, 'close');
    expect(order.state).toBe('closed');
  });

  it('lets the technician check in again for a return visit after a refusal, with the same evidence (P4.4.1, P4.3.2)', async () => {
    let order = await orderAt(t, w, 'on_site');
    await completeChecklists(order.id);
    order = await step(w.tech.session, order, 'complete_work', { resolution: '更换启动电容' });
    const visits = `/api/v1/work-orders/${order.id}/visits`;
    expect((await as(t.app, w.tech.session, { method: 'POST', url: `${visits}/check-out`, payload: {} })).statusCode).toBe(200);
    // Checking in again is for work sent back on site, not for work done.
    expect((await as(t.app, w.tech.session, { method: 'POST', url: `${visits}/check-in`, payload: {} })).statusCode).toBe(409);

    order = await step(w.portal.session, order, 'customer_refuse', { reason: '机组仍有异响' });
    expect((await get(w.tech.session, visits)).json().abilities).toEqual({ checkOut: false, checkIn: true });
    const again = await as(t.app, w.tech.session, { method: 'POST', url: `${visits}/check-in`, payload: { location: { ...w.site, accuracyMeters: 8 } } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().items).toHaveLength(2);
    expect(again.json().items[1]).toMatchObject({ distanceMeters: 0, withinRadius: true, checkOutAt: null });
    const twice = await as(t.app, w.tech.session, { method: 'POST', url: `${visits}/check-in`, payload: {}, locale: 'zh-CN' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().title).toBe('本次上门已签到');
    expect((await as(t.app, w.supervisor.session, { method: 'POST', url: `${visits}/check-in`, payload: {} })).statusCode).toBe(403);
  });
});
