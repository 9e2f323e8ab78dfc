import { describe, expect, it } from 'vitest';
import type { DispatchObjective } from '../settings.ts';
import { ineligibility } from './eligibility.ts';
import { type DayPlan, diffPlans, type PlanInput, type PlanOrder, type PlanTechnician, planDay, planPoints, timeRoute } from './plan.ts';
import { estimateMatrix } from './travel.ts';

// Daily route planning (issue 5 point 4, P5.1.2) on a small hand-made day: two technicians,
// one holding the skill and certificate an electrical repair needs, an appointment window, a
// soft deadline, an order nobody may take, and a job already under way.

const DAY = '2030-01-07';
const dayStart = new Date('2030-01-07T00:00:00+08:00');
/** An instant at local hours on the day (UTC+8). */
const at = (hours: number) => new Date(dayStart.getTime() + hours * 3_600_000);
const base = { latitude: 31.2, longitude: 121.4 };
const near = (dLat: number, dLng: number) => ({ latitude: base.latitude + dLat, longitude: base.longitude + dLng });
const profile = { roadFactor: 1.4, speedKmh: 30 };
const objective: DispatchObjective = {
  hardDeadline: { urgent: false, high: false, normal: false, low: false },
  missedDeadlineCost: 10_000,
  latenessCostPerMinute: 20,
  balanceWeight: 0.002,
  reassignCost: 60,
};

function technician(id: string, o: Partial<PlanTechnician> = {}): PlanTechnician {
  return {
    id,
    name: `Tech ${id}`,
    teamId: 'team',
    skills: [],
    certificates: [],
    shift: { start: at(8.5), end: at(17.5) },
    leave: [],
    start: base,
    end: base,
    started: null,
    ...o,
  };
}

function order(id: string, o: Partial<PlanOrder> = {}): PlanOrder {
  return {
    id,
    number: `WO-${id}`,
    title: `Order ${id}`,
    priority: 'normal',
    location: near(0.02, 0.02),
    requirement: { skill: null, level: 1, certificates: [], teamId: 'team' },
    serviceMinutes: 60,
    windowFrom: null,
    windowTo: null,
    deadline: null,
    hardDeadline: false,
    currentTechnicianId: null,
    ...o,
  };
}

const electrician = technician('A', {
  skills: [{ skill: '电气故障排查', level: 3 }],
  certificates: [{ name: '低压电工作业证', expiresOn: '2031-12-31' }],
});
const generalist = technician('B');
const electrical = { skill: '电气故障排查', level: 2, certificates: ['低压电工作业证'], teamId: 'team' };

function dayInput(o: Partial<PlanInput> = {}): PlanInput {
  return {
    day: DAY,
    dayStart,
    now: at(6),
    objective,
    technicians: [electrician, generalist],
    orders: [
      order('repair', { requirement: electrical, location: near(0.03, -0.01) }),
      order('window', { location: near(-0.02, 0.03), windowFrom: at(10), windowTo: at(11) }),
      order('soft', { location: near(0.01, 0.01), serviceMinutes: 30, deadline: at(9.5) }),
      order('plain', { location: near(-0.03, -0.02), serviceMinutes: 45 }),
      order('expert', { requirement: { ...electrical, level: 4 } }),
    ],
    ...o,
  };
}

function plan(input: PlanInput, options: Parameters<typeof planDay>[2] = {}) {
  const matrix = estimateMatrix(planPoints(input).points, profile);
  return { plan: planDay(input, matrix, { iterations: 3000, seed: 7, ...options }), matrix };
}

const routeOf = (p: DayPlan, orderId: string) => p.routes.find((r) => r.stops.some((s) => s.orderId === orderId));
const stopOf = (p: DayPlan, orderId: string) => p.routes.flatMap((r) => r.stops).find((s) => s.orderId === orderId)!;

