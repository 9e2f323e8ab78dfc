import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueAlerts, type StoredOrderClocks } from './sla-alerts.ts';

const t0 = new Date('2026-11-26T01:00:00Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);

const order = (o: Partial<StoredOrderClocks> = {}): StoredOrderClocks => ({
  state: 'assigned',
  respondedAt: null,
  arrivedAt: null,
  resolvedAt: null,
  responseWarnAt: min(24),
  responseDueAt: min(30),
  arrivalWarnAt: min(192),
  arrivalDueAt: min(240),
  resolutionWarnAt: min(1152),
  resolutionDueAt: min(1440),
  ...o,
});

describe('SLA alerts due (warning at the warning instant, breach after the deadline)', () => {
  it('none before the warning instant, a warning at it, a breach only after the deadline', () => {
    expect(dueAlerts(order(), min(23))).toEqual([]);
    expect(dueAlerts(order(), min(24))).toEqual([{ clock: 'response', level: 'warning' }]);
    expect(dueAlerts(order(), min(30))).toEqual([{ clock: 'response', level: 'warning' }]);
    expect(dueAlerts(order(), min(31))).toEqual([
      { clock: 'response', level: 'warning' },
      { clock: 'response', level: 'breach' },
    ]);
  });

  it('a met clock raises nothing; a remote resolution has no arrival clock', () => {
    expect(dueAlerts(order({ respondedAt: min(5) }), min(31))).toEqual([]);
    const remote = order({ state: 'resolved_remotely', respondedAt: min(5), resolvedAt: min(100) });
    expect(dueAlerts(remote, min(2000))).toEqual([]);
  });

  it('closed, cancelled and held orders are not watched', () => {
    for (const state of ['closed', 'cancelled', 'on_hold']) expect(dueAlerts(order({ state }), min(5000))).toEqual([]);
  });

  it('property: a breach always comes with its warning, and only for an unmet clock past its deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), (now, responded) => {
        const o = order({ respondedAt: responded === null ? null : min(responded) });
        const due = dueAlerts(o, min(now));
        for (const a of due.filter((d) => d.level === 'breach')) {
          expect(due).toContainEqual({ clock: a.clock, level: 'warning' });
        }
        if (responded !== null) expect(due.some((d) => d.clock === 'response')).toBe(false);
        const breachResponse = due.some((d) => d.clock === 'response' && d.level === 'breach');
        expect(breachResponse).toBe(responded === null && now > 30);
      }),
    );
  });
});
