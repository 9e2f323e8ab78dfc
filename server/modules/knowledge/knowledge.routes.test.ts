import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createCustomerRow, createEmployeeRow, createTeam, createTestApp, createUser, type Session, signIn, signInAs, type TestApp, unique } from '../../test/harness.ts';
import { receiveOrder } from '../work-orders/intake.ts';
import { orderStatistics, similarCandidates } from './queries.ts';
import { candidateWindow, findSimilarOrders } from './service.ts';

// Knowledge at hand (P2.1.1-P2.1.2): past solutions of the same model and of similar faults.

let t: TestApp;
let customer: { id: string };
let assignee: Session;
let supervisor: Session;
let outsider: Session;
let portal: Session;
let hr: Session;
const ids: Record<string, string> = {};
const start = Date.parse('2026-03-02T02:00:00Z');
let minute = 0;

async function product(model: string) {
  const row = await t.db
    .insertInto('installedProducts')
    .values({ customerId: customer.id, model, productName: model, serialNumber: unique(`${model}-`) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An order received a minute after the previous one, optionally solved (set directly, as if its lifecycle had run). */
async function order(o: { title: string; description: string; productId?: string | null; solution?: string; resolution?: string; assigneeId?: string | null }) {
  const id = await receiveOrder(
    t.db,
    {
      channel: 'phone',
      customerId: customer.id,
      contactId: null,
      siteId: null,
      productId: o.productId ?? null,
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
      title: o.title,
      description: o.description,
      category: 'fault_repair',
      priority: 'normal',
      preferredFrom: null,
      preferredTo: null,
      duplicateOfId: null,
      assigneeId: o.assigneeId ?? null,
      teamId: null,
      attachments: [],
    },
    { userId: null, employeeId: null, label: 'test', requestId: null },
    new Date(start + ++minute * 60_000),
  );
  if (o.solution || o.resolution) {
    await t.db
      .updateTable('workOrders')
      .set({ solution: o.solution ?? null, resolution: o.resolution ?? null, state: o.resolution ? 'closed' : 'solution_proposed' })
      .where('id', '=', id)
      .execute();
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  customer = await createCustomerRow(t.db);
  const team = await createTeam(t.db);
  const otherTeam = await createTeam(t.db);
  const me = await createEmployeeRow(t.db, { teamId: team.id, name: '张伟' });
  assignee = await signIn(t.app, (await createUser(t.db, { role: 'technician', employeeId: me.id })).username);
  const other = await createEmployeeRow(t.db, { teamId: otherTeam.id, name: '陈静' });
  outsider = await signIn(t.app, (await createUser(t.db, { role: 'technician', employeeId: other.id })).username);
  supervisor = await signInAs(t, { role: 'supervisor' });
  portal = await signInAs(t, { role: 'customer', customerId: customer.id });
  hr = await signInAs(t, { role: 'hr' });

  const chiller = await product('AS-CH500');
  const chiller2 = await product('AS-CH500');
  const drive = await product('AS-VF22');
  ids.sameModelSimilar = await order({ title: '压缩机无法启动', description: '压缩机无法启动 异响明显', productId: chiller2, resolution: '更换启动电容，试机正常' });
  ids.otherModelSimilar = await order({ title: '压缩机启动困难', description: '压缩机启动困难，运行时有异响', productId: drive, solution: '检查启动继电器' });
  ids.unrelated = await order({ title: '显示屏花屏', description: '显示屏花屏，按键无反应', productId: drive, resolution: '更换显示板' });
  ids.sameModelUnrelated = await order({ title: '显示屏花屏', description: '控制面板显示屏花屏', productId: chiller2, resolution: '更换排线' });
  ids.unsolvedSimilar = await order({ title: '压缩机不启动', description: '压缩机不启动，有异响', productId: chiller2 });
  ids.inverter = await order({ title: 'Inverter alarm E05', description: 'Drive trips with E05 after a power dip', resolution: 'Reset parameters, fitted a line reactor' });
  ids.current = await order({ title: '空调压缩机不启动', description: '空调压缩机不启动，有异响', productId: chiller, assigneeId: me.id });
  ids.english = await order({ title: 'E05 alarm again', description: 'The inverter shows E05 when the compressor starts', assigneeId: me.id });
});
afterAll(() => t?.close());

const get = (session: Session | null, url: string) => as(t.app, session, { method: 'GET', url });

describe('GET /api/v1/work-orders/:id/similar', () => {
  it('401 without a session, 400 for a bad id or limit, 403 without work-order access', async () => {
    const url = `/api/v1/work-orders/${ids.current}/similar`;
    expect((await get(null, url)).statusCode).toBe(401);
    expect((await get(supervisor, '/api/v1/work-orders/123/similar')).statusCode).toBe(400);
    const bad = await get(supervisor, `${url}?limit=0&extra=1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.extra', 'querystring.limit']);
    expect((await get(supervisor, `${url}?limit=51`)).statusCode).toBe(400);
    expect((await get(hr, url)).statusCode).toBe(403);
  });

  it('404 for the order’s own customer, for a technician who may not read the order and for an unknown order', async () => {
    expect((await get(portal, `/api/v1/work-orders/${ids.current}/similar`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/work-orders/${ids.current}/similar`)).statusCode).toBe(404);
    expect((await get(supervisor, '/api/v1/work-orders/00000000-0000-4000-8000-000000000000/similar')).statusCode).toBe(404);
  });

  it('lists solved orders of the same model newest first, and the most similar solved faults first', async () => {
    const res = await get(assignee, `/api/v1/work-orders/${ids.current}/similar`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.productModel).toBe('AS-CH500');
    // Same model: solved only, newest first, not the order itself.
    expect(body.sameModel.map((o: { id: string }) => o.id)).toEqual([ids.sameModelUnrelated, ids.sameModelSimilar]);
    expect(body.sameModel[1]).toMatchObject({ productModel: 'AS-CH500', resolution: '更换启动电容，试机正常', state: 'closed' });

    // Similar faults: the two compressor reports, not the display one, not the unsolved one, not itself.
    const similar = body.similar.map((o: { id: string }) => o.id);
    expect(similar.slice(0, 2).sort()).toEqual([ids.sameModelSimilar, ids.otherModelSimilar].sort());
    expect(similar).not.toContain(ids.unrelated);
    expect(similar).not.toContain(ids.unsolvedSimilar);
    expect(similar).not.toContain(ids.current);
    const top = body.similar[0];
    expect(top.similarity).toBeGreaterThan(0.3);
    expect(top.similarity).toBeLessThanOrEqual(1);
    expect(Math.round(top.similarity * 100) / 100).toBe(top.similarity);
    const other = body.similar.find((o: { id: string }) => o.id === ids.otherModelSimilar);
    expect(other).toMatchObject({ solution: '检查启动继电器', resolution: null, productModel: 'AS-VF22', state: 'solution_proposed' });
    expect(other.receivedAt).toMatch(/^2026-03-02T/);
  });

  it('finds Latin error codes through the trigram index, and honours limit', async () => {
    const res = await get(supervisor, `/api/v1/work-orders/${ids.english}/similar?limit=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.productModel).toBeNull();
    expect(body.sameModel).toEqual([]);
    expect(body.similar.map((o: { id: string }) => o.id)).toEqual([ids.inverter]);
  });

  it('uses the planner’s statistics when they exist, and a window of recent receipts finds the newest hits', async () => {
    const current = await t.db.selectFrom('workOrders').selectAll().where('id', '=', ids.current!).executeTakeFirstOrThrow();
    const before = await findSimilarOrders(t.db, current, 10);
    await sql`ANALYZE work_orders`.execute(t.db);
    const stats = await orderStatistics(t.db, ['压缩', '启动', '异响', '不存在']);
    // Every compressor report holds 压缩: the statistics know it as a common element.
    expect(stats.frequency.get('压缩')).toBeGreaterThan(0.3);
    expect(stats.frequency.has('不存在')).toBe(false);
    expect(stats.rows).toBeGreaterThanOrEqual(8);
    expect(stats.oldest!.getTime()).toBeLessThan(stats.newest!.getTime());
    const after = await findSimilarOrders(t.db, current, 10);
    expect(after.similar.map((o) => o.id)).toEqual(before.similar.map((o) => o.id));

    const terms = { grams: ['压缩', '异响'], words: [] };
    const ever = await similarCandidates(t.db, terms, current.id, 300, null);
    expect(ever.map((r) => r.id)).toEqual([ids.otherModelSimilar, ids.sameModelSimilar]);
    // Since the second order's receipt: only the newer hit.
    const second = await t.db.selectFrom('workOrders').select('receivedAt').where('id', '=', ids.otherModelSimilar!).executeTakeFirstOrThrow();
    const recent = await similarCandidates(t.db, terms, current.id, 300, second.receivedAt);
    expect(recent.map((r) => r.id)).toEqual([ids.otherModelSimilar]);
  });

  it('sizes the window of recent receipts to hold about the hits wanted', () => {
    const stats = { rows: 1_000_000, oldest: new Date('2024-01-01T00:00:00Z'), newest: new Date('2026-01-01T00:00:00Z') };
    // A term in 0.1 % of a million orders: 1,000 hits in all, read them all.
    expect(candidateWindow(stats, 0.001, 1200)).toBeNull();
    // One in 6 %: 60,000 hits, the last 2 % of the two years (1,200 hits) are enough.
    const since = candidateWindow(stats, 0.06, 1200)!;
    const span = stats.newest.getTime() - stats.oldest.getTime();
    expect((stats.newest.getTime() - since.getTime()) / span).toBeCloseTo(0.02, 5);
    expect(candidateWindow({ rows: 0, oldest: null, newest: null }, 0.5)).toBeNull();
  });
});
