import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employee } from '../../db/schema.ts';
import { as, createCustomerRow, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, signInAs, type TestApp } from '../../test/harness.ts';
import { companyToday } from '../settings/service.ts';
import { receiveOrder } from '../work-orders/intake.ts';
import { consultationCredits } from './service.ts';

// Team consultation on a complex fault (P4.2.3); teamwork credits (P5.1.5).

let t: TestApp;
let team: { id: string };
let otherTeam: { id: string };
let customer: { id: string };
const people: Record<'owner' | 'mate' | 'expert' | 'expert2' | 'outsider', { employee: Employee; session: Session }> = {} as never;
let supervisor: Session;
let agent: Session;
let hr: Session;
let portal: Session;

async function technician(teamId: string, name: string, locale: 'zh-CN' | 'en' = 'en') {
  const employee = await createEmployeeRow(t.db, { teamId, name });
  const user = await createUser(t.db, { role: 'technician', employeeId: employee.id, locale });
  return { employee, session: await signIn(t.app, user.username) };
}

async function newOrder(assigneeId: string | null, title = '冷水机组高压报警', description = '压缩机频繁跳机，高压报警，怀疑冷凝器脏堵') {
  return receiveOrder(
    t.db,
    {
      channel: 'phone',
      customerId: customer.id,
      contactId: null,
      siteId: null,
      productId: null,
      reporterName: '王工',
      reporterPhone: null,
      reporterEmail: null,
      title,
      description,
      category: 'fault_repair',
      priority: 'normal',
      preferredFrom: null,
      preferredTo: null,
      duplicateOfId: null,
      assigneeId,
      teamId: null,
      attachments: [],
    },
    { userId: null, employeeId: null, label: 'test', requestId: null },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  team = await createTeam(t.db);
  otherTeam = await createTeam(t.db);
  customer = await createCustomerRow(t.db);
  people.owner = await technician(team.id, '张伟');
  people.mate = await technician(team.id, '李娜');
  people.expert = await technician(otherTeam.id, '王芳', 'zh-CN');
  people.expert2 = await technician(otherTeam.id, '刘洋');
  people.outsider = await technician(otherTeam.id, '陈静');
  supervisor = await signInAs(t, { role: 'supervisor' });
  agent = await signInAs(t, { role: 'agent' });
  hr = await signInAs(t, { role: 'hr' });
  portal = await signInAs(t, { role: 'customer', customerId: customer.id });
});
afterAll(() => t?.close());

