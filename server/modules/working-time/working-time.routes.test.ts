import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableWindow, ineligibility } from '../../../core/dispatch/eligibility.ts';
import { as, createEmployeeRow, createTeam, createUser, type Session, signIn, signInAs, type TestApp, createTestApp } from '../../test/harness.ts';
import { availabilityOn } from './availability.ts';

// Working-time records (issue 5 point 1): the shifts and leave dispatch plans around (P4.1.2,
// P5.1.2), who may enter them, and how they reach dispatch through availabilityOn (the seam).

let t: TestApp;
let admin: Session;
let hr: Session;
let agent: Session;
let technician: Session;
let supervisorA: Session;
let teamA: string;
let teamB: string;
let techA: string;
let techA2: string;
let techB: string;

beforeAll(async () => {
  t = await createTestApp();
  const boss = await createEmployeeRow(t.db, { name: '甲主管', position: 'supervisor' });
  teamA = (await createTeam(t.db, boss.id)).id;
  teamB = (await createTeam(t.db)).id;
  techA = (await createEmployeeRow(t.db, { teamId: teamA, name: '王工' })).id;
  techA2 = (await createEmployeeRow(t.db, { teamId: teamA, name: '李工' })).id;
  techB = (await createEmployeeRow(t.db, { teamId: teamB, name: '赵工' })).id;
  const bossUser = await createUser(t.db, { role: 'supervisor', employeeId: boss.id });
  supervisorA = await signIn(t.app, bossUser.username);
  admin = await signInAs(t, { role: 'admin' });
  hr = await signInAs(t, { role: 'hr' });
  agent = await signInAs(t, { role: 'agent' });
  technician = await signInAs(t, { role: 'technician' });
});
afterAll(() => t?.close());

// Tuesday 11 March 2031 in Shanghai (UTC+8): 08:00 there is 00:00 UTC.
const DAY = '2031-03-11';
const local = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const shiftUrl = (employeeId: string, day = DAY) => `/api/v1/working-time/shifts/${employeeId}/${day}`;
const put = (s: Session | null, employeeId: string, payload: object, day = DAY) => as(t.app, s, { method: 'PUT', url: shiftUrl(employeeId, day), payload });
const list = (s: Session | null, what: 'shifts' | 'leave', query: string) => as(t.app, s, { method: 'GET', url: `/api/v1/working-time/${what}?${query}` });
const postLeave = (s: Session | null, payload: object) => as(t.app, s, { method: 'POST', url: '/api/v1/working-time/leave', payload });
const audits = (entityType: string, entityId: string) =>
  t.db.selectFrom('auditLog').selectAll().where('entityType', '=', entityType).where('entityId', '=', entityId).orderBy('id').execute();
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field).sort();

