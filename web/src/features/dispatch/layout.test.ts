// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayAxis, dropPosition, hourTicks, instantAt, percentAt, queueOf, technicianRow } from './layout.ts';
import type { Board, BoardOrder, BoardTechnician, DispatchPlan } from './types.ts';

// The board's drawing and drop rules (issue 5 point 6): the axis spans the shifts, rows come
// from the plan's routes (travel, waiting, visits) or, without a plan, from the orders' planned
// arrivals; the queue holds what no route (or nobody) has, at-risk orders first; a drop's
// time gives the position among the movable visits, as POST /dispatch/plans/:id/moves reads it.

const DAY_START = Date.parse('2026-11-27T00:00:00+08:00');
const at = (hhmm: string) => new Date(Date.parse(`2026-11-27T${hhmm}:00+08:00`)).toISOString();

function tech(id: string, shift: [string, string] | null, extra: Partial<BoardTechnician> = {}): BoardTechnician {
  return {
    id,
    name: `Tech ${id}`,
    position: 'repair_engineer',
    skills: [{ skill: '电气故障排查', level: 3 }],
    available: shift ? { start: at(shift[0]), end: at(shift[1]) } : null,
    shift: shift ? { start: at(shift[0]), end: at(shift[1]), startsFrom: 'office', endsAt: 'office', source: 'default' } : null,
    leave: [],
    start: { latitude: 31.2, longitude: 121.4 },
    end: { latitude: 31.2, longitude: 121.4 },
    current: null,
    ...extra,
  };
}

function order(n: number, extra: Partial<BoardOrder> = {}): BoardOrder {
  return {
    id: `o${n}`,
    number: `WO-20261127-000${n}`,
    title: `Order ${n}`,
    state: 'new',
    priority: 'normal',
    category: 'installation',
    customerName: `Customer ${n}`,
    address: null,
    location: { latitude: 31.25, longitude: 121.45 },
    requiredSkill: '设备安装',
    requiredSkillLevel: 2,
    serviceMinutes: 60,
    windowFrom: null,
    windowTo: null,
    arrivalDueAt: null,
    assigneeId: null,
    plannedArrivalAt: null,
    routeSequence: null,
    started: false,
    atRisk: false,
    version: 1,
    ...extra,
  };
}

function stop(o: BoardOrder, arrive: string, start: string, end: string, extra: Partial<DispatchPlan['routes'][number]['stops'][number]> = {}) {
  return {
    orderId: o.id,
    number: o.number,
    title: o.title,
    priority: o.priority,
    location: o.location!,
    arriveAt: at(arrive),
    startAt: at(start),
    endAt: at(end),
    travelMinutes: 20,
    distanceMeters: 12_000,
    waitMinutes: (Date.parse(at(start)) - Date.parse(at(arrive))) / 60_000,
    lateMinutes: 0,
    deadline: null,
    fixed: false,
    ...extra,
  };
}

function board(technicians: BoardTechnician[], orders: BoardOrder[], plan: DispatchPlan | null = null): Board {
  return {
    team: { id: 't1', name: 'Team', region: 'east', base: null, baseAddress: null },
    day: '2026-11-27',
    timeZone: 'Asia/Shanghai',
    mode: 'suggest',
    tileUrl: '',
    technicians,
    orders,
    plan,
  };
}

function planOf(routes: DispatchPlan['routes'], unassigned: DispatchPlan['unassigned'] = [], status: DispatchPlan['status'] = 'proposed'): DispatchPlan {
  return {
    id: 'p1',
    teamId: 't1',
    day: '2026-11-27',
    status,
    basedOnId: null,
    routes,
    unassigned,
    summary: {
      orders: 0,
      planned: 0,
      unassigned: 0,
      missedDeadlines: 0,
      lateMinutes: 0,
      travelMinutes: 0,
      distanceKm: 0,
      work: { minMinutes: 0, maxMinutes: 0, meanMinutes: 0, stddevMinutes: 0 },
      technicians: 0,
      solveMs: 0,
      iterations: 0,
      travelSource: 'haversine',
    },
    changes: [],
    createdAt: at('07:00'),
    acceptedAt: null,
    version: 1,
  };
}