describe('planDay', () => {
  it('gives each order to a technician who may take it, within its window and the shift', () => {
    const input = dayInput();
    const { plan: p } = plan(input);
    expect(p.summary).toMatchObject({ orders: 5, planned: 4, unassigned: 1, missedDeadlines: 0, lateMinutes: 0, technicians: 2 });
    // P4.1.2: only the electrician holds the skill and certificate the repair needs.
    expect(routeOf(p, 'repair')?.technicianId).toBe('A');
    for (const r of p.routes) {
      const t = input.technicians.find((x) => x.id === r.technicianId)!;
      for (const s of r.stops) expect(ineligibility(t, input.orders.find((o) => o.id === s.orderId)!.requirement, DAY)).toEqual([]);
      expect(Date.parse(r.departAt)).toBeGreaterThanOrEqual(at(8.5).getTime());
      expect(Date.parse(r.returnAt)).toBeLessThanOrEqual(at(17.5).getTime());
      // Each visit starts after the previous one ends plus the drive.
      for (let i = 1; i < r.stops.length; i++) expect(Date.parse(r.stops[i]!.arriveAt)).toBeGreaterThanOrEqual(Date.parse(r.stops[i - 1]!.endAt));
    }
    const w = stopOf(p, 'window');
    expect(Date.parse(w.startAt)).toBeGreaterThanOrEqual(at(10).getTime());
    expect(Date.parse(w.startAt)).toBeLessThanOrEqual(at(11).getTime());
    // The soft deadline (09:30) is reachable, so it is met.
    expect(Date.parse(stopOf(p, 'soft').startAt)).toBeLessThanOrEqual(at(9.5).getTime());
    // Nobody may take the expert job: the reasons of every technician, once each.
    expect(p.unassigned).toEqual([
      expect.objectContaining({
        orderId: 'expert',
        reasons: [
          { code: 'skill_level', skill: '电气故障排查', level: 4, held: 3 },
          { code: 'skill_missing', skill: '电气故障排查', level: 4 },
          { code: 'certificate_missing', certificate: '低压电工作业证' },
        ],
      }),
    ]);
  });

  it('keeps a job under way first and fixed, and plans the rest of that day after it', () => {
    const started = { orderId: 'busy', number: 'WO-busy', at: near(0.05, 0.05), arrivedAt: at(8.75), until: at(10.5) };
    const input = dayInput({ technicians: [electrician, technician('B', { started })] });
    const { plan: p } = plan(input);
    const b = p.routes.find((r) => r.technicianId === 'B')!;
    expect(b.stops[0]).toMatchObject({ orderId: 'busy', fixed: true, endAt: at(10.5).toISOString() });
    expect(b.stops.slice(1).every((s) => !s.fixed && Date.parse(s.arriveAt) >= at(10.5).getTime())).toBe(true);
    expect(b.start).toEqual(started.at);
    // The job under way is not one of the day's planned orders.
    expect(p.summary.orders).toBe(5);
  });

  it('lets a late order be late (soft deadline) at a cost rather than drop it', () => {
    const input = dayInput({ orders: [order('early', { deadline: at(8.4), location: near(0.05, 0) })] });
    const { plan: p } = plan(input);
    expect(p.summary.planned).toBe(1);
    expect(stopOf(p, 'early').lateMinutes).toBeGreaterThan(0);
    expect(p.summary.missedDeadlines).toBe(1);
  });

  it('re-plans from given sequences: planned orders stay with their technician, the new one is inserted', () => {
    const input = dayInput();
    const { plan: first } = plan(input);
    const initial = Object.fromEntries(first.routes.map((r) => [r.technicianId, r.stops.map((s) => s.orderId)]));
    const owner = new Map(first.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.technicianId] as const)));
    const next = dayInput({
      orders: [...input.orders.map((o) => ({ ...o, currentTechnicianId: owner.get(o.id) ?? null })), order('urgent', { priority: 'urgent', location: near(0.0, 0.01) })],
    });
    const { plan: second } = plan(next, { initial });
    for (const [id, tech] of owner) expect(routeOf(second, id)?.technicianId).toBe(tech);
    const changes = diffPlans(first, second);
    expect(changes).toContainEqual(expect.objectContaining({ orderId: 'urgent', kind: 'added', fromTechnicianId: null }));
    expect(changes.some((c) => c.kind === 'moved' || c.kind === 'dropped')).toBe(false);
  });
});

