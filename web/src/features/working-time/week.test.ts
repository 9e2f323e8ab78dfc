// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Setting } from '../../api/types.ts';
import type { ShiftRecord } from '../dispatch/types.ts';
import { clockOf, dayShift, isWorkingDay, leaveHoursOn, leaveOn, mondayOf, settingValueOn, shiftInstants, weekOf } from './week.ts';

const TZ = 'Asia/Shanghai';

describe('weeks', () => {
  it('start on Monday, whatever day is given', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23'); // a Thursday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week before
    expect(weekOf('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});

describe('shift times in the company time zone', () => {
  it('turn wall-clock times on the day into instants and back', () => {
    expect(shiftInstants('2026-11-26', '08:30', '17:30', TZ)).toEqual({
      startsAt: '2026-11-26T00:30:00.000Z',
      endsAt: '2026-11-26T09:30:00.000Z',
      overnight: false,
    });
    expect(clockOf('2026-11-26T00:30:00.000Z', TZ)).toBe('08:30');
    expect(clockOf('2026-11-26T00:30:00.000Z', 'Europe/Berlin')).toBe('01:30');
  });

  it('end a night shift the next morning', () => {
    expect(shiftInstants('2026-11-26', '22:00', '06:00', TZ)).toEqual({
      startsAt: '2026-11-26T14:00:00.000Z',
      endsAt: '2026-11-26T22:00:00.000Z',
      overnight: true,
    });
  });
});

describe('leave hours on a day', () => {
  const leave = { startsAt: '2026-11-26T01:00:00.000Z', endsAt: '2026-11-27T05:00:00.000Z' }; // 09:00 Thu to 13:00 Fri, Shanghai
  it('count only the part inside the day, to the half hour', () => {
    expect(leaveHoursOn(leave, '2026-11-25', TZ)).toBe(0);
    expect(leaveHoursOn(leave, '2026-11-26', TZ)).toBe(15);
    expect(leaveHoursOn(leave, '2026-11-27', TZ)).toBe(13);
    expect(leaveHoursOn({ startsAt: '2026-11-26T01:00:00.000Z', endsAt: '2026-11-26T01:20:00.000Z' }, '2026-11-26', TZ)).toBe(0.5);
  });

  it('list the technician’s own leave only', () => {
    const rows = [
      { id: 'a', employeeId: 'e1', kind: 'annual' as const, note: null, ...leave },
      { id: 'b', employeeId: 'e2', kind: 'sick' as const, note: null, ...leave },
    ];
    expect(leaveOn(rows, 'e1', '2026-11-27', TZ).map((l) => [l.record.id, l.hours])).toEqual([['a', 13]]);
    expect(leaveOn(rows, 'e1', '2026-11-28', TZ)).toEqual([]);
  });
});

describe('dated settings', () => {
  const version = (effectiveFrom: string, value: unknown) => ({ value, effectiveFrom, setByLabel: 'x', reason: 'x' });
  const setting = {
    key: 'dispatch.defaultShift',
    current: version('2026-01-01', { start: '08:30' }),
    upcoming: [version('2026-12-01', { start: '09:00' })],
    history: [version('2000-01-01', { start: '08:00' })],
  } as unknown as Setting;
  it('answer the version in force on the day', () => {
    expect(settingValueOn(setting, '2025-06-01')).toEqual({ start: '08:00' });
    expect(settingValueOn(setting, '2026-11-30')).toEqual({ start: '08:30' });
    expect(settingValueOn(setting, '2026-12-01')).toEqual({ start: '09:00' });
    expect(settingValueOn(undefined, '2026-12-01')).toBeUndefined();
  });
});

describe('a day without a record', () => {
  const calendar = [
    { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节', version: 1 },
    { date: '2026-10-10', kind: 'workday' as const, name: '调休', version: 1 },
  ];
  it('is worked on working weekdays and make-up days, not on holidays or weekends', () => {
    expect(isWorkingDay('2026-09-30', [1, 2, 3, 4, 5], calendar)).toBe(true);
    expect(isWorkingDay('2026-10-01', [1, 2, 3, 4, 5], calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', [1, 2, 3, 4, 5], calendar)).toBe(true); // a Saturday
    expect(isWorkingDay('2026-10-11', [1, 2, 3, 4, 5], calendar)).toBe(false);
  });

  it('shows the default shift on a working day, a rest day otherwise; a record always wins', () => {
    const defaults = { start: '08:30', end: '17:30', startsFrom: 'office' as const, endsAt: 'office' as const };
    const record: ShiftRecord = { id: 's', employeeId: 'e', day: '2026-10-11', off: false, startsAt: 'x', endsAt: 'y', startsFrom: 'home', endsAtPlace: 'office', version: 1 };
    expect(dayShift(undefined, true, defaults)).toEqual({ kind: 'default', shift: defaults });
    expect(dayShift(undefined, null, null)).toEqual({ kind: 'default', shift: null });
    expect(dayShift(undefined, false, defaults)).toEqual({ kind: 'rest' });
    expect(dayShift(record, false, defaults)).toEqual({ kind: 'record', record });
    expect(dayShift({ ...record, off: true }, true, defaults).kind).toBe('off');
  });
});
