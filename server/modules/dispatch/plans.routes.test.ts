import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../../core/settings.ts';
import { zonedDayStart } from '../../../core/time.ts';
import { type BoardEvent, subscribeBoardEvents } from '../../platform/events.ts';
import { createFieldWorld, type FieldWorld } from '../../test/field.ts';
import { as, createEmployeeRow, createTeam, createUser, type Session, signIn, signInAs, type TestApp, createTestApp } from '../../test/harness.ts';

// Day plans on the server (issue 5 point 4, P5.1.2): a team's day planned in the worker
// thread, edited by moving orders (checked like assigning, P4.1.2), re-planned for an urgent
// order with the least disruption, accepted through the work-order lifecycle, discarded.

type Stop = { orderId: string; number: string; arriveAt: string; startAt: string; endAt: string; fixed: boolean };
type Route = { technicianId: string; name: string; departAt: string; returnAt: string; stops: Stop[] };
type Plan = {
  id: string;
  teamId: string;
  day: string;
  status: string;
  basedOnId: string | null;
  routes: Route[];
  unassigned: { orderId: string; reasons: { code: string }[] }[];
  summary: { orders: number; planned: number; unassigned: number; travelSource: string; solveMs: number };
  changes: { orderId: string; kind: string; fromTechnicianId: string | null; toTechnicianId: string | null }[];
  version: number;
};

const ZONE = 'Asia/Shanghai';
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** A day ahead (the planner plans from the shift start, not from now), with shift records for it. */
const DAY = addDays(dateInZone(new Date(), ZONE), 2);
const local = (day: string, hours: number) => new Date(zonedDayStart(day, ZONE).getTime() + hours * 3_600_000);

let t: TestApp;
let w: FieldWorld;
let sup: Session;
let agent: Session;
/** 李维修: the electrician (skill and certificate for fault repairs). */
let tech1: string;
/** 王调试: no skills. */
let tech2: string;
const orders: Record<string, { id: string; number: string; version: number }> = {};

const planAs = (session: Session, body: Record<string, unknown>, teamId = w.teamId) =>
  as(t.app, session, { method: 'POST', url: `/api/v1/dispatch/teams/${teamId}/plans`, payload: body });
const post = (session: Session, url: string, payload: Record<string, unknown>) => as(t.app, session, { method: 'POST', url: `/api/v1/dispatch/plans/${url}`, payload });
const getPlan = async (id: string, session = sup) => (await as(t.app, session, { method: 'GET', url: `/api/v1/dispatch/plans/${id}` })).json() as Plan;

