import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppraisalWorld, at, createAppraisalWorld, openByHr, pastOrder, rate } from '../../test/appraisal.ts';
import { as, createTestApp, createUser, signIn, type TestApp } from '../../test/harness.ts';
import { companyToday } from '../settings/service.ts';

// Issue 6: the monthly appraisal from the records (P5.1), its steps (P5.3), publication,
// appeals and reopening (P5.2), and who may see and do what.

let t: TestApp;
let w: AppraisalWorld;
let period: { id: string; version: number };
let techResult: { id: string; version: number };
const orders: Record<string, string> = {};

const get = (session: AppraisalWorld['hr'], url: string) => as(t.app, session, { method: 'GET', url });
const resultOf = async (session: AppraisalWorld['hr'], id: string) => (await get(session, `/api/v1/appraisal/results/${id}`)).json();
const indicator = (result: { indicators: { key: string }[] }, key: string) => result.indicators.find((i) => i.key === key) as Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  w = await createAppraisalWorld(t);
  const tech = w.tech.employeeId;
  // P5.1.2: four on time, one late, one late but excused (the customer rescheduled).
  for (let d = 1; d <= 4; d++) {
    const o = await pastOrder(t, w, { assigneeId: tech, arrivedAt: at(`2026-10-0${d} 10:00`), arrivalDueAt: at(`2026-10-0${d} 12:00`), closedAt: at(`2026-10-0${d} 16:00`) });
    orders[`onTime${d}`] = o.id;
  }
  orders.late = (await pastOrder(t, w, { assigneeId: tech, arrivedAt: at('2026-10-10 14:00'), arrivalDueAt: at('2026-10-10 12:00'), closedAt: at('2026-10-10 18:00'), reopenCount: 1 })).id;
  orders.excused = (await pastOrder(t, w, { assigneeId: tech, arrivedAt: at('2026-10-12 15:00'), arrivalDueAt: at('2026-10-12 12:00') })).id;
  await t.db.insertInto('arrivalExcuses').values({ workOrderId: orders.excused, reason: 'customer_reschedule', evidence: '客户来电改约至 15:00（通话记录 10-12 09:12）', recordedByLabel: '张主管' }).execute();
  // An order of another month does not count.
  await pastOrder(t, w, { assigneeId: tech, arrivedAt: at('2026-11-02 10:00'), arrivalDueAt: at('2026-11-02 09:00'), closedAt: at('2026-11-02 12:00') });
  // P5.1.1: ratings 5, 4, 4 in October.
  await rate(t, orders.onTime1!, tech, 5, at('2026-10-01 18:00'));
  await rate(t, orders.onTime2!, tech, 4, at('2026-10-02 18:00'));
  await rate(t, orders.onTime3!, tech, 4, at('2026-10-03 18:00'));
  // P5.1.4: six training hours and a passed exam.
  await t.db
    .insertInto('growthRecords')
    .values([
      { employeeId: tech, kind: 'training', occurredOn: '2026-10-15', title: '热泵维修进阶', hours: 6, recordedByLabel: 'HR' },
      { employeeId: tech, kind: 'exam', occurredOn: '2026-10-20', title: '制冷工考试', score: 88, passed: true, recordedByLabel: 'HR' },
    ])
    .execute();
  // P5.1.5: tech helped resolve a consultation on tech2's order, and assisted on tech2's visit.
  const tech2Order = await pastOrder(t, w, { assigneeId: w.tech2.employeeId, arrivedAt: at('2026-10-08 10:00'), arrivalDueAt: at('2026-10-08 11:00'), closedAt: at('2026-10-08 17:00') });
  const consultation = await t.db
    .insertInto('consultations')
    .values({ workOrderId: tech2Order.id, topic: '压缩机异响', openedBy: w.tech2.employeeId, status: 'agreed', agreedSolution: '更换轴承', agreedAt: at('2026-10-08 15:00') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('consultationParticipants')
    .values([
      { consultationId: consultation.id, employeeId: w.tech2.employeeId, role: 'owner', joinedAt: at('2026-10-08 13:00') },
      { consultationId: consultation.id, employeeId: tech, role: 'invited', joinedAt: at('2026-10-08 13:10'), contributed: true },
    ])
    .execute();
  await t.db.insertInto('siteVisits').values({ workOrderId: tech2Order.id, employeeId: tech, checkInAt: at('2026-10-08 10:05'), checkInLatitude: 31.1, checkInLongitude: 121.4 }).execute();

  period = await openByHr(t, w.hr, '2026-10');
  const list = (await get(w.hr, `/api/v1/appraisal/results?periodId=${period.id}`)).json() as { id: string; version: number; employee: { id: string } }[];
  techResult = list.find((r) => r.employee.id === tech)!;
});
afterAll(async () => t.close());

