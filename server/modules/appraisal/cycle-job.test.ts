import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppraisalWorld, at, createAppraisalWorld, pastOrder, rate } from '../../test/appraisal.ts';
import { secondInstance } from '../../test/database.ts';
import { as, createTestApp, type TestApp } from '../../test/harness.ts';
import { runAppraisalCycle } from './cycle-job.ts';

// P5.2 scheduled steps: the month opens on the 1st, reminders before each deadline and
// escalations after, the annual appraisal in January; all exactly once, even with two
// application instances on one PostgreSQL server (on PGlite the two runs share its one
// connection, so only the server run proves separate instances).

let t: TestApp;
let w: AppraisalWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createAppraisalWorld(t);
  for (let d = 1; d <= 3; d++) {
    const o = await pastOrder(t, w, { assigneeId: w.tech.employeeId, arrivedAt: at(`2026-10-0${d} 10:00`), arrivalDueAt: at(`2026-10-0${d} 12:00`), closedAt: at(`2026-10-0${d} 16:00`) });
    await rate(t, o.id, w.tech.employeeId, 5, at(`2026-10-0${d} 18:00`));
  }
});
afterAll(async () => t.close());

const events = async (userId: string, event: string) =>
  (await t.db.selectFrom('notifications').select('id').where('userId', '=', userId).where('event', '=', event).execute()).length;

describe('the appraisal cycle job (P5.2)', () => {
  it('opens the previous month exactly once when two instances run at the same moment on the 1st', async () => {
    const other = await secondInstance(t.database);
    try {
      const now = new Date('2026-11-01T01:00:00Z');
      const runs = await Promise.all([runAppraisalCycle(t.db, now), runAppraisalCycle(other.db, now), runAppraisalCycle(t.db, now)]);
      expect(runs.flatMap((r) => r.opened)).toEqual(['2026-10']);
    } finally {
      await other.close();
    }
    const periods = await t.db.selectFrom('appraisalPeriods').select(['id', 'label', 'kind']).execute();
    expect(periods).toEqual([expect.objectContaining({ label: '2026-10', kind: 'monthly' })]);
    const opened = await t.db.selectFrom('appraisalPeriodEvents').select('id').where('action', '=', 'opened').execute();
    expect(opened).toHaveLength(1);
    const results = await t.db.selectFrom('appraisalResults').select(['employeeId']).execute();
    expect(results).toHaveLength(3);
  });

  it('reminds before the self-evaluation deadline and escalates after it, once each, whichever instance runs', async () => {
    const other = await secondInstance(t.database);
    try {
      const reminderDay = new Date('2026-11-02T01:00:00Z');
      await Promise.all([runAppraisalCycle(t.db, reminderDay), runAppraisalCycle(other.db, reminderDay)]);
      await runAppraisalCycle(t.db, reminderDay);
    } finally {
      await other.close();
    }
    expect(await events(w.tech.userId, 'appraisal_reminder')).toBe(1);
    expect(await events(w.tech2.userId, 'appraisal_reminder')).toBe(1);
    // The technician hands in the self-evaluation; the other does not and is escalated to the supervisor.
    const [mine] = (await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/appraisal/results' })).json();
    const self = await as(t.app, w.tech.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${mine.id}/self`,
      payload: { version: mine.version, answers: { quality: 4, punctuality: 4, learning: 4, achievements: 'x' } },
    });
    expect(self.statusCode).toBe(200);
    await runAppraisalCycle(t.db, new Date('2026-11-04T01:00:00Z'));
    await runAppraisalCycle(t.db, new Date('2026-11-04T05:00:00Z'));
    expect(await events(w.tech.userId, 'appraisal_escalation')).toBe(0);
    expect(await events(w.tech2.userId, 'appraisal_escalation')).toBe(1);
    expect(await events(w.supervisor.userId, 'appraisal_escalation')).toBe(1);
    const notice = await t.db.selectFrom('notifications').select(['subject', 'body']).where('userId', '=', w.supervisor.userId).where('event', '=', 'appraisal_escalation').executeTakeFirstOrThrow();
    // The supervisor reads Chinese (the field world's supervisor) and is told who is overdue.
    expect(notice.subject).toContain('已逾期');
    expect(notice.body).toContain('王安装');
  });

  it('reminds the supervisor of reviews and HR of publication, and escalates an overdue publication to managers', async () => {
    await runAppraisalCycle(t.db, new Date('2026-11-06T01:00:00Z'));
    expect(await events(w.supervisor.userId, 'appraisal_reminder')).toBe(1);
    await runAppraisalCycle(t.db, new Date('2026-11-09T01:00:00Z'));
    const hrUser = await t.db.selectFrom('users').select('id').where('role', '=', 'hr').executeTakeFirstOrThrow();
    expect(await events(hrUser.id, 'appraisal_reminder')).toBe(1);
    await runAppraisalCycle(t.db, new Date('2026-11-11T01:00:00Z'));
    await runAppraisalCycle(t.db, new Date('2026-11-12T01:00:00Z'));
    const manager = await t.db.selectFrom('users').select('id').where('role', '=', 'manager').executeTakeFirstOrThrow();
    expect(await events(hrUser.id, 'appraisal_escalation')).toBe(1);
    expect(await events(manager.id, 'appraisal_escalation')).toBeGreaterThanOrEqual(1);
  });

  it('in January opens the annual appraisal, which combines the published months with the annual review', async () => {
    const october = await t.db.selectFrom('appraisalPeriods').select(['id', 'version']).where('label', '=', '2026-10').executeTakeFirstOrThrow();
    const published = await as(t.app, w.hr, { method: 'POST', url: `/api/v1/appraisal/periods/${october.id}/publish`, payload: { version: october.version } });
    expect(published.statusCode).toBe(200);
    const run = await runAppraisalCycle(t.db, new Date('2027-01-01T02:00:00Z'));
    expect(run.opened.sort()).toEqual(['2026', '2026-12']);
    const year = await t.db.selectFrom('appraisalPeriods').select('id').where('kind', '=', 'annual').executeTakeFirstOrThrow();
    const list = (await as(t.app, w.supervisor.session, { method: 'GET', url: `/api/v1/appraisal/results?periodId=${year.id}` })).json();
    const annual = list.find((r: { employee: { id: string } }) => r.employee.id === w.tech.employeeId);
    expect(annual.status).toBe('review_pending');
    const detail = (await as(t.app, w.supervisor.session, { method: 'GET', url: `/api/v1/appraisal/results/${annual.id}` })).json();
    const octoberScore = (await t.db.selectFrom('appraisalResults').select('composite').where('periodId', '=', october.id).where('employeeId', '=', w.tech.employeeId).executeTakeFirstOrThrow()).composite;
    expect(detail.monthly).toEqual([{ label: '2026-10', score: Number(octoberScore), grade: expect.any(String) }]);
    expect(detail.compositeFormula).toContain('insufficient');
    const review = await as(t.app, w.supervisor.session, {
      method: 'PUT',
      url: `/api/v1/appraisal/results/${annual.id}/review`,
      payload: { version: detail.version, answers: { performance: 5, completion: 5 }, teamworkRating: 4 },
    });
    expect(review.statusCode).toBe(200);
    // 70% of the monthly mean + 30% of the annual review (100).
    expect(review.json().composite).toBeCloseTo(Math.round((Number(octoberScore) * 0.7 + 100 * 0.3) * 10) / 10, 1);
  });
});
