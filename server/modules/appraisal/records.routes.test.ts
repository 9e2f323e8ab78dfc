import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, annualPeriod, monthPeriod } from '../../../core/appraisal/cycle.ts';
import { DEFAULT_TEMPLATES } from '../../../core/appraisal/forms.ts';
import { createFieldWorld, type FieldWorld, orderAt } from '../../test/field.ts';
import { as, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, signInAs, type TestApp } from '../../test/harness.ts';
import { companyToday } from '../settings/service.ts';
import { openPeriod } from './periods.ts';
import { findPeriod } from './queries.ts';

// Appraisal records (issue 6): the evaluation forms HR keeps (P5.3.1-2), growth records
// (P5.1.4), excused late arrivals (P5.1.2), and the results applied (P5.4): pay coefficients
// for payroll (P5.4.1, P7.1.2), the annual excellent list (P5.4.2) and development actions
// (P5.4.3), from periods really opened (openPeriod, as the monthly job does) and published
// through POST /appraisal/periods/:id/publish.

let t: TestApp;
let w: FieldWorld;
let hr: Session;
let manager: Session;
let techA: Session; // w.tech: 李维修, team A
let techB: Session;
let supervisorA: Session; // w.supervisor, leads team A
let supervisorB: Session;
let techBId: string;
let techA2Id: string;
let clerkId: string;
let teamB: string;
let today: string;

const NOBODY = '00000000-0000-4000-8000-000000000000';
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field).sort();
const audits = (entityType: string, entityId: string) =>
  t.db.selectFrom('auditLog').selectAll().where('entityType', '=', entityType).where('entityId', '=', entityId).orderBy('id').execute();
const get = (s: Session | null, url: string, locale?: string) => as(t.app, s, { method: 'GET', url: `/api/v1/appraisal/${url}`, locale });
const send = (s: Session | null, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  as(t.app, s, { method, url: `/api/v1/appraisal/${url}`, ...(payload ? { payload } : {}) });

async function open(month: string, day = '05') {
  const span = month.length === 4 ? annualPeriod(Number(month)) : monthPeriod(`${month}-01`);
  const next = month.length === 4 ? `${Number(month) + 1}-01-${day}` : span.endsOn.replace(/-01$/, `-${day}`);
  const opened = await openPeriod(t.db, span, { label: 'test', today: next });
  return opened!.periodId;
}
async function publish(periodId: string) {
  const p = (await findPeriod(t.db, periodId))!;
  const res = await as(t.app, hr, { method: 'POST', url: `/api/v1/appraisal/periods/${periodId}/publish`, payload: { version: p.version } });
  expect(res.statusCode).toBe(200);
}
/** HR calibrates a result with a reason (POST /appraisal/results/:id/calibrate); the period is regraded. */
async function calibrate(periodId: string, employeeId: string, score: number) {
  const r = await resultOf(periodId, employeeId);
  const res = await as(t.app, hr, { method: 'POST', url: `/api/v1/appraisal/results/${r.id}/calibrate`, payload: { version: r.version, score, reason: '年度重点项目表现突出' } });
  expect(res.statusCode).toBe(200);
}
const resultOf = (periodId: string, employeeId: string) =>
  t.db.selectFrom('appraisalResults').selectAll().where('periodId', '=', periodId).where('employeeId', '=', employeeId).executeTakeFirstOrThrow();

let julyId: string;
let augustId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  supervisorA = w.supervisor.session;
  techA = w.tech.session;
  const bossB = await createEmployeeRow(t.db, { name: '钱主管', position: 'supervisor' });
  teamB = (await createTeam(t.db, bossB.id)).id;
  await t.db.updateTable('employees').set({ teamId: teamB }).where('id', '=', bossB.id).execute();
  supervisorB = await signIn(t.app, (await createUser(t.db, { role: 'supervisor', employeeId: bossB.id })).username);
  techBId = (await createEmployeeRow(t.db, { teamId: teamB, name: '赵工' })).id;
  techB = await signIn(t.app, (await createUser(t.db, { role: 'technician', employeeId: techBId })).username);
  techA2Id = (await createEmployeeRow(t.db, { teamId: w.teamId, name: '王工' })).id;
  // Not a technician: the team's clerk is on the supervisor position.
  clerkId = (await createEmployeeRow(t.db, { teamId: w.teamId, name: '孙文员', position: 'supervisor' })).id;
  hr = await signInAs(t, { role: 'hr' });
  manager = await signInAs(t, { role: 'manager' });
  today = await companyToday(t.db);
});
afterAll(() => t?.close());

