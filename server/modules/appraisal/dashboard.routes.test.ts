import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../../core/appraisal/cycle.ts';
import { as, createCustomerRow, createEmployeeRow, createTeam, createUser, type Session, signIn, signInAs, type TestApp, createTestApp, unique } from '../../test/harness.ts';
import { openPeriod } from './periods.ts';

// Appraisal dashboards (issue 6 point 6): trends per indicator for the team and the company,
// the grade distribution in the policy's band order, rankings that show the sample size, the
// records behind a chart point (an excused arrival listed with its reason, P5.1.2), the 500-row
// cap, the Excel export, and who sees what (a supervisor only their teams).

let t: TestApp;
let hr: Session;
let manager: Session;
let supervisorA: Session;
let technician: Session;
let teamA: string;
let teamB: string;
let wang: string;
let li: string;
let zhao: string;
let customerId: string;
let octoberId: string;
let septemberId: string;
let excusedOrder: string;
let assistedOrder: string | undefined;

// October 2026 in Shanghai (UTC+8). `sh('10-05 09:00')` is that wall-clock time there.
const sh = (monthDayTime: string) => new Date(`2026-${monthDayTime.replace(' ', 'T')}:00+08:00`);
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

type OrderSpec = { assignee: string; team: string; arrived?: Date; dueBy?: number; closed?: Date; reopened?: boolean };

