import fc from 'fast-check';
import { addBusinessTime, businessMsBetween, slaDeadline, type BusinessCalendar } from './core/sla-clock.ts';
const day = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString().slice(0, 10));
const clock = fc.integer({ min: 0, max: 1439 });
const cal: fc.Arbitrary<BusinessCalendar> = fc.record({
  zone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'),
  wd: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  a: clock, b: fc.integer({ min: 1, max: 1440 }),
  hol: fc.array(day, { maxLength: 40 }), mk: fc.array(day, { maxLength: 10 }),
}).filter((r) => r.a < r.b).map((r) => ({
  kind: 'business', timeZone: r.zone, workingWeekdays: r.wd,
  dayStart: `${String(Math.floor(r.a / 60)).padStart(2, '0')}:${String(r.a % 60).padStart(2, '0')}`,
  dayEnd: `${String(Math.floor(r.b / 60)).padStart(2, '0')}:${String(r.b % 60).padStart(2, '0')}`,
  holidays: new Set(r.hol), makeUpWorkdays: new Set(r.mk),
}));
const instant = fc.date({ noInvalidDate: true, min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z') });
fc.assert(fc.property(instant, instant, instant, cal, (x, y, z, c) => {
  const [a, b, d] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
  return businessMsBetween(a!, b!, c) + businessMsBetween(b!, d!, c) === businessMsBetween(a!, d!, c);
}), { numRuns: 3000 });
fc.assert(fc.property(instant, fc.integer({ min: 0, max: 200 * 3600000 }), fc.integer({ min: 0, max: 200 * 3600000 }), cal, (f, m1, m2, c) => {
  const r1 = addBusinessTime(f, m1, c); const r2 = addBusinessTime(f, m2, c);
  if (businessMsBetween(f, r1, c) !== m1) throw new Error(`inverse ${f.toISOString()} ${m1} ${JSON.stringify({ ...c, holidays: [...(c as any).holidays] })}`);
  return (m1 <= m2) === (r1.getTime() <= r2.getTime()) || m1 === m2 || r1.getTime() === r2.getTime() ;
}), { numRuns: 3000 });
fc.assert(fc.property(instant, fc.integer({ min: 1, max: 100 * 3600000 }), fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 100 * 3600000 }), fc.boolean()), { maxLength: 5 }), instant, cal, (s, t, raw, now, c) => {
  const pauses = raw.map(([f, l, o]) => ({ from: f, to: o ? null : new Date(f.getTime() + l) }));
  const a = slaDeadline({ start: s, targetMs: t, pauses: [], now, cal: c });
  const b = slaDeadline({ start: s, targetMs: t, pauses, now, cal: c });
  return b.deadline >= a.deadline && businessMsBetween(s, b.deadline, c) === t + b.pausedMs;
}), { numRuns: 2000 });
console.log('ok');
