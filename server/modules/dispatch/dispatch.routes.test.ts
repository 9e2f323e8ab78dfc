import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LatLng } from '../../../core/geo.ts';
import { zonedDayStart } from '../../../core/time.ts';
import { publishBoardEvent } from '../../platform/events.ts';
import { giveRequiredQualifications, workEveryDay } from '../../test/dispatch.ts';
import { act, createFieldWorld, type FieldWorld } from '../../test/field.ts';
import { as, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, type TestApp } from '../../test/harness.ts';
import { companyToday, getSetting } from '../settings/service.ts';

// Issue 5 points 1-3 and 6 (P4.1.2): eligibility on every assignment, candidates ranked with
// reasons, assigning from the board (one of two concurrent assignments wins), auto-dispatch
// modes, the board and its live events.

let t: TestApp;
let w: FieldWorld;
let today: string;
let dayStart: Date;
let other: { teamId: string; session: Session };

const SKILL = '电气故障排查';
const CERTIFICATE = '低压电工作业证';
/** Beijing: a day's drive from the Shanghai site. */
const FAR: LatLng = { latitude: 39.9, longitude: 116.4 };

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  today = await companyToday(t.db);
  dayStart = zonedDayStart(today, await getSetting(t.db, 'company.timeZone'));
  // A supervisor of another team.
  const lead = await createEmployeeRow(t.db, { name: '赵主管', position: 'supervisor' });
  const teamId = (await createTeam(t.db, lead.id)).id;
  const user = await createUser(t.db, { role: 'supervisor', employeeId: lead.id });
  other = { teamId, session: await signIn(t.app, user.username) };
});
afterAll(() => t?.close());

type TechOptions = {
  teamId?: string;
  skills?: { skill: string; level: number }[];
  certificates?: { name: string; expiresOn: string | null }[];
  home?: LatLng;
  shifts?: boolean;
};

/** A technician of the team; by default qualified for every default category and working every day near today. */
async function technician(name: string, o: TechOptions = {}) {
  const e = await createEmployeeRow(t.db, { teamId: o.teamId ?? w.teamId, name });
  if (o.home) await t.db.updateTable('employees').set({ homeLatitude: o.home.latitude, homeLongitude: o.home.longitude }).where('id', '=', e.id).execute();
  if (o.skills || o.certificates) {
    for (const s of o.skills ?? []) await t.db.insertInto('employeeSkills').values({ employeeId: e.id, ...s }).execute();
    for (const c of o.certificates ?? []) await t.db.insertInto('employeeCertificates').values({ employeeId: e.id, name: c.name, issuer: '应急管理局', number: 'X-1', issuedOn: '2020-01-01', expiresOn: c.expiresOn }).execute();
  } else {
    await giveRequiredQualifications(t.db, e.id);
  }
  if (o.shifts !== false) await workEveryDay(t.db, e.id);
  return { id: e.id, name };
}

async function login(employeeId: string) {
  const u = await createUser(t.db, { role: 'technician', employeeId, locale: 'zh-CN' });
  return signIn(t.app, u.username);
}

type Order = { id: string; version: number; state: string; assignee: { id: string } | null; [k: string]: unknown };