describe('evaluation templates (P5.3.1-P5.3.2)', () => {
  it('anyone signed in reads the active forms; the defaults are installed on first use', async () => {
    expect((await get(null, 'templates')).statusCode).toBe(401);
    const res = await get(techA, 'templates');
    expect(res.statusCode).toBe(200);
    const [self, supervisor] = res.json();
    expect(self).toMatchObject({ kind: 'self', name: DEFAULT_TEMPLATES.self.name, version: 1 });
    expect(self.items.map((i: { key: string }) => i.key)).toEqual(DEFAULT_TEMPLATES.self.items.map((i) => i.key));
    expect(supervisor).toMatchObject({ kind: 'supervisor', version: 1 });
    expect((await get(techA, 'templates/supervisor')).json().id).toBe(supervisor.id);
    expect((await get(techA, 'templates/boss')).statusCode).toBe(400);
  });

  it('only HR edits a form; bad items are 400 naming the field; a stale version is 409', async () => {
    const items = [{ key: 'quality', label: { 'zh-CN': '质量', en: 'Quality' }, kind: 'score', weight: 100, required: true }];
    for (const s of [techA, supervisorA, manager]) expect((await send(s, 'PUT', 'templates/self', { name: 'x', items, version: 1 })).statusCode).toBe(403);
    const duplicate = await send(hr, 'PUT', 'templates/self', { name: 'x', items: [...items, ...items], version: 1 });
    expect(duplicate.statusCode).toBe(400);
    expect(fields(duplicate)).toEqual(['items']);
    const noScore = await send(hr, 'PUT', 'templates/self', { name: 'x', items: [{ ...items[0], kind: 'text', weight: 0 }], version: 1 });
    expect(fields(noScore)).toEqual(['items']);
    expect(fields(await send(hr, 'PUT', 'templates/self', { name: '', items, version: 1 }))).toEqual(['name']);
    const stale = await send(hr, 'PUT', 'templates/self', { name: 'x', items, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
  });

  it('a change reaches only the periods opened after it: results keep the copy they took', async () => {
    julyId = await open('2026-07');
    const items = [
      { key: 'attitude', label: { 'zh-CN': '服务态度', en: 'Attitude' }, kind: 'score', weight: 60, required: true },
      { key: 'skills', label: { 'zh-CN': '专业技能', en: 'Skills' }, kind: 'score', weight: 40, required: true },
      { key: 'summary', label: { 'zh-CN': '本月小结', en: 'Summary' }, kind: 'text', required: false },
    ];
    const res = await send(hr, 'PUT', 'templates/self', { name: '新版自评表', items, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'self', name: '新版自评表', version: 2 });
    expect(res.json().items[2]).toEqual({ ...items[2], weight: 0 });
    expect((await send(hr, 'PUT', 'templates/self', { name: 'again', items, version: 1 })).statusCode).toBe(409);
    const [audit] = await audits('appraisal_template', res.json().id);
    expect(audit).toMatchObject({ action: 'appraisal.template.update' });

    augustId = await open('2026-08');
    const keys = (template: { key: string }[]) => template.map((i) => i.key);
    const shown = async (periodId: string) => {
      const { id } = await resultOf(periodId, w.tech.employeeId);
      return (await as(t.app, w.tech.session, { method: 'GET', url: `/api/v1/appraisal/results/${id}` })).json();
    };
    expect(keys((await shown(julyId)).selfTemplate)).toEqual(DEFAULT_TEMPLATES.self.items.map((i) => i.key));
    expect(keys((await shown(augustId)).selfTemplate)).toEqual(['attitude', 'skills', 'summary']);
    // The supervisor's form was not touched.
    expect(keys((await shown(augustId)).reviewTemplate)).toEqual(DEFAULT_TEMPLATES.supervisor.items.map((i) => i.key));
  });
});

describe('growth records (P5.1.4)', () => {
  const training = (employeeId: string, occurredOn = today) => ({ employeeId, kind: 'training', occurredOn, title: '变频器维修培训', hours: 8 });
  let hrRecord: string;
  let bRecord: string;

  it('HR records for anyone, a supervisor for their team; the record names who entered it; audited', async () => {
    const res = await send(hr, 'POST', 'growth', { ...training(w.tech.employeeId), note: '  ' });
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({ employeeId: w.tech.employeeId, employeeName: '李维修', kind: 'training', occurredOn: today, hours: 8, note: null, source: 'manual', version: 1 });
    expect(record.recordedByLabel).toMatch(/^Test hr-\w+ \(hr-\w+\)$/);
    hrRecord = record.id;
    expect(await audits('growth_record', hrRecord)).toHaveLength(1);

    const exam = await send(supervisorA, 'POST', 'growth', { employeeId: techA2Id, kind: 'exam', occurredOn: today, title: '高级电工证考试', score: 88, passed: true });
    expect(exam.statusCode).toBe(201);
    expect(exam.json()).toMatchObject({ employeeName: '王工', kind: 'exam', score: 88, passed: true, hours: null });
    bRecord = (await send(hr, 'POST', 'growth', { employeeId: techBId, kind: 'innovation', occurredOn: today, title: '改进检漏工装', accepted: true })).json().id;
  });

  it('403 for a supervisor outside their teams and for technicians; 404 unknown employee; 422 not a technician', async () => {
    expect((await send(supervisorA, 'POST', 'growth', training(techBId))).statusCode).toBe(403);
    expect((await send(techA, 'POST', 'growth', training(w.tech.employeeId))).statusCode).toBe(403);
    expect((await send(null, 'POST', 'growth', training(w.tech.employeeId))).statusCode).toBe(401);
    expect((await send(hr, 'POST', 'growth', training(NOBODY))).statusCode).toBe(404);
    const clerk = await send(supervisorA, 'POST', 'growth', training(clerkId));
    expect(clerk.statusCode).toBe(422);
    expect(clerk.json()).toMatchObject({ code: 'appraisal.not_technician', title: 'Only technicians are appraised' });
  });

  it('400 naming the field: the date not after today (company time zone), what each kind needs', async () => {
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await send(hr, 'POST', 'growth', training(w.tech.employeeId, tomorrow));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'occurredOn', code: 'appraisal.future', message: `Cannot be later than today (${today})` }]);
    const { hours: _, ...noHours } = training(w.tech.employeeId);
    expect(fields(await send(hr, 'POST', 'growth', noHours))).toEqual(['hours']);
    expect(fields(await send(hr, 'POST', 'growth', { employeeId: w.tech.employeeId, kind: 'exam', occurredOn: today, title: '考试' }))).toEqual(['passed']);
    expect(fields(await send(hr, 'POST', 'growth', { ...training(w.tech.employeeId), kind: 'course' }))).toEqual(['kind']);
    expect(fields(await send(hr, 'POST', 'growth', { ...training(w.tech.employeeId), occurredOn: '2026-02-30' }))).toEqual(['occurredOn']);
  });

  it('lists by scope: HR everyone, a supervisor their teams, a technician their own; range at most 366 days', async () => {
    const range = `from=${today.slice(0, 8)}01&to=${today}`;
    const ids = async (s: Session, q = '') => {
      const res = await get(s, `growth?${range}${q}`);
      expect(res.statusCode).toBe(200);
      return res.json().map((g: { id: string }) => g.id);
    };
    expect(await ids(hr)).toEqual(expect.arrayContaining([hrRecord, bRecord]));
    expect(await ids(manager, `&teamId=${teamB}`)).toEqual([bRecord]);
    const mine = await ids(supervisorA);
    expect(mine).toContain(hrRecord);
    expect(mine).not.toContain(bRecord);
    expect(await ids(techA)).toEqual([hrRecord]);
    expect(await ids(techB)).toEqual([bRecord]);
    expect(await ids(hr, `&employeeId=${techBId}`)).toEqual([bRecord]);
    expect((await get(supervisorA, `growth?${range}&teamId=${teamB}`)).statusCode).toBe(403);
    expect((await get(techA, `growth?${range}&employeeId=${techBId}`)).statusCode).toBe(403);

    const long = await get(hr, 'growth?from=2025-01-01&to=2026-01-02');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([{ field: 'to', code: 'appraisal.range_too_long', message: 'At most 366 days at a time' }]);
    expect(fields(await get(hr, 'growth?from=2026-03-02&to=2026-03-01'))).toEqual(['to']);
    expect(fields(await get(hr, 'growth?from=2026-03-01'))).toEqual(['querystring.to']);
  });

  it('a month whose period is published is frozen: 409 appraisal.period_closed on adding or removing; an open one is not', async () => {
    const augRecord = (
      await t.db
        .insertInto('growthRecords')
        .values({ employeeId: w.tech.employeeId, kind: 'certificate', occurredOn: '2026-08-10', title: '制冷证', recordedByLabel: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await publish(augustId);
    const add = await send(hr, 'POST', 'growth', training(w.tech.employeeId, '2026-08-15'));
    expect(add.statusCode).toBe(409);
    expect(add.json()).toMatchObject({ code: 'appraisal.period_closed' });
    expect(add.json().title).toContain('2026-08 is no longer open');
    const zh = await as(t.app, hr, { method: 'DELETE', url: `/api/v1/appraisal/growth/${augRecord}`, locale: 'zh-CN' });
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'appraisal.period_closed' });
    expect(zh.json().title).toMatch(/^考核期 2026-08 /);
    expect(await t.db.selectFrom('growthRecords').select('id').where('id', '=', augRecord).executeTakeFirst()).toBeDefined();

    // July's period is still open: its records may change (HR recomputes it afterwards).
    const july = await send(supervisorA, 'POST', 'growth', training(w.tech.employeeId, '2026-07-20'));
    expect(july.statusCode).toBe(201);
    expect((await send(supervisorA, 'DELETE', `growth/${july.json().id}`)).statusCode).toBe(204);
  });

  it('removal: same scope as adding; 404 when gone; audited', async () => {
    expect((await send(supervisorA, 'DELETE', `growth/${bRecord}`)).statusCode).toBe(403);
    expect((await send(techB, 'DELETE', `growth/${bRecord}`)).statusCode).toBe(403);
    expect((await send(hr, 'DELETE', `growth/${NOBODY}`)).statusCode).toBe(404);
    expect((await send(supervisorB, 'DELETE', `growth/${bRecord}`)).statusCode).toBe(204);
    expect((await send(hr, 'DELETE', `growth/${bRecord}`)).statusCode).toBe(404);
    expect((await audits('growth_record', bRecord)).map((a) => a.action)).toEqual(['appraisal.growth.create', 'appraisal.growth.delete']);
  });
});

