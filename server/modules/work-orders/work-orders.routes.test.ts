import { makeDispatchable } from '../../test/dispatch.ts';
import { signaturePng } from '../../test/field.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, signInAs, type TestApp, unique } from '../../test/harness.ts';
import { receiveOrder } from './intake.ts';

let t: TestApp;
let agent: Session;
let customerId: string;
let siteId: string;
let productId: string;
let otherCustomerId: string;
let otherSiteId: string;
let teamId: string;
let tech: { employeeId: string; session: Session };
let colleague: { employeeId: string; session: Session };
let portal: Session;

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function technician(name: string) {
  const e = await createEmployeeRow(t.db, { teamId, name });
  const u = await createUser(t.db, { role: 'technician', employeeId: e.id, locale: 'zh-CN' });
  await makeDispatchable(t.db, e.id); // eligible for these orders on any day (P4.1.2)
  return { employeeId: e.id, session: await signIn(t.app, u.username) };
}

beforeAll(async () => {
  t = await createTestApp();
  agent = await signInAs(t, { role: 'agent' });
  const c = await createCustomerRow(t.db, '华东精密机械有限公司');
  customerId = c.id;
  siteId = (await t.db.insertInto('customerSites').values({ customerId, name: '一号厂房', address: '上海市闵行区', city: '上海', latitude: 31.1, longitude: 121.4 }).returning('id').executeTakeFirstOrThrow()).id;
  productId = (
    await t.db.insertInto('installedProducts').values({ customerId, siteId, model: 'AS-HP3000', productName: '热泵机组', serialNumber: unique('SN-') }).returning('id').executeTakeFirstOrThrow()
  ).id;
  const other = await createCustomerRow(t.db, '别家公司');
  otherCustomerId = other.id;
  otherSiteId = (await t.db.insertInto('customerSites').values({ customerId: other.id, name: '别处', address: '苏州', city: '苏州', latitude: 31.3, longitude: 120.6 }).returning('id').executeTakeFirstOrThrow()).id;
  teamId = (await createTeam(t.db)).id;
  tech = await technician('李维修');
  colleague = await technician('王支持');
  const portalUser = await createUser(t.db, { role: 'customer', customerId, locale: 'zh-CN' });
  portal = await signIn(t.app, portalUser.username);
});
afterAll(() => t?.close());

const report = (extra: Record<string, unknown> = {}) => ({
  customerId,
  siteId,
  productId,
  title: '热泵机组不制热',
  description: '客户来电：压缩机不启动，面板显示报警代码 E04，伴有异响。',
  category: 'fault_repair',
  priority: 'high',
  ...extra,
});

async function create(session: Session, extra: Record<string, unknown> = {}) {
  const res = await as(t.app, session, { method: 'POST', url: '/api/v1/work-orders', payload: report(extra) });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

async function act(session: Session, order: { id: string; version: number }, action: string, payload: Record<string, unknown> = {}, location?: unknown) {
  return as(t.app, session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, payload: { action, version: order.version, payload, ...(location ? { location } : {}) } });
}

