import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaDeadline } from '../../../core/sla-clock.ts';
import { as, createTestApp, type Session, signInAs, type TestApp } from '../../test/harness.ts';
import { CHINA_CALENDAR_DAYS, seedChinaHolidays } from './china-holidays.ts';
import { loadBusinessCalendar } from './service.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, { role: 'admin' });
});
afterAll(() => t?.close());

const HOUR = 3_600_000;
const put = (session: Session | null, date: string, payload: unknown) => as(t.app, session, { method: 'PUT', url: `/api/v1/calendar-days/${date}`, payload: payload as object });
const audits = (date: string) => t.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'calendar_day').where('entityId', '=', date).orderBy('id').execute();

describe('GET /api/v1/calendar-days', () => {
  it('401 without a session, 400 without a valid year, 200 for any signed-in user with abilities', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/calendar-days?year=2026' })).statusCode).toBe(401);
    const tech = await signInAs(t, { role: 'technician' });
    const missing = await as(t.app, tech, { method: 'GET', url: '/api/v1/calendar-days' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('querystring.year');
    expect((await as(t.app, tech, { method: 'GET', url: '/api/v1/calendar-days?year=abc' })).statusCode).toBe(400);
    expect((await as(t.app, tech, { method: 'GET', url: '/api/v1/calendar-days?year=3000' })).statusCode).toBe(400);

    await put(admin, '2040-05-01', { kind: 'holiday', name: '劳动节' });
    await put(admin, '2040-05-06', { kind: 'workday', name: '劳动节调休上班' });
    await put(admin, '2041-01-01', { kind: 'holiday', name: '元旦' });
    const res = await as(t.app, tech, { method: 'GET', url: '/api/v1/calendar-days?year=2040' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      year: 2040,
      items: [
        { date: '2040-05-01', kind: 'holiday', name: '劳动节', version: 1 },
        { date: '2040-05-06', kind: 'workday', name: '劳动节调休上班', version: 1 },
      ],
      abilities: { update: false },
    });
    expect((await as(t.app, admin, { method: 'GET', url: '/api/v1/calendar-days?year=2040' })).json().abilities.update).toBe(true);
  });
});

describe('PUT /api/v1/calendar-days/:date', () => {
  it('401, 400 naming the bad fields, 403 for roles that only read settings', async () => {
    expect((await put(null, '2042-01-01', { kind: 'holiday', name: '元旦' })).statusCode).toBe(401);
    const badDate = await put(admin, '2042-02-30', { kind: 'holiday', name: '元旦' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe('params.date');
    const badBody = await put(admin, '2042-01-01', { kind: 'vacation', name: '', extra: 1 });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'kind', 'name']);
    for (const role of ['hr', 'supervisor', 'manager', 'technician'] as const) {
      const s = await signInAs(t, { role });
      expect((await put(s, '2042-01-01', { kind: 'holiday', name: '元旦' })).statusCode, role).toBe(403);
    }
    expect(await audits('2042-01-01')).toHaveLength(0);
  });

  it('creates (201), replaces (200), refuses a stale version (409), and audits before and after', async () => {
    const created = await put(admin, '2042-10-01', { kind: 'holiday', name: '国庆' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ date: '2042-10-01', kind: 'holiday', name: '国庆', version: 1 });
    const updated = await put(admin, '2042-10-01', { kind: 'holiday', name: '国庆节', version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: '国庆节', version: 2 });
    const stale = await put(admin, '2042-10-01', { kind: 'workday', name: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    // Without a version the write is unconditional.
    expect((await put(admin, '2042-10-01', { kind: 'workday', name: '调休上班' })).json()).toMatchObject({ kind: 'workday', version: 3 });
    // A version for a date that has no entry names a row that is gone.
    expect((await put(admin, '2042-10-02', { kind: 'holiday', name: '国庆节', version: 4 })).statusCode).toBe(409);

    const rows = await audits('2042-10-01');
    expect(rows.map((r) => r.action)).toEqual(['calendar_day.create', 'calendar_day.update', 'calendar_day.update']);
    expect(rows[0]).toMatchObject({ before: null, after: expect.objectContaining({ date: '2042-10-01', name: '国庆' }) });
    expect(rows[1]).toMatchObject({ before: expect.objectContaining({ name: '国庆', version: 1 }), after: expect.objectContaining({ name: '国庆节', version: 2 }) });
    expect(rows[0]!.actorLabel).toContain('admin-');
    expect(rows[0]!.requestId).toBe(created.headers['x-request-id']);
  });
});

describe('DELETE /api/v1/calendar-days/:date', () => {
  it('401, 400, 403, 404 for a date without an entry, 204 and an audit row', async () => {
    await put(admin, '2043-06-01', { kind: 'holiday', name: '公司司庆' });
    const url = '/api/v1/calendar-days/2043-06-01';
    expect((await as(t.app, null, { method: 'DELETE', url })).statusCode).toBe(401);
    expect((await as(t.app, admin, { method: 'DELETE', url: '/api/v1/calendar-days/2043-13-01' })).statusCode).toBe(400);
    const hr = await signInAs(t, { role: 'hr' });
    expect((await as(t.app, hr, { method: 'DELETE', url })).statusCode).toBe(403);
    expect((await as(t.app, admin, { method: 'DELETE', url: '/api/v1/calendar-days/2043-06-02' })).statusCode).toBe(404);
    const res = await as(t.app, admin, { method: 'DELETE', url });
    expect(res.statusCode).toBe(204);
    expect(await t.db.selectFrom('calendarDays').selectAll().where('date', '=', '2043-06-01').executeTakeFirst()).toBeUndefined();
    const rows = await audits('2043-06-01');
    expect(rows.map((r) => r.action)).toEqual(['calendar_day.create', 'calendar_day.delete']);
    expect(rows[1]).toMatchObject({ before: expect.objectContaining({ kind: 'holiday', name: '公司司庆' }), after: null });
    expect((await as(t.app, admin, { method: 'DELETE', url })).statusCode).toBe(404);
  });
});

describe('the calendar SLA clocks run on', () => {
  it('a holiday stored in the table is skipped by the deadline', async () => {
    // Tuesday 11 March 2031, 17:00 in Shanghai; Wednesday 12 March declared a company holiday.
    const start = new Date('2031-03-11T17:00:00+08:00');
    const before = await loadBusinessCalendar(t.db, 'business', '2031-03-11');
    expect(slaDeadline({ start, targetMs: 2 * HOUR, pauses: [], now: start, cal: before }).deadline).toEqual(new Date('2031-03-12T10:00:00+08:00'));
    expect((await put(admin, '2031-03-12', { kind: 'holiday', name: '公司庆典' })).statusCode).toBe(201);
    const cal = await loadBusinessCalendar(t.db, 'business', '2031-03-11');
    expect(cal).toMatchObject({ kind: 'business', timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '18:00' });
    const result = slaDeadline({ start, targetMs: 2 * HOUR, pauses: [], now: start, cal });
    expect(result.deadline).toEqual(new Date('2031-03-13T10:00:00+08:00'));
    expect(await loadBusinessCalendar(t.db, '24x7', '2031-03-11')).toEqual({ kind: '24x7' });
  });

  it('only loads calendar days in its range', async () => {
    await put(admin, '2032-01-05', { kind: 'holiday', name: '远期假日' });
    expect((await loadBusinessCalendar(t.db, 'business', '2030-06-01')).kind === 'business').toBe(true);
    const near = await loadBusinessCalendar(t.db, 'business', '2031-12-01');
    const far = await loadBusinessCalendar(t.db, 'business', '2030-06-01');
    expect(near.kind === 'business' && near.holidays.has('2032-01-05')).toBe(true);
    expect(far.kind === 'business' && far.holidays.has('2032-01-05')).toBe(false);
    const ranged = await loadBusinessCalendar(t.db, 'business', '2030-06-01', { from: '2032-01-01', to: '2032-01-31' });
    expect(ranged.kind === 'business' && [...ranged.holidays]).toEqual(['2032-01-05']);
  });

  it('takes working hours from the sla.workingHours setting in force on the date', async () => {
    const res = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/settings/sla.workingHours/versions',
      payload: { value: { weekdays: [1, 2, 3, 4, 5, 6], start: '08:30', end: '17:30' }, effectiveFrom: '2099-01-01', reason: '延长服务时间' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'json', clause: 'P4.1.2' });
    expect(await loadBusinessCalendar(t.db, 'business', '2098-12-31')).toMatchObject({ dayStart: '09:00', workingWeekdays: [1, 2, 3, 4, 5] });
    expect(await loadBusinessCalendar(t.db, 'business', '2099-01-01')).toMatchObject({ dayStart: '08:30', dayEnd: '17:30', workingWeekdays: [1, 2, 3, 4, 5, 6] });
  });

  it('the SLA settings refuse targets out of order and malformed working hours', async () => {
    const post = (key: string, value: unknown) =>
      as(t.app, admin, { method: 'POST', url: `/api/v1/settings/${key}/versions`, payload: { value, effectiveFrom: '2099-01-01', reason: 'test' } });
    const target = { responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480, calendar: '24x7' };
    const targets = { urgent: target, high: target, normal: target, low: target };
    expect((await post('sla.targets', { ...targets, low: { ...target, arrivalMinutes: 30 } })).statusCode).toBe(400);
    expect((await post('sla.targets', { urgent: target, high: target, normal: target })).statusCode).toBe(400);
    expect((await post('sla.targets', { ...targets, low: { ...target, responseMinutes: 0 } })).statusCode).toBe(400);
    expect((await post('sla.targets', { ...targets, low: { ...target, calendar: 'weekdays' } })).statusCode).toBe(400);
    expect((await post('sla.workingHours', { weekdays: [1, 1], start: '09:00', end: '18:00' })).statusCode).toBe(400);
    expect((await post('sla.workingHours', { weekdays: [1, 8], start: '09:00', end: '18:00' })).statusCode).toBe(400);
    expect((await post('sla.workingHours', { weekdays: [1], start: '18:00', end: '09:00' })).statusCode).toBe(400);
    expect((await post('sla.workingHours', { weekdays: [1], start: '9:00', end: '18:00' })).statusCode).toBe(400);
    expect((await post('sla.warnAtPercent', 100)).statusCode).toBe(400);
    expect((await post('workOrders.reopenWithinDays', 0)).statusCode).toBe(400);
    expect((await post('sla.targets', targets)).statusCode).toBe(201);
  });

  it('the China demo calendar skips the National Day week and counts the make-up Saturday', async () => {
    expect(await seedChinaHolidays(t.db)).toBe(CHINA_CALENDAR_DAYS.length);
    expect(await seedChinaHolidays(t.db)).toBe(0);
    const cal = await loadBusinessCalendar(t.db, 'business', '2026-09-30');
    // Wednesday 30 Sep 17:00, 2 business hours: one that evening, one on Thursday 8 Oct.
    const start = new Date('2026-09-30T17:00:00+08:00');
    expect(slaDeadline({ start, targetMs: 2 * HOUR, pauses: [], now: start, cal }).deadline).toEqual(new Date('2026-10-08T10:00:00+08:00'));
    const friday = new Date('2026-10-09T17:00:00+08:00');
    expect(slaDeadline({ start: friday, targetMs: 2 * HOUR, pauses: [], now: friday, cal }).deadline).toEqual(new Date('2026-10-10T10:00:00+08:00'));
    const year = (await as(t.app, admin, { method: 'GET', url: '/api/v1/calendar-days?year=2026' })).json();
    expect(year.items.filter((d: { kind: string }) => d.kind === 'workday').map((d: { date: string }) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});