const post = (session: Session | null, url: string, payload?: unknown) => as(t.app, session, { method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field).sort();

async function open(orderId: string, inviteeIds = [people.expert.employee.id], topic = '高压报警原因分析') {
  const res = await post(people.owner.session, `/api/v1/work-orders/${orderId}/consultations`, { topic, inviteeIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('POST /api/v1/work-orders/:id/consultations', () => {
  it('401 without a session, 400 naming bad fields', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const url = `/api/v1/work-orders/${orderId}/consultations`;
    expect((await post(null, url, { topic: 'x', inviteeIds: [people.expert.employee.id] })).statusCode).toBe(401);
    const bad = await post(people.owner.session, url, { topic: ' ', inviteeIds: [], extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['extra', 'inviteeIds', 'topic']);
    const self = await post(people.owner.session, url, { topic: '会诊', inviteeIds: [people.expert.employee.id, people.owner.employee.id] });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ field: 'inviteeIds.1', code: 'self' });
    const unknown = await post(people.owner.session, url, { topic: '会诊', inviteeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'inviteeIds.0', code: 'reference' });
    const tooMany = await post(people.owner.session, url, { topic: '会诊', inviteeIds: Array.from({ length: 21 }, () => people.expert.employee.id) });
    expect(fields(tooMany)).toEqual(['inviteeIds']);
    expect((await post(people.owner.session, '/api/v1/work-orders/nope/consultations', { topic: 'x', inviteeIds: [people.expert.employee.id] })).statusCode).toBe(400);
  });

  it('400 for an inactive invitee', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const gone = await createEmployeeRow(t.db, { teamId: team.id, name: '离职员工' });
    await t.db.updateTable('employees').set({ status: 'inactive' }).where('id', '=', gone.id).execute();
    const res = await post(people.owner.session, `/api/v1/work-orders/${orderId}/consultations`, { topic: '会诊', inviteeIds: [gone.id] });
    expect(res.json().errors[0]).toMatchObject({ field: 'inviteeIds.0', code: 'reference' });
  });

  it('403 for a technician of the team who is not assigned, for an agent and a customer; 404 for one who may not see the order', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const url = `/api/v1/work-orders/${orderId}/consultations`;
    const body = { topic: '会诊', inviteeIds: [people.expert.employee.id] };
    expect((await post(people.mate.session, url, body)).statusCode).toBe(403);
    expect((await post(agent, url, body)).statusCode).toBe(403);
    expect((await post(portal, url, body)).statusCode).toBe(403);
    expect((await post(people.outsider.session, url, body)).statusCode).toBe(404);
    expect(await t.db.selectFrom('consultations').select('id').where('workOrderId', '=', orderId).execute()).toEqual([]);
  });

  it('409 on a closed order', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    await t.db.updateTable('workOrders').set({ state: 'closed' }).where('id', '=', orderId).execute();
    const res = await post(people.owner.session, `/api/v1/work-orders/${orderId}/consultations`, { topic: '会诊', inviteeIds: [people.expert.employee.id] });
    expect(res.statusCode).toBe(409);
  });

  it('the assignee opens one: owner and invitees, a timeline event, notices in each reader’s language, an audit row', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const c = await open(orderId, [people.expert.employee.id, people.expert2.employee.id, people.expert.employee.id]);
    expect(c).toMatchObject({ workOrderId: orderId, topic: '高压报警原因分析', status: 'open', version: 1, openedBy: { id: people.owner.employee.id, name: '张伟' } });
    expect(c.participants[0]).toMatchObject({ id: people.owner.employee.id, name: '张伟', role: 'owner' });
    expect(c.participants.slice(1).map((p: { name: string; role: string }) => `${p.name}:${p.role}`).sort()).toEqual(['刘洋:invited', '王芳:invited'].sort());
    const owner = c.participants.find((p: { role: string }) => p.role === 'owner');
    expect(owner.joinedAt).not.toBeNull();
    expect(c.participants.find((p: { name: string }) => p.name === '王芳').joinedAt).toBeNull();
    expect(c.abilities).toEqual({ join: false, invite: true, post: true, agree: true });

    const events = await t.db.selectFrom('workOrderEvents').selectAll().where('workOrderId', '=', orderId).where('action', '=', 'consultation_open').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ consultationId: c.id, topic: '高压报警原因分析' });
    expect((events[0]!.data as { invitees: { name: string }[] }).invitees.map((i) => i.name).sort()).toEqual(['刘洋', '王芳']);

    const notices = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.employeeId', 'notifications.channel', 'notifications.event', 'notifications.locale', 'notifications.subject', 'notifications.body'])
      .where('notifications.workOrderId', '=', orderId)
      .where('notifications.event', '=', 'consultation_invite')
      .execute();
    expect(notices).toHaveLength(2);
    const zh = notices.find((n) => n.employeeId === people.expert.employee.id)!;
    expect(zh).toMatchObject({ channel: 'in_app', locale: 'zh-CN' });
    expect(zh.subject).toContain('会诊邀请');
    expect(zh.body).toContain('高压报警原因分析');
    const en = notices.find((n) => n.employeeId === people.expert2.employee.id)!;
    expect(en.subject).toContain('Consultation invitation');

    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['consultation.open']);
  });
});

describe('GET /api/v1/work-orders/:id/consultations', () => {
  it('401, 400, 403 without work-order access, 404 for the customer of the order, 200 for staff and invitees', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const c = await open(orderId);
    const url = `/api/v1/work-orders/${orderId}/consultations`;
    expect((await as(t.app, null, { method: 'GET', url })).statusCode).toBe(401);
    expect((await as(t.app, supervisor, { method: 'GET', url: '/api/v1/work-orders/123/consultations' })).statusCode).toBe(400);
    expect((await as(t.app, hr, { method: 'GET', url })).statusCode).toBe(403);
    // Consultations are internal: even the order's own customer is told they do not exist.
    expect((await as(t.app, portal, { method: 'GET', url })).statusCode).toBe(404);
    expect((await as(t.app, people.outsider.session, { method: 'GET', url })).statusCode).toBe(404);
    for (const s of [supervisor, agent, people.mate.session, people.expert.session]) {
      const res = await as(t.app, s, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    }
    // Only participants act: a supervisor reading it has no abilities, the invitee may join.
    expect((await as(t.app, supervisor, { method: 'GET', url })).json().items[0].abilities).toEqual({ join: false, invite: false, post: false, agree: false });
    expect((await as(t.app, people.expert.session, { method: 'GET', url })).json().items[0].abilities).toEqual({ join: true, invite: false, post: true, agree: false });
  });
});