describe('intake by an agent (P4.1.1, P4.1.2)', () => {
  it('401 without a session, 403 for a technician', async () => {
    expect((await as(t.app, null, { method: 'POST', url: '/api/v1/work-orders', payload: report() })).statusCode).toBe(401);
    expect((await as(t.app, tech.session, { method: 'POST', url: '/api/v1/work-orders', payload: report() })).statusCode).toBe(403);
  });

  it('400 naming each wrong field, and nothing is created', async () => {
    const bad = await as(t.app, agent, { method: 'POST', url: '/api/v1/work-orders', payload: report({ category: 'magic', title: '', priority: 'now' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'priority', 'title']);
    const unknown = await as(t.app, agent, { method: 'POST', url: '/api/v1/work-orders', payload: report({ customerId: '00000000-0000-4000-8000-000000000000' }) });
    expect(unknown.json().errors[0].field).toBe('customerId');
    const foreignSite = await as(t.app, agent, { method: 'POST', url: '/api/v1/work-orders', payload: report({ siteId: otherSiteId }) });
    expect(foreignSite.json().errors[0].field).toBe('siteId');
    const badTech = await as(t.app, agent, { method: 'POST', url: '/api/v1/work-orders', payload: report({ assigneeId: '00000000-0000-4000-8000-000000000000' }) });
    expect(badTech.json().errors[0].field).toBe('assigneeId');
    const count = await t.db.selectFrom('workOrders').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('records the order with a human number, its channel, SLA deadlines, the first event, audit and the customer notice', async () => {
    const a = await create(agent, { channel: 'phone', attachments: [{ filename: '现场.png', contentType: 'image/png', dataBase64: png.toString('base64') }] });
    const b = await create(agent, { channel: 'chat', duplicateOfId: a.id });
    expect(a.number).toMatch(/^WO-\d{8}-0001$/);
    expect(b.number).toBe(a.number.replace(/0001$/, '0002'));
    expect(b.duplicateOf).toEqual({ id: a.id, number: a.number });
    expect(a).toMatchObject({ channel: 'phone', state: 'new', priority: 'high', customer: { id: customerId } });
    expect(a.sla.map((c: { clock: string }) => c.clock)).toEqual(['response', 'arrival', 'resolution']);
    for (const c of a.sla) {
      expect(new Date(c.dueAt).getTime()).toBeGreaterThan(Date.parse(a.receivedAt));
      expect(c.explanation).toContain('sla.targets');
    }
    expect(a.timeline).toEqual([expect.objectContaining({ action: 'receive', toState: 'new' })]);
    expect(a.attachments).toEqual([expect.objectContaining({ filename: '现场.png', size: png.length })]);
    const file = await as(t.app, agent, { method: 'GET', url: `/api/v1/work-orders/${a.id}/attachments/${a.attachments[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, png)).toBe(0);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', a.id).execute();
    expect(audit.map((r) => r.action)).toEqual(['work_order.receive']);
    const notices = await t.db.selectFrom('notifications').selectAll().where('workOrderId', '=', a.id).where('event', '=', 'received').execute();
    expect(notices.length).toBeGreaterThan(0);
  });

  it('hands the order to a technician at intake (assigned) or to a team pool (new, teamId)', async () => {
    const assigned = await create(agent, { assigneeId: tech.employeeId });
    expect(assigned).toMatchObject({ state: 'assigned', assignee: { id: tech.employeeId }, team: { id: teamId } });
    const pooled = await create(agent, { teamId });
    expect(pooled).toMatchObject({ state: 'new', team: { id: teamId }, assignee: null });
  });
});

describe('the lifecycle through the API (P4.2, P4.3)', () => {
  it('runs from assignment to acceptance, stamping the SLA facts, with location on arrival; closing waits for the report (P4.4.2)', async () => {
    let o = await create(agent);
    const step = async (s: Session, action: string, payload: Record<string, unknown> = {}, location?: unknown) => {
      const res = await act(s, o, action, payload, location);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      o = res.json();
      return o;
    };
    await step(agent, 'assign', { assigneeId: tech.employeeId });
    await step(tech.session, 'accept');
    await step(tech.session, 'contact_customer', { note: '已电话联系客户' });
    expect(o.sla[0].status).toBe('met');
    await step(tech.session, 'start_diagnosis');
    await step(tech.session, 'propose_solution', { solution: '更换压缩机启动电容' });
    await step(tech.session, 'schedule_visit', { visitAt: new Date(Date.now() + 3600_000).toISOString() });
    await step(tech.session, 'depart', { expectedArrivalAt: new Date(Date.now() + 1800_000).toISOString() });
    await step(tech.session, 'arrive', {}, { latitude: 31.1001, longitude: 121.4002 });
    expect(o.sla[1].metAt).not.toBeNull();
    await step(tech.session, 'complete_work', { resolution: '已更换启动电容，试机正常' });
    await step(portal, 'customer_accept', { signerName: '王经理', signature: signaturePng(), comment: '满意' });
    const early = await act(tech.session, o, 'close');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'closing.incomplete', missing: [{ kind: 'report' }] });
    expect(o.state).toBe('customer_accepted');
    expect(o.timeline.map((e: { action: string }) => e.action)).toEqual([
      'receive', 'assign', 'accept', 'contact_customer', 'start_diagnosis', 'propose_solution', 'schedule_visit', 'depart', 'arrive', 'complete_work', 'customer_accept',
    ]);
    expect(JSON.stringify(o.timeline)).not.toContain('data:image/png');
    const staffView = (await as(t.app, tech.session, { method: 'GET', url: `/api/v1/work-orders/${o.id}` })).json();
    expect(staffView.timeline.find((e: { action: string }) => e.action === 'arrive').location).toEqual({ latitude: 31.1001, longitude: 121.4002 });
    const customerView = (await as(t.app, portal, { method: 'GET', url: `/api/v1/work-orders/${o.id}` })).json();
    expect(customerView.timeline.find((e: { action: string }) => e.action === 'arrive').location).toBeNull();
    expect(customerView.timeline.find((e: { action: string }) => e.action === 'depart').data.expectedArrivalAt).toBeTruthy();
  });

  it('refuses an illegal step with 409 listing what is allowed, and a stale version with 409', async () => {
    const o = await create(agent, { assigneeId: tech.employeeId });
    const illegal = await act(tech.session, o, 'arrive');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'conflict.transition', state: 'assigned', allowed: ['accept'] });
    const accepted = (await act(tech.session, o, 'accept')).json();
    expect(accepted.version).toBe(o.version + 1);
    const stale = await act(tech.session, o, 'contact_customer');
    expect(stale.statusCode).toBe(409);
  });

  it('403 for a technician acting on an order not assigned to them; 400 naming a payload field', async () => {
    const o = await create(agent, { assigneeId: tech.employeeId });
    const outsider = await technician('外组技师');
    await t.db.updateTable('employees').set({ teamId: null }).where('id', '=', outsider.employeeId).execute();
    expect((await act(outsider.session, o, 'accept')).statusCode).toBe(404);
    // a colleague of the same team sees it but has no part in it
    expect((await act(colleague.session, o, 'accept')).statusCode).toBe(403);
    const accepted = (await act(tech.session, o, 'accept')).json();
    const noReason = await act(tech.session, accepted, 'hold', { reason: 'weather' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['payload.note', 'payload.reason']);
  });

  it('lets a team member take an order from the job pool', async () => {
    const o = await create(agent, { teamId });
    const pool = (await as(t.app, colleague.session, { method: 'GET', url: '/api/v1/work-orders?pool=true' })).json();
    expect(pool.items.map((i: { id: string }) => i.id)).toContain(o.id);
    const taken = await act(colleague.session, o, 'take');
    expect(taken.json()).toMatchObject({ state: 'accepted', assignee: { id: colleague.employeeId } });
  });

  it('pauses the SLA clocks while waiting for parts: resuming moves the deadlines later', async () => {
    let o = await create(agent, { assigneeId: tech.employeeId, priority: 'urgent' });
    o = (await act(tech.session, o, 'accept')).json();
    o = (await act(tech.session, o, 'hold', { reason: 'parts', note: '等待压缩机到货' })).json();
    expect(o.sla.find((c: { clock: string }) => c.clock === 'resolution').status).toBe('paused');
    // received three hours ago, on hold for the last two
    const received = new Date(Date.now() - 3 * 3600_000);
    await t.db.updateTable('workOrders').set({ receivedAt: received }).where('id', '=', o.id).execute();
    await t.db.updateTable('workOrderPauses').set({ startedAt: new Date(Date.now() - 2 * 3600_000) }).where('workOrderId', '=', o.id).execute();
    o = (await act(tech.session, o, 'resume')).json();
    expect(o.state).toBe('accepted');
    // urgent orders run round the clock (480 min to resolve): the deadline moves by the whole pause
    const allowance = Date.parse(o.resolutionDueAt) - received.getTime();
    expect(allowance).toBeGreaterThanOrEqual((480 + 120) * 60_000 - 5000);
    expect(allowance).toBeLessThan((480 + 121) * 60_000);
    const clock = o.sla.find((c: { clock: string }) => c.clock === 'resolution');
    expect(clock.pausedMinutes).toBe(120);
    // explained in the technician's language
    expect(clock.explanation).toContain('挂起 120 分钟');
  });

  it('reopens a resolved order within the set days, and counts it', async () => {
    let o = await create(agent, { assigneeId: tech.employeeId });
    for (const [a, p] of [
      ['accept', {}],
      ['contact_customer', {}],
      ['start_diagnosis', {}],
      ['propose_solution', { solution: '远程复位参数' }],
      ['resolve_remotely', { resolution: '指导客户复位后恢复' }],
    ] as const) {
      o = (await act(tech.session, o, a, p)).json();
    }
    expect(o.sla.find((c: { clock: string }) => c.clock === 'arrival').status).toBe('not_applicable');
    const reopened = await act(portal, o, 'reopen', { reason: '故障又出现了' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'assigned', reopenCount: 1 });
  });
});

describe('reading orders', () => {
  it('a customer sees only their own orders: others are 404, and the list is theirs', async () => {
    const mine = await create(agent);
    const theirs = await create(agent, { customerId: otherCustomerId, siteId: null, productId: null });
    expect((await as(t.app, portal, { method: 'GET', url: `/api/v1/work-orders/${theirs.id}` })).statusCode).toBe(404);
    const list = (await as(t.app, portal, { method: 'GET', url: '/api/v1/work-orders?limit=100' })).json();
    expect(list.items.every((i: { customer: { id: string } }) => i.customer.id === customerId)).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(mine.id);
  });

  it('filters by state, technician, SLA breach and Chinese full text', async () => {
    const late = await receiveOrder(t.db, {
      channel: 'phone', customerId, contactId: null, siteId: null, productId: null, reporterName: null, reporterPhone: null, reporterEmail: null,
      title: '冷库温度过高', description: '冷库温度升到零上五度，制冷机组频繁停机', category: 'fault_repair', priority: 'urgent',
      preferredFrom: null, preferredTo: null, duplicateOfId: null, assigneeId: tech.employeeId, teamId: null, attachments: [],
    }, { userId: null, employeeId: null, label: 'test', requestId: null }, new Date(Date.now() - 3 * 86_400_000));
    const breached = (await as(t.app, agent, { method: 'GET', url: '/api/v1/work-orders?sla=breached&limit=100' })).json();
    expect(breached.items.map((i: { id: string }) => i.id)).toContain(late);
    expect(breached.items.find((i: { id: string }) => i.id === late).slaStatus).toBe('breached');
    const text = (await as(t.app, agent, { method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('冷库')}` })).json();
    expect(text.items.map((i: { id: string }) => i.id)).toEqual([late]);
    const mine = (await as(t.app, tech.session, { method: 'GET', url: '/api/v1/work-orders?mine=true&state=open&limit=100' })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    for (const i of mine.items) expect(i.assignee.id).toBe(tech.employeeId);
    const bad = await as(t.app, agent, { method: 'GET', url: '/api/v1/work-orders?state=flying&sla=late' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('questions and answers (P4.3.3)', () => {
  it('the customer asks, the technician answers, internal notes stay internal', async () => {
    const o = await create(agent, { assigneeId: tech.employeeId });
    const asked = await as(t.app, portal, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { body: '师傅大概几点到？' } });
    expect(asked.statusCode).toBe(201);
    const question = asked.json().comments[0];
    expect(question).toMatchObject({ kind: 'question', visibility: 'public' });
    const answered = await as(t.app, tech.session, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { kind: 'answer', body: '下午两点左右到达', parentId: question.id } });
    expect(answered.statusCode).toBe(201);
    await as(t.app, tech.session, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { kind: 'note', body: '客户脾气急，注意沟通' } });
    const seen = (await as(t.app, portal, { method: 'GET', url: `/api/v1/work-orders/${o.id}` })).json();
    expect(seen.comments.map((c: { kind: string }) => c.kind)).toEqual(['question', 'answer']);
    expect((await as(t.app, portal, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { kind: 'note', body: 'x' } })).statusCode).toBe(403);
    expect((await as(t.app, null, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { body: 'x' } })).statusCode).toBe(401);
    expect((await as(t.app, portal, { method: 'POST', url: `/api/v1/work-orders/${o.id}/comments`, payload: { body: '' } })).statusCode).toBe(400);
  });
});

describe('portal and webhook intake', () => {
  it('a customer reports a fault for their own site with a photo; another customer site is 400', async () => {
    const res = await as(t.app, portal, {
      method: 'POST',
      url: '/api/v1/portal/work-orders',
      payload: { siteId, title: '漏水', description: '机组底部漏水', category: 'fault_repair', attachments: [{ filename: 'leak.png', contentType: 'image/png', dataBase64: png.toString('base64') }] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'portal', customer: { id: customerId } });
    const foreign = await as(t.app, portal, { method: 'POST', url: '/api/v1/portal/work-orders', payload: { siteId: otherSiteId, title: 'x', description: 'y', category: 'other' } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('siteId');
    expect((await as(t.app, tech.session, { method: 'POST', url: '/api/v1/portal/work-orders', payload: { title: 'x', description: 'y', category: 'other' } })).statusCode).toBe(403);
  });

  it('a retried webhook delivery with the same Idempotency-Key answers the same order', async () => {
    const body = { channel: 'chat', customerId, title: '企业微信报修', description: '机组显示 E04', category: 'fault_repair' };
    const key = unique('delivery-');
    const first = await as(t.app, agent, { method: 'POST', url: '/api/v1/intake/work-orders', headers: { 'idempotency-key': key }, payload: body });
    const again = await as(t.app, agent, { method: 'POST', url: '/api/v1/intake/work-orders', headers: { 'idempotency-key': key }, payload: body });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const changed = await as(t.app, agent, { method: 'POST', url: '/api/v1/intake/work-orders', headers: { 'idempotency-key': key }, payload: { ...body, title: '另一个' } });
    expect(changed.statusCode).toBe(409);
    const byPhone = await as(t.app, agent, { method: 'POST', url: '/api/v1/intake/work-orders', payload: { ...body, customerId: undefined, customerPhone: '000-nobody' } });
    expect(byPhone.statusCode).toBe(400);
    expect(byPhone.json().errors[0].field).toBe('customerPhone');
    expect((await as(t.app, null, { method: 'POST', url: '/api/v1/intake/work-orders', payload: body })).statusCode).toBe(401);
  });
});

describe('every work-order route refuses strangers', () => {
  it('401 without a session, 403 for a department viewer, 400 for a malformed id', async () => {
    const o = await create(agent);
    const dept = await signInAs(t, { role: 'department' });
    const routes = [
      { method: 'GET' as const, url: '/api/v1/work-orders' },
      { method: 'GET' as const, url: `/api/v1/work-orders/${o.id}` },
      { method: 'POST' as const, url: `/api/v1/work-orders/${o.id}/transitions`, payload: { action: 'accept', version: 1, payload: {} } },
      { method: 'POST' as const, url: `/api/v1/work-orders/${o.id}/comments`, payload: { body: 'x' } },
      { method: 'GET' as const, url: `/api/v1/work-orders/${o.id}/attachments/00000000-0000-4000-8000-000000000000` },
      { method: 'POST' as const, url: '/api/v1/portal/work-orders', payload: { title: 'x', description: 'y', category: 'other' } },
      { method: 'POST' as const, url: '/api/v1/intake/work-orders', payload: { customerId, title: 'x', description: 'y', category: 'other' } },
    ];
    for (const r of routes) {
      expect((await as(t.app, null, r)).statusCode, `${r.method} ${r.url}`).toBe(401);
      expect((await as(t.app, dept, r)).statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect((await as(t.app, agent, { method: 'GET', url: '/api/v1/work-orders/not-a-uuid' })).statusCode).toBe(400);
    expect((await as(t.app, agent, { method: 'POST', url: `/api/v1/work-orders/${o.id}/transitions`, payload: { action: 'fly', version: 1 } })).json().errors[0].field).toBe('action');
  });
});