const route = (technicianId: string, stops: ReturnType<typeof stop>[], returnAt: string) => ({
  technicianId,
  name: technicianId,
  start: { latitude: 31.2, longitude: 121.4 },
  end: { latitude: 31.2, longitude: 121.4 },
  departAt: stops.find((s) => !s.fixed)?.arriveAt ?? at('08:30'),
  returnAt: at(returnAt),
  stops,
  travelMinutes: 60,
  distanceMeters: 30_000,
  workMinutes: 200,
});

describe('the day axis', () => {
  it('spans the earliest shift start to the latest end on whole hours', () => {
    const axis = dayAxis(board([tech('a', ['08:30', '17:30']), tech('b', ['09:00', '18:15'])], []), null, DAY_START);
    expect(new Date(axis.start).toISOString()).toBe(at('08:00'));
    expect(new Date(axis.end).toISOString()).toBe(at('19:00'));
    expect(hourTicks(axis)).toHaveLength(12);
    expect(percentAt(axis, Date.parse(at('13:30')))).toBeCloseTo(50);
    expect(new Date(instantAt(axis, 0.5)).toISOString()).toBe(at('13:30'));
  });

  it('widens to hold a plan that runs past the shifts, and falls back to 08-18 with no shift at all', () => {
    const o = order(1);
    const plan = planOf([route('a', [stop(o, '17:00', '17:00', '18:40')], '19:10')]);
    const axis = dayAxis(board([tech('a', ['08:00', '17:00'])], [o]), plan, DAY_START);
    expect(new Date(axis.end).toISOString()).toBe(at('20:00'));
    // A job under way since yesterday does not stretch the axis back into yesterday.
    const since = stop(o, '08:00', '08:00', '09:30', { fixed: true, arriveAt: new Date(DAY_START - 10 * 3_600_000).toISOString(), startAt: new Date(DAY_START - 10 * 3_600_000).toISOString() });
    const withOld = dayAxis(board([tech('a', ['08:00', '17:00'])], [o]), planOf([route('a', [since], '17:00')]), DAY_START);
    expect(new Date(withOld.start).toISOString()).toBe(at('08:00'));
    const late = dayAxis(board([tech('a', ['20:00', '23:59'])], [o]), planOf([route('a', [stop(o, '23:00', '23:00', '23:59')], '23:59')]), DAY_START);
    expect(new Date(late.end).getTime()).toBeLessThanOrEqual(DAY_START + 24 * 3_600_000);
    const empty = dayAxis(board([tech('a', null)], []), null, DAY_START);
    expect([new Date(empty.start).toISOString(), new Date(empty.end).toISOString()]).toEqual([at('08:00'), at('18:00')]);
  });
});

