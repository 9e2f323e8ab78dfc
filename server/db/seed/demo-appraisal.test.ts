import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../../core/appraisal/cycle.ts';
import type { ScoredIndicator } from '../../../core/appraisal/indicators.ts';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { seedChinaHolidays } from '../../modules/calendar/china-holidays.ts';
import { factRows } from '../../modules/appraisal/facts-queries.ts';
import { openPeriod } from '../../modules/appraisal/periods.ts';
import { closingGaps } from '../../modules/work-orders/closing.ts';
import { type Intake, receiveOrder } from '../../modules/work-orders/intake.ts';
import { storedDeadlines } from '../../modules/work-orders/sla.ts';
import { as, createTestApp, signIn, type TestApp } from '../../test/harness.ts';
import { DEMO_PASSWORD, seedDemoCompany } from './demo.ts';
import { type DemoAppraisalSummary, seedDemoAppraisal } from './demo-appraisal.ts';
import { seedDemoFaultCodes } from './demo-reports.ts';

// A month of appraisal data in the demo company (issue 6): what the appraisal screens and the
// browser test start from. Thursday 3 December 2026, 10:00 in Shanghai: the month is November.
const NOW = new Date('2026-12-03T02:00:00Z');
const NOVEMBER = monthPeriod('2026-11-01');
const MONTH_START = new Date('2026-10-31T16:00:00Z');
const MONTH_END = new Date('2026-11-30T16:00:00Z');

const intake: Intake = {
  channel: 'phone',
  customerId: '',
  contactId: null,
  siteId: null,
  productId: null,
  reporterName: null,
  reporterPhone: null,
  reporterEmail: null,
  title: '机组不制热',
  description: '客户来电：热泵机组开机后不制热。',
  category: 'fault_repair',
  priority: 'normal',
  preferredFrom: null,
  preferredTo: null,
  duplicateOfId: null,
  assigneeId: null,
  teamId: null,
  attachments: [],
};

let t: TestApp;
let summary: DemoAppraisalSummary;
let demoOrderNumbers: string[];

type Result = {
  id: string;
  employeeId: string;
  username: string | null;
  ratingCount: number;
  lateIds: string[];
  excusedIds: string[];
  onTimeIds: string[];
  closedIds: string[];
  reopenedIds: string[];
  growthIds: string[];
  consultationsJoined: number;
  consultationsHelped: number;
  assistIds: string[];
  indicators: { items: ScoredIndicator[] };
};

/**
 * A period's results with the records behind them, derived as the drill-down derives them (the
 * close keeps counts and digests, not ids); each frozen count must be its records' count.
 */
async function results(periodId: string): Promise<Result[]> {
  const rows = await t.db
    .selectFrom('appraisalResults as r')
    .leftJoin('users as u', 'u.employeeId', 'r.employeeId')
    .select([
      'r.id',
      'r.employeeId',
      'u.username',
      'r.ratingCount',
      'r.onTimeCount',
      'r.lateCount',
      'r.excusedCount',
      'r.closedCount',
      'r.reopenedCount',
      'r.assistCount',
      'r.consultationsJoined',
      'r.consultationsHelped',
      sql<string>`r.indicators::text`.as('indicatorsText'),
    ])
    .where('r.periodId', '=', periodId)
    .execute();
  const { rows: records } = await sql<{ employeeId: string; set: string; part: number; id: string }>`
    WITH ${factRows({ start: MONTH_START, end: MONTH_END, startsOn: NOVEMBER.startsOn, endsOn: NOVEMBER.endsOn })}
    SELECT employee_id, 'arrivals' AS set, part, id FROM arrivals UNION ALL SELECT employee_id, 'closures', part, id FROM closures
    UNION ALL SELECT employee_id, 'growth', part, id FROM growth UNION ALL SELECT DISTINCT employee_id, 'assists', part, id FROM assists`.execute(t.db);
  const idsOf = (employeeId: string, set: string, part?: number) =>
    records.filter((x) => x.employeeId === employeeId && x.set === set && (part === undefined || x.part === part)).map((x) => x.id);
  return rows.map(({ indicatorsText, ...r }) => {
    const result = {
      ...r,
      onTimeIds: idsOf(r.employeeId, 'arrivals', 1),
      lateIds: idsOf(r.employeeId, 'arrivals', 2),
      excusedIds: idsOf(r.employeeId, 'arrivals', 3),
      closedIds: idsOf(r.employeeId, 'closures'),
      reopenedIds: idsOf(r.employeeId, 'closures', 2),
      growthIds: idsOf(r.employeeId, 'growth'),
      assistIds: idsOf(r.employeeId, 'assists'),
      indicators: JSON.parse(indicatorsText),
    };
    expect(
      [r.onTimeCount, r.lateCount, r.excusedCount, r.closedCount, r.reopenedCount, r.assistCount],
      'the frozen counts are those of the records behind them',
    ).toEqual([result.onTimeIds, result.lateIds, result.excusedIds, result.closedIds, result.reopenedIds, result.assistIds].map((x) => x.length));
    return result as Result;
  });
}

