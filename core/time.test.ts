import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone } from './settings.ts';
import { zonedDayStart } from './time.ts';

describe('business days in the company time zone', () => {
  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(zonedDayStart('2026-11-26', 'Asia/Shanghai').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(zonedDayStart('2026-11-26', 'Asia/Shanghai', 1).toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('handles a daylight-saving day', () => {
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('puts the start of every day on that same day', () => {
    const zones = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata');
    const day = fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2040-12-31') }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, zones, (date, zone) => {
        expect(dateInZone(zonedDayStart(date, zone), zone)).toBe(date);
      }));
  });
});