describe('excused arrivals (P5.1.2)', () => {
  let arrived: { id: string };
  let notArrived: { id: string };
  const excuse = { reason: 'customer_reschedule', evidence: '客户来电改约至下午，通话记录 2026-11-03 09:12' };
  const attach = async (workOrderId: string) =>
    (
      await t.db
        .insertInto('attachments')
        .values({ workOrderId, filename: 'call.png', contentType: 'image/png', size: 4, sha256: randomBytes(32).toString('hex'), data: Buffer.from('test'), uploadedByLabel: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    arrived = await orderAt(t, w, 'on_site');
    notArrived = await orderAt(t, w, 'assigned');
  });

  it('the team supervisor records the reason and evidence (201), then replaces it (200); audited', async () => {
    const res = await send(supervisorA, 'PUT', `excuses/${arrived.id}`, excuse);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ workOrderId: arrived.id, title: '热泵机组不制热', assigneeName: '李维修', reason: 'customer_reschedule', evidence: excuse.evidence, attachmentId: null });
    expect(body.arrivedAt).not.toBeNull();
    expect(body.recordedByLabel).toMatch(/^Test supervisor-\w+ \(supervisor-\w+\)$/);
    const file = await attach(arrived.id);
    const again = await send(hr, 'PUT', `excuses/${arrived.id}`, { reason: 'customer_absent', evidence: '到场时客户不在，现场照片', attachmentId: file });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reason: 'customer_absent', attachmentId: file });
    expect(again.json().recordedByLabel).toMatch(/^Test hr-/);
    expect((await audits('arrival_excuse', arrived.id)).map((a) => a.action)).toEqual(['appraisal.excuse.create', 'appraisal.excuse.update']);
  });

  it('403 for technicians and another team\'s supervisor; 404 unknown order; 422 no arrival; 400 a file of another order; 400 bad reason', async () => {
    expect((await send(techA, 'PUT', `excuses/${arrived.id}`, excuse)).statusCode).toBe(403);
    expect((await send(supervisorB, 'PUT', `excuses/${arrived.id}`, excuse)).statusCode).toBe(403);
    expect((await send(hr, 'PUT', `excuses/${NOBODY}`, excuse)).statusCode).toBe(404);
    const none = await send(supervisorA, 'PUT', `excuses/${notArrived.id}`, excuse);
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('appraisal.not_arrived');
    const other = await send(hr, 'PUT', `excuses/${arrived.id}`, { ...excuse, attachmentId: await attach(notArrived.id) });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([{ field: 'attachmentId', code: 'appraisal.attachment_order', message: 'Not a file of this work order' }]);
    expect(fields(await send(hr, 'PUT', `excuses/${arrived.id}`, { ...excuse, reason: 'traffic' }))).toEqual(['reason']);
    expect(fields(await send(hr, 'PUT', `excuses/${arrived.id}`, { reason: 'other', evidence: ' ' }))).toEqual(['evidence']);
    expect((await get(hr, `excuses/${arrived.id}`)).json().reason).toBe('customer_absent');
  });

  it('read by staff who may see the order (the assignee, HR), not by customers (403) nor others (404)', async () => {
    expect((await get(techA, `excuses/${arrived.id}`)).json()).toMatchObject({ workOrderId: arrived.id, reason: 'customer_absent' });
    expect((await get(manager, `excuses/${arrived.id}`)).statusCode).toBe(200);
    expect((await get(w.portal.session, `excuses/${arrived.id}`)).statusCode).toBe(403);
    expect((await get(techB, `excuses/${arrived.id}`)).statusCode).toBe(404);
    expect((await get(hr, `excuses/${notArrived.id}`)).statusCode).toBe(404);
  });

  it('lists by arrival day in the company time zone; a supervisor sees their teams only', async () => {
    const range = `from=${today}&to=${today}`;
    const numbers = async (s: Session, q = '') => {
      const res = await get(s, `excuses?${range}${q}`);
      expect(res.statusCode).toBe(200);
      return res.json().map((x: { workOrderId: string }) => x.workOrderId);
    };
    expect(await numbers(hr)).toEqual([arrived.id]);
    expect(await numbers(supervisorA)).toEqual([arrived.id]);
    expect(await numbers(hr, `&teamId=${w.teamId}`)).toEqual([arrived.id]);
    expect(await numbers(manager, `&teamId=${teamB}`)).toEqual([]);
    expect(await numbers(supervisorB)).toEqual([]);
    expect((await get(supervisorB, `excuses?${range}&teamId=${w.teamId}`)).statusCode).toBe(403);
    expect((await get(techA, `excuses?${range}`)).statusCode).toBe(403);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await get(hr, `excuses?from=${yesterday}&to=${yesterday}`)).json()).toEqual([]);
    expect(fields(await get(hr, 'excuses?from=2026-01-01&to=2027-01-02'))).toEqual(['to']);
  });

  it('an arrival in a month whose period is published cannot be excused or unexcused (409)', async () => {
    const august = await orderAt(t, w, 'on_site');
    // 20 August 10:00 in Shanghai.
    await t.db.updateTable('workOrders').set({ arrivedAt: new Date('2026-08-20T02:00:00Z') }).where('id', '=', august.id).execute();
    const put = await send(hr, 'PUT', `excuses/${august.id}`, excuse);
    expect(put.statusCode).toBe(409);
    expect(put.json().code).toBe('appraisal.period_closed');
    await t.db.insertInto('arrivalExcuses').values({ workOrderId: august.id, reason: 'other', evidence: 'x', recordedByLabel: 'test' }).execute();
    expect((await send(hr, 'DELETE', `excuses/${august.id}`)).statusCode).toBe(409);
    // The month is the company's (Asia/Shanghai): 16:30 UTC on 31 July is already 1 August there (published),
    // 15:30 UTC is 31 July 23:30 (July, still open).
    await t.db.updateTable('workOrders').set({ arrivedAt: new Date('2026-07-31T16:30:00Z') }).where('id', '=', august.id).execute();
    expect((await send(hr, 'DELETE', `excuses/${august.id}`)).statusCode).toBe(409);
    await t.db.updateTable('workOrders').set({ arrivedAt: new Date('2026-07-31T15:30:00Z') }).where('id', '=', august.id).execute();
    expect((await send(hr, 'DELETE', `excuses/${august.id}`)).statusCode).toBe(204);
  });

  it('removal: 204, then 404; the same scope as recording', async () => {
    expect((await send(supervisorB, 'DELETE', `excuses/${arrived.id}`)).statusCode).toBe(403);
    expect((await send(techA, 'DELETE', `excuses/${arrived.id}`)).statusCode).toBe(403);
    expect((await send(supervisorA, 'DELETE', `excuses/${arrived.id}`)).statusCode).toBe(204);
    expect((await get(hr, `excuses/${arrived.id}`)).statusCode).toBe(404);
    expect((await send(supervisorA, 'DELETE', `excuses/${arrived.id}`)).statusCode).toBe(404);
  });
});

