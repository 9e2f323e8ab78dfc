import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeServiceMonths, serviceYears, wholeMonthsBetween } from './service-years.ts';

describe('cumulative years of service (P7.1.1, P7.2.3)', () => {
  it('counts a month once its day of month is reached', () => {
    expect(wholeMonthsBetween('2020-01-31', '2020-02-29')).toBe(0);
    expect(wholeMonthsBetween('2020-01-15', '2020-02-15')).toBe(1);
    expect(wholeMonthsBetween('2016-11-26', '2026-11-26')).toBe(120);
    expect(wholeMonthsBetween('2026-12-01', '2026-11-26')).toBe(0);
  });

  it('adds prior experience to time with the company', () => {
    expect(cumulativeServiceMonths('2020-05-10', 30, '2026-11-26')).toBe(30 + 78);
    expect(serviceYears('2020-05-10', 30, '2026-11-26')).toBe(9);
    expect(serviceYears('2025-11-26', 0, '2026-11-25')).toBe(0.9);
  });

  it('never decreases as time passes', () => {
    const day = fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2040-12-31') }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (hire, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(cumulativeServiceMonths(hire, 0, early)).toBeLessThanOrEqual(cumulativeServiceMonths(hire, 0, late));
      }),
    );
  });
});
