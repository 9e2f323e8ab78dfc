import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, SETTINGS, settingDefinition, valueInForce } from './settings.ts';

describe('dated settings', () => {
  const history = [
    { value: 5, effectiveFrom: '2000-01-01' },
    { value: 7, effectiveFrom: '2027-01-01' },
    { value: 6, effectiveFrom: '2026-07-01' },
  ];

  it('takes the latest value whose date has come', () => {
    expect(valueInForce(history, '2026-06-30')?.value).toBe(5);
    expect(valueInForce(history, '2026-07-01')?.value).toBe(6);
    expect(valueInForce(history, '2027-03-01')?.value).toBe(7);
    expect(valueInForce(history, '1999-12-31')).toBeUndefined();
  });

  it('never answers a value that is not yet in force', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer(), effectiveFrom: fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2040-01-01') }).map((d) => d.toISOString().slice(0, 10)) })),
        fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2040-01-01') }).map((d) => d.toISOString().slice(0, 10)),
        (entries, date) => {
          const found = valueInForce(entries, date);
          if (found) {
            expect(found.effectiveFrom <= date).toBe(true);
            for (const e of entries) if (e.effectiveFrom <= date) expect(e.effectiveFrom <= found.effectiveFrom).toBe(true);
          } else {
            expect(entries.every((e) => e.effectiveFrom > date)).toBe(true);
          }
        },
      ),
    );
  });

  it('places an instant on the calendar of the company time zone', () => {
    // 2026-11-26 17:30 UTC is already the 27th in Shanghai.
    expect(dateInZone(new Date('2026-11-26T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dateInZone(new Date('2026-11-26T17:30:00Z'), 'Europe/London')).toBe('2026-11-26');
  });

  it('validates each default against its own schema, and time zones by name', () => {
    for (const d of SETTINGS) expect(d.schema.safeParse(d.defaultValue).success, d.key).toBe(true);
    const tz = settingDefinition('company.timeZone')!;
    expect(tz.schema.safeParse('Asia/Shanghai').success).toBe(true);
    expect(tz.schema.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('P5.4.1: appraisal grades need a coefficient for every grade, a band from 0, and forced shares summing to 100%', () => {
    const grades = settingDefinition('appraisal.grades')!;
    const base = grades.defaultValue as { bands: { grade: string; min: number }[]; forcedShares: Record<string, number> | null; payCoefficients: Record<string, number> };
    expect(grades.schema.safeParse({ ...base, forcedShares: { S: 10, A: 20, B: 40, C: 20, D: 10 } }).success).toBe(true);
    expect(grades.schema.safeParse({ ...base, forcedShares: { S: 10, A: 20, B: 40, C: 20, D: 5 } }).success).toBe(false);
    const { D: _d, ...noD } = base.payCoefficients;
    expect(grades.schema.safeParse({ ...base, payCoefficients: noD }).success).toBe(false);
    expect(grades.schema.safeParse({ ...base, bands: base.bands.filter((b) => b.min > 0) }).success).toBe(false);
  });
});
