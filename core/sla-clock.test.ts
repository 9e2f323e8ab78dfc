import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  type BusinessCalendar,
  businessMinutesBetween,
  businessMsBetween,
  isWorkingDay,
  slaDeadline,
  slaStatus,
} from './sla-clock.ts';
import { zonedDayStart } from './time.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

// 2026 national days and make-up working days (调休) used by the examples.
const shanghai: BusinessCalendar = {
  kind: 'business',
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-03', '2026-10-04']),
  makeUpWorkdays: new Set(['2026-09-20', '2026-10-10']),
};
const berlin: BusinessCalendar = {
  kind: 'business',
  timeZone: 'Europe/Berlin',
  workingWeekdays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: new Set(['2026-12-25']),
  makeUpWorkdays: new Set(),
};
const roundTheClock: BusinessCalendar = { kind: '24x7' };

const at = (iso: string) => new Date(iso);

describe('worked examples (Asia/Shanghai, Mon-Fri 09:00-18:00)', () => {
  it('a Friday 17:00 order with a 4-business-hour target is due Monday 12:00', () => {
    expect(addBusinessTime(at('2026-11-27T17:00:00+08:00'), 4 * HOUR, shanghai).toISOString()).toBe(at('2026-11-30T12:00:00+08:00').toISOString());
    expect(businessMinutesBetween(at('2026-11-27T17:00:00+08:00'), at('2026-11-30T12:00:00+08:00'), shanghai)).toBe(240);
  });

  it('starts counting at the next working period when received outside one', () => {
    expect(addBusinessTime(at('2026-11-28T10:00:00+08:00'), HOUR, shanghai)).toEqual(at('2026-11-30T10:00:00+08:00'));
    expect(addBusinessTime(at('2026-11-26T20:00:00+08:00'), HOUR, shanghai)).toEqual(at('2026-11-27T10:00:00+08:00'));
    expect(addBusinessTime(at('2026-11-26T07:00:00+08:00'), HOUR, shanghai)).toEqual(at('2026-11-26T10:00:00+08:00'));
  });

  it('an allowance used up exactly at the end of a day is due at that end, not the next morning', () => {
    expect(addBusinessTime(at('2026-11-27T09:00:00+08:00'), 9 * HOUR, shanghai)).toEqual(at('2026-11-27T18:00:00+08:00'));
  });

  it('skips the National Day holiday (2026-10-01..07)', () => {
    expect(isWorkingDay('2026-10-05', shanghai)).toBe(false);
    expect(isWorkingDay('2026-10-08', shanghai)).toBe(true);
    // 1 hour on 30 Sep, nothing 1-7 Oct, 3 hours on Thursday 8 Oct.
    expect(addBusinessTime(at('2026-09-30T17:00:00+08:00'), 4 * HOUR, shanghai)).toEqual(at('2026-10-08T12:00:00+08:00'));
    expect(businessMsBetween(at('2026-09-30T00:00:00+08:00'), at('2026-10-09T00:00:00+08:00'), shanghai)).toBe(18 * HOUR);
  });

  it('counts a make-up Saturday (10 Oct) and a make-up Sunday (20 Sep)', () => {
    expect(isWorkingDay('2026-10-10', shanghai)).toBe(true);
    expect(isWorkingDay('2026-10-11', shanghai)).toBe(false);
    expect(addBusinessTime(at('2026-10-09T17:00:00+08:00'), 4 * HOUR, shanghai)).toEqual(at('2026-10-10T12:00:00+08:00'));
    expect(addBusinessTime(at('2026-09-18T17:00:00+08:00'), 4 * HOUR, shanghai)).toEqual(at('2026-09-20T12:00:00+08:00'));
  });

  it('a make-up day wins over a holiday entry for the same date', () => {
    const both: BusinessCalendar = { ...shanghai, holidays: new Set(['2026-11-30']), makeUpWorkdays: new Set(['2026-11-30']) };
    expect(isWorkingDay('2026-11-30', both)).toBe(true);
  });

  it('24x7 is plain addition', () => {
    expect(addBusinessTime(at('2026-11-27T17:00:00+08:00'), 4 * HOUR, roundTheClock)).toEqual(at('2026-11-27T21:00:00+08:00'));
    expect(addBusinessTime(at('2026-10-01T00:00:00Z'), 30 * 24 * HOUR, roundTheClock)).toEqual(at('2026-10-31T00:00:00Z'));
    expect(businessMsBetween(at('2026-10-01T00:00:00Z'), at('2026-10-02T00:00:00Z'), roundTheClock)).toBe(24 * HOUR);
  });

  it('is 0 between instants in the wrong order, and refuses negative time', () => {
    expect(businessMsBetween(at('2026-11-30T12:00:00+08:00'), at('2026-11-30T10:00:00+08:00'), shanghai)).toBe(0);
    expect(() => addBusinessTime(at('2026-11-30T12:00:00+08:00'), -1, shanghai)).toThrow(RangeError);
    expect(addBusinessTime(at('2026-11-28T12:00:00+08:00'), 0, shanghai)).toEqual(at('2026-11-28T12:00:00+08:00'));
  });

  it('adds long spans by whole days, quickly', () => {
    const started = performance.now();
    // 250 working days of 9 hours, about one calendar year.
    const due = addBusinessTime(at('2026-01-05T09:00:00+08:00'), 250 * 9 * HOUR, shanghai);
    expect(businessMsBetween(at('2026-01-05T09:00:00+08:00'), due, shanghai)).toBe(250 * 9 * HOUR);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a calendar that never works, and one whose day ends before it starts', () => {
    const never: BusinessCalendar = { ...shanghai, workingWeekdays: [], makeUpWorkdays: new Set() };
    expect(() => addBusinessTime(at('2026-11-27T17:00:00+08:00'), HOUR, never)).toThrow(/no working time in 3660 days/);
    expect(() => businessMsBetween(at('2026-11-27T00:00:00Z'), at('2026-11-28T00:00:00Z'), { ...shanghai, dayStart: '18:00', dayEnd: '09:00' })).toThrow(RangeError);
    expect(() => addBusinessTime(at('2026-11-27T00:00:00Z'), HOUR, { ...shanghai, dayStart: '9:00' })).toThrow(RangeError);
  });
});

