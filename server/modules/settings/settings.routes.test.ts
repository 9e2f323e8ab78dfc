import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../../core/settings.ts';
import { as, createTestApp, type Session, signInAs, type TestApp } from '../../test/harness.ts';
import { companyToday, getSetting } from './service.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, { role: 'admin' });
});
afterAll(() => t?.close());

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('GET /api/v1/settings', () => {
  it('401, 403 for technicians, agents and customers; lists every setting with the company time zone first', async () => {
    expect((await as(t.app, null, { method: 'GET', url: '/api/v1/settings' })).statusCode).toBe(401);
    for (const role of ['technician', 'agent'] as const) {
      const s = await signInAs(t, { role });
      expect((await as(t.app, s, { method: 'GET', url: '/api/v1/settings' })).statusCode).toBe(403);
    }
    const manager = await signInAs(t, { role: 'manager' });
    const res = await as(t.app, manager, { method: 'GET', url: '/api/v1/settings' });
    expect(res.statusCode).toBe(200);
    const tz = res.json().items[0];
    expect(tz).toMatchObject({ key: 'company.timeZone', kind: 'timeZone', current: { value: 'Asia/Shanghai', effectiveFrom: '2000-01-01', setByLabel: 'system' } });
    expect(tz.label['zh-CN']).toBe('公司时区');
    expect(tz.abilities.update).toBe(false);
  });
});

describe('POST /api/v1/settings/:key/versions', () => {
  it('401, 403 for non-administrators, 404 for an unknown key', async () => {
    const body = { value: 'Asia/Tokyo', effectiveFrom: '2099-01-01', reason: 'x' };
    expect((await as(t.app, null, { method: 'POST', url: '/api/v1/settings/company.timeZone/versions', payload: body })).statusCode).toBe(401);
    const hr = await signInAs(t, { role: 'hr' });
    expect((await as(t.app, hr, { method: 'POST', url: '/api/v1/settings/company.timeZone/versions', payload: body })).statusCode).toBe(403);
    expect((await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/no.such/versions', payload: body })).statusCode).toBe(404);
  });

  it('400 for a value the setting does not accept, a past date, a missing reason', async () => {
    const url = '/api/v1/settings/company.timeZone/versions';
    const badZone = await as(t.app, admin, { method: 'POST', url, payload: { value: 'Mars/Base', effectiveFrom: '2099-01-01', reason: 'x' }, locale: 'zh-CN' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().errors[0]).toMatchObject({ field: 'value', message: '不是有效的时区' });
    const past = await as(t.app, admin, { method: 'POST', url, payload: { value: 'Asia/Tokyo', effectiveFrom: '2001-01-01', reason: 'x' } });
    expect(past.json().errors[0].field).toBe('effectiveFrom');
    const noReason = await as(t.app, admin, { method: 'POST', url, payload: { value: 'Asia/Tokyo', effectiveFrom: '2099-01-01' } });
    expect(noReason.json().errors[0].field).toBe('reason');
    const badNumber = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/security.signIn.maxFailures/versions', payload: { value: 2.5, effectiveFrom: '2099-01-01', reason: 'x' } });
    expect(badNumber.statusCode).toBe(400);
  });

  it('P5.1, P5.3.4: appraisal weights that do not sum to 100% are refused, naming the setting, in the caller language', async () => {
    const composite = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/settings/appraisal.composite/versions',
      payload: { value: { self: 10, supervisor: 30, customer: 20, indicators: 30 }, effectiveFrom: '2099-01-01', reason: 'x' },
      locale: 'zh-CN',
    });
    expect(composite.statusCode).toBe(400);
    expect(composite.json().errors[0]).toMatchObject({ field: 'value', message: '各项权重之和必须为 100%' });
    const indicators = await getSetting(t.db, 'appraisal.indicators');
    const heavier = { ...indicators, onTime: { ...indicators.onTime, weight: indicators.onTime.weight + 5 } };
    const res = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/appraisal.indicators/versions', payload: { value: heavier, effectiveFrom: '2099-01-01', reason: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'value', message: 'The weights must add up to 100%' });
  });

  it('schedules a dated value: in force from its date, with who and why in the history and the audit trail', async () => {
    const today = await companyToday(t.db);
    const from = addDays(today, 30);
    const res = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/settings/security.signIn.maxFailures/versions',
      payload: { value: 8, effectiveFrom: from, reason: '年度安全评审' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().current.value).toBe(5);
    expect(res.json().upcoming).toEqual([expect.objectContaining({ value: 8, effectiveFrom: from, reason: '年度安全评审' })]);
    expect(await getSetting(t.db, 'security.signIn.maxFailures', addDays(from, -1))).toBe(5);
    expect(await getSetting(t.db, 'security.signIn.maxFailures', from)).toBe(8);
    const again = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/security.signIn.maxFailures/versions', payload: { value: 9, effectiveFrom: from, reason: 'dup' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('effectiveFrom');
    const audit = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'setting.schedule').execute();
    expect(audit).toHaveLength(1);
  });

  it('a time zone that takes effect today moves the company calendar', async () => {
    const now = new Date();
    const today = await companyToday(t.db, now);
    const res = await as(t.app, admin, { method: 'POST', url: '/api/v1/settings/company.timeZone/versions', payload: { value: 'Pacific/Kiritimati', effectiveFrom: today, reason: 'test' } });
    expect(res.statusCode).toBe(201);
    expect(await companyToday(t.db, now)).toBe(dateInZone(now, 'Pacific/Kiritimati'));
  });
});
