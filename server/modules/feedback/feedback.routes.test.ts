import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, type Session, signIn, signInAs, type TestApp, createTestApp, unique } from '../../test/harness.ts';
import { createFieldWorld, type FieldWorld, orderAt, signaturePng } from '../../test/field.ts';
import { companyToday } from '../settings/service.ts';
import { runFollowUpEscalation } from './escalation.ts';
import { openFollowUps } from './follow-up-status.ts';

// Feedback to the departments concerned and its follow-ups (P4.4.3, P2.1.3, P2.2.2, P2.3.4).

let t: TestApp;
let w: FieldWorld;
let quality: Session;
let qualityUserId: string;
let product: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  const q = await createUser(t.db, { role: 'department', department: 'quality', locale: 'zh-CN' });
  qualityUserId = q.id;
  quality = await signIn(t.app, q.username);
  product = await signInAs(t, { role: 'department', department: 'product' });
});
afterAll(() => t?.close());

const photo = () => ({ filename: 'crack.png', contentType: 'image/png', dataBase64: signaturePng().split(',')[1]! });

function raise(session: Session, orderId: string, payload: Record<string, unknown>) {
  return as(t.app, session, { method: 'POST', url: `/api/v1/work-orders/${orderId}/feedback`, payload });
}

function defect(extra: Record<string, unknown> = {}) {
  return { kind: 'defect', defectCategory: 'electrical', severity: 'high', title: unique('启动电容击穿 '), description: '电容外壳鼓包，同批次可能有问题', ...extra };
}

async function inbox(session: Session, query: string) {
  const res = await as(t.app, session, { method: 'GET', url: `/api/v1/feedback?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; number: string; title: string }[];
}

function move(session: Session, id: string, payload: Record<string, unknown>) {
  return as(t.app, session, { method: 'POST', url: `/api/v1/feedback/${id}/transitions`, payload });
}

describe('raising feedback from an order', () => {
  it('P2.2.2 a defect raised on site reaches the quality inbox, not the product inbox, with the order product as default', async () => {
    const order = await orderAt(t, w, 'on_site');
    const body = defect({ photos: [photo()] });
    const res = await raise(w.tech.session, order.id, body);
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f.number).toMatch(new RegExp(`^FB-${(await companyToday(t.db)).replaceAll('-', '')}-\\d{4}$`));
    expect(f).toMatchObject({ kind: 'defect', department: 'quality', status: 'received', productModel: w.productModel, serialNumber: w.serialNumber });
    expect(f.photos).toHaveLength(1);

    expect((await inbox(quality, `q=${encodeURIComponent(body.title)}`)).map((i) => i.id)).toEqual([f.id]);
    expect(await inbox(product, `q=${encodeURIComponent(body.title)}`)).toEqual([]);
    expect((await as(t.app, product, { method: 'GET', url: `/api/v1/feedback/${f.id}` })).statusCode).toBe(404);

    // the department hears of it in-app, in its own language, without a link to the order
    const notices = await t.db.selectFrom('notifications').selectAll().where('userId', '=', qualityUserId).where('subject', 'like', `%${f.number}%`).execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'in_app', workOrderId: null });
    expect(notices[0]!.subject).toContain('新的反馈');
  });

  it('P4.4.3 the department reads the record and its photo, but not the order itself', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, defect({ photos: [photo()] }))).json();
    const detail = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/${f.id}` });
    expect(detail.statusCode).toBe(200);
    const { number } = await t.db.selectFrom('workOrders').select('number').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(detail.json()).toMatchObject({ workOrder: { id: order.id, number }, abilities: { openOrder: false, investigate: true } });
    const img = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/${f.id}/photos/${f.photos[0].id}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await as(t.app, product, { method: 'GET', url: `/api/v1/feedback/${f.id}/photos/${f.photos[0].id}` })).statusCode).toBe(404);
    expect((await as(t.app, quality, { method: 'GET', url: `/api/v1/work-orders/${order.id}` })).statusCode).toBe(403);
  });

  it('P2.2.2 refuses a defect category not in force, naming the field, and accepts one added to the setting', async () => {
    const order = await orderAt(t, w, 'on_site');
    const bad = await raise(w.tech.session, order.id, defect({ defectCategory: 'corrosion' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['defectCategory']);
    expect((await raise(w.tech.session, order.id, defect({ severity: undefined }))).json().errors[0].field).toBe('severity');

    const categories = [{ key: 'corrosion', label: { 'zh-CN': '腐蚀', en: 'Corrosion' } }];
    await t.db
      .insertInto('settings')
      .values({ key: 'feedback.defectCategories', value: JSON.stringify(categories), effectiveFrom: await companyToday(t.db), setBy: null, setByLabel: 'test', reason: 'test' })
      .execute();
    try {
      expect((await raise(w.tech.session, order.id, defect({ defectCategory: 'corrosion' }))).statusCode).toBe(201);
      expect((await raise(w.tech.session, order.id, defect({ defectCategory: 'electrical' }))).statusCode).toBe(400);
    } finally {
      await t.db.deleteFrom('settings').where('key', '=', 'feedback.defectCategories').where('setByLabel', '=', 'test').execute();
    }
  });

  it('P4.4.3 only staff with a part in the order raise feedback: not the customer, not a department', async () => {
    const order = await orderAt(t, w, 'on_site');
    expect((await raise(w.portal.session, order.id, defect())).statusCode).toBe(403);
    expect((await raise(quality, order.id, defect())).statusCode).toBe(403);
    expect((await raise(w.supervisor.session, order.id, { kind: 'suggestion', title: '面板字太小', description: '建议加大显示屏字体' })).statusCode).toBe(201);
  });
});