async function plan(seconds = 0.3): Promise<Plan> {
  const res = await planAs(sup, { day: DAY, seconds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const routeOf = (p: Plan, orderId: string) => p.routes.find((r) => r.stops.some((s) => s.orderId === orderId));
const stopOf = (p: Plan, orderId: string) => p.routes.flatMap((r) => r.stops).find((s) => s.orderId === orderId);
const orderRow = (id: string) => t.db.selectFrom('workOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function site(name: string, latitude: number, longitude: number) {
  return (
    await t.db
      .insertInto('customerSites')
      .values({ customerId: w.customerId, name, address: `上海市 ${name}`, city: '上海', latitude, longitude })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function newOrder(key: string, o: { category: string; siteId: string; priority?: string; preferredFrom?: Date; preferredTo?: Date }) {
  const res = await as(t.app, agent, {
    method: 'POST',
    url: '/api/v1/work-orders',
    payload: {
      customerId: w.customerId,
      siteId: o.siteId,
      title: `${key} 上门`,
      description: '设备需要上门处理。',
      category: o.category,
      priority: o.priority ?? 'normal',
      teamId: w.teamId,
      ...(o.preferredFrom ? { preferredFrom: o.preferredFrom.toISOString(), preferredTo: o.preferredTo!.toISOString() } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  orders[key] = res.json();
  return orders[key]!;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  sup = w.supervisor.session;
  agent = w.agent;
  tech1 = w.tech.employeeId;
  tech2 = (await createEmployeeRow(t.db, { teamId: w.teamId, name: '王调试' })).id;
  await t.db.updateTable('teams').set({ baseLatitude: 31.2, baseLongitude: 121.45, baseAddress: '上海市徐汇区' }).where('id', '=', w.teamId).execute();
  // 李维修 holds every skill and certificate of the default requirements (createFieldWorld); 王调试 none.
  for (const employeeId of [tech1, tech2]) {
    await t.db
      .insertInto('workShifts')
      .values({ employeeId, day: DAY, startsAt: local(DAY, 8), endsAt: local(DAY, 18) })
      .onConflict((oc) => oc.columns(['employeeId', 'day']).doUpdateSet({ off: false, startsAt: local(DAY, 8), endsAt: local(DAY, 18) }))
      .execute();
  }
  const sites = [
    await site('A', 31.23, 121.47),
    await site('B', 31.18, 121.43),
    await site('C', 31.25, 121.5),
    await site('D', 31.16, 121.48),
    await site('E', 31.21, 121.4),
    await site('F', 31.19, 121.52),
  ];
  await newOrder('repair1', { category: 'fault_repair', siteId: sites[0]! });
  await newOrder('repair2', { category: 'fault_repair', siteId: sites[1]! });
  await newOrder('maint1', { category: 'maintenance', siteId: sites[2]! });
  await newOrder('window', { category: 'maintenance', siteId: sites[3]!, preferredFrom: local(DAY, 10), preferredTo: local(DAY, 11) });
  await newOrder('long', { category: 'maintenance', siteId: sites[4]! });
  await t.db.updateTable('workOrders').set({ serviceMinutes: 300, requiredSkill: null, requiredSkillLevel: 1 }).where('id', '=', orders.long!.id).execute();
  // A job under way: 李维修 is on the road to it (P4.3.1): the planner never moves it.
  const started = await newOrder('started', { category: 'maintenance', siteId: sites[5]! });
  await t.db
    .updateTable('workOrders')
    .set({ state: 'en_route', assigneeId: tech1, expectedArrivalAt: local(DAY, 8.25) })
    .where('id', '=', started.id)
    .execute();
});
afterAll(async () => t?.close());

let first: Plan;

describe('planning a team day', () => {
  it('plans every order with an eligible technician, in its window, the job under way first and fixed', async () => {
    const events: BoardEvent[] = [];
    const stop = subscribeBoardEvents((e) => events.push(e));
    first = await plan();
    stop();
    expect(first).toMatchObject({ teamId: w.teamId, day: DAY, status: 'proposed', basedOnId: null, version: 1, changes: [] });
    expect(events).toContainEqual({ type: 'plan', planId: first.id, teamId: w.teamId });
    expect(first.summary).toMatchObject({ orders: 5, planned: 5, unassigned: 0, travelSource: 'haversine × 1.4 at 30 km/h' });
    expect(first.summary.solveMs).toBeGreaterThanOrEqual(250);
    // P4.1.2: only 李维修 holds the skill and the certificate fault repairs need.
    expect(routeOf(first, orders.repair1!.id)?.technicianId).toBe(tech1);
    expect(routeOf(first, orders.repair2!.id)?.technicianId).toBe(tech1);
    const window = stopOf(first, orders.window!.id)!;
    expect(Date.parse(window.startAt)).toBeGreaterThanOrEqual(local(DAY, 10).getTime());
    expect(Date.parse(window.startAt)).toBeLessThanOrEqual(local(DAY, 11).getTime());
    const r1 = first.routes.find((r) => r.technicianId === tech1)!;
    expect(r1.stops[0]).toMatchObject({ orderId: orders.started!.id, fixed: true });
    expect(first.routes.flatMap((r) => r.stops).filter((s) => s.fixed)).toHaveLength(1);
    for (const r of first.routes) {
      expect(Date.parse(r.departAt)).toBeGreaterThanOrEqual(local(DAY, 8).getTime());
      expect(Date.parse(r.returnAt)).toBeLessThanOrEqual(local(DAY, 18).getTime());
    }
    // The settings it used, with the date each took effect.
    const row = await t.db.selectFrom('dispatchPlans').select(['settings', 'createdBy']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.settings).toMatchObject({
      travelSource: 'haversine × 1.4 at 30 km/h',
      seconds: 0.3,
      objective: { reassignCost: 60 },
      versions: { 'dispatch.objective': '2000-01-01', 'dispatch.travel': '2000-01-01' },
    });
    expect(row.createdBy).toBe(w.supervisor.userId);
    expect(await getPlan(first.id, agent)).toEqual(first);
  });

  it('supersedes the earlier proposal of the team and day', async () => {
    const second = await plan(0.1);
    expect((await getPlan(first.id)).status).toBe('superseded');
    first = second;
  });

  it('refuses callers who may not plan this team, and unknown teams and plans', async () => {
    expect((await planAs(w.tech.session, { day: DAY })).statusCode).toBe(403);
    expect((await planAs(agent, { day: DAY })).statusCode).toBe(403);
    const otherSupervisor = await createEmployeeRow(t.db, { name: '赵主管', position: 'supervisor' });
    await createTeam(t.db, otherSupervisor.id);
    const other = await signIn(t.app, (await createUser(t.db, { role: 'supervisor', employeeId: otherSupervisor.id })).username);
    expect((await planAs(other, { day: DAY })).statusCode).toBe(403);
    expect((await as(t.app, other, { method: 'GET', url: `/api/v1/dispatch/plans/${first.id}` })).statusCode).toBe(403);
    expect((await post(other, `${first.id}/discard`, { version: first.version })).statusCode).toBe(403);
    const manager = await signInAs(t, { role: 'manager' });
    expect((await planAs(manager, { day: DAY, seconds: 0.1 }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await as(t.app, sup, { method: 'GET', url: '/api/v1/dispatch/plans/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await as(t.app, null, { method: 'GET', url: `/api/v1/dispatch/plans/${first.id}` })).statusCode).toBe(401);
    const bad = await planAs(sup, { day: '2030-02-30', seconds: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['day', 'seconds']);
  });
});

describe('limits (dispatch.limits)', () => {
  it('refuses more seconds than maxSeconds, naming the limit', async () => {
    const res = await planAs(sup, { day: DAY, seconds: 61 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'dispatch.over_limit', limit: 'maxSeconds', value: 61, max: 60 });
    expect(res.json().title).toContain('maxSeconds');
  });

  it('refuses more orders or technicians than the limits in force on the day', async () => {
    const limited = addDays(DAY, 7);
    const more = addDays(DAY, 8);
    const limits = (maxOrders: number, maxTechnicians: number) => JSON.stringify({ maxOrders, maxTechnicians, maxSeconds: 60, teamSeconds: 1.5 });
    await t.db
      .insertInto('settings')
      .values([
        { key: 'dispatch.limits', value: limits(2, 500), effectiveFrom: limited, setBy: null, setByLabel: 'test', reason: 'test' },
        { key: 'dispatch.limits', value: limits(5000, 1), effectiveFrom: more, setBy: null, setByLabel: 'test', reason: 'test' },
      ])
      .execute();
    const tooMany = await as(t.app, sup, { method: 'POST', url: `/api/v1/dispatch/teams/${w.teamId}/plans`, payload: { day: limited }, locale: 'zh-CN' });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'dispatch.over_limit', limit: 'maxOrders', max: 2 });
    expect(tooMany.json().value).toBeGreaterThan(2);
    expect(tooMany.json().title).toContain('超出排程规模上限');
    const tooManyPeople = await planAs(sup, { day: more });
    expect(tooManyPeople.json()).toMatchObject({ code: 'dispatch.over_limit', limit: 'maxTechnicians', value: 2, max: 1 });
  });
});

describe('editing a proposal', () => {
  it('refuses a move to a technician lacking the skill, with the reasons', async () => {
    const res = await post(sup, `${first.id}/moves`, { orderId: orders.repair1!.id, technicianId: tech2, position: 0, version: first.version });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'dispatch.ineligible', technicianName: '王调试' });
    expect(body.reasons).toContainEqual({ code: 'skill_missing', skill: '电气故障排查', level: 2 });
    expect(body.reasons).toContainEqual({ code: 'certificate_missing', certificate: '低压电工作业证' });
    expect(body.title).toContain('王调试');
  });

  it('never moves the job under way', async () => {
    const res = await post(sup, `${first.id}/moves`, { orderId: orders.started!.id, technicianId: tech2, position: 0, version: first.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'dispatch.fixed_stop', orderId: orders.started!.id });
  });

  it('refuses a move that would miss an appointment window', async () => {
    const owner = routeOf(first, orders.long!.id)!;
    const at = owner.stops.filter((s) => !s.fixed && s.orderId !== orders.window!.id).findIndex((s) => s.orderId === orders.long!.id);
    const res = await post(sup, `${first.id}/moves`, { orderId: orders.window!.id, technicianId: owner.technicianId, position: at + 1, version: first.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('dispatch.ineligible');
    expect(res.json().reasons).toContainEqual({ code: 'window', number: orders.window!.number });
  });

  it('moves an order to another technician at a position and re-times both routes', async () => {
    const from = routeOf(first, orders.maint1!.id)!;
    const to = first.routes.find((r) => r.technicianId !== from.technicianId)!;
    const res = await post(sup, `${first.id}/moves`, { orderId: orders.maint1!.id, technicianId: to.technicianId, position: 0, version: first.version });
    expect(res.statusCode, res.body).toBe(200);
    const moved: Plan = res.json();
    expect(moved.version).toBe(first.version + 1);
    const target = moved.routes.find((r) => r.technicianId === to.technicianId)!;
    const own = target.stops.filter((s) => !s.fixed);
    expect(own[0]!.orderId).toBe(orders.maint1!.id);
    expect(own.map((s) => s.orderId).slice(1)).toEqual(to.stops.filter((s) => !s.fixed).map((s) => s.orderId));
    // Re-timed: after the start (and the job under way), each visit after the one before.
    expect(Date.parse(own[0]!.arriveAt)).toBeGreaterThan(Date.parse(target.departAt));
    for (let i = 1; i < target.stops.length; i++) expect(Date.parse(target.stops[i]!.arriveAt)).toBeGreaterThanOrEqual(Date.parse(target.stops[i - 1]!.endAt));
    expect(routeOf(moved, orders.maint1!.id)!.technicianId).toBe(to.technicianId);
    const source = moved.routes.find((r) => r.technicianId === from.technicianId)!;
    expect(source.stops.map((s) => s.orderId)).toEqual(from.stops.map((s) => s.orderId).filter((id) => id !== orders.maint1!.id));
    expect(moved.summary).toMatchObject({ planned: 5, unassigned: 0 });
    expect(await getPlan(first.id)).toEqual(moved);

    const stale = await post(sup, `${first.id}/moves`, { orderId: orders.maint1!.id, technicianId: from.technicianId, position: 0, version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    first = moved;
  });

  it('moves an order back to the queue, and refuses unknown orders and technicians', async () => {
    const res = await post(sup, `${first.id}/moves`, { orderId: orders.maint1!.id, technicianId: null, position: 0, version: first.version });
    expect(res.statusCode, res.body).toBe(200);
    const queued: Plan = res.json();
    expect(routeOf(queued, orders.maint1!.id)).toBeUndefined();
    expect(queued.unassigned.map((u) => u.orderId)).toEqual([orders.maint1!.id]);
    expect(queued.summary).toMatchObject({ planned: 4, unassigned: 1 });
    first = queued;
    const unknownOrder = await post(sup, `${first.id}/moves`, { orderId: '00000000-0000-4000-8000-000000000000', technicianId: tech1, position: 0, version: first.version });
    expect(unknownOrder.statusCode).toBe(400);
    expect(unknownOrder.json().errors[0].field).toBe('orderId');
    const unknownTech = await post(sup, `${first.id}/moves`, { orderId: orders.maint1!.id, technicianId: w.supervisor.employeeId, position: 0, version: first.version });
    expect(unknownTech.statusCode).toBe(400);
    expect(unknownTech.json().errors[0].field).toBe('technicianId');
  });
});

let replanned: Plan;

describe('urgent re-plan', () => {
  it('inserts the urgent order with the least disruption and says what changed', async () => {
    const siteId = await site('G', 31.22, 121.46);
    const urgent = await newOrder('urgent', { category: 'maintenance', siteId, priority: 'urgent' });
    const res = await post(sup, `${first.id}/urgent`, { orderId: urgent.id, version: first.version });
    expect(res.statusCode, res.body).toBe(201);
    replanned = res.json();
    expect(replanned).toMatchObject({ status: 'proposed', basedOnId: first.id, version: 1 });
    expect(routeOf(replanned, urgent.id)).toBeDefined();
    expect(replanned.changes).toContainEqual(expect.objectContaining({ orderId: urgent.id, kind: 'added', fromTechnicianId: null }));
    // Orders the re-plan did not move stay with their technician; each move is reported.
    let kept = 0;
    for (const r of first.routes) {
      for (const s of r.stops.filter((x) => !x.fixed)) {
        const now = routeOf(replanned, s.orderId)?.technicianId;
        const change = replanned.changes.find((c) => c.orderId === s.orderId);
        if (now === r.technicianId) kept++;
        else expect(change).toMatchObject({ kind: 'moved', fromTechnicianId: r.technicianId, toTechnicianId: now });
      }
    }
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(replanned.changes.filter((c) => c.kind === 'moved').length).toBeLessThanOrEqual(1);
    // The job under way stays first.
    expect(replanned.routes.find((r) => r.technicianId === tech1)!.stops[0]).toMatchObject({ orderId: orders.started!.id, fixed: true });
    expect((await getPlan(first.id)).status).toBe('superseded');
  });

  it('refuses a started order, a stale version and a superseded plan', async () => {
    const started = await post(sup, `${replanned.id}/urgent`, { orderId: orders.started!.id, version: replanned.version });
    expect(started.statusCode).toBe(422);
    expect(started.json().code).toBe('dispatch.order_started');
    const stale = await post(sup, `${replanned.id}/urgent`, { orderId: orders.maint1!.id, version: replanned.version + 1 });
    expect(stale.statusCode).toBe(409);
    const old = await post(sup, `${first.id}/urgent`, { orderId: orders.maint1!.id, version: first.version + 1 });
    expect(old.statusCode).toBe(409);
    expect(old.json().code).toBe('dispatch.plan_outdated');
  });
});

describe('accepting and discarding', () => {
  it('assigns every planned order through the lifecycle with its planned arrival and sequence', async () => {
    const res = await post(sup, `${replanned.id}/accept`, { version: replanned.version });
    expect(res.statusCode, res.body).toBe(200);
    const accepted: Plan = res.json();
    expect(accepted).toMatchObject({ status: 'accepted', version: replanned.version + 1 });
    expect(accepted.routes).toEqual(replanned.routes);
    for (const r of replanned.routes) {
      for (const [i, s] of r.stops.filter((x) => !x.fixed).entries()) {
        const row = await orderRow(s.orderId);
        expect(row).toMatchObject({ state: 'assigned', assigneeId: r.technicianId, routeSequence: i + 1, dispatchPlanId: replanned.id });
        expect(row.plannedArrivalAt?.toISOString()).toBe(s.arriveAt);
      }
    }
    const under = await orderRow(orders.started!.id);
    expect(under).toMatchObject({ state: 'en_route', assigneeId: tech1, dispatchPlanId: null });
    // The lifecycle recorded each assignment on the order's timeline.
    const events = await t.db.selectFrom('workOrderEvents').select(['workOrderId', 'action']).where('action', '=', 'assign').execute();
    expect(events.filter((e) => replanned.routes.some((r) => r.stops.some((s) => s.orderId === e.workOrderId))).length).toBe(replanned.summary.planned);
    const again = await post(sup, `${replanned.id}/accept`, { version: accepted.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('dispatch.plan_closed');
    replanned = accepted;

    // The technician's own list shows the sequence.
    const mine = await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/work-orders?mine=true&limit=100' });
    const theirs = replanned.routes.find((r) => r.technicianId === tech1)!.stops.filter((s) => !s.fixed);
    const listed = (mine.json().items as { id: string; routeSequence: number | null; plannedArrivalAt: string | null }[]).filter((o) => o.routeSequence !== null);
    expect(listed.sort((a, b) => a.routeSequence! - b.routeSequence!).map((o) => [o.id, o.plannedArrivalAt])).toEqual(theirs.map((s) => [s.orderId, s.arriveAt]));
  });

  it('a later accepted plan reassigns, clears what it leaves queued and supersedes the earlier one', async () => {
    let next = await plan(0.2);
    const r1 = next.routes.find((r) => r.technicianId === tech1)!;
    const r2 = next.routes.find((r) => r.technicianId === tech2)!;
    // A maintenance order of 王调试 goes to 李维修, and one order of the plan back to the queue.
    const moving = r2.stops.find((s) => !s.fixed && s.orderId !== orders.long!.id) ?? r2.stops.find((s) => !s.fixed)!;
    let res = await post(sup, `${next.id}/moves`, { orderId: moving.orderId, technicianId: tech1, position: r1.stops.filter((s) => !s.fixed).length, version: next.version });
    expect(res.statusCode, res.body).toBe(200);
    next = res.json();
    const queued = next.routes.find((r) => r.technicianId === tech1)!.stops.find((s) => s.orderId === orders.repair2!.id)!;
    res = await post(sup, `${next.id}/moves`, { orderId: queued.orderId, technicianId: null, position: 0, version: next.version });
    next = res.json();
    res = await post(sup, `${next.id}/accept`, { version: next.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await orderRow(moving.orderId)).toMatchObject({ state: 'assigned', assigneeId: tech1, dispatchPlanId: next.id });
    const reassigned = await t.db.selectFrom('workOrderEvents').select(['data']).where('workOrderId', '=', moving.orderId).where('action', '=', 'reassign').execute();
    expect(reassigned).toHaveLength(1);
    // In the accepting supervisor's language (zh-CN).
    expect(reassigned[0]!.data).toMatchObject({ reason: `已接受 ${DAY} 的日程方案` });
    // Queued now: it keeps its technician but loses the earlier plan's arrival and place.
    expect(await orderRow(orders.repair2!.id)).toMatchObject({ assigneeId: tech1, plannedArrivalAt: null, routeSequence: null, dispatchPlanId: null });
    expect((await getPlan(replanned.id)).status).toBe('superseded');
  });

  it('refuses to accept when an order changed meanwhile, naming it, and changes nothing', async () => {
    const next = await plan(0.1);
    const victim = next.routes.flatMap((r) => r.stops).find((s) => !s.fixed)!;
    const snapshot = () => t.db.selectFrom('workOrders').select(['id', 'assigneeId', 'plannedArrivalAt', 'dispatchPlanId', 'version']).orderBy('id').execute();
    const before = await snapshot();
    await t.db.updateTable('workOrders').set({ state: 'cancelled' }).where('id', '=', victim.orderId).execute();
    const res = await post(sup, `${next.id}/accept`, { version: next.version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'dispatch.order_changed', number: victim.number, state: 'cancelled' });
    expect(res.json().title).toContain(victim.number);
    expect(await snapshot()).toEqual(before);
    expect((await getPlan(next.id)).status).toBe('proposed');
    await t.db.updateTable('workOrders').set({ state: 'assigned' }).where('id', '=', victim.orderId).execute();

    const discarded = await post(sup, `${next.id}/discard`, { version: next.version });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json()).toMatchObject({ status: 'discarded', version: next.version + 1 });
    const closed = await post(sup, `${next.id}/moves`, { orderId: victim.orderId, technicianId: null, position: 0, version: next.version + 1 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'dispatch.plan_closed', status: 'discarded' });
  });
});

describe('the planning worker', () => {
  it('keeps the server answering while a plan runs', async () => {
    const started = performance.now();
    let planned = 0;
    const running = planAs(sup, { day: DAY, seconds: 1.5 }).then((res) => {
      planned = performance.now() - started;
      return res;
    });
    const latencies: number[] = [];
    while (!planned) {
      const t0 = performance.now();
      const [health, other] = await Promise.all([
        t.app.inject({ method: 'GET', url: '/healthz' }),
        as(t.app, sup, { method: 'GET', url: `/api/v1/dispatch/plans/${replanned.id}` }),
      ]);
      if (!planned) latencies.push(performance.now() - t0);
      expect(health.statusCode).toBe(200);
      expect(other.statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await running;
    expect(res.statusCode).toBe(201);
    expect(planned).toBeGreaterThanOrEqual(1500);
    // Answered many times, each well under the planning time.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });
});