describe('POST /api/v1/consultations/:consultationId/join', () => {
  it('401, 400, 403 for non-participants, 404 for an unknown one; joining is idempotent and audited once', async () => {
    const c = await open(await newOrder(people.owner.employee.id));
    const url = `/api/v1/consultations/${c.id}/join`;
    expect((await post(null, url)).statusCode).toBe(401);
    expect((await post(people.expert.session, '/api/v1/consultations/nope/join')).statusCode).toBe(400);
    expect((await post(people.expert.session, '/api/v1/consultations/00000000-0000-4000-8000-000000000000/join')).statusCode).toBe(404);
    expect((await post(people.mate.session, url)).statusCode).toBe(403);
    expect((await post(agent, url)).statusCode).toBe(403);
    const first = await post(people.expert.session, url);
    expect(first.statusCode).toBe(200);
    const joinedAt = first.json().participants.find((p: { id: string }) => p.id === people.expert.employee.id).joinedAt;
    expect(joinedAt).not.toBeNull();
    expect(first.json().abilities.join).toBe(false);
    const again = await post(people.expert.session, url);
    expect(again.statusCode).toBe(200);
    expect(again.json().participants.find((p: { id: string }) => p.id === people.expert.employee.id).joinedAt).toBe(joinedAt);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).where('action', '=', 'consultation.join').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('POST /api/v1/consultations/:consultationId/invite', () => {
  it('401, 400, 403 for anyone but the owner; the owner adds colleagues once each', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const c = await open(orderId);
    const url = `/api/v1/consultations/${c.id}/invite`;
    const body = { inviteeIds: [people.expert2.employee.id] };
    expect((await post(null, url, body)).statusCode).toBe(401);
    expect(fields(await post(people.owner.session, url, { inviteeIds: [] }))).toEqual(['inviteeIds']);
    expect((await post(people.owner.session, url, { inviteeIds: [people.owner.employee.id] })).json().errors[0]).toMatchObject({ field: 'inviteeIds.0', code: 'self' });
    expect((await post(people.expert.session, url, body)).statusCode).toBe(403);
    expect((await post(supervisor, url, body)).statusCode).toBe(403);
    const res = await post(people.owner.session, url, { inviteeIds: [people.expert2.employee.id, people.expert.employee.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().participants.map((p: { name: string }) => p.name).sort()).toEqual(['刘洋', '张伟', '王芳']);
    expect(res.json().version).toBe(2);
    // Inviting someone already taking part changes nothing.
    const again = await post(people.owner.session, url, body);
    expect(again.json().version).toBe(2);
    const notices = await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select('users.employeeId').where('notifications.workOrderId', '=', orderId).execute();
    expect(notices.filter((n) => n.employeeId === people.expert2.employee.id)).toHaveLength(1);
    expect(notices.filter((n) => n.employeeId === people.expert.employee.id)).toHaveLength(1);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', c.id).where('action', '=', 'consultation.invite').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ invitees: [{ id: people.expert2.employee.id, name: '刘洋' }] });
  });
});

describe('POST /api/v1/consultations/:consultationId/messages', () => {
  it('401, 400 naming bad fields, 403 for a non-participant', async () => {
    const c = await open(await newOrder(people.owner.employee.id));
    const url = `/api/v1/consultations/${c.id}/messages`;
    expect((await post(null, url, { body: 'x' })).statusCode).toBe(401);
    expect(fields(await post(people.owner.session, url, { body: '', mentions: ['x'] }))).toEqual(['body', 'mentions.0']);
    const outsider = await post(people.owner.session, url, { body: '看看', mentions: [people.expert.employee.id, people.outsider.employee.id] });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0]).toMatchObject({ field: 'mentions.1', code: 'not_participant' });
    const parent = await post(people.owner.session, url, { body: '看看', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(parent.json().errors[0]).toMatchObject({ field: 'parentId', code: 'reference' });
    expect((await post(people.mate.session, url, { body: '我也来' })).statusCode).toBe(403);
    expect((await post(supervisor, url, { body: '我也来' })).statusCode).toBe(403);
    expect((await post(portal, url, { body: '我也来' })).statusCode).toBe(403);
  });

  it('threads replies, resolves mentions to names, notifies the mentioned, stores attachments and credits the author', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const c = await open(orderId, [people.expert.employee.id, people.expert2.employee.id]);
    const url = `/api/v1/consultations/${c.id}/messages`;
    const first = await post(people.owner.session, url, {
      body: '高压 2.6MPa，冷凝器翅片积灰严重，@王芳 看看是否需要更换风机？',
      mentions: [people.expert.employee.id],
      attachments: [{ filename: '压力表.jpg', contentType: 'image/jpeg', dataBase64: Buffer.from('jpeg-bytes').toString('base64') }],
    });
    expect(first.statusCode).toBe(201);
    const root = first.json().messages[0];
    expect(root).toMatchObject({ parentId: null, author: { id: people.owner.employee.id, name: '张伟' }, mentions: [{ id: people.expert.employee.id, name: '王芳' }] });
    expect(root.attachments).toEqual([{ id: expect.any(String), filename: '压力表.jpg', contentType: 'image/jpeg', size: 10 }]);
    const stored = await t.db.selectFrom('attachments').selectAll().where('id', '=', root.attachments[0].id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ workOrderId: orderId, consultationMessageId: root.id, commentId: null });
    // The team's files are internal: the customer cannot download them.
    expect((await as(t.app, portal, { method: 'GET', url: `/api/v1/work-orders/${orderId}/attachments/${root.attachments[0].id}` })).statusCode).toBe(404);

    const reply = await post(people.expert.session, url, { body: '先清洗冷凝器，风机电流正常就不用换。@张伟 @刘洋', parentId: root.id, mentions: [people.owner.employee.id, people.expert2.employee.id, people.expert.employee.id] });
    expect(reply.statusCode).toBe(201);
    const view = reply.json();
    expect(view.messages).toHaveLength(2);
    expect(view.messages[1]).toMatchObject({ parentId: root.id, author: { name: '王芳' } });
    expect(view.messages[1].mentions.map((m: { name: string }) => m.name)).toEqual(['张伟', '刘洋', '王芳']);
    const byName = (name: string) => view.participants.find((p: { name: string }) => p.name === name);
    expect(byName('张伟').contributed).toBe(true);
    expect(byName('王芳')).toMatchObject({ contributed: true, joinedAt: expect.any(String) });
    expect(byName('刘洋')).toMatchObject({ contributed: false, joinedAt: null });

    const mentions = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.employeeId', 'notifications.subject', 'notifications.body'])
      .where('notifications.workOrderId', '=', orderId)
      .where('notifications.event', '=', 'consultation_mention')
      .execute();
    // The author is not told of their own mention.
    expect(mentions.map((m) => m.employeeId).sort()).toEqual([people.owner.employee.id, people.expert.employee.id, people.expert2.employee.id].sort());
    expect(mentions.filter((m) => m.employeeId === people.expert.employee.id)[0]!.subject).toContain('在会诊中提到了您');
    expect(mentions.filter((m) => m.employeeId === people.owner.employee.id)[0]!.body).toContain('先清洗冷凝器');

    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).where('action', '=', 'consultation.message').execute();
    expect(audit).toHaveLength(2);
  });
});

describe('POST /api/v1/consultations/:consultationId/agree', () => {
  it('401, 400, 403 for anyone but the owner, 409 when stale or already agreed; records the solution, the timeline event and the audit row', async () => {
    const orderId = await newOrder(people.owner.employee.id);
    const c = await open(orderId);
    const url = `/api/v1/consultations/${c.id}/agree`;
    const body = { solution: '清洗冷凝器并校准高压开关', version: 1 };
    expect((await post(null, url, body)).statusCode).toBe(401);
    expect(fields(await post(people.owner.session, url, { solution: '' }))).toEqual(['solution', 'version']);
    expect((await post(people.expert.session, url, body)).statusCode).toBe(403);
    expect((await post(supervisor, url, body)).statusCode).toBe(403);
    await post(people.owner.session, `/api/v1/consultations/${c.id}/invite`, { inviteeIds: [people.expert2.employee.id] });
    const stale = await post(people.owner.session, url, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');

    const ok = await post(people.owner.session, url, { ...body, version: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'agreed', agreedSolution: '清洗冷凝器并校准高压开关', agreedBy: { id: people.owner.employee.id, name: '张伟' }, version: 3 });
    expect(ok.json().agreedAt).not.toBeNull();
    expect(ok.json().abilities).toEqual({ join: false, invite: false, post: false, agree: false });

    const again = await post(people.owner.session, url, { ...body, version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict.agreed');
    expect((await post(people.expert.session, `/api/v1/consultations/${c.id}/messages`, { body: '晚了' })).statusCode).toBe(409);

    // The order's timeline shows the consultation; the order itself is unchanged.
    const order = (await as(t.app, supervisor, { method: 'GET', url: `/api/v1/work-orders/${orderId}` })).json();
    expect(order.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['consultation_open', 'consultation_agreed']));
    expect(order.solution).toBeNull();
    const event = order.timeline.find((e: { action: string }) => e.action === 'consultation_agreed');
    expect(event.data).toMatchObject({ consultationId: c.id, solution: '清洗冷凝器并校准高压开关' });
    // The customer's view of the same order shows nothing of it.
    const mine = (await as(t.app, portal, { method: 'GET', url: `/api/v1/work-orders/${orderId}` })).json();
    expect(mine.timeline.length).toBeGreaterThan(0);
    expect(mine.timeline.filter((e: { action: string }) => e.action.startsWith('consultation_'))).toEqual([]);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', c.id).where('action', '=', 'consultation.agree').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ status: 'open', version: 2 });
    expect(audit.after).toMatchObject({ status: 'agreed', version: 3 });
  });
});

describe('consultationCredits (P5.1.5)', () => {
  it('counts per employee the consultations joined, contributed to, and contributed to that reached agreement', async () => {
    const credit = await technician(team.id, '赵敏');
    const quiet = await technician(team.id, '孙丽');
    const helper = await technician(otherTeam.id, '周杰');
    // One consultation agreed with both owner and helper contributing; another left open.
    const o1 = await newOrder(credit.employee.id);
    const c1 = (await post(credit.session, `/api/v1/work-orders/${o1}/consultations`, { topic: '振动超标', inviteeIds: [helper.employee.id, quiet.employee.id] })).json();
    await post(credit.session, `/api/v1/consultations/${c1.id}/messages`, { body: '轴承温度 85℃' });
    await post(helper.session, `/api/v1/consultations/${c1.id}/messages`, { body: '建议更换轴承' });
    await post(quiet.session, `/api/v1/consultations/${c1.id}/join`);
    await post(credit.session, `/api/v1/consultations/${c1.id}/agree`, { solution: '更换轴承并做动平衡', version: 1 });
    const o2 = await newOrder(credit.employee.id);
    const c2 = (await post(credit.session, `/api/v1/work-orders/${o2}/consultations`, { topic: '异响', inviteeIds: [helper.employee.id] })).json();
    await post(helper.session, `/api/v1/consultations/${c2.id}/messages`, { body: '先查联轴器' });

    const today = await companyToday(t.db);
    const credits = await consultationCredits(t.db, { from: today, to: today });
    const of = (id: string) => credits.find((c) => c.employeeId === id);
    expect(of(credit.employee.id)).toEqual({ employeeId: credit.employee.id, name: '赵敏', joined: 2, contributed: 1, contributedAgreed: 1 });
    expect(of(helper.employee.id)).toEqual({ employeeId: helper.employee.id, name: '周杰', joined: 2, contributed: 2, contributedAgreed: 1 });
    expect(of(quiet.employee.id)).toEqual({ employeeId: quiet.employee.id, name: '孙丽', joined: 1, contributed: 0, contributedAgreed: 0 });
    expect(await consultationCredits(t.db, { from: '2020-01-01', to: '2020-12-31' })).toEqual([]);
  });
});