describe('the department works its inbox (P4.4.3)', () => {
  it('moves received -> investigating -> answered -> closed, with events and audit', async () => {
    const order = await orderAt(t, w, 'on_site');
    let f = (await raise(w.tech.session, order.id, defect())).json();
    let res = await move(quality, f.id, { action: 'investigate', version: f.version });
    expect(res.statusCode).toBe(200);
    f = res.json();
    expect(f.status).toBe('investigating');

    const noAnswer = await move(quality, f.id, { action: 'answer', version: f.version });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().errors[0].field).toBe('answer');

    res = await move(quality, f.id, { action: 'answer', version: f.version, answer: '已确认为供应商批次问题，已更换供应商' });
    expect(res.statusCode).toBe(200);
    f = res.json();
    expect(f).toMatchObject({ status: 'answered', answer: '已确认为供应商批次问题，已更换供应商', allowedActions: ['close'] });
    f = (await move(quality, f.id, { action: 'close', version: f.version })).json();
    expect(f.status).toBe('closed');
    expect(f.closedAt).not.toBeNull();
    expect(f.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['received', 'investigating', 'answered', 'closed']);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', f.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['feedback.raise', 'feedback.investigate', 'feedback.answer', 'feedback.close']);

    // the technician sees the department's answer on the order
    const panel = (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/work-orders/${order.id}/feedback` })).json();
    expect(panel.feedback.find((x: { id: string }) => x.id === f.id)).toMatchObject({ status: 'closed', answer: '已确认为供应商批次问题，已更换供应商' });
  });

  it('answers 409 on a stale version and on an illegal move, naming the allowed ones', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, defect())).json();
    expect((await move(quality, f.id, { action: 'investigate', version: f.version })).statusCode).toBe(200);
    const stale = await move(quality, f.id, { action: 'answer', version: f.version, answer: '晚了一步' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');

    const illegal = await move(quality, f.id, { action: 'close', version: f.version + 1 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'feedback.conflict_transition', status: 409, feedbackStatus: 'investigating', allowed: ['answer'] });
    expect(await t.db.selectFrom('feedback').select('status').where('id', '=', f.id).executeTakeFirstOrThrow()).toEqual({ status: 'investigating' });
  });

  it('lets only the department it went to act: another department gets 404, a supervisor 403', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, defect())).json();
    expect((await move(product, f.id, { action: 'investigate', version: f.version })).statusCode).toBe(404);
    expect((await move(w.supervisor.session, f.id, { action: 'investigate', version: f.version })).statusCode).toBe(403);
  });

  it('routes by the raiser when they override the department, and filters by kind and status', async () => {
    const order = await orderAt(t, w, 'on_site');
    const title = unique('包装问题 ');
    const f = (await raise(w.tech.session, order.id, defect({ title, department: 'product', defectCategory: 'packaging', severity: 'low' }))).json();
    expect(f.department).toBe('product');
    const q = `q=${encodeURIComponent(title)}`;
    expect((await inbox(product, `${q}&kind=defect&status=received`)).map((i) => i.id)).toEqual([f.id]);
    expect(await inbox(product, `${q}&status=answered`)).toEqual([]);
    expect(await inbox(product, `${q}&kind=opinion`)).toEqual([]);
    expect(await inbox(quality, q)).toEqual([]);
  });

  it('pages the inbox with a cursor, newest first', async () => {
    const order = await orderAt(t, w, 'on_site');
    const tag = unique('翻页');
    for (let i = 0; i < 3; i++) await raise(w.tech.session, order.id, defect({ title: `${tag} ${i}` }));
    const first = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback?q=${encodeURIComponent(tag)}&limit=2` });
    const page1 = first.json();
    expect(page1.items.map((i: { title: string }) => i.title)).toEqual([`${tag} 2`, `${tag} 1`]);
    const page2 = (await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback?q=${encodeURIComponent(tag)}&limit=2&cursor=${page1.nextCursor}` })).json();
    expect(page2.items.map((i: { title: string }) => i.title)).toEqual([`${tag} 0`]);
    expect(page2.nextCursor).toBeNull();
  });

  it('shows a technician what they raised and an agent what customers raised', async () => {
    const order = await orderAt(t, w, 'on_site');
    const tag = unique('可见性');
    await raise(w.supervisor.session, order.id, { kind: 'suggestion', title: `${tag} 主管`, description: '主管建议' });
    await raise(w.tech.session, order.id, { kind: 'opinion', source: 'customer', title: `${tag} 客户`, description: '客户嫌噪音大' });
    const q = `q=${encodeURIComponent(tag)}`;
    expect((await inbox(w.tech.session, q)).map((i) => i.title)).toEqual([`${tag} 客户`]);
    expect((await inbox(w.agent, q)).map((i) => i.title)).toEqual([`${tag} 客户`]);
    expect((await inbox(w.supervisor.session, q)).map((i) => i.title).sort()).toEqual([`${tag} 主管`, `${tag} 客户`].sort());
    expect((await as(t.app, w.portal.session, { method: 'GET', url: `/api/v1/feedback?${q}` })).statusCode).toBe(403);
  });
});

describe('follow-ups (P4.4.3: problems the customer raised are followed up until handled)', () => {
  it('a customer-sourced opinion goes to product and opens a follow-up for the assignee, due after followUps.dueDays', async () => {
    const order = await orderAt(t, w, 'on_site');
    const before = Date.now();
    const res = await raise(w.tech.session, order.id, { kind: 'opinion', source: 'customer', title: '客户反映机组噪音大', description: '夜间运行噪音影响休息' });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f.department).toBe('product');
    expect(f.followUps).toHaveLength(1);
    const task = f.followUps[0];
    expect(task.assignee.id).toBe(w.tech.employeeId);
    const days = 3; // the default of followUps.dueDays
    expect(new Date(task.dueAt).getTime() - before).toBeGreaterThanOrEqual(days * 86_400_000 - 1000);
    expect(new Date(task.dueAt).getTime() - Date.now()).toBeLessThanOrEqual(days * 86_400_000);
    const due = await t.db.selectFrom('notifications').select('event').where('userId', '=', w.tech.userId).where('workOrderId', '=', order.id).where('event', '=', 'follow_up_due').execute();
    expect(due).toHaveLength(1);

    // the order does not close while it is open (closing.ts reads openFollowUps)
    expect((await openFollowUps(t.db, order.id)).map((u) => u.id)).toEqual([task.id]);
    const noOutcome = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/follow-ups/${task.id}/complete`, payload: { version: task.version, outcome: ' ' } });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].field).toBe('outcome');
    const stale = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/follow-ups/${task.id}/complete`, payload: { version: task.version + 1, outcome: '已回访' } });
    expect(stale.statusCode).toBe(409);
    const done = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/follow-ups/${task.id}/complete`, payload: { version: task.version, outcome: '已加装减振垫，客户满意' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: '已加装减振垫，客户满意', abilities: { complete: false } });
    expect(await openFollowUps(t.db, order.id)).toEqual([]);
  });

  it('uses the setting in force for the default due date', async () => {
    const order = await orderAt(t, w, 'on_site');
    await t.db
      .insertInto('settings')
      .values({ key: 'followUps.dueDays', value: JSON.stringify(10), effectiveFrom: await companyToday(t.db), setBy: null, setByLabel: 'test', reason: 'test' })
      .execute();
    try {
      const before = Date.now();
      const f = (await raise(w.tech.session, order.id, { kind: 'opinion', source: 'customer', title: '客户要求延保', description: '希望延长保修' })).json();
      const dueIn = new Date(f.followUps[0].dueAt).getTime() - before;
      expect(dueIn).toBeGreaterThanOrEqual(10 * 86_400_000 - 1000);
      expect(dueIn).toBeLessThan(10 * 86_400_000 + 60_000);
    } finally {
      await t.db.deleteFrom('settings').where('key', '=', 'followUps.dueDays').where('setByLabel', '=', 'test').execute();
    }
  });

  it('a technician-sourced suggestion opens no follow-up', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, { kind: 'suggestion', title: '建议增加滤网', description: '现场灰尘大' })).json();
    expect(f.followUps).toEqual([]);
    expect(await openFollowUps(t.db, order.id)).toEqual([]);
  });

  it('a dispatcher or the assignee adds one by hand; the customer cannot; the list shows mine and the team', async () => {
    const order = await orderAt(t, w, 'on_site');
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await as(t.app, w.supervisor.session, {
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/follow-ups`,
      payload: { title: '回访客户确认运行情况', assigneeId: w.tech.employeeId, dueAt },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ assignee: { id: w.tech.employeeId }, dueAt, status: 'open' });
    expect((await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/follow-ups`, payload: { title: '自己记一笔' } })).statusCode).toBe(201);
    expect((await as(t.app, w.portal.session, { method: 'POST', url: `/api/v1/work-orders/${order.id}/follow-ups`, payload: { title: 'x' } })).statusCode).toBe(403);
    const past = await as(t.app, w.supervisor.session, {
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/follow-ups`,
      payload: { title: '过去的', dueAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past.json().errors[0].field).toBe('dueAt');

    const mine = (await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/follow-ups?limit=100' })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(created.json().id);
    const team = (await as(t.app, w.supervisor.session, { method: 'GET', url: '/api/v1/follow-ups?scope=team&limit=100' })).json();
    expect(team.items.map((i: { id: string }) => i.id)).toContain(created.json().id);
    const supervisorsOwn = (await as(t.app, w.supervisor.session, { method: 'GET', url: '/api/v1/follow-ups?limit=100' })).json();
    expect(supervisorsOwn.items.map((i: { id: string }) => i.id)).not.toContain(created.json().id);
  });

  it('escalates an overdue follow-up once to the supervisor and the assignee, however often it runs', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, { kind: 'opinion', source: 'customer', title: '客户投诉响应慢', description: '要求说明' })).json();
    const taskId = f.followUps[0].id;
    const later = new Date(new Date(f.followUps[0].dueAt).getTime() + 60_000);
    const first = await runFollowUpEscalation(t.db, later);
    const second = await runFollowUpEscalation(t.db, new Date(later.getTime() + 60_000));
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect(second.escalated).toBe(0);
    const notices = await t.db
      .selectFrom('notifications')
      .select(['userId'])
      .where('workOrderId', '=', order.id)
      .where('event', '=', 'follow_up_overdue')
      .execute();
    expect(notices.map((n) => n.userId).sort()).toEqual([w.supervisor.userId, w.tech.userId].sort());
    const row = await t.db.selectFrom('followUps').select('escalatedAt').where('id', '=', taskId).executeTakeFirstOrThrow();
    expect(row.escalatedAt?.toISOString()).toBe(later.toISOString());
    const listed = (await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/follow-ups?limit=100' })).json();
    expect(listed.items.find((i: { id: string }) => i.id === taskId)).toMatchObject({ escalatedAt: later.toISOString() });
  });

  it('does not escalate a follow-up before it is due, nor one already done', async () => {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, { kind: 'opinion', source: 'customer', title: '客户问保养周期', description: '请告知' })).json();
    const task = f.followUps[0];
    await runFollowUpEscalation(t.db, new Date(new Date(task.dueAt).getTime() - 60_000));
    await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/follow-ups/${task.id}/complete`, payload: { version: task.version, outcome: '已电话告知' } });
    await runFollowUpEscalation(t.db, new Date(new Date(task.dueAt).getTime() + 60_000));
    const row = await t.db.selectFrom('followUps').select('escalatedAt').where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row.escalatedAt).toBeNull();
  });
});