describe('PUT /api/v1/working-time/shifts/:employeeId/:day', () => {
  const early = { off: false, startsAt: local('07:00'), endsAt: local('15:00'), startsFrom: 'home', endsAtPlace: 'office' };

  it('401, 403 for roles without working_time.manage and for a supervisor outside their teams, 404 for an unknown employee', async () => {
    expect((await put(null, techA, early)).statusCode).toBe(401);
    expect((await put(technician, techA, early)).statusCode).toBe(403);
    // Agents dispatch, and read working time, but do not enter it.
    expect((await put(agent, techA, early)).statusCode).toBe(403);
    expect((await put(supervisorA, techB, early)).statusCode).toBe(403);
    expect((await put(admin, '00000000-0000-4000-8000-000000000000', early)).statusCode).toBe(404);
    expect(await t.db.selectFrom('workShifts').selectAll().execute()).toHaveLength(0);
  });

  it('400 naming each bad field: times required unless off, the end after the start, both within the day ± 12 h', async () => {
    const missing = await put(hr, techA, { off: false, startsFrom: 'office', endsAtPlace: 'office' });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['endsAt', 'startsAt']);
    expect(missing.json().errors[0].code).toBe('required');

    const reversed = await put(hr, techA, { off: false, startsAt: local('15:00'), endsAt: local('07:00') });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([{ field: 'endsAt', code: 'working_time.end_before_start', message: 'Must be later than the start' }]);

    // 11:00 the day before is 13 hours before the day starts; 12:01 the day after, 12 h 1 min after it ends.
    const outside = await put(hr, techA, { off: false, startsAt: local('11:00', '2031-03-10'), endsAt: local('12:01', '2031-03-12') }, DAY);
    expect(outside.statusCode).toBe(400);
    expect(fields(outside)).toEqual(['endsAt', 'startsAt']);
    expect(outside.json().errors[0].message).toBe('Must fall between 2031-03-10 12:00 and 2031-03-12 12:00 (the day ± 12 hours)');
    const zh = await as(t.app, hr, { method: 'PUT', url: shiftUrl(techA), payload: { off: false, startsAt: local('11:00', '2031-03-10'), endsAt: local('09:00') }, locale: 'zh-CN' });
    expect(zh.json().errors[0].message).toBe('必须在 2031-03-10 12:00 至 2031-03-12 12:00 之间（当天前后 12 小时内）');
    // A night shift across midnight is fine.
    expect((await put(hr, techA2, { off: false, startsAt: local('20:00'), endsAt: local('06:00', '2031-03-12') }, DAY)).statusCode).toBe(201);
    await as(t.app, hr, { method: 'DELETE', url: shiftUrl(techA2) });

    const wrong = await put(hr, techA, { off: 'no', startsAt: 'tomorrow', startsFrom: 'car', extra: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(['extra', 'off', 'startsAt', 'startsFrom']);
    expect((await as(t.app, hr, { method: 'PUT', url: shiftUrl(techA, '2031-02-30'), payload: early })).json().errors[0].field).toBe('params.day');
    expect(await t.db.selectFrom('workShifts').selectAll().execute()).toHaveLength(0);
  });

  it('creates (201), replaces (200), refuses a stale version (409), and audits before and after', async () => {
    const created = await put(supervisorA, techA, early);
    expect(created.statusCode).toBe(201);
    const shift = created.json();
    expect(shift).toMatchObject({ employeeId: techA, day: DAY, off: false, startsAt: local('07:00'), endsAt: local('15:00'), startsFrom: 'home', endsAtPlace: 'office', version: 1 });

    const updated = await put(supervisorA, techA, { ...early, endsAt: local('16:00'), version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: shift.id, endsAt: local('16:00'), version: 2 });
    const stale = await put(hr, techA, { ...early, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    // A version for a day with no record names a record that is gone.
    const elsewhere = { ...early, startsAt: local('07:00', '2031-03-12'), endsAt: local('15:00', '2031-03-12'), version: 3 };
    expect((await put(hr, techA, elsewhere, '2031-03-12')).statusCode).toBe(409);

    // A day off keeps no times; places default to dispatch.defaultShift's.
    const off = await put(hr, techA, { off: true, startsAt: local('07:00'), endsAt: local('15:00') });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ off: true, startsAt: null, endsAt: null, startsFrom: 'office', endsAtPlace: 'office', version: 3 });

    const rows = await audits('work_shift', shift.id);
    expect(rows.map((r) => r.action)).toEqual(['work_shift.create', 'work_shift.update', 'work_shift.update']);
    expect(rows[1]).toMatchObject({ before: expect.objectContaining({ endsAt: local('15:00'), version: 1 }), after: expect.objectContaining({ endsAt: local('16:00'), version: 2 }) });
    expect(rows[0]!.requestId).toBe(created.headers['x-request-id']);
  });
});

describe('GET /api/v1/working-time/shifts', () => {
  it('lists a team\'s records in the range, to managers and dispatchers; a supervisor only their own teams', async () => {
    await put(hr, techA2, { off: false, startsAt: local('09:00', '2031-03-13'), endsAt: local('17:00', '2031-03-13') }, '2031-03-13');
    await put(hr, techB, { off: true }, DAY);
    const q = `teamId=${teamA}&from=2031-03-11&to=2031-03-12`;
    expect((await list(null, 'shifts', q)).statusCode).toBe(401);
    expect((await list(technician, 'shifts', q)).statusCode).toBe(403);
    for (const s of [supervisorA, agent, hr, admin]) {
      const res = await list(s, 'shifts', q);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((r: { employeeId: string; day: string }) => [r.employeeId, r.day])).toEqual([[techA, DAY]]);
    }
    const week = await list(agent, 'shifts', `teamId=${teamA}&from=2031-03-09&to=2031-03-15`);
    expect(week.json().map((r: { day: string }) => r.day)).toEqual([DAY, '2031-03-13']);
    expect((await list(supervisorA, 'shifts', `teamId=${teamB}&from=2031-03-11&to=2031-03-11`)).statusCode).toBe(403);
    expect((await list(agent, 'shifts', `teamId=${teamB}&from=2031-03-11&to=2031-03-11`)).json()).toHaveLength(1);
  });

  it('400 for a missing or unknown team, a range backwards or over 62 days', async () => {
    expect(fields(await list(agent, 'shifts', 'from=2031-03-01&to=2031-03-02'))).toEqual(['querystring.teamId']);
    const unknown = await list(agent, 'shifts', 'teamId=00000000-0000-4000-8000-000000000000&from=2031-03-01&to=2031-03-02');
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['teamId']);
    expect(fields(await list(agent, 'shifts', `teamId=${teamA}&from=2031-03-02&to=2031-03-01`))).toEqual(['to']);
    const long = await list(agent, 'shifts', `teamId=${teamA}&from=2031-03-01&to=2031-05-02`);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ field: 'to', code: 'working_time.range_too_long', message: 'At most 62 days at a time' });
    expect((await list(agent, 'shifts', `teamId=${teamA}&from=2031-03-01&to=2031-05-01`)).statusCode).toBe(200);
  });
});