async function order(o: OrderSpec) {
  const received = minutes(o.arrived ?? o.closed!, -240);
  const row = await t.db
    .insertInto('workOrders')
    .values({
      number: unique('WO-'),
      channel: 'phone',
      customerId,
      title: '热泵机组不制热',
      description: '压缩机不启动',
      category: 'fault_repair',
      priority: 'normal',
      state: o.closed ? 'closed' : 'on_site',
      teamId: o.team,
      assigneeId: o.assignee,
      receivedAt: received,
      arrivedAt: o.arrived ?? null,
      // dueBy: minutes between the deadline and the arrival (negative: arrived late).
      arrivalDueAt: o.arrived ? minutes(o.arrived, o.dueBy ?? 30) : null,
      closedAt: o.closed ?? null,
      reopenCount: o.reopened ? 1 : 0,
      sla: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function rating(workOrderId: string, technicianId: string, value: number, at: Date) {
  await t.db
    .insertInto('customerRatings')
    .values({ workOrderId, technicianId, source: 'on_site', rating: value, questionnaire: JSON.stringify({}), ratedAt: at })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const boss = await createEmployeeRow(t.db, { name: '甲主管', position: 'supervisor' });
  teamA = (await createTeam(t.db, boss.id)).id;
  teamB = (await createTeam(t.db)).id;
  wang = (await createEmployeeRow(t.db, { teamId: teamA, name: '王工' })).id;
  li = (await createEmployeeRow(t.db, { teamId: teamA, name: '李工' })).id;
  zhao = (await createEmployeeRow(t.db, { teamId: teamB, name: '赵工' })).id;
  customerId = (await createCustomerRow(t.db)).id;
  supervisorA = await signIn(t.app, (await createUser(t.db, { role: 'supervisor', employeeId: boss.id })).username);
  hr = await signInAs(t, { role: 'hr' });
  manager = await signInAs(t, { role: 'manager' });
  technician = await signIn(t.app, (await createUser(t.db, { role: 'technician', employeeId: wang })).username);

  // 王工: 4 arrivals on time, 1 late, 1 late with an excuse (P5.1.2: shown, not counted);
  // 5 closed, 1 of them reopened; three ratings 5, 4, 5.
  for (const day of ['10-02', '10-09', '10-16']) {
    const id = await order({ assignee: wang, team: teamA, arrived: sh(`${day} 10:00`), closed: sh(`${day} 15:00`) });
    assistedOrder ??= id;
  }
  // 23:30 on 31 October in Shanghai is still October there (15:30 UTC).
  await order({ assignee: wang, team: teamA, arrived: sh('10-31 23:30'), closed: sh('10-31 23:50'), reopened: true });
  await order({ assignee: wang, team: teamA, arrived: sh('10-20 11:00'), dueBy: -45 });
  excusedOrder = await order({ assignee: wang, team: teamA, arrived: sh('10-21 11:00'), dueBy: -90 });
  await t.db
    .insertInto('arrivalExcuses')
    .values({ workOrderId: excusedOrder, reason: 'customer_absent', evidence: '客户不在现场，电话记录 10:05', recordedByLabel: '甲主管 (boss)' })
    .execute();
  // Outside October in Shanghai: 30 September 23:00 and 1 November 00:30 (still October in UTC).
  await order({ assignee: wang, team: teamA, arrived: sh('09-30 23:00'), dueBy: -60 });
  await order({ assignee: wang, team: teamA, arrived: sh('11-01 00:30'), dueBy: -60 });
  const rated = await order({ assignee: wang, team: teamA, closed: sh('10-25 10:00') });
  await rating(rated, wang, 5, sh('10-25 11:00'));
  await rating(rated, wang, 4, sh('10-26 11:00'));
  await rating(rated, wang, 5, sh('10-27 11:00'));

  // P5.1.5: 赵工 helps on 王工's excused order (a consultation that reached a solution) and visits another of his orders.
  const consultation = await t.db
    .insertInto('consultations')
    .values({ workOrderId: excusedOrder, topic: '压缩机报警 E04 的原因', status: 'agreed', openedBy: wang, agreedAt: sh('10-21 15:00'), agreedBy: wang })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('consultationParticipants')
    .values([
      { consultationId: consultation.id, employeeId: wang, role: 'owner', joinedAt: sh('10-21 12:00') },
      { consultationId: consultation.id, employeeId: zhao, role: 'invited', invitedBy: wang, joinedAt: sh('10-21 12:30'), contributed: true },
    ])
    .execute();
  await t.db.insertInto('siteVisits').values({ workOrderId: assistedOrder!, employeeId: zhao, checkInAt: sh('10-02 10:30') }).execute();

  // 李工: two arrivals (fewer than the 3 samples the on-time rate needs), three closed.
  await order({ assignee: li, team: teamA, arrived: sh('10-03 09:00') });
  await order({ assignee: li, team: teamA, arrived: sh('10-04 09:00') });
  for (const day of ['10-05', '10-06', '10-07']) await order({ assignee: li, team: teamA, closed: sh(`${day} 18:00`) });
  // P5.1.4: 8 hours of training, and an exam not passed (listed, not counted).
  await t.db
    .insertInto('growthRecords')
    .values([
      { employeeId: li, kind: 'training', occurredOn: '2026-10-10', title: '热泵系统培训', hours: 8, recordedByLabel: 'HR' },
      { employeeId: li, kind: 'exam', occurredOn: '2026-10-12', title: '制冷技能考试', score: 55, passed: false, recordedByLabel: 'HR' },
    ])
    .execute();

  // 赵工 (team B): three arrivals on time, closed, each rated 4.
  for (const day of ['10-08', '10-10', '10-12']) {
    const id = await order({ assignee: zhao, team: teamB, arrived: sh(`${day} 09:00`), closed: sh(`${day} 17:00`) });
    await rating(id, zhao, 4, sh(`${day} 18:00`));
  }
  // September: 505 on-time arrivals for 赵工, more than the drill-down shows.
  await sql`
    INSERT INTO work_orders (number, channel, customer_id, title, description, category, priority, state, team_id, assignee_id,
      received_at, arrived_at, arrival_due_at, sla)
    SELECT 'SEP-' || n, 'phone', ${customerId}, '巡检', '例行巡检', 'fault_repair', 'normal', 'on_site', ${teamB}, ${zhao},
      ${sh('09-10 08:00')}, ${sh('09-10 09:00')}, ${sh('09-10 10:00')}, '{}'::jsonb
    FROM generate_series(1, 505) AS n`.execute(t.db);

  octoberId = (await openPeriod(t.db, monthPeriod('2026-10-01'), { label: 'test', today: '2026-11-05' }))!.periodId;
  septemberId = (await openPeriod(t.db, monthPeriod('2026-09-01'), { label: 'test', today: '2026-11-05' }))!.periodId;
});
afterAll(() => t?.close());

const get = (s: Session | null, url: string, locale?: string) => as(t.app, s, { method: 'GET', url: `/api/v1/appraisal/dashboard/${url}`, locale });
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field).sort();
type Stat = { meanValue: number | null; meanPoints: number | null; samples: number; scored: number; technicians: number };
type Month = { label: string; indicators: { key: string; target: number | null; company: Stat; team: Stat | null }[] };

describe('access', () => {
  it('401 without a session, 403 for a technician; a supervisor is refused another team (403) on every view', async () => {
    expect((await get(null, 'options')).statusCode).toBe(401);
    expect((await get(technician, 'options')).statusCode).toBe(403);
    expect((await get(technician, `ranking?periodId=${octoberId}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `trends?from=2026-10&to=2026-10&teamId=${teamB}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `distribution?periodId=${octoberId}&teamId=${teamB}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `ranking?periodId=${octoberId}&teamId=${teamB}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `orders?periodId=${octoberId}&indicator=onTime&teamId=${teamB}`)).statusCode).toBe(403);
    // Another team's technician asked for by name is refused too, not silently emptied.
    expect((await get(supervisorA, `orders?periodId=${octoberId}&indicator=onTime&employeeId=${zhao}`)).statusCode).toBe(403);
    expect((await get(supervisorA, `export?periodId=${octoberId}&teamId=${teamB}`)).statusCode).toBe(403);
  });

  it('options: HR sees every team and period; a supervisor only the teams they lead', async () => {
    const all = (await get(hr, 'options')).json();
    expect(all.allTeams).toBe(true);
    expect(all.teams.map((x: { id: string }) => x.id).sort()).toEqual([teamA, teamB].sort());
    expect(all.periods.map((p: { label: string }) => p.label)).toEqual(['2026-10', '2026-09']);
    const own = (await get(supervisorA, 'options')).json();
    expect(own.allTeams).toBe(false);
    expect(own.teams.map((x: { id: string }) => x.id)).toEqual([teamA]);
  });

  it('a supervisor ranks only their own teams when no team is given', async () => {
    const res = await get(supervisorA, `ranking?periodId=${octoberId}&indicator=onTime`);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { employee: { name: string } }) => r.employee.name).sort()).toEqual(['李工', '王工']);
  });

  it('400 naming the bad field; 404 for an unknown period', async () => {
    const bad = await get(hr, 'trends?from=2026-13&to=2026-10');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['querystring.from']);
    const reversed = await get(hr, 'trends?from=2026-10&to=2026-09');
    expect(reversed.statusCode).toBe(400);
    expect(fields(reversed)).toEqual(['querystring.to']);
    expect(fields(await get(hr, 'trends?from=2023-01&to=2026-10'))).toEqual(['querystring.from']);
    expect(fields(await get(hr, `ranking?periodId=${octoberId}&indicator=speed`))).toEqual(['querystring.indicator']);
    expect(fields(await get(hr, 'distribution'))).toEqual(['querystring.periodId']);
    expect((await get(hr, 'ranking?periodId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('GET /appraisal/dashboard/trends', () => {
  it('per month and indicator: the company line and the team line, means over the technicians scored, samples over all', async () => {
    const res = await get(manager, `trends?from=2026-08&to=2026-10&teamId=${teamA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { teamIds: string[]; months: Month[] };
    expect(body.teamIds).toEqual([teamA]);
    // August has no period: only the months with one are listed.
    expect(body.months.map((m) => m.label)).toEqual(['2026-09', '2026-10']);
    const october = body.months[1]!;
    const onTime = october.indicators.find((i) => i.key === 'onTime')!;
    expect(onTime.target).toBe(0.95);
    // P5.1.2: 王工 4 / (4 + 1) = 0.8 → 40 points; 赵工 3 / 3 = 1 → 100; 李工 has 2 arrivals, fewer than 3: not scored.
    // The arrivals on 30 September 23:00 and 1 November 00:30 in Shanghai are not October's.
    expect(onTime.company).toEqual({ meanValue: 0.9, meanPoints: 70, samples: 10, scored: 2, technicians: 3 });
    expect(onTime.team).toEqual({ meanValue: 0.8, meanPoints: 40, samples: 7, scored: 1, technicians: 2 });
    // P5.1.3: 王工 (5 - 1) / 5 = 0.8 → 40; 李工 and 赵工 3 / 3 → 100.
    const resolution = october.indicators.find((i) => i.key === 'resolution')!;
    expect(resolution.company).toEqual({ meanValue: 0.9333, meanPoints: 80, samples: 11, scored: 3, technicians: 3 });
    expect(resolution.team).toEqual({ meanValue: 0.9, meanPoints: 70, samples: 8, scored: 2, technicians: 2 });
    // P5.1.1: 王工 14 / 3 = 4.67 → 90.1; 赵工 4 → 60.
    const satisfaction = october.indicators.find((i) => i.key === 'customerSatisfaction')!;
    expect(satisfaction.company).toMatchObject({ meanValue: 4.335, meanPoints: 75.1, samples: 6, scored: 2 });
    // September: 赵工's 505 arrivals, and 王工's late one at 23:00 on 30 September in Shanghai (too few to score).
    const september = body.months[0]!.indicators.find((i) => i.key === 'onTime')!;
    expect(september.company).toEqual({ meanValue: 1, meanPoints: 100, samples: 506, scored: 1, technicians: 3 });
    expect(september.team).toEqual({ meanValue: null, meanPoints: null, samples: 1, scored: 0, technicians: 2 });
  });

  it('without a team, HR gets the company line only; a supervisor gets their teams as the team line', async () => {
    const company = (await get(hr, 'trends?from=2026-10&to=2026-10')).json() as { teamIds: null; months: Month[] };
    expect(company.teamIds).toBeNull();
    expect(company.months[0]!.indicators.every((i) => i.team === null)).toBe(true);
    const own = (await get(supervisorA, 'trends?from=2026-10&to=2026-10')).json() as { teamIds: string[]; months: Month[] };
    expect(own.teamIds).toEqual([teamA]);
    const onTime = own.months[0]!.indicators.find((i) => i.key === 'onTime')!;
    // The company line is an aggregate, shown to the supervisor too.
    expect(onTime.company.technicians).toBe(3);
    expect(onTime.team!.technicians).toBe(2);
  });
});

describe('GET /appraisal/dashboard/distribution', () => {
  it('counts grades in the order of the period policy bands, the team beside the company', async () => {
    const res = await get(hr, `distribution?periodId=${octoberId}&teamId=${teamA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { bands: { grade: string; min: number; company: number; team: number }[]; ungraded: { company: number; team: number } };
    expect(body.bands.map((b) => b.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(body.bands.map((b) => b.min)).toEqual([95, 85, 70, 60, 0]);
    const graded = await t.db.selectFrom('appraisalResults').select(['grade', 'teamId']).where('periodId', '=', octoberId).execute();
    for (const band of body.bands) {
      expect(band.company).toBe(graded.filter((g) => g.grade === band.grade).length);
      expect(band.team).toBe(graded.filter((g) => g.grade === band.grade && g.teamId === teamA).length);
    }
    expect(body.bands.reduce((sum, b) => sum + b.company, 0) + body.ungraded.company).toBe(3);
    expect(body.bands.reduce((sum, b) => sum + b.team, 0) + body.ungraded.team).toBe(2);
  });
});

describe('GET /appraisal/dashboard/ranking', () => {
  it('by an indicator: best points first with the sample size; too few samples last, unranked', async () => {
    const body = (await get(hr, `ranking?periodId=${octoberId}&indicator=onTime`)).json();
    expect(body.minSamples).toBe(3);
    expect(body.rows.map((r: object) => ({ ...r, resultId: undefined, teamId: undefined, teamName: undefined, grade: undefined, employee: undefined }))).toEqual([
      { rank: 1, value: 1, points: 100, samples: 3, status: 'scored', calibrated: false },
      { rank: 2, value: 0.8, points: 40, samples: 5, status: 'scored', calibrated: false },
      { rank: null, value: 1, points: null, samples: 2, status: 'insufficient', calibrated: false },
    ]);
    expect(body.rows.map((r: { employee: { name: string } }) => r.employee.name)).toEqual(['赵工', '王工', '李工']);
  });

  it('ties share a rank; without an indicator the final score ranks, its samples those of all five indicators', async () => {
    const resolution = (await get(hr, `ranking?periodId=${octoberId}&indicator=resolution`)).json();
    expect(resolution.rows.map((r: { rank: number; points: number }) => [r.rank, r.points])).toEqual([
      [1, 100],
      [1, 100],
      [3, 40],
    ]);
    const composite = (await get(hr, `ranking?periodId=${octoberId}`)).json();
    expect(composite.indicator).toBeNull();
    const stored = await t.db.selectFrom('appraisalResults').select(['employeeId', 'composite']).where('periodId', '=', octoberId).execute();
    const scores = composite.rows.map((r: { points: number }) => r.points);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const r of composite.rows as { employee: { id: string }; points: number }[]) {
      expect(r.points).toBe(Number(stored.find((s) => s.employeeId === r.employee.id)!.composite));
    }
    // 王工: 3 ratings + 5 arrivals + 5 closed (+ 0 growth, 0 teamwork).
    expect(composite.rows.find((r: { employee: { id: string } }) => r.employee.id === wang).samples).toBe(13);
  });
});

describe('GET /appraisal/dashboard/orders', () => {
  type Line = { status: string; counted: boolean; workOrderId: string; number: string; technician: { name: string }; at: string; dueAt: string; excuse: { reason: string; evidence: string } | null; rating: number | null };

  it('on time: the late first, then the excused with its reason and evidence (shown, not counted), then the on-time ones', async () => {
    const res = await get(supervisorA, `orders?periodId=${octoberId}&indicator=onTime&employeeId=${wang}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; truncated: boolean; items: Line[] };
    expect(body.total).toBe(6);
    expect(body.truncated).toBe(false);
    expect(body.items.map((i) => i.status)).toEqual(['late', 'excused', 'on_time', 'on_time', 'on_time', 'on_time']);
    const excused = body.items[1]!;
    expect(excused.workOrderId).toBe(excusedOrder);
    expect(excused.counted).toBe(false);
    expect(excused.excuse).toMatchObject({ reason: 'customer_absent', evidence: '客户不在现场，电话记录 10:05' });
    expect(excused.at).toBe(sh('10-21 11:00').toISOString());
    expect(excused.dueAt).toBe(sh('10-21 09:30').toISOString());
    expect(excused.technician.name).toBe('王工');
    expect(body.items[0]!.excuse).toBeNull();
  });

  it('resolution flags the reopened; satisfaction lists each rating with its order, lowest first', async () => {
    const resolution = (await get(hr, `orders?periodId=${octoberId}&indicator=resolution&teamId=${teamA}`)).json() as { total: number; items: Line[] };
    expect(resolution.total).toBe(8);
    expect(resolution.items[0]!.status).toBe('reopened');
    expect(resolution.items.filter((i) => i.status === 'reopened')).toHaveLength(1);
    const ratings = (await get(hr, `orders?periodId=${octoberId}&indicator=customerSatisfaction&employeeId=${wang}`)).json() as { items: Line[] };
    expect(ratings.items.map((i) => i.rating)).toEqual([4, 5, 5]);
    expect(new Set(ratings.items.map((i) => i.workOrderId)).size).toBe(1);
  });

  it('growth lists the records (a failed exam shown, not counted); teamwork the consultations helped on and the assists', async () => {
    const growth = (await get(supervisorA, `orders?periodId=${octoberId}&indicator=growth&employeeId=${li}`)).json() as { items: (Line & { kind: string; amount: number; title: string })[] };
    expect(growth.items.map((i) => [i.kind, i.status, i.counted, i.at, i.amount, i.workOrderId])).toEqual([
      ['growth', 'exam', false, '2026-10-12', 55, null],
      ['growth', 'training', true, '2026-10-10', 8, null],
    ]);
    const teamwork = (await get(hr, `orders?periodId=${octoberId}&indicator=teamwork&employeeId=${zhao}`)).json() as { items: (Line & { kind: string; note: string })[] };
    expect(teamwork.items.map((i) => [i.kind, i.status, i.workOrderId, i.at])).toEqual([
      ['consultation', 'helped', excusedOrder, sh('10-21 12:30').toISOString()],
      ['assist', 'assist', assistedOrder, sh('10-02 10:30').toISOString()],
    ]);
    expect(teamwork.items[0]!.note).toBe('压缩机报警 E04 的原因');
    // The supervisor of team A sees none of team B's teamwork.
    const own = (await get(supervisorA, `orders?periodId=${octoberId}&indicator=teamwork`)).json() as { total: number };
    expect(own.total).toBe(0);
  });

  it('a grade bar opens the orders of the technicians with that grade', async () => {
    const { grade } = await t.db.selectFrom('appraisalResults').select('grade').where('periodId', '=', octoberId).where('employeeId', '=', wang).executeTakeFirstOrThrow();
    const body = (await get(hr, `orders?periodId=${octoberId}&indicator=onTime&grade=${grade}`)).json() as { items: Line[] };
    expect(body.items.some((i) => i.technician.name === '王工')).toBe(true);
  });

  it('caps the list at 500 and says it was cut', async () => {
    const body = (await get(hr, `orders?periodId=${septemberId}&indicator=onTime&teamId=${teamB}`)).json() as { total: number; truncated: boolean; limit: number; items: Line[] };
    expect(body).toMatchObject({ total: 505, truncated: true, limit: 500 });
    expect(body.items).toHaveLength(500);
  });
});

describe('GET /appraisal/dashboard/export', () => {
  async function workbook(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return wb;
  }

  it('an .xlsx with the results, a sheet per indicator and the grades, headers in the caller’s language', async () => {
    const res = await get(hr, `export?periodId=${octoberId}`, 'en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="appraisal-2026-10.xlsx"');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Results', 'Customer satisfaction', 'On-time rate', 'Resolution rate', 'Technical growth', 'Teamwork', 'Grades']);
    const results = wb.getWorksheet('Results')!;
    const header = (results.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Employee no.', 'Employee', 'Team']);
    expect(header).toContain('On-time rate · samples');
    expect(header.slice(-8)).toEqual(['Indicator score', 'Self-evaluation', 'Supervisor evaluation', 'Customer evaluation', 'Composite', 'Calibrated score', 'Grade', 'Status']);
    expect(results.rowCount).toBe(4);
    const col = (name: string) => header.indexOf(name) + 1;
    const wangRow = [2, 3, 4].map((n) => results.getRow(n)).find((r) => r.getCell(2).value === '王工')!;
    expect(wangRow.getCell(col('On-time rate · value')).value).toBe(0.8);
    expect(wangRow.getCell(col('On-time rate · points')).value).toBe(40);
    expect(wangRow.getCell(col('On-time rate · samples')).value).toBe(5);
    expect(wangRow.getCell(col('Status')).value).toBe('Self-evaluation pending');
    const onTime = wb.getWorksheet('On-time rate')!;
    const total = onTime.getRow(onTime.rowCount).values as unknown[];
    // All: 3 technicians, 2 scored, 1 insufficient, mean 0.9, mean points 70, 40-100, 10 samples.
    expect(total.slice(1)).toEqual(['All', 3, 2, 1, 0.9, 70, 40, 100, 10]);
  });

  it('in Chinese for a Chinese caller, and a supervisor’s export holds only their teams', async () => {
    const res = await get(supervisorA, `export?periodId=${octoberId}`, 'zh-CN');
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets[0]!.name).toBe('考核结果');
    const results = wb.worksheets[0]!;
    expect((results.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['工号', '员工', '班组']);
    expect(results.rowCount).toBe(3);
    const names = [2, 3].map((n) => results.getRow(n).getCell(2).value).sort();
    expect(names).toEqual(['李工', '王工']);
  });
});