const demoTeam = async () => {
  const team = await t.db
    .selectFrom('users as u')
    .innerJoin('teams', 'teams.supervisorId', 'u.employeeId')
    .select('teams.id')
    .where('u.username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const members = await t.db.selectFrom('employees').select(['id', 'name']).where('teamId', '=', team.id).where('position', 'in', TECHNICIAN_POSITIONS).execute();
  return { id: team.id, members };
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCompany(t.db, { referenceDate: '2026-12-03' });
  await seedChinaHolidays(t.db);
  await seedDemoFaultCodes(t.db);
  // The demo's recent orders reach back nine days, into November: their numbers come first.
  const customer = await t.db.selectFrom('customers').select('id').orderBy('customerNo').executeTakeFirstOrThrow();
  const agent = await t.db.selectFrom('users').select(['id', 'employeeId', 'displayName']).where('username', '=', 'agent').executeTakeFirstOrThrow();
  for (const at of ['2026-11-24T01:30:00Z', '2026-11-26T06:00:00Z', '2026-11-26T07:00:00Z']) {
    await receiveOrder(
      t.db,
      { ...intake, customerId: customer.id },
      { userId: agent.id, employeeId: agent.employeeId, label: agent.displayName, requestId: 'seed' },
      new Date(at),
    );
  }
  demoOrderNumbers = (await t.db.selectFrom('workOrders').select('number').execute()).map((o) => o.number);
  summary = (await seedDemoAppraisal(t.db, { now: NOW }))!;
}, 180_000);
afterAll(() => t?.close());