describe('a technician row', () => {
  it('from a plan: travel before each visit, waiting for a window, the visits numbered, the way back', () => {
    const o1 = order(1);
    const o2 = order(2);
    const plan = planOf([route('a', [stop(o1, '09:00', '09:00', '10:00'), stop(o2, '10:20', '10:30', '11:30', { lateMinutes: 5 })], '12:00')]);
    const row = technicianRow(board([tech('a', ['08:00', '17:00'])], [o1, o2], plan), plan, 'a');
    expect(row.blocks.map((b) => b.kind)).toEqual(['travel', 'visit', 'travel', 'wait', 'visit', 'travel']);
    const visits = row.blocks.filter((b) => b.kind === 'visit');
    expect(visits.map((v) => [v.number, v.sequence, v.late, v.order?.customerName])).toEqual([
      [o1.number, 1, false, 'Customer 1'],
      [o2.number, 2, true, 'Customer 2'],
    ]);
    expect(new Date(row.blocks[0]!.start).toISOString()).toBe(at('08:40'));
    expect(row.blocks.at(-1)).toMatchObject({ kind: 'travel', minutes: 30 });
  });

  it('without a plan: the assigned orders at their planned arrival in their sequence; those without a time apart', () => {
    const o1 = order(1, { assigneeId: 'a', plannedArrivalAt: at('13:00'), routeSequence: 2 });
    const o2 = order(2, { assigneeId: 'a', plannedArrivalAt: at('09:00'), routeSequence: 1, started: true });
    const o3 = order(3, { assigneeId: 'a' });
    const o4 = order(4, { assigneeId: 'b', plannedArrivalAt: at('10:00') });
    const row = technicianRow(board([tech('a', ['08:00', '17:00'])], [o1, o2, o3, o4]), null, 'a');
    expect(row.blocks.map((b) => (b.kind === 'visit' ? [b.number, b.fixed] : null))).toEqual([
      [o2.number, true],
      [o1.number, false],
    ]);
    expect(row.unscheduled.map((o) => o.number)).toEqual([o3.number]);
  });

  it('from an accepted plan, an order reassigned since shows with its new technician', () => {
    const o1 = order(1, { assigneeId: 'b', plannedArrivalAt: at('09:00') });
    const o2 = order(2, { assigneeId: 'a' });
    const plan = planOf([route('a', [stop(o1, '09:00', '09:00', '10:00'), stop(o2, '10:20', '10:20', '11:20')], '12:00')], [], 'accepted');
    const b = board([tech('a', ['08:00', '17:00']), tech('b', ['08:00', '17:00'])], [o1, o2], plan);
    const numbers = (id: string) => technicianRow(b, plan, id).blocks.flatMap((x) => (x.kind === 'visit' ? [x.number] : []));
    expect(numbers('a')).toEqual([o2.number]);
    expect(numbers('b')).toEqual([o1.number]);
  });
});

describe('dropping an order on a row', () => {
  it('counts the movable visits, not the dragged one, whose middle comes before the drop', () => {
    const stops = [
      { orderId: 'f', start: Date.parse(at('08:00')), end: Date.parse(at('09:00')), fixed: true },
      { orderId: 'x', start: Date.parse(at('09:00')), end: Date.parse(at('10:00')), fixed: false },
      { orderId: 'y', start: Date.parse(at('11:00')), end: Date.parse(at('12:00')), fixed: false },
    ];
    expect(dropPosition(stops, 'new', Date.parse(at('08:00')))).toBe(0);
    expect(dropPosition(stops, 'new', Date.parse(at('10:45')))).toBe(1);
    expect(dropPosition(stops, 'new', Date.parse(at('16:00')))).toBe(2);
    // Moving x later within its own row: x itself is not counted.
    expect(dropPosition(stops, 'x', Date.parse(at('16:00')))).toBe(1);
  });
});

describe('the queue', () => {
  it('holds what no route has with a plan, what nobody has without; at risk first, then by deadline', () => {
    const planned = order(1);
    const late = order(2, { arrivalDueAt: at('15:00') });
    const risky = order(3, { arrivalDueAt: at('16:00'), atRisk: true });
    const soon = order(4, { arrivalDueAt: at('11:00') });
    const assigned = order(5, { assigneeId: 'a' });
    const plan = planOf(
      [route('a', [stop(planned, '09:00', '09:00', '10:00')], '10:30')],
      [{ orderId: late.id, number: late.number, title: late.title, priority: 'normal', deadline: late.arrivalDueAt, reasons: [{ code: 'deadline', deadline: late.arrivalDueAt!, earliest: '' }] }],
    );
    const b = board([tech('a', ['08:00', '17:00'])], [planned, late, risky, soon, assigned], plan);
    const withPlan = queueOf(b, plan);
    expect(withPlan.map((q) => [q.order.number, q.atRisk])).toEqual([
      [late.number, true],
      [risky.number, true],
      [soon.number, false],
      [assigned.number, false],
    ]);
    expect(withPlan[0]!.unassigned?.reasons[0]?.code).toBe('deadline');
    expect(queueOf(b, null).map((q) => q.order.number)).toEqual([risky.number, soon.number, late.number, planned.number]);
  });
});