/** A fault repair (电气故障排查 level 2, 低压电工作业证) for the world's customer at its site. */
async function newOrder(extra: Record<string, unknown> = {}): Promise<Order> {
  const res = await as(t.app, w.agent, {
    method: 'POST',
    url: '/api/v1/work-orders',
    payload: { customerId: w.customerId, siteId: w.siteId, title: '配电柜跳闸', description: '配电柜频繁跳闸，需要上门排查。', category: 'fault_repair', priority: 'high', teamId: w.teamId, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const assign = (order: { id: string; version: number }, technicianId: string, session: Session = w.supervisor.session, locale?: string) =>
  as(t.app, session, { method: 'POST', url: `/api/v1/dispatch/orders/${order.id}/assign`, payload: { technicianId, version: order.version }, locale });

const candidates = (orderId: string, session: Session = w.supervisor.session) => as(t.app, session, { method: 'GET', url: `/api/v1/dispatch/orders/${orderId}/candidates` });

async function setSetting(key: string, value: unknown) {
  await t.db.insertInto('settings').values({ key, value: JSON.stringify(value), effectiveFrom: today, setBy: null, setByLabel: 'test', reason: 'test' }).execute();
}

describe('eligibility on assignment (P4.1.2)', () => {
  async function expectRefused(technicianId: string, codes: string[]) {
    const order = await newOrder();
    const res = await assign(order, technicianId);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.code).toBe('dispatch.ineligible');
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(codes);
    // Nothing changed.
    const after = (await as(t.app, w.agent, { method: 'GET', url: `/api/v1/work-orders/${order.id}` })).json();
    expect(after).toMatchObject({ state: 'new', assignee: null, version: order.version });
    return body;
  }

  it('refuses a technician without the skill, naming the skill and level in the caller language', async () => {
    const tech = await technician('缺技能', { skills: [{ skill: '焊接', level: 5 }], certificates: [{ name: CERTIFICATE, expiresOn: null }] });
    const body = await expectRefused(tech.id, ['skill_missing']);
    expect(body).toMatchObject({ technicianName: '缺技能', reasons: [{ code: 'skill_missing', skill: SKILL, level: 2 }] });
    expect(body.title).toBe(`缺技能 cannot take this order: lacks the skill ${SKILL} (level 2 needed)`);
    const zh = await assign(await newOrder(), tech.id, w.supervisor.session, 'zh-CN');
    expect(zh.json().title).toBe(`缺技能不能承接此工单：不具备技能“${SKILL}”（需要 2 级）`);
  });

  it('refuses a level below the one the work needs', async () => {
    const tech = await technician('低等级', { skills: [{ skill: SKILL, level: 1 }], certificates: [{ name: CERTIFICATE, expiresOn: null }] });
    const body = await expectRefused(tech.id, ['skill_level']);
    expect(body.reasons[0]).toEqual({ code: 'skill_level', skill: SKILL, level: 2, held: 1 });
  });

  it('refuses an expired certificate, and the reason names it', async () => {
    const tech = await technician('证书过期', { skills: [{ skill: SKILL, level: 3 }], certificates: [{ name: CERTIFICATE, expiresOn: '2024-06-30' }] });
    const body = await expectRefused(tech.id, ['certificate_expired']);
    expect(body.reasons[0]).toEqual({ code: 'certificate_expired', certificate: CERTIFICATE, expiredOn: '2024-06-30' });
    expect(body.title).toContain(`the certificate ${CERTIFICATE} expired on 2024-06-30`);
  });

  it('refuses a technician on leave all day', async () => {
    const tech = await technician('休假中');
    await t.db
      .insertInto('leaveRecords')
      .values({ employeeId: tech.id, kind: 'annual', startsAt: dayStart, endsAt: new Date(dayStart.getTime() + 86_400_000), note: null, createdBy: null })
      .execute();
    const body = await expectRefused(tech.id, ['on_leave']);
    expect(body.reasons[0]).toMatchObject({ code: 'on_leave', kind: 'annual' });
    expect(body.title).toContain('on annual leave');
  });

  it("refuses a technician off shift on the order's day; an order with no day of its own waits for their next shift", async () => {
    const tech = await technician('休息日', { shifts: false });
    await t.db.insertInto('workShifts').values({ employeeId: tech.id, day: today, off: true }).execute();
    // The customer's appointment today, late in the day (the window's day is the order's day).
    const window = { preferredFrom: new Date(dayStart.getTime() + 22 * 3_600_000).toISOString(), preferredTo: new Date(dayStart.getTime() + 23 * 3_600_000).toISOString() };
    const dated = await newOrder(window);
    const res = await assign(dated, tech.id);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toEqual(['off_shift']);
    const undated = await newOrder();
    expect((await assign(undated, tech.id)).statusCode).toBe(200);
  });

  it('refuses a technician who cannot make a hard arrival deadline (urgent orders, dispatch.objective)', async () => {
    const objective = await getSetting(t.db, 'dispatch.objective');
    await setSetting('dispatch.objective', { ...objective, hardDeadline: { ...objective.hardDeadline, urgent: true } });
    const far = await technician('远在北京');
    // Their latest check-in today was in Beijing: travel is measured from there.
    const elsewhere = await newOrder({ teamId: null });
    await t.db
      .insertInto('workOrderEvents')
      .values({ workOrderId: elsewhere.id, at: new Date(), actorEmployeeId: far.id, actorLabel: '远在北京', action: 'arrive', data: '{}', ...FAR })
      .execute();
    const order = await newOrder({ priority: 'urgent' });
    const res = await assign(order, far.id);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().reasons).toEqual([expect.objectContaining({ code: 'deadline', deadline: order.arrivalDueAt })]);
    // A soft deadline (high priority) does not forbid the same technician.
    const high = await newOrder({ priority: 'high' });
    expect((await assign(high, far.id)).statusCode).toBe(200);
  });

  it('assigns an eligible technician: 200, the order assigned to them', async () => {
    const tech = await technician('合格者');
    const order = await newOrder();
    const res = await assign(order, tech.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: order.id, state: 'assigned', assigneeId: tech.id, requiredSkill: SKILL, requiredSkillLevel: 2, serviceMinutes: 90 });
    const detail = (await as(t.app, w.agent, { method: 'GET', url: `/api/v1/work-orders/${order.id}` })).json();
    expect(detail).toMatchObject({ state: 'assigned', assignee: { id: tech.id }, requiredSkill: SKILL, serviceMinutes: 90, plannedArrivalAt: null, routeSequence: null });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toContain('assign');
    const list = (await as(t.app, w.agent, { method: 'GET', url: `/api/v1/work-orders?assigneeId=${tech.id}` })).json();
    expect(list.items).toEqual([expect.objectContaining({ id: order.id, requiredSkill: SKILL, requiredSkillLevel: 2, serviceMinutes: 90, plannedArrivalAt: null, routeSequence: null })]);
    // Reassigning from the board to someone else goes through `reassign`.
    const second = await technician('接手者');
    const moved = await assign(res.json(), second.id);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ assigneeId: second.id, state: 'assigned' });
  });

  it('the order page refuses the same way: the lifecycle assign of an ineligible technician is 422', async () => {
    const tech = await technician('页面派工', { skills: [], certificates: [] });
    const order = await newOrder();
    const res = await act(t, w.supervisor.session, order, 'assign', { assigneeId: tech.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toEqual(['skill_missing', 'certificate_missing']);
  });

  it('an order without a team may go to a technician of any team', async () => {
    const elsewhere = await technician('外组', { teamId: other.teamId });
    const order = await newOrder({ teamId: null });
    const res = await assign(order, elsewhere.id);
    expect(res.statusCode, res.body).toBe(200);
    // …but an order of a team not to another team's technician.
    const teamOrder = await newOrder();
    const refused = await assign(teamOrder, elsewhere.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().reasons).toEqual([{ code: 'other_team' }]);
  });
});

describe('assign: bad input and concurrency', () => {
  it('404 for an unknown order, 400 naming technicianId for an unknown technician', async () => {
    const missing = await assign({ id: '00000000-0000-4000-8000-000000000000', version: 1 }, w.tech.employeeId);
    expect(missing.statusCode).toBe(404);
    const order = await newOrder();
    const bad = await assign(order, '00000000-0000-4000-8000-000000000000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'technicianId', code: 'reference' })]);
    // A supervisor of another team may not dispatch this team's order.
    expect((await assign(order, w.tech.employeeId, other.session)).statusCode).toBe(403);
  });

  it('two supervisors assigning the same order at once: one wins, the other gets 409', async () => {
    const a = await technician('甲');
    const b = await technician('乙');
    const order = await newOrder();
    const manager = await signIn(t.app, (await createUser(t.db, { role: 'manager' })).username);
    const results = await Promise.all([assign(order, a.id), assign(order, b.id, manager)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const loser = results.find((r) => r.statusCode === 409)!.json();
    expect(loser.code).toBe('conflict.stale');
    const detail = (await as(t.app, w.agent, { method: 'GET', url: `/api/v1/work-orders/${order.id}` })).json();
    expect(detail.assignee.id).toBe(winner.assigneeId);
    expect(detail.timeline.filter((e: { action: string }) => e.action === 'assign' || e.action === 'reassign')).toHaveLength(1);
  });
});

describe('candidates ranked with reasons (issue 5 point 2)', () => {
  it('ranks the nearer technician first, the one who served the customer last ahead of an equal one, the ineligible last', async () => {
    const team = (await createTeam(t.db, w.supervisor.employeeId)).id;
    const supervisor = w.supervisor.session; // who now leads this team too
    const near = { latitude: w.site.latitude + 0.01, longitude: w.site.longitude };
    const mid = { latitude: w.site.latitude + 0.1, longitude: w.site.longitude };
    const farther = await technician('较远', { teamId: team, home: { latitude: w.site.latitude + 0.3, longitude: w.site.longitude } });
    const nearest = await technician('最近', { teamId: team, home: near });
    const midA = await technician('中甲', { teamId: team, home: mid });
    const midB = await technician('中乙', { teamId: team, home: mid });
    const unskilled = await technician('无技能', { teamId: team, home: w.site, skills: [], certificates: [] });
    // 中乙 closed this customer's previous order.
    const previous = await newOrder({ teamId: team });
    await t.db.updateTable('workOrders').set({ state: 'closed', closedAt: new Date(Date.now() - 3_600_000), assigneeId: midB.id }).where('id', '=', previous.id).execute();

    const order = await newOrder({ teamId: team });
    const res = await candidates(order.id, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.requirement).toEqual({ skill: SKILL, level: 2, certificates: [CERTIFICATE] });
    const names: string[] = body.candidates.map((c: { name: string }) => c.name);
    const rank = (n: string) => names.indexOf(n);
    // Nearer first, all else equal; at the same distance, who served the customer last; the ineligible last.
    expect(rank('最近')).toBeLessThan(rank('中甲'));
    expect(rank('中甲')).toBeLessThan(rank('较远'));
    expect(rank('中乙')).toBeLessThan(rank('中甲'));
    expect(names.at(-1)).toBe('无技能');
    const byName = (n: string) => body.candidates.find((c: { name: string }) => c.name === n);
    expect(byName('最近')).toMatchObject({ technicianId: nearest.id, eligible: true, from: 'start', servedLast: false, reasons: [] });
    expect(byName('中乙')).toMatchObject({ technicianId: midB.id, servedLast: true, factors: expect.objectContaining({ history: 100 }) });
    expect(byName('中甲').travelMinutes).toBe(byName('中乙').travelMinutes);
    expect(byName('最近').travelMinutes).toBeLessThan(byName('中甲').travelMinutes);
    expect(byName('较远').factors.travel).toBeLessThan(byName('中甲').factors.travel);
    expect(byName('无技能')).toMatchObject({
      technicianId: unskilled.id,
      eligible: false,
      reasons: [
        { code: 'skill_missing', skill: SKILL, level: 2 },
        { code: 'certificate_missing', certificate: CERTIFICATE },
      ],
    });
    expect(farther.id).toBe(byName('较远').technicianId);
    expect(midA.id).toBe(byName('中甲').technicianId);

    // Work already given that day counts: 最近 gets the first order, and travels from its site next.
    expect((await assign(order, nearest.id, supervisor)).statusCode).toBe(200);
    const next = await newOrder({ teamId: team });
    const again = (await candidates(next.id, supervisor)).json();
    const busy = again.candidates.find((c: { name: string }) => c.name === '最近');
    expect(busy).toMatchObject({ from: 'planned', workloadMinutes: expect.any(Number) });
    expect(busy.workloadMinutes).toBeGreaterThanOrEqual(90);
    expect(busy.factors.workload).toBeLessThan(100);
  });

  it('an order without a team ranks every active technician; 403 for a supervisor of another team', async () => {
    const order = await newOrder({ teamId: null });
    const all = (await candidates(order.id, w.agent)).json();
    expect(all.candidates.map((c: { technicianId: string }) => c.technicianId)).toContain(w.tech.employeeId);
    const teamOrder = await newOrder();
    expect((await candidates(teamOrder.id, other.session)).statusCode).toBe(403);
    expect((await candidates('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('the requirement of an order', () => {
  it('is set from the category at intake, editable with its version; the new need decides eligibility', async () => {
    const tech = await technician('只会保养', { skills: [{ skill: '保养', level: 2 }], certificates: [] });
    const order = await newOrder();
    expect(order).toMatchObject({ requiredSkill: SKILL, requiredSkillLevel: 2, serviceMinutes: 90 });
    const patch = (version: number) =>
      as(t.app, w.supervisor.session, { method: 'PATCH', url: `/api/v1/dispatch/orders/${order.id}/requirement`, payload: { requiredSkill: '保养', requiredSkillLevel: 2, serviceMinutes: 45, version } });
    const changed = await patch(order.version);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ requiredSkill: '保养', requiredSkillLevel: 2, serviceMinutes: 45, version: order.version + 1 });
    expect((await patch(order.version)).statusCode).toBe(409);
    // The certificate still comes from the category (fault repair needs 低压电工作业证).
    const res = await assign(changed.json(), tech.id);
    expect(res.json().reasons).toEqual([{ code: 'certificate_missing', certificate: CERTIFICATE }]);
  });
});

describe('auto-dispatch modes (P4.1.2, dispatch.modes)', () => {
  let assignTeam: string;
  let poolTeam: string;
  let emptyTeam: string;

  beforeAll(async () => {
    assignTeam = (await createTeam(t.db)).id;
    poolTeam = (await createTeam(t.db)).id;
    emptyTeam = (await createTeam(t.db)).id;
    await setSetting('dispatch.modes', { default: 'suggest', teams: { [assignTeam]: 'assign', [poolTeam]: 'pool', [emptyTeam]: 'assign' } });
  });

  it('assign: a new order of the team goes to the best eligible technician at once', async () => {
    await technician('近但无证', { teamId: assignTeam, home: w.site, skills: [{ skill: SKILL, level: 3 }], certificates: [] });
    const able = await technician('合格远一点', { teamId: assignTeam, home: { latitude: w.site.latitude + 0.05, longitude: w.site.longitude } });
    const order = await newOrder({ teamId: assignTeam });
    expect(order).toMatchObject({ state: 'assigned', assignee: { id: able.id } });
    const assignEvent = (order.timeline as { action: string; actor: string }[]).find((e) => e.action === 'assign');
    expect(assignEvent?.actor).toContain('Auto-dispatch');
  });

  it('assign: also when a dispatcher publishes an order to the team', async () => {
    const order = await newOrder({ teamId: null });
    const res = await act(t, w.agent, order, 'publish', { teamId: assignTeam });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'assigned', team: { id: assignTeam } });
  });

  it('assign with nobody eligible: the order stays new and its timeline says why', async () => {
    await technician('都不合格', { teamId: emptyTeam, skills: [], certificates: [] });
    const order = await newOrder({ teamId: emptyTeam });
    expect(order).toMatchObject({ state: 'new', assignee: null });
    const event = (order.timeline as { action: string; data: { outcome: string; candidates: { name: string; reasons: { code: string }[] }[] } }[]).find(
      (e) => e.action === 'auto_dispatch',
    );
    expect(event?.data.outcome).toBe('none_eligible');
    expect(event?.data.candidates).toEqual([expect.objectContaining({ name: '都不合格', reasons: expect.arrayContaining([expect.objectContaining({ code: 'skill_missing' })]) })]);
  });

  it('pool: the order waits in the pool; a technician lacking the skill cannot take it (422), an eligible one can', async () => {
    const unskilled = await technician('池中无技能', { teamId: poolTeam, skills: [], certificates: [{ name: CERTIFICATE, expiresOn: null }] });
    const able = await technician('池中合格', { teamId: poolTeam });
    const order = await newOrder({ teamId: poolTeam });
    expect(order).toMatchObject({ state: 'new', assignee: null, team: { id: poolTeam } });
    const unskilledSession = await login(unskilled.id);
    const pool = (await as(t.app, unskilledSession, { method: 'GET', url: '/api/v1/work-orders?pool=true' })).json();
    expect(pool.items.map((i: { id: string }) => i.id)).toContain(order.id);
    const refused = await act(t, unskilledSession, order, 'take');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'dispatch.ineligible', reasons: [{ code: 'skill_missing', skill: SKILL, level: 2 }] });
    const taken = await act(t, await login(able.id), order, 'take');
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ state: 'accepted', assignee: { id: able.id } });
  });

  it('suggest (the default): nothing is assigned', async () => {
    const order = await newOrder();
    expect(order).toMatchObject({ state: 'new', assignee: null });
  });
});

describe('the board (issue 5 point 6)', () => {
  it('lists the teams a caller dispatches: a supervisor their own, an agent every active team', async () => {
    const mine = (await as(t.app, w.supervisor.session, { method: 'GET', url: '/api/v1/dispatch/teams' })).json();
    expect(mine.map((x: { id: string }) => x.id)).toContain(w.teamId);
    expect(mine.map((x: { id: string }) => x.id)).not.toContain(other.teamId);
    const all = (await as(t.app, w.agent, { method: 'GET', url: '/api/v1/dispatch/teams' })).json();
    expect(all.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([w.teamId, other.teamId]));
    expect((await as(t.app, w.tech.session, { method: 'GET', url: '/api/v1/dispatch/teams' })).statusCode).toBe(403);
  });

  it("shows a team's day: technicians, the orders needing a visit, the mode; 403 for another team's supervisor", async () => {
    const order = await newOrder();
    const res = await as(t.app, w.supervisor.session, { method: 'GET', url: `/api/v1/dispatch/teams/${w.teamId}/board?day=${today}` });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board).toMatchObject({ team: { id: w.teamId }, day: today, timeZone: 'Asia/Shanghai', mode: 'suggest', tileUrl: '', plan: null });
    expect(board.technicians.map((x: { id: string }) => x.id)).toContain(w.tech.employeeId);
    const onBoard = board.orders.find((o: { id: string }) => o.id === order.id);
    expect(onBoard).toMatchObject({ state: 'new', requiredSkill: SKILL, serviceMinutes: 90, location: w.site, atRisk: false, assigneeId: null });
    expect((await as(t.app, other.session, { method: 'GET', url: `/api/v1/dispatch/teams/${w.teamId}/board` })).statusCode).toBe(403);
    expect((await as(t.app, w.agent, { method: 'GET', url: '/api/v1/dispatch/teams/00000000-0000-4000-8000-000000000000/board' })).statusCode).toBe(404);
    expect((await as(t.app, w.agent, { method: 'GET', url: `/api/v1/dispatch/teams/${w.teamId}/board?day=2026-02-30` })).statusCode).toBe(400);
  });
});

describe('live board events (server-sent events)', () => {
  it('streams an event when an order of the team is assigned, and not those of other teams', async () => {
    const order = await newOrder();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/dispatch/events?teamId=${w.teamId}`, {
      headers: { cookie: w.supervisor.session.cookie },
      signal: controller.signal,
    });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const nextEvent = async () => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) return JSON.parse(data.slice(6));
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('the stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      // Another team's change is not for this board.
      publishBoardEvent({ type: 'plan', planId: '00000000-0000-4000-8000-000000000001', teamId: other.teamId });
      expect((await assign(order, w.tech.employeeId)).statusCode).toBe(200);
      expect(await nextEvent()).toEqual({ type: 'order', orderId: order.id, teamId: w.teamId });
    } finally {
      controller.abort();
    }
    expect((await as(t.app, other.session, { method: 'GET', url: `/api/v1/dispatch/events?teamId=${w.teamId}` })).statusCode).toBe(403);
  });
});