describe('seedDemoAppraisal', () => {
  it('opens the previous month once, with a result for every technician of the demo team (P5.2)', async () => {
    expect(summary).toMatchObject({ month: '2026-11' });
    expect(summary.periodId).toBeTruthy();
    const period = await t.db.selectFrom('appraisalPeriods').selectAll().where('id', '=', summary.periodId!).executeTakeFirstOrThrow();
    expect(period).toMatchObject({ kind: 'monthly', startsOn: '2026-11-01', endsOn: '2026-12-01', label: '2026-11', status: 'open', openedByLabel: 'system' });
    expect(period.computedAt).toBeInstanceOf(Date);

    const team = await demoTeam();
    expect(team.members.length).toBeGreaterThanOrEqual(3);
    const rows = await results(period.id);
    for (const m of team.members) expect(rows.some((r) => r.employeeId === m.id)).toBe(true);

    // Running exactly once: the period is claimed in the database, so opening it again yields
    // nothing, and so does the whole seed.
    expect(await openPeriod(t.db, NOVEMBER, { label: 'system', today: '2026-12-03' })).toBeNull();
    expect(await seedDemoAppraisal(t.db, { now: NOW })).toBeNull();
    const periods = await t.db.selectFrom('appraisalPeriods').select('id').where('kind', '=', 'monthly').where('startsOn', '=', '2026-11-01').execute();
    expect(periods).toHaveLength(1);
    expect(await t.db.selectFrom('appraisalResults').select(sql<number>`count(*)::int`.as('n')).where('periodId', '=', period.id).executeTakeFirstOrThrow()).toEqual({ n: rows.length });
  });

  it("gives support a late arrival excused by the supervisor and one that is not, and shows the excused one in the on-time formula (P5.1.2)", async () => {
    const rows = await results(summary.periodId!);
    const support = rows.find((r) => r.username === 'support')!;
    expect(support.excusedIds.length).toBeGreaterThan(0);
    expect(support.lateIds.length).toBeGreaterThan(0);
    const onTime = support.indicators.items.find((i) => i.key === 'onTime')!;
    expect(onTime.formula).toContain(`${support.excusedIds.length} excused`);
    expect(onTime.formula).toContain(`${support.onTimeIds.length} on time / (${support.onTimeIds.length} + ${support.lateIds.length} late)`);
    expect(onTime.status).toBe('scored');

    const supervisor = await t.db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'supervisor').executeTakeFirstOrThrow();
    const excuses = await t.db.selectFrom('arrivalExcuses').selectAll().where('workOrderId', 'in', support.excusedIds).execute();
    expect(excuses).toHaveLength(support.excusedIds.length);
    for (const e of excuses) {
      expect(['customer_reschedule', 'customer_absent']).toContain(e.reason);
      expect(e.evidence.length).toBeGreaterThan(10);
      expect(e).toMatchObject({ recordedBy: supervisor.id, recordedByLabel: supervisor.displayName });
    }
    // Excused and late orders really arrived after their SLA arrival deadline; on-time ones before.
    const orders = await t.db.selectFrom('workOrders').select(['id', 'arrivedAt', 'arrivalDueAt']).where('id', 'in', [...support.excusedIds, ...support.lateIds, ...support.onTimeIds]).execute();
    for (const o of orders) {
      const late = o.arrivedAt!.getTime() > o.arrivalDueAt!.getTime();
      expect(late).toBe(!support.onTimeIds.includes(o.id));
    }

    // What the technician's own service record says about the excused order.
    const session = await signIn(t.app, 'support', DEMO_PASSWORD);
    const record = await as(t.app, session, { method: 'GET', url: `/api/v1/work-orders/${support.excusedIds[0]}/service-record` });
    expect(record.statusCode).toBe(200);
    expect(record.json().arrival).toMatchObject({ status: 'late' });
    const order = await as(t.app, session, { method: 'GET', url: `/api/v1/work-orders/${support.excusedIds[0]}` });
    expect(order.statusCode).toBe(200);
    expect(order.json()).toMatchObject({ state: 'closed' });

    // What the browser test opens: the technician's own result, and the orders behind on-time.
    const mine = await as(t.app, session, { method: 'GET', url: `/api/v1/appraisal/results?periodId=${summary.periodId}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().map((r: { id: string }) => r.id)).toEqual([support.id]);
    const explain = await as(t.app, session, { method: 'GET', url: `/api/v1/appraisal/results/${support.id}/explain/onTime` });
    expect(explain.statusCode).toBe(200);
    const items = explain.json().items as { status: string; workOrderId: string; excuse: { reason: string; recordedByLabel: string } | null }[];
    expect(items).toHaveLength(support.onTimeIds.length + support.lateIds.length + support.excusedIds.length);
    const excused = items.filter((i) => i.status === 'excused');
    expect(excused.map((i) => i.workOrderId).sort()).toEqual([...support.excusedIds].sort());
    expect(excused[0]!.excuse).toMatchObject({ reason: 'customer_reschedule', recordedByLabel: supervisor.displayName });
    expect(items.filter((i) => i.status === 'late').length).toBe(support.lateIds.length);
  });

  it('rates, closes and records growth for every technician of the demo team, with scored customer satisfaction (P5.1.1, P5.1.3, P5.1.4)', async () => {
    const team = await demoTeam();
    const rows = await results(summary.periodId!);
    for (const m of team.members) {
      const r = rows.find((x) => x.employeeId === m.id)!;
      expect(r.ratingCount, m.name).toBeGreaterThanOrEqual(3);
      const satisfaction = r.indicators.items.find((i) => i.key === 'customerSatisfaction')!;
      expect(satisfaction.status, m.name).toBe('scored');
      expect(satisfaction.points).not.toBeNull();
      expect(r.closedIds.length, m.name).toBeGreaterThanOrEqual(8);
      const late = r.lateIds.length + r.excusedIds.length;
      expect(late, m.name).toBeGreaterThanOrEqual(1);
      expect(late, m.name).toBeLessThanOrEqual(3);
      expect(r.onTimeIds.length, m.name).toBeGreaterThan(late);
      expect(r.growthIds.length, m.name).toBeGreaterThanOrEqual(1);
    }
    const hr = await t.db.selectFrom('users').select('id').where('username', '=', 'hr').executeTakeFirstOrThrow();
    const growth = await t.db.selectFrom('growthRecords').selectAll().where('employeeId', 'in', team.members.map((m) => m.id)).execute();
    expect(growth.every((g) => g.recordedBy === hr.id && g.occurredOn >= '2026-11-01' && g.occurredOn < '2026-12-01')).toBe(true);
    expect(growth.filter((g) => g.kind === 'training').length).toBe(team.members.length);
    expect(growth.some((g) => g.kind === 'exam' && g.passed)).toBe(true);

    // One or two orders came back after being resolved: reopened once, closed again (P5.1.3).
    const reopened = rows.flatMap((r) => r.reopenedIds);
    expect(reopened.length).toBeGreaterThanOrEqual(1);
    expect(reopened.length).toBeLessThanOrEqual(2);
    const again = await t.db.selectFrom('workOrders').select(['state', 'reopenCount']).where('id', 'in', reopened).execute();
    expect(again.every((o) => o.state === 'closed' && o.reopenCount === 1)).toBe(true);
  });

  it('records a consultation support joined and helped resolve, and a colleague helping on a visit (P5.1.5)', async () => {
    const rows = await results(summary.periodId!);
    const support = rows.find((r) => r.username === 'support')!;
    expect(support.consultationsJoined).toBeGreaterThanOrEqual(1);
    expect(support.consultationsHelped).toBeGreaterThanOrEqual(1);
    const consultation = await t.db.selectFrom('consultations').selectAll().where('status', '=', 'agreed').executeTakeFirstOrThrow();
    const order = await t.db.selectFrom('workOrders').select(['assigneeId', 'solution']).where('id', '=', consultation.workOrderId).executeTakeFirstOrThrow();
    expect(consultation.openedBy).toBe(order.assigneeId);
    expect(consultation.agreedSolution).toBe(order.solution);

    const install = rows.find((r) => r.username === 'install')!;
    expect(install.assistIds.length).toBeGreaterThanOrEqual(1);
    const visits = await t.db.selectFrom('siteVisits').select('employeeId').where('workOrderId', '=', install.assistIds[0]!).execute();
    expect(visits.length).toBe(2);
  });

  it('leaves orders as the lifecycle would: in the month, numbered after the existing ones, deadlines by the SLA policy, nothing missing to close', async () => {
    const orders = await t.db.selectFrom('workOrders').selectAll().where('receivedAt', '>=', MONTH_START).where('receivedAt', '<', MONTH_END).where('number', 'not in', demoOrderNumbers).execute();
    expect(orders.length).toBe(summary.orders);
    // Numbers never collide with the demo's other orders and continue each day's counter.
    const all = await t.db.selectFrom('workOrders').select(['number', 'receivedAt']).execute();
    expect(new Set(all.map((o) => o.number)).size).toBe(all.length);
    const counters = await t.db.selectFrom('workOrderCounters').selectAll().execute();
    for (const c of counters) {
      const ofDay = all.filter((o) => o.number.startsWith(`WO-${c.day.replaceAll('-', '')}-`));
      expect(Math.max(...ofDay.map((o) => Number(o.number.slice(-4)))), c.day).toBe(c.last);
      expect(ofDay.length, c.day).toBe(c.last);
    }

    for (const o of orders) {
      expect(o.state).toBe('closed');
      expect(o.closedAt!.getTime()).toBeLessThan(MONTH_END.getTime());
      expect(o.receivedAt.getTime()).toBeGreaterThanOrEqual(MONTH_START.getTime());
      if (o.arrivedAt) expect(o.arrivedAt.getTime()).toBeLessThan(o.resolvedAt!.getTime());
      expect(o.respondedAt!.getTime()).toBeLessThan(o.closedAt!.getTime());
    }
    // The deadlines are the ones intake would have stored from the policy in force.
    for (const o of orders.slice(0, 10)) {
      const expected = await storedDeadlines(t.db, { ...o, respondedAt: null, arrivedAt: null, resolvedAt: null, state: 'new', visitScheduledAt: null }, [], o.receivedAt);
      expect(o.arrivalDueAt).toEqual(expected.arrivalDueAt);
      expect(o.resolutionDueAt).toEqual(expected.resolutionDueAt);
    }
    // Every step is on the timeline (the version counts them), ending closed; and the close rules
    // hold: report filed, acceptance recorded, no follow-up open (P4.4.1-P4.4.3).
    const events = await t.db.selectFrom('workOrderEvents').select(['workOrderId', 'toState', 'action']).where('workOrderId', 'in', orders.map((o) => o.id)).orderBy('at').orderBy('id').execute();
    for (const o of orders) {
      const mine = events.filter((e) => e.workOrderId === o.id);
      const steps = mine.filter((e) => !e.action.startsWith('consultation_'));
      expect(steps.length).toBe(o.version);
      expect(steps.at(-1)).toMatchObject({ action: 'close', toState: 'closed' });
      expect(mine.filter((e) => e.action === 'reopen').length).toBe(o.reopenCount);
    }
    // The close rules hold (checked on a sample, the reopened orders among it).
    for (const o of orders.filter((x, i) => i % 12 === 0 || x.reopenCount > 0)) expect(await closingGaps({ trx: t.db, order: o })).toEqual([]);
    const ratings = await t.db.selectFrom('customerRatings').select(['technicianId', 'workOrderId', 'rating', 'ratedAt']).where('workOrderId', 'in', orders.map((o) => o.id)).execute();
    for (const r of ratings) {
      expect(r.technicianId).toBe(orders.find((o) => o.id === r.workOrderId)!.assigneeId);
      expect(r.rating).toBeGreaterThanOrEqual(3);
      expect(r.ratedAt.getTime()).toBeLessThan(MONTH_END.getTime());
    }
    expect(ratings.length).toBeGreaterThan(orders.length * 0.6);
  });
});