describe('the monthly close (P5.1, P5.2)', () => {
  it('computes the five indicators from the records, with the formulas and the orders behind them', async () => {
    const r = await resultOf(w.hr, techResult.id);
    expect(r.status).toBe('self_pending');
    expect(r.samples).toEqual({ ratings: 3, arrivals: 5, excused: 1, closed: 5 });
    // P5.1.2: 4 on time of 5 counted; the excused one is shown, not counted.
    expect(indicator(r, 'onTime')).toMatchObject({ value: 0.8, samples: 5, status: 'scored' });
    expect(indicator(r, 'onTime').formula).toContain('1 excused');
    // P5.1.3: 5 closed, 1 reopened.
    expect(indicator(r, 'resolution')).toMatchObject({ value: 0.8, samples: 5 });
    // P5.1.1: (5 + 4 + 4) / 3.
    expect(indicator(r, 'customerSatisfaction')).toMatchObject({ value: 4.33, samples: 3 });
    // P5.1.4: 6 h × 1 + 1 exam × 3 = 9 points; P5.1.5: 1 joined × 2 + 1 helped × 3 + 1 assist × 2 = 7.
    expect(indicator(r, 'growth')).toMatchObject({ value: 9 });
    expect(indicator(r, 'teamwork')).toMatchObject({ value: 7 });
    // P5.3.3: the customer evaluation from the ratings: (4.33 - 1) / 4.
    expect(r.customerScore).toBe(83.3);
    expect(r.policy).toContainEqual({ key: 'appraisal.indicators', effectiveFrom: '2000-01-01' });
    expect(r.compositeFormula).toContain('self, supervisor: not given, weight spread');
  });

  it('marks an indicator with too few samples insufficient and spreads its weight, never scoring it 0 or 100', async () => {
    const list = (await get(w.hr, `/api/v1/appraisal/results?periodId=${period.id}`)).json() as { id: string; employee: { id: string } }[];
    const other = await resultOf(w.hr, list.find((r) => r.employee.id === w.tech2.employeeId)!.id);
    const onTime = indicator(other, 'onTime');
    expect(onTime).toMatchObject({ status: 'insufficient', points: null, samples: 1 });
    expect(other.indicatorFormula).not.toContain('onTime');
  });

  it('opens a period once: a second open is 409, and a month not yet ended is refused', async () => {
    const again = await as(t.app, w.hr, { method: 'POST', url: '/api/v1/appraisal/periods', payload: { label: '2026-10' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('appraisal.period_exists');
    const future = await as(t.app, w.hr, { method: 'POST', url: '/api/v1/appraisal/periods', payload: { label: '2099-01' } });
    expect(future.statusCode).toBe(422);
    expect((await as(t.app, w.tech.session, { method: 'POST', url: '/api/v1/appraisal/periods', payload: { label: '2026-09' } })).statusCode).toBe(403);
  });

  it('P5.1.2: the drill-down lists the arrivals counted and the excused one with its reason and evidence', async () => {
    const res = await get(w.tech.session, `/api/v1/appraisal/results/${techResult.id}/explain/onTime`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(6);
    const statuses = body.items.map((i: { status: string }) => i.status).sort();
    expect(statuses).toEqual(['excused', 'late', 'on_time', 'on_time', 'on_time', 'on_time']);
    const excused = body.items.find((i: { status: string }) => i.status === 'excused');
    expect(excused).toMatchObject({ workOrderId: orders.excused, minutes: 180, excuse: { reason: 'customer_reschedule' } });
    expect(excused.excuse.evidence).toContain('改约');
    expect(body.policy).toMatchObject({ key: 'appraisal.indicators', effectiveFrom: '2000-01-01', minSamples: 3, insufficient: 'reweight' });
    const resolution = (await get(w.tech.session, `/api/v1/appraisal/results/${techResult.id}/explain/resolution`)).json();
    expect(resolution.items.find((i: { workOrderId: string }) => i.workOrderId === orders.late).status).toBe('reopened');
    const teamwork = (await get(w.tech.session, `/api/v1/appraisal/results/${techResult.id}/explain/teamwork`)).json();
    expect(teamwork.items.map((i: { status: string }) => i.status).sort()).toEqual(['assist', 'helped']);
  });

  it('shows a technician their own results only, a supervisor their team, HR and managers everyone', async () => {
    expect((await get(w.tech2.session, `/api/v1/appraisal/results/${techResult.id}`)).statusCode).toBe(403);
    expect((await get(w.tech2.session, `/api/v1/appraisal/results/${techResult.id}/explain/onTime`)).statusCode).toBe(403);
    const own = (await get(w.tech.session, '/api/v1/appraisal/results')).json();
    expect(own.map((r: { employee: { id: string } }) => r.employee.id)).toEqual([w.tech.employeeId]);
    const team = (await get(w.supervisor.session, `/api/v1/appraisal/results?periodId=${period.id}`)).json();
    expect(new Set(team.map((r: { employee: { id: string } }) => r.employee.id))).toEqual(new Set([w.tech.employeeId, w.tech2.employeeId]));
    const other = (await get(w.otherSupervisor, `/api/v1/appraisal/results?periodId=${period.id}`)).json();
    expect(other.map((r: { employee: { id: string } }) => r.employee.id)).toEqual([w.otherTech.employeeId]);
    // Three technicians in all: supervisors are not appraised as technicians.
    expect((await get(w.manager, `/api/v1/appraisal/results?periodId=${period.id}`)).json().length).toBe(3);
  });
});

describe('the steps of a result (P5.3)', () => {
  it('P5.3.1: a self-evaluation names each missing answer, then lands marked late after its deadline', async () => {
    const missing = await as(t.app, w.tech.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${techResult.id}/self`,
      payload: { version: techResult.version, answers: { quality: 4, punctuality: 9 } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['answers.achievements', 'answers.learning', 'answers.punctuality']);
    expect((await as(t.app, w.tech2.session, { method: 'PUT', url: `/api/v1/appraisal/results/${techResult.id}/self`, payload: { version: 1, answers: {} } })).statusCode).toBe(403);
    const ok = await as(t.app, w.tech.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${techResult.id}/self`,
      payload: { version: techResult.version, answers: { quality: 5, punctuality: 3, learning: 4, achievements: '完成 6 单维修' } },
    });
    expect(ok.statusCode).toBe(200);
    const r = ok.json();
    // (100 × 40 + 50 × 30 + 75 × 30) / 100
    expect(r).toMatchObject({ status: 'review_pending', selfScore: 77.5, selfLate: (await companyToday(t.db)) > '2026-11-03' });
    techResult = r;
  });

  it('P5.3.2: a supervisor reviews their own team only; a stale review is 409', async () => {
    const payload = { version: techResult.version, answers: { performance: 5, completion: 4 }, teamworkRating: 5 };
    const outside = await as(t.app, w.otherSupervisor, { method: 'PUT', url: `/api/v1/appraisal/results/${techResult.id}/review`, payload });
    expect(outside.statusCode).toBe(403);
    const ok = await as(t.app, w.supervisor.session, { method: 'PUT', url: `/api/v1/appraisal/results/${techResult.id}/review`, payload });
    expect(ok.statusCode).toBe(200);
    const r = ok.json();
    expect(r).toMatchObject({ status: 'reviewed', supervisorScore: 87.5, teamworkRating: 5 });
    // P5.1.5: the teamwork points take the supervisor's rating for half.
    expect(indicator(r, 'teamwork').explanation).toContain('supervisor rating 5/5');
    expect(r.compositeFormula).not.toContain('not given');
    const stale = await as(t.app, w.supervisor.session, { method: 'PUT', url: `/api/v1/appraisal/results/${techResult.id}/review`, payload });
    expect(stale.statusCode).toBe(409);
    techResult = r;
  });

  it('P5.3.4: HR calibrates with a reason; the computed grade stays beside the final one, with history', async () => {
    const noReason = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/results/${techResult.id}/calibrate`, payload: { version: techResult.version, score: 96 } });
    expect(noReason.statusCode).toBe(400);
    expect((await as(t.app, w.supervisor.session, { method: 'POST', url: `/api/v1/appraisal/results/${techResult.id}/calibrate`, payload: { version: techResult.version, score: 96, reason: 'x' } })).statusCode).toBe(403);
    const res = await as(t.app, w.hr, {
      method: 'POST',
      url: `/api/v1/appraisal/results/${techResult.id}/calibrate`,
      payload: { version: techResult.version, score: 96, reason: '承担重大项目抢修，考核期内表现突出' },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ calibratedScore: 96, grade: 'S', calibrationReason: '承担重大项目抢修，考核期内表现突出' });
    expect(r.computedGrade).not.toBe('S');
    expect(r.history.map((h: { action: string }) => h.action)).toEqual(['self_evaluated', 'reviewed', 'calibrated']);
    techResult = r;
  });
});

describe('publication, appeals and reopening (P5.2, P5.4.3)', () => {
  it('publishes: results are published, weak indicators become development actions, the technician is told', async () => {
    const p = (await get(w.hr, `/api/v1/appraisal/periods/${period.id}`)).json();
    const res = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/publish`, payload: { version: p.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    const r = await resultOf(w.tech.session, techResult.id);
    expect(r.status).toBe('published');
    expect(r.abilities).toMatchObject({ acknowledge: true, appeal: true, self: false });
    // onTime 0.8 → 40 points and resolution 0.8 → 40 points are below 70: two actions with suggested training.
    expect(r.developmentActions.map((a: { indicator: string }) => a.indicator).sort()).toEqual(['onTime', 'resolution']);
    expect(r.developmentActions[0].suggestion['zh-CN']).toBeTruthy();
    const notices = await t.db.selectFrom('notifications').select('event').where('userId', '=', w.tech.userId).execute();
    expect(notices.map((n) => n.event)).toContain('appraisal_published');
    techResult = r;
  });

  it('refuses editing a published result and recomputing a published period', async () => {
    const self = await as(t.app, w.tech.session, { method: 'PUT', url: `/api/v1/appraisal/results/${techResult.id}/self`, payload: { version: techResult.version, answers: { quality: 5 } } });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('appraisal.published');
    const review = await as(t.app, w.supervisor.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${techResult.id}/review`,
      payload: { version: techResult.version, answers: { performance: 1, completion: 1 }, teamworkRating: 1 },
    });
    expect(review.json().code).toBe('appraisal.published');
    const p = (await get(w.hr, `/api/v1/appraisal/periods/${period.id}`)).json();
    const recompute = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/recompute`, payload: { version: p.version }, locale: 'zh-CN' });
    expect(recompute.statusCode).toBe(409);
    expect(recompute.json()).toMatchObject({ code: 'appraisal.period_closed' });
    expect(recompute.json().title).toContain('重新开启');
  });

  it('the technician appeals; closing waits for the answer; HR adjusts the score and the technician is told', async () => {
    const appeal = await as(t.app, w.tech.session, {
      method: 'POST',
      url: `/api/v1/appraisal/results/${techResult.id}/appeal`,
      payload: { version: techResult.version, reason: '10 月 10 日迟到因交通管制，请复核' },
    });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json().status).toBe('appealed');
    const again = await as(t.app, w.tech.session, { method: 'POST', url: `/api/v1/appraisal/results/${techResult.id}/appeal`, payload: { version: appeal.json().version, reason: 'x' } });
    expect(again.statusCode).toBe(409);
    const queue = (await get(w.hr, '/api/v1/appraisal/appeals?status=open')).json();
    expect(queue).toHaveLength(1);
    const p = (await get(w.hr, `/api/v1/appraisal/periods/${period.id}`)).json();
    const close = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/close`, payload: { version: p.version } });
    expect(close.statusCode).toBe(422);
    expect(close.json().code).toBe('appraisal.appeals_open');
    const noScore = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/results/${techResult.id}/answer`, payload: { version: appeal.json().version, outcome: 'adjusted', answer: '核实属实' } });
    expect(noScore.statusCode).toBe(400);
    const answer = await as(t.app, w.hr, {
      method: 'POST',
      url: `/api/v1/appraisal/results/${techResult.id}/answer`,
      payload: { version: appeal.json().version, outcome: 'adjusted', answer: '交通管制属实，按 97 分核定', score: 97 },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'answered', calibratedScore: 97, grade: 'S' });
    expect(answer.json().appeals[0]).toMatchObject({ status: 'answered', outcome: 'adjusted' });
    const notices = await t.db.selectFrom('notifications').select('event').where('userId', '=', w.tech.userId).execute();
    expect(notices.map((n) => n.event)).toContain('appraisal_appeal_answered');
    techResult = answer.json();
  });

  it('reopening needs a reason; a recompute with the same inputs gives the same result, and an excuse recorded late changes it', async () => {
    let p = (await get(w.hr, `/api/v1/appraisal/periods/${period.id}`)).json();
    expect((await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/reopen`, payload: { version: p.version } })).statusCode).toBe(400);
    const reopen = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/reopen`, payload: { version: p.version, reason: '补录到场豁免' } });
    expect(reopen.statusCode).toBe(200);
    expect(reopen.json().status).toBe('open');
    const before = await resultOf(w.hr, techResult.id);
    p = reopen.json();
    const same = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/recompute`, payload: { version: p.version } });
    expect(same.statusCode).toBe(200);
    const after = await resultOf(w.hr, techResult.id);
    expect(after.factsHash).toBe(before.factsHash);
    expect(after.indicators).toEqual(before.indicators);
    expect(after.composite).toBe(before.composite);
    const explainOnTime = async () => (await get(w.tech.session, `/api/v1/appraisal/results/${techResult.id}/explain/onTime`)).json();
    expect((await explainOnTime()).recordsChanged).toBe(false);
    await t.db.insertInto('arrivalExcuses').values({ workOrderId: orders.late!, reason: 'force_majeure', evidence: '交警管制通知截图', recordedByLabel: 'HR' }).execute();
    // The drill-down derives the records now and checks them against the frozen digests: the late order is excused now, not as counted.
    const stale = await explainOnTime();
    expect(stale.recordsChanged).toBe(true);
    expect(stale.items.find((i: { workOrderId: string }) => i.workOrderId === orders.late)).toMatchObject({ status: 'excused' });
    expect((await get(w.tech.session, `/api/v1/appraisal/results/${techResult.id}/explain/resolution`)).json().recordsChanged).toBe(false);
    const changed = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${period.id}/recompute`, payload: { version: same.json().version } });
    expect(changed.statusCode).toBe(200);
    const now = await resultOf(w.hr, techResult.id);
    expect(now.factsHash).not.toBe(before.factsHash);
    expect(indicator(now, 'onTime')).toMatchObject({ value: 1, samples: 4 });
    expect((await explainOnTime()).recordsChanged).toBe(false);
    const events = (await get(w.hr, `/api/v1/appraisal/periods/${period.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['opened', 'published', 'reopened', 'recomputed', 'recomputed']);
    expect(events[2].reason).toBe('补录到场豁免');
  });
});

describe('the settings a period runs on (P5.2)', () => {
  it('freezes the policy when the period opens: a late self-evaluation is refused when the cycle said so then', async () => {
    const admin = await createUser(t.db, { role: 'admin' });
    const session = await signIn(t.app, admin.username);
    const today = await companyToday(t.db);
    const value = { selfDueDay: 3, reviewDueDay: 7, publishDueDay: 10, appealDays: 7, lateSelfEvaluation: 'refuse', reminderDaysBefore: 1 };
    const set = await as(t.app, session, { method: 'POST', url: '/api/v1/settings/appraisal.cycle/versions', payload: { value, effectiveFrom: today, reason: '逾期不受理' } });
    expect(set.statusCode).toBe(201);
    const september = await openByHr(t, w.hr, '2026-09');
    const mine = (await get(w.tech.session, `/api/v1/appraisal/results?periodId=${september.id}`)).json()[0];
    const late = await as(t.app, w.tech.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${mine.id}/self`,
      payload: { version: mine.version, answers: { quality: 5, punctuality: 5, learning: 5, achievements: 'x' } },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('appraisal.self_late');
    const detail = await resultOf(w.hr, mine.id);
    expect(detail.policy).toContainEqual({ key: 'appraisal.cycle', effectiveFrom: today });
  });
});