describe('the defect report (P2.2.2)', () => {
  const model = unique('AS-RPT');

  /** A defect of `model` raised at a given instant (the report counts by the company month it was raised in). */
  async function defectAt(at: string, category: string, severity: string) {
    const order = await orderAt(t, w, 'on_site');
    const f = (await raise(w.tech.session, order.id, defect({ productModel: model, defectCategory: category, severity }))).json();
    await t.db.updateTable('feedback').set({ createdAt: new Date(at) }).where('id', '=', f.id).execute();
    return f;
  }

  beforeAll(async () => {
    await defectAt('2026-05-10T03:00:00Z', 'electrical', 'high');
    await defectAt('2026-05-20T03:00:00Z', 'electrical', 'low');
    // 00:30 on 1 June in Shanghai: a June defect, though still May in UTC
    await defectAt('2026-05-31T16:30:00Z', 'electrical', 'critical');
    await defectAt('2026-06-15T03:00:00Z', 'mechanical', 'high');
    // outside the range
    await defectAt('2026-08-01T03:00:00Z', 'mechanical', 'medium');
  });

  it('counts by model x category x company month, with totals by severity', async () => {
    const res = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/defect-report?from=2026-05-01&to=2026-07-31&model=${model}` });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.months).toEqual(['2026-05', '2026-06', '2026-07']);
    expect(r.cells).toEqual([
      { model, category: 'electrical', month: '2026-05', count: 2 },
      { model, category: 'electrical', month: '2026-06', count: 1 },
      { model, category: 'mechanical', month: '2026-06', count: 1 },
    ]);
    expect(r.bySeverity).toEqual({ low: 1, medium: 0, high: 2, critical: 1 });
    expect(r.total).toBe(4);
    const byCategory = (await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/defect-report?from=2026-05-01&to=2026-07-31&model=${model}&category=mechanical` })).json();
    expect(byCategory.total).toBe(1);
  });

  it('is for departments and managers, not technicians or agents', async () => {
    const url = `/api/v1/feedback/defect-report?model=${model}`;
    expect((await as(t.app, w.tech.session, { method: 'GET', url })).statusCode).toBe(403);
    expect((await as(t.app, w.agent, { method: 'GET', url })).statusCode).toBe(403);
    expect((await as(t.app, w.supervisor.session, { method: 'GET', url })).statusCode).toBe(200);
    expect((await as(t.app, product, { method: 'GET', url })).statusCode).toBe(200);
    expect((await as(t.app, w.portal.session, { method: 'GET', url })).statusCode).toBe(403);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await as(t.app, quality, { method: 'GET', url: '/api/v1/feedback/defect-report?from=2026-07-01&to=2026-06-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('from');
  });

  it('exports the same report as an Excel workbook with the pivot and the defect rows, in the caller\'s language', async () => {
    const res = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/defect-report.xlsx?from=2026-05-01&to=2026-07-31&model=${model}`, locale: 'zh-CN' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="defect-report-2026-05-01-2026-07-31.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const pivot = wb.getWorksheet('按月缺陷统计')!;
    expect(pivot.getRow(1).values).toEqual([undefined, '产品型号', '缺陷类别', '2026-05', '2026-06', '2026-07', '合计']);
    expect(pivot.getRow(2).values).toEqual([undefined, model, '电气故障', 2, 1, 0, 3]);
    expect(pivot.getRow(3).values).toEqual([undefined, model, '机械故障', 0, 1, 0, 1]);
    expect(pivot.getRow(4).values).toEqual([undefined, '合计', '', 2, 2, 0, 4]);
    const rows = wb.getWorksheet('缺陷明细')!;
    expect(rows.rowCount).toBe(5);
    expect(rows.getRow(1).getCell(1).value).toBe('编号');
    const severities = [2, 3, 4, 5].map((i) => rows.getRow(i).getCell(7).value);
    expect(severities).toEqual(['高', '低', '严重', '高']);
    expect(rows.getRow(4).getCell(2).value).toBe('2026-06-01 00:30');

    const english = await as(t.app, quality, { method: 'GET', url: `/api/v1/feedback/defect-report.xlsx?from=2026-05-01&to=2026-07-31&model=${model}`, locale: 'en' });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Defects by month', 'By severity', 'Defect records']);
    expect(en.getWorksheet('Defect records')!.getRow(2).getCell(6).value).toBe('Electrical');
  });
});
