// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { planMyDay } from './planned.ts';
import type { PlannedWorkOrderSummary } from './types.ts';

const TZ = 'Asia/Shanghai';
let n = 0;
function order(o: Partial<PlannedWorkOrderSummary>): PlannedWorkOrderSummary {
  n += 1;
  return {
    id: `o${n}`,
    number: `WO-${n}`,
    channel: 'phone',
    title: 't',
    category: 'fault_repair',
    priority: 'normal',
    state: 'assigned',
    customer: null,
    site: null,
    product: null,
    team: null,
    assignee: null,
    receivedAt: '2026-11-25T00:00:00.000Z',
    preferredFrom: null,
    preferredTo: null,
    responseDueAt: null,
    arrivalDueAt: null,
    resolutionDueAt: null,
    slaStatus: 'on_track',
    version: 1,
    ...o,
  } as PlannedWorkOrderSummary;
}

describe("a technician's day", () => {
  it("puts today's planned visits first in route order, then the rest by deadline", () => {
    const late = order({ number: 'deadline-late', resolutionDueAt: '2026-11-30T00:00:00.000Z' });
    const soon = order({ number: 'deadline-soon', resolutionDueAt: '2026-11-27T00:00:00.000Z' });
    const third = order({ number: 'stop-3', routeSequence: 3, plannedArrivalAt: '2026-11-26T06:00:00.000Z' });
    const first = order({ number: 'stop-1', routeSequence: 1, plannedArrivalAt: '2026-11-26T01:10:00.000Z' });
    // 23:30 UTC on the 25th is 07:30 on the 26th in Shanghai: today.
    const early = order({ number: 'stop-0', routeSequence: null, plannedArrivalAt: '2026-11-25T23:30:00.000Z' });
    const tomorrow = order({ number: 'tomorrow', routeSequence: 1, plannedArrivalAt: '2026-11-27T01:00:00.000Z', resolutionDueAt: '2026-11-28T00:00:00.000Z' });
    const { planned, others } = planMyDay([late, third, tomorrow, soon, first, early], '2026-11-26', TZ);
    expect(planned.map((o) => o.number)).toEqual(['stop-1', 'stop-3', 'stop-0']);
    expect(others.map((o) => o.number)).toEqual(['deadline-soon', 'tomorrow', 'deadline-late']);
  });

  it('keeps the old order (by deadline) when nothing is planned or the server sends no plan fields', () => {
    const a = order({ number: 'a', resolutionDueAt: '2026-11-29T00:00:00.000Z' });
    const b = order({ number: 'b', resolutionDueAt: '2026-11-27T00:00:00.000Z' });
    const { planned, others } = planMyDay([a, b], '2026-11-26', TZ);
    expect(planned).toEqual([]);
    expect(others.map((o) => o.number)).toEqual(['b', 'a']);
  });
});