describe('DELETE /api/v1/working-time/shifts/:employeeId/:day', () => {
  it('403 outside the supervisor\'s teams, 404 without a record, 204 and an audit row', async () => {
    const day = '2031-03-14';
    const { id } = (await put(hr, techA, { off: true }, day)).json();
    expect((await as(t.app, agent, { method: 'DELETE', url: shiftUrl(techA, day) })).statusCode).toBe(403);
    expect((await as(t.app, supervisorA, { method: 'DELETE', url: shiftUrl(techB, day) })).statusCode).toBe(403);
    expect((await as(t.app, supervisorA, { method: 'DELETE', url: shiftUrl(techA, '2031-03-20') })).statusCode).toBe(404);
    const res = await as(t.app, supervisorA, { method: 'DELETE', url: shiftUrl(techA, day) });
    expect(res.statusCode).toBe(204);
    expect(await t.db.selectFrom('workShifts').selectAll().where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect((await audits('work_shift', id)).map((r) => r.action)).toEqual(['work_shift.create', 'work_shift.delete']);
    expect((await as(t.app, supervisorA, { method: 'DELETE', url: shiftUrl(techA, day) })).statusCode).toBe(404);
  });
});

describe('leave records', () => {
  const sick = (employeeId: string) => ({ employeeId, kind: 'sick', startsAt: local('08:00', '2031-04-01'), endsAt: local('18:00', '2031-04-02'), note: '发烧' });

  it('401, 403 (role, other team), 400 naming employeeId for an unknown employee and bad times', async () => {
    expect((await postLeave(null, sick(techA))).statusCode).toBe(401);
    expect((await postLeave(agent, sick(techA))).statusCode).toBe(403);
    expect((await postLeave(supervisorA, sick(techB))).statusCode).toBe(403);
    const unknown = await postLeave(hr, sick('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'employeeId', code: 'reference', message: 'No such record' }]);
    const reversed = await postLeave(hr, { ...sick(techA), endsAt: local('07:00', '2031-04-01') });
    expect(fields(reversed)).toEqual(['endsAt']);
    expect(fields(await postLeave(hr, { ...sick(techA), endsAt: local('08:00', '2032-04-02') }))).toEqual(['endsAt']);
    expect(fields(await postLeave(hr, { employeeId: techA, kind: 'holiday', startsAt: 'x' }))).toEqual(['endsAt', 'kind', 'startsAt']);
    expect(await t.db.selectFrom('leaveRecords').selectAll().execute()).toHaveLength(0);
  });

  it('records leave (201, audited), refuses overlapping leave (422), lists it with the note only for managers, removes it (204)', async () => {
    const created = await postLeave(supervisorA, sick(techA));
    expect(created.statusCode).toBe(201);
    const leave = created.json();
    expect(leave).toMatchObject({ employeeId: techA, kind: 'sick', startsAt: local('08:00', '2031-04-01'), endsAt: local('18:00', '2031-04-02'), note: '发烧' });
    expect((await audits('leave_record', leave.id)).map((r) => r.action)).toEqual(['leave_record.create']);

    const clash = await postLeave(hr, { ...sick(techA), kind: 'annual', startsAt: local('17:00', '2031-04-02'), endsAt: local('18:00', '2031-04-03') });
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({ code: 'working_time.leave_overlap', title: '王工 already has leave recorded from 2031-04-01 08:00 to 2031-04-02 18:00', leaveId: leave.id });
    // Back to back is not an overlap.
    const next = await postLeave(hr, { employeeId: techA, kind: 'training', startsAt: local('18:00', '2031-04-02'), endsAt: local('12:00', '2031-04-03') });
    expect(next.statusCode).toBe(201);
    await postLeave(hr, { ...sick(techB), startsAt: local('08:00', '2031-04-02') });

    // The days 2 April (company time zone) catch both of techA's records.
    const q = `teamId=${teamA}&from=2031-04-02&to=2031-04-02`;
    const forHr = (await list(hr, 'leave', q)).json();
    expect(forHr.map((l: { id: string }) => l.id)).toEqual([leave.id, next.json().id]);
    expect(forHr[0].note).toBe('发烧');
    const forAgent = await list(agent, 'leave', q);
    expect(forAgent.statusCode).toBe(200);
    expect(forAgent.json()[0]).toMatchObject({ id: leave.id, kind: 'sick', note: null });
    expect((await list(agent, 'leave', `teamId=${teamA}&from=2031-04-04&to=2031-04-30`)).json()).toEqual([]);
    expect((await list(supervisorA, 'leave', `teamId=${teamB}&from=2031-04-02&to=2031-04-02`)).statusCode).toBe(403);
    expect((await list(technician, 'leave', q)).statusCode).toBe(403);

    const url = `/api/v1/working-time/leave/${leave.id}`;
    expect((await as(t.app, agent, { method: 'DELETE', url })).statusCode).toBe(403);
    const otherTeams = (await list(admin, 'leave', `teamId=${teamB}&from=2031-04-02&to=2031-04-02`)).json();
    expect((await as(t.app, supervisorA, { method: 'DELETE', url: `/api/v1/working-time/leave/${otherTeams[0].id}` })).statusCode).toBe(403);
    expect((await as(t.app, supervisorA, { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await as(t.app, supervisorA, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await audits('leave_record', leave.id)).map((r) => r.action)).toEqual(['leave_record.create', 'leave_record.delete']);
  });
});

describe('availabilityOn: what dispatch sees (P4.1.2: only who can take the work)', () => {
  it('a leave record is reported, and leave over the whole shift leaves no working window (on_leave)', async () => {
    const day = '2031-05-06'; // a Tuesday
    const res = await postLeave(hr, { employeeId: techA2, kind: 'annual', startsAt: local('00:00', day), endsAt: local('00:00', '2031-05-07') });
    expect(res.statusCode).toBe(201);
    const a = (await availabilityOn(t.db, [techA2, techA], day)).get(techA2)!;
    expect(a.leave).toEqual([{ kind: 'annual', start: new Date(local('00:00', day)), end: new Date(local('00:00', '2031-05-07')) }]);
    expect(a.shift).toMatchObject({ source: 'default' });
    expect(availableWindow(a)).toBeNull();
    const facts = { id: techA2, name: '李工', teamId: teamA, skills: [], certificates: [], shift: a.shift, leave: a.leave, start: null, end: null };
    expect(ineligibility(facts, { skill: null, level: 1, certificates: [], teamId: teamA }, day).map((r) => r.code)).toEqual(['on_leave']);

    // Half a day of leave leaves the afternoon.
    await postLeave(hr, { employeeId: techA, kind: 'personal', startsAt: local('08:00', day), endsAt: local('12:00', day) });
    const half = (await availabilityOn(t.db, [techA], day)).get(techA)!;
    expect(availableWindow(half)).toEqual({ start: new Date(local('12:00', day)), end: new Date(local('17:30', day)) });
  });

  it('an off shift makes the technician unavailable; a shift record replaces the default shift', async () => {
    const day = '2031-05-07'; // a Wednesday
    await put(hr, techA, { off: true }, day);
    await put(hr, techA2, { off: false, startsAt: local('10:00', day), endsAt: local('14:00', day), startsFrom: 'home', endsAtPlace: 'home' }, day);
    const got = await availabilityOn(t.db, [techA, techA2], day);
    expect(got.get(techA)!.shift).toBeNull();
    const facts = { id: techA, name: '王工', teamId: teamA, skills: [], certificates: [], shift: null, leave: [], start: null, end: null };
    expect(ineligibility(facts, { skill: null, level: 1, certificates: [], teamId: teamA }, day).map((r) => r.code)).toEqual(['off_shift']);
    expect(got.get(techA2)!.shift).toEqual({ start: new Date(local('10:00', day)), end: new Date(local('14:00', day)), startsFrom: 'home', endsAt: 'home', source: 'record' });
    // Removing the record brings the default shift back.
    await as(t.app, hr, { method: 'DELETE', url: shiftUrl(techA, day) });
    expect((await availabilityOn(t.db, [techA], day)).get(techA)!.shift).toMatchObject({ source: 'default' });
  });

  it('leave in the morning after counts against a night shift of the day before', async () => {
    const day = '2031-05-08'; // a Thursday
    await put(hr, techA2, { off: false, startsAt: local('20:00', day), endsAt: local('06:00', '2031-05-09') }, day);
    await postLeave(hr, { employeeId: techA2, kind: 'sick', startsAt: local('02:00', '2031-05-09'), endsAt: local('12:00', '2031-05-09') });
    const a = (await availabilityOn(t.db, [techA2], day)).get(techA2)!;
    expect(a.leave.map((l) => l.kind)).toEqual(['sick']);
    expect(availableWindow(a)).toEqual({ start: new Date(local('20:00', day)), end: new Date(local('02:00', '2031-05-09')) });
    // Without a shift reaching into it, the next day's leave is not this day's.
    await postLeave(hr, { employeeId: techA, kind: 'sick', startsAt: local('02:00', '2031-05-09'), endsAt: local('12:00', '2031-05-09') });
    expect((await availabilityOn(t.db, [techA], day)).get(techA)!.leave).toEqual([]);
    expect((await availabilityOn(t.db, [techA], '2031-05-09')).get(techA)!.leave).toHaveLength(1);
  });

  it('no record on a working day gives dispatch.defaultShift in the company time zone; none on a weekend or holiday', async () => {
    const monday = '2031-05-12';
    const got = (await availabilityOn(t.db, [techB], monday)).get(techB)!;
    expect(got).toEqual({
      shift: { start: new Date(local('08:30', monday)), end: new Date(local('17:30', monday)), startsFrom: 'office', endsAt: 'office', source: 'default' },
      leave: [],
    });
    expect((await availabilityOn(t.db, [techB], '2031-05-10')).get(techB)!.shift).toBeNull(); // Saturday
    expect((await as(t.app, admin, { method: 'PUT', url: '/api/v1/calendar-days/2031-05-13', payload: { kind: 'holiday', name: '公司假日' } })).statusCode).toBe(201);
    expect((await availabilityOn(t.db, [techB], '2031-05-13')).get(techB)!.shift).toBeNull();
    // A make-up working day (调休) on a Sunday has the default shift; a shift record works on a holiday.
    await as(t.app, admin, { method: 'PUT', url: '/api/v1/calendar-days/2031-05-11', payload: { kind: 'workday', name: '调休上班' } });
    expect((await availabilityOn(t.db, [techB], '2031-05-11')).get(techB)!.shift).toMatchObject({ source: 'default' });
    await put(hr, techB, { off: false, startsAt: local('09:00', '2031-05-13'), endsAt: local('12:00', '2031-05-13') }, '2031-05-13');
    expect((await availabilityOn(t.db, [techB], '2031-05-13')).get(techB)!.shift).toMatchObject({ source: 'record' });
  });
});