describe('timeRoute', () => {
  it('reports a missed window and a day past the shift', () => {
    const input = dayInput({
      orders: [order('long', { serviceMinutes: 600 }), order('window', { windowFrom: at(10), windowTo: at(11) })],
    });
    const pts = planPoints(input);
    const matrix = estimateMatrix(pts.points, profile);
    const { route, violations } = timeRoute(input, pts, matrix, 1, [0, 1]);
    expect(route?.stops.map((s) => s.orderId)).toEqual(['long', 'window']);
    expect(violations).toEqual([{ code: 'window', number: 'WO-window' }, { code: 'shift_end' }]);
    // The other order first breaks nothing but the shift end.
    expect(timeRoute(input, pts, matrix, 1, [1, 0]).violations).toEqual([{ code: 'shift_end' }]);
    expect(timeRoute(input, pts, matrix, 1, [1]).violations).toEqual([]);
  });

  it('reports a hard deadline the route cannot make, with the earliest arrival', () => {
    const input = dayInput({ orders: [order('hard', { deadline: at(8.5), hardDeadline: true, location: near(0.1, 0.1) })] });
    const pts = planPoints(input);
    const matrix = estimateMatrix(pts.points, profile);
    const { violations, route } = timeRoute(input, pts, matrix, 0, [0]);
    expect(violations).toEqual([{ code: 'deadline', deadline: at(8.5).toISOString(), earliest: route!.stops[0]!.startAt }]);
  });

  it('answers why a technician without a working day has no route', () => {
    const input = dayInput({ technicians: [electrician, technician('off', { shift: null })] });
    const pts = planPoints(input);
    const matrix = estimateMatrix(pts.points, profile);
    expect(timeRoute(input, pts, matrix, 1, [0])).toEqual({ route: null, violations: [{ code: 'off_shift' }] });
  });
});

describe('diffPlans', () => {
  it('names what a re-plan added, moved, resequenced, retimed and dropped', () => {
    const { plan: p } = plan(dayInput());
    const a = p.routes.find((r) => r.technicianId === 'A')!;
    const b = p.routes.find((r) => r.technicianId === 'B')!;
    expect(diffPlans(p, p)).toEqual([]);
    const [first, ...rest] = b.stops;
    const shifted = (s: (typeof a.stops)[number]) => ({ ...s, arriveAt: new Date(Date.parse(s.arriveAt) + 30 * 60_000).toISOString() });
    const added = { ...first!, orderId: 'new', number: 'WO-new' };
    const after: DayPlan = {
      ...p,
      routes: [
        // A: B's first order moved here at the end; A's own orders 30 minutes later.
        { ...a, stops: [...a.stops.map(shifted), first!] },
        // B: the rest, in reverse order when there are two or more, plus a new order.
        { ...b, stops: [...rest.slice().reverse(), added] },
      ],
    };
    const changes = diffPlans(p, after);
    expect(changes).toContainEqual(expect.objectContaining({ orderId: first!.orderId, kind: 'moved', fromTechnicianId: 'B', toTechnicianId: 'A' }));
    expect(changes).toContainEqual(expect.objectContaining({ orderId: 'new', kind: 'added', toTechnicianId: 'B' }));
    for (const s of a.stops) expect(changes).toContainEqual(expect.objectContaining({ orderId: s.orderId, kind: 'retimed' }));
    const dropped = diffPlans(p, { ...p, routes: [a, { ...b, stops: [] }] });
    expect(dropped.filter((c) => c.kind === 'dropped').map((c) => c.orderId).sort()).toEqual(b.stops.map((s) => s.orderId).sort());
  });
});