describe('results applied (P5.4)', () => {
  let octoberId: string;

  it('pay coefficients (P5.4.1, P7.1.2): 404 no period, 422 until published, then each graded result with its grade\'s coefficient', async () => {
    // Ten training hours in October lift 李维修's growth indicator above the others'.
    expect((await send(hr, 'POST', 'growth', { employeeId: w.tech.employeeId, kind: 'training', occurredOn: '2026-10-12', title: 'PLC 培训', hours: 10 })).statusCode).toBe(201);
    octoberId = await open('2026-10');
    await calibrate(octoberId, techBId, 96);
    expect((await get(hr, 'pay-coefficients?period=2026-05')).statusCode).toBe(404);
    const early = await get(hr, 'pay-coefficients?period=2026-10');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'appraisal.period_not_published', title: 'The period 2026-10 is not published yet' });
    expect(fields(await get(hr, 'pay-coefficients?period=2026-13'))).toEqual(['querystring.period']);
    for (const s of [techA, supervisorA]) expect((await get(s, 'pay-coefficients?period=2026-10')).statusCode).toBe(403);

    await publish(octoberId);
    const res = await get(manager, 'pay-coefficients?period=2026-10');
    expect(res.statusCode).toBe(200);
    const rows: { employeeId: string; grade: string; coefficient: number; score: number; periodLabel: string; resultStatus: string }[] = res.json();
    const coefficients: Record<string, number> = { S: 1.5, A: 1.2, B: 1, C: 0.8, D: 0.5 };
    for (const id of [w.tech.employeeId, techA2Id, techBId]) {
      const stored = await resultOf(octoberId, id);
      const row = rows.find((r) => r.employeeId === id)!;
      expect(row).toMatchObject({ periodLabel: '2026-10', grade: stored.grade, score: Number(stored.calibratedScore ?? stored.composite), resultStatus: 'published' });
      expect(row.coefficient).toBe(coefficients[row.grade]);
    }
    // The calibrated score counts, not the composite.
    expect(rows.find((r) => r.employeeId === techBId)).toMatchObject({ grade: 'S', score: 96, coefficient: 1.5 });
    expect(rows.find((r) => r.employeeId === w.tech.employeeId)!.score).toBeGreaterThan(rows.find((r) => r.employeeId === techA2Id)!.score);
    expect(rows.map((r) => r.employeeId)).not.toContain(clerkId);
    // Highest score first.
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('a new coefficient setting leaves a published period\'s pay alone: the period keeps its frozen policy', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const value = {
      bands: [
        { grade: 'S', min: 95 },
        { grade: 'A', min: 85 },
        { grade: 'B', min: 70 },
        { grade: 'C', min: 60 },
        { grade: 'D', min: 0 },
      ],
      forcedShares: null,
      payCoefficients: { S: 2, A: 1.5, B: 1, C: 0.5, D: 0 },
    };
    const set = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/appraisal.grades/versions', payload: { value, effectiveFrom: today, reason: 'test' } });
    expect(set.statusCode).toBe(201);
    const rows = (await get(hr, 'pay-coefficients?period=2026-10')).json();
    expect(rows.find((r: { employeeId: string }) => r.employeeId === techBId).coefficient).toBe(1.5);
  });

  it('the excellent list (P5.4.2): the published annual results graded excellent, by the year\'s policy', async () => {
    expect((await get(hr, 'excellent?year=2025')).statusCode).toBe(404);
    expect(fields(await get(hr, 'excellent?year=26'))).toEqual(['querystring.year']);
    const yearId = await open('2026');
    await calibrate(yearId, w.tech.employeeId, 90);
    expect((await get(hr, 'excellent?year=2026')).statusCode).toBe(422);
    expect((await get(supervisorA, 'excellent?year=2026')).statusCode).toBe(403);
    await publish(yearId);

    const res = await get(manager, 'excellent?year=2026');
    expect(res.statusCode).toBe(200);
    const annualA = await resultOf(yearId, w.tech.employeeId);
    expect(res.json()).toEqual([
      { employeeId: w.tech.employeeId, employeeNo: expect.any(String), name: '李维修', teamName: expect.any(String), year: '2026', grade: 'A', score: 90, resultId: annualA.id },
    ]);
    // Everyone else is below the excellent grades (赵工: the mean of August and a calibrated October).
    expect((await resultOf(yearId, techBId)).grade).not.toMatch(/^[SA]$/);
    // The annual period pays by its own policy, frozen when it opened (the coefficients scheduled above).
    const pay = (await get(hr, 'pay-coefficients?period=2026')).json();
    expect(pay.find((r: { employeeId: string }) => r.employeeId === w.tech.employeeId)).toMatchObject({ grade: 'A', coefficient: 1.5, periodLabel: '2026' });
  });

  it('development actions (P5.4.3): read by scope, fulfilled by HR with a version', async () => {
    const list = async (s: Session, q = '') => {
      const res = await get(s, `development-actions${q}`);
      expect(res.statusCode).toBe(200);
      return res.json() as { id: string; employeeId: string; status: string; version: number; periodLabel: string; suggestion: { 'zh-CN': string; en: string } }[];
    };
    const all = await list(hr);
    expect(new Set(all.map((a) => a.employeeId))).toEqual(new Set([w.tech.employeeId, techA2Id, techBId]));
    const mine = await list(techA);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.employeeId === w.tech.employeeId)).toBe(true);
    expect(mine[0]!.suggestion['zh-CN']).toBeTruthy();
    expect(mine.map((a) => a.periodLabel)).toContain('2026-08');
    expect(new Set((await list(supervisorA)).map((a) => a.employeeId))).toEqual(new Set([w.tech.employeeId, techA2Id]));
    expect((await list(supervisorB)).every((a) => a.employeeId === techBId)).toBe(true);
    expect((await list(hr, `?employeeId=${techBId}`)).every((a) => a.employeeId === techBId)).toBe(true);
    expect((await get(techA, `development-actions?employeeId=${techBId}`)).statusCode).toBe(403);

    const action = mine[0]!;
    const body = { version: action.version, status: 'done', note: '已参加 2026-12 的培训' };
    for (const s of [techA, supervisorA, manager]) expect((await send(s, 'POST', `development-actions/${action.id}/fulfil`, body)).statusCode).toBe(403);
    expect((await send(hr, 'POST', `development-actions/${NOBODY}/fulfil`, body)).statusCode).toBe(404);
    expect(fields(await send(hr, 'POST', `development-actions/${action.id}/fulfil`, { ...body, status: 'open' }))).toEqual(['status']);
    expect((await send(hr, 'POST', `development-actions/${action.id}/fulfil`, { ...body, version: action.version + 1 })).statusCode).toBe(409);
    const done = await send(hr, 'POST', `development-actions/${action.id}/fulfil`, body);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: action.id, status: 'done', fulfilmentNote: body.note, version: action.version + 1 });
    expect(done.json().fulfilledAt).not.toBeNull();
    const twice = await send(hr, 'POST', `development-actions/${action.id}/fulfil`, { ...body, version: action.version + 1, status: 'cancelled' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().code).toBe('appraisal.step_done');
    expect((await list(techA, '?status=done')).map((a) => a.id)).toEqual([action.id]);
    expect((await list(techA, '?status=open')).map((a) => a.id)).not.toContain(action.id);
    expect((await audits('development_action', action.id)).map((a) => a.action)).toEqual(['appraisal.development.fulfil']);
  });

  it('a period opened under a forced distribution (P5.3.4): computed grades by band, final grades forced over the whole period', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    // Low bands, so that most composites of a month without work reach S or A by band.
    const bands = [
      { grade: 'S', min: 20 },
      { grade: 'A', min: 10 },
      { grade: 'B', min: 5 },
      { grade: 'C', min: 1 },
      { grade: 'D', min: 0 },
    ];
    const value = { bands, forcedShares: { S: 0, A: 0, B: 100, C: 0, D: 0 }, payCoefficients: { S: 2, A: 1.5, B: 1, C: 0.5, D: 0 } };
    const from = addDays(today, 1);
    const set = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/appraisal.grades/versions', payload: { value, effectiveFrom: from, reason: '强制分布试行' } });
    expect(set.statusCode).toBe(201);
    const periodId = (await openPeriod(t.db, monthPeriod('2026-05-01'), { label: 'test', today: from }))!.periodId;
    const rows = await t.db.selectFrom('appraisalResults').select(['composite', 'computedGrade', 'grade']).where('periodId', '=', periodId).execute();
    const scored = rows.filter((r) => r.composite !== null);
    expect(scored.length).toBeGreaterThan(1);
    // No one is forced above B, no one below their own band.
    for (const r of scored) expect(r.grade).toBe(['S', 'A', 'B'].includes(r.computedGrade!) ? 'B' : r.computedGrade);
    expect(scored.some((r) => r.computedGrade === 'S' || r.computedGrade === 'A')).toBe(true);
  });
});