describe('daylight saving time (Europe/Berlin)', () => {
  it('a Friday 17:00 order with 4 business hours is due Monday 12:00 across the spring change', () => {
    // 27 Mar 2026 is CET (+01:00), 30 Mar is CEST (+02:00).
    const due = addBusinessTime(at('2026-03-27T17:00:00+01:00'), 4 * HOUR, berlin);
    expect(due.toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });

  it('counts real elapsed time on the change days themselves', () => {
    const nights: BusinessCalendar = { ...berlin, workingWeekdays: [1, 2, 3, 4, 5, 6, 7], dayStart: '01:00', dayEnd: '05:00' };
    // Spring: 01:00 CET -> 05:00 CEST is 3 real hours; autumn: 01:00 CEST -> 05:00 CET is 5.
    expect(businessMsBetween(zonedDayStart('2026-03-29', 'Europe/Berlin'), zonedDayStart('2026-03-30', 'Europe/Berlin'), nights)).toBe(3 * HOUR);
    expect(businessMsBetween(zonedDayStart('2026-10-25', 'Europe/Berlin'), zonedDayStart('2026-10-26', 'Europe/Berlin'), nights)).toBe(5 * HOUR);
    expect(addBusinessTime(zonedDayStart('2026-03-29', 'Europe/Berlin'), 3 * HOUR, nights).toISOString()).toBe('2026-03-29T03:00:00.000Z');
  });

  it('skips a holiday in the zone', () => {
    expect(addBusinessTime(at('2026-12-24T17:00:00+01:00'), 2 * HOUR, berlin).toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });
});

describe('deadlines with pauses', () => {
  const start = at('2026-11-30T09:00:00+08:00'); // Monday
  const target = 8 * HOUR;

  it('without pauses the deadline is the target in business time', () => {
    const r = slaDeadline({ start, targetMs: target, pauses: [], now: start, cal: shanghai });
    expect(r).toMatchObject({ deadline: at('2026-11-30T17:00:00+08:00'), pausedMs: 0, paused: false });
    expect(r.basis).toMatchObject({ start, targetMs: target, calendar: 'business', timeZone: 'Asia/Shanghai', pausedMs: 0, pauses: [] });
  });

  it('a closed pause pushes the deadline by the business time it covered (overnight part not counted)', () => {
    const pauses = [{ from: at('2026-11-30T16:00:00+08:00'), to: at('2026-12-01T10:00:00+08:00') }];
    const r = slaDeadline({ start, targetMs: target, pauses, now: at('2026-12-01T11:00:00+08:00'), cal: shanghai });
    expect(r.pausedMs).toBe(3 * HOUR);
    expect(r.deadline).toEqual(at('2026-12-01T11:00:00+08:00'));
    expect(r.paused).toBe(false);
    expect(r.basis.unpausedDeadline).toEqual(at('2026-11-30T17:00:00+08:00'));
    expect(r.basis.pauses).toEqual([{ from: pauses[0]!.from, to: pauses[0]!.to, open: false, businessMs: 3 * HOUR, counted: true }]);
  });

  it('merges overlapping pauses and clips them to the start', () => {
    const pauses = [
      { from: at('2026-11-30T08:00:00+08:00'), to: at('2026-11-30T10:00:00+08:00') },
      { from: at('2026-11-30T09:30:00+08:00'), to: at('2026-11-30T11:00:00+08:00') },
    ];
    const r = slaDeadline({ start, targetMs: target, pauses, now: at('2026-12-02T00:00:00Z'), cal: shanghai });
    expect(r.pausedMs).toBe(2 * HOUR);
    expect(r.basis.pauses).toHaveLength(1);
    expect(r.deadline).toEqual(at('2026-12-01T10:00:00+08:00'));
  });

  it('an open pause keeps moving the deadline with now', () => {
    const pauses = [{ from: at('2026-11-30T12:00:00+08:00'), to: null }];
    const a = slaDeadline({ start, targetMs: target, pauses, now: at('2026-11-30T13:00:00+08:00'), cal: shanghai });
    const b = slaDeadline({ start, targetMs: target, pauses, now: at('2026-11-30T15:00:00+08:00'), cal: shanghai });
    expect(a).toMatchObject({ paused: true, pausedMs: HOUR, deadline: at('2026-11-30T18:00:00+08:00') });
    expect(b).toMatchObject({ paused: true, pausedMs: 3 * HOUR, deadline: at('2026-12-01T11:00:00+08:00') });
    expect(b.basis.pauses[0]).toMatchObject({ open: true, to: at('2026-11-30T15:00:00+08:00') });
    expect(slaStatus({ deadline: b.deadline, now: at('2026-11-30T15:00:00+08:00'), warnRatio: 0.8, start, cal: shanghai, paused: b.paused })).toBe('paused');
  });

  it('a hold that begins after the clock ran out does not undo the breach', () => {
    const pauses = [{ from: at('2026-12-01T10:00:00+08:00'), to: at('2026-12-02T10:00:00+08:00') }];
    const r = slaDeadline({ start, targetMs: target, pauses, now: at('2026-12-03T00:00:00+08:00'), cal: shanghai });
    expect(r.deadline).toEqual(at('2026-11-30T17:00:00+08:00'));
    expect(r.pausedMs).toBe(0);
    expect(r.basis.pauses[0]).toMatchObject({ counted: false, businessMs: 9 * HOUR });
  });

  it('urgent orders pause round the clock too', () => {
    const pauses = [{ from: at('2026-11-30T20:00:00+08:00'), to: at('2026-11-30T22:00:00+08:00') }];
    const r = slaDeadline({ start: at('2026-11-30T19:00:00+08:00'), targetMs: 4 * HOUR, pauses, now: at('2026-12-01T00:00:00+08:00'), cal: roundTheClock });
    expect(r.deadline).toEqual(at('2026-12-01T01:00:00+08:00'));
    expect(r.basis).toMatchObject({ calendar: '24x7', timeZone: null, workingHours: null, pausedMs: 2 * HOUR });
  });
});

describe('status of a clock', () => {
  const start = at('2026-11-30T09:00:00+08:00');
  const deadline = at('2026-11-30T19:00:00+08:00'); // 9 business hours: Monday 09:00-18:00
  const base = { deadline, start, cal: shanghai, warnRatio: 0.8 };

  it('met, met late, breached, at risk, on track', () => {
    expect(slaStatus({ ...base, metAt: at('2026-11-30T18:00:00+08:00'), now: at('2026-12-05T00:00:00Z') })).toBe('met');
    expect(slaStatus({ ...base, metAt: deadline, now: deadline })).toBe('met');
    expect(slaStatus({ ...base, metAt: at('2026-11-30T19:00:01+08:00'), now: at('2026-12-05T00:00:00Z') })).toBe('met_late');
    expect(slaStatus({ ...base, now: at('2026-11-30T19:00:01+08:00') })).toBe('breached');
    expect(slaStatus({ ...base, now: at('2026-11-30T16:12:00+08:00') })).toBe('at_risk'); // 7.2 of 9 hours
    expect(slaStatus({ ...base, now: at('2026-11-30T16:11:00+08:00') })).toBe('on_track');
    expect(slaStatus({ ...base, now: at('2026-11-30T10:00:00+08:00'), paused: true })).toBe('paused');
    expect(slaStatus({ ...base, now: at('2026-12-01T10:00:00+08:00'), paused: true })).toBe('breached');
  });
});

describe('properties', () => {
  const instant = fc.date({ noInvalidDate: true, min: new Date('2025-12-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z') });
  const calendar = fc.constantFrom<BusinessCalendar>(shanghai, berlin, { ...shanghai, workingWeekdays: [1, 2, 3, 4, 5, 6], dayStart: '08:30', dayEnd: '20:15' });
  const span = fc.integer({ min: 0, max: 40 * 9 * HOUR });

  it('business time is additive', () => {
    fc.assert(
      fc.property(instant, instant, instant, calendar, (x, y, z, cal) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessMsBetween(a, b, cal) + businessMsBetween(b, c, cal)).toBe(businessMsBetween(a, c, cal));
      }),
    );
  });

  it('addBusinessTime is the inverse of businessMsBetween', () => {
    fc.assert(
      fc.property(instant, span, calendar, (from, ms, cal) => {
        expect(businessMsBetween(from, addBusinessTime(from, ms, cal), cal)).toBe(ms);
      }),
    );
  });

  it('addBusinessTime is monotone in the time added', () => {
    fc.assert(
      fc.property(instant, span, span, calendar, (from, m1, m2, cal) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessTime(from, lo, cal).getTime()).toBeLessThanOrEqual(addBusinessTime(from, hi, cal).getTime());
      }),
    );
  });

  it('a pause never makes a deadline earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: MINUTE, max: 48 * HOUR }), fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 72 * HOUR }), fc.boolean()), { maxLength: 4 }), instant, calendar, (start, targetMs, raw, now, cal) => {
        const pauses = raw.map(([from, length, open]) => ({ from, to: open ? null : new Date(from.getTime() + length) }));
        const without = slaDeadline({ start, targetMs, pauses: [], now, cal }).deadline;
        const withPauses = slaDeadline({ start, targetMs, pauses, now, cal });
        expect(withPauses.deadline.getTime()).toBeGreaterThanOrEqual(without.getTime());
        expect(businessMsBetween(start, withPauses.deadline, cal)).toBe(targetMs + withPauses.pausedMs);
      }),
    );
  });

  it('a pause entirely outside working hours changes nothing', () => {
    // From 18:00 in Shanghai until 09:00 the next morning nobody works, whatever the day.
    const night = fc.tuple(fc.integer({ min: 0, max: 420 }), fc.integer({ min: 0, max: 15 * 60 }), fc.integer({ min: 0, max: 15 * 60 }));
    fc.assert(
      fc.property(instant, fc.integer({ min: MINUTE, max: 48 * HOUR }), night, (start, targetMs, [day, m1, m2]) => {
        const evening = zonedDayStart('2026-01-01', 'Asia/Shanghai', day).getTime() + 18 * HOUR;
        const pause = { from: new Date(evening + Math.min(m1, m2) * MINUTE), to: new Date(evening + Math.max(m1, m2) * MINUTE) };
        const now = new Date('2027-06-01T00:00:00Z');
        const without = slaDeadline({ start, targetMs, pauses: [], now, cal: shanghai });
        const withPause = slaDeadline({ start, targetMs, pauses: [pause], now, cal: shanghai });
        expect(withPause.deadline).toEqual(without.deadline);
        expect(withPause.pausedMs).toBe(0);
      }),
    );
  });

  it('round the clock, business time is elapsed time', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(businessMsBetween(a, b, roundTheClock)).toBe(Math.max(0, b.getTime() - a.getTime()));
      }),
    );
  });
});
