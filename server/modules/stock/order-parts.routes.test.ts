import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, createFieldWorld, type FieldWorld, type OrderRef, orderAt } from '../../test/field.ts';
import { createTestApp, type Session, signInAs, type TestApp } from '../../test/harness.ts';
import { call, levelOf, newPart, type PartJson, receive, transfer, vanId, warehouseId } from './fixtures.ts';
import { ledgerBalance, orderPartsUsed } from './queries.ts';

type Line = { part: { id: string }; planned: number; reserved: number; issued: number; consumed: number; returned: number; outstanding: number; unitCostFen: number; costFen: number };

let t: TestApp;
let w: FieldWorld;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  manager = await signInAs(t, { role: 'manager' });
});
afterAll(() => t.close());

const step = (session: Session, order: { id: string }, op: string, partId: string, quantity: number, locale?: string) =>
  call(t, session, 'POST', `/api/v1/work-orders/${order.id}/parts/${op}`, { partId, quantity }, locale);

function lineOf(res: { json: () => { items: Line[] } }, partId: string) {
  return res.json().items.find((i) => i.part.id === partId);
}

/** Drives an order from solution_proposed to on_site through the real lifecycle. */
async function toOnSite(order: OrderRef): Promise<OrderRef> {
  let o = order;
  for (const [action, payload, location] of [
    ['schedule_visit', { visitAt: new Date(Date.now() + 3_600_000).toISOString() }, undefined],
    ['depart', { expectedArrivalAt: new Date(Date.now() + 1_800_000).toISOString() }, undefined],
    ['arrive', {}, { ...w.site, accuracyMeters: 10 }],
  ] as const) {
    const res = await act(t, w.tech.session, o, action, payload, location);
    expect(res.statusCode, res.body).toBe(200);
    o = res.json();
  }
  return o;
}

async function expectLedgerMatches(partId: string, locationIds: string[]) {
  for (const id of locationIds) {
    const stored = await levelOf(t, id, partId);
    expect(await ledgerBalance(t.db, id, partId)).toEqual({ onHand: stored.onHand, reserved: stored.reserved });
  }
}

describe("an order's parts (P4.3.1)", () => {
  it('P4.3.1: plan, reserve, issue to the van, consume on site, return the unused; stock, lines and ledger agree', async () => {
    const part = await newPart(t, manager, { unitCostFen: 4_500 });
    await receive(t, manager, part.id, 10);
    const wh = await warehouseId(t);
    let order = await orderAt(t, w, 'solution_proposed');

    const planned = await step(w.tech.session, order, 'plan', part.id, 3);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(lineOf(planned, part.id)).toMatchObject({ planned: 3, reserved: 0 });
    expect(planned.json().abilities).toMatchObject({ plan: true, reserve: true, issue: false, consume: false, release: false });

    const reserved = await step(w.tech.session, order, 'reserve', part.id, 3);
    expect(lineOf(reserved, part.id)).toMatchObject({ planned: 3, reserved: 3 });
    expect(await levelOf(t, wh, part.id)).toEqual({ onHand: 10, reserved: 3 });

    // An agent dispatches but does not manage stock; the supervisor of the team does.
    expect((await step(w.agent, order, 'issue', part.id, 3)).statusCode).toBe(403);
    const issued = await step(w.supervisor.session, order, 'issue', part.id, 3);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(lineOf(issued, part.id)).toMatchObject({ reserved: 0, issued: 3, outstanding: 3 });
    const van = await vanId(t, w.tech.employeeId);
    expect(await levelOf(t, wh, part.id)).toEqual({ onHand: 7, reserved: 0 });
    expect(await levelOf(t, van, part.id)).toEqual({ onHand: 3, reserved: 0 });

    const early = await step(w.tech.session, order, 'consume', part.id, 1);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'stock.wrong_state', state: 'solution_proposed' });

    order = await toOnSite(order);
    const used = await step(w.tech.session, order, 'consume', part.id, 1);
    expect(used.statusCode, used.body).toBe(200);
    // The unit cost is the catalogue's when the part is first used; a later price change does not rewrite it.
    await call(t, manager, 'PATCH', `/api/v1/parts/${part.id}`, { version: 1, unitCostFen: 9_999 });
    const usedAgain = await step(w.tech.session, order, 'consume', part.id, 1);
    expect(lineOf(usedAgain, part.id)).toMatchObject({ consumed: 2, outstanding: 1, unitCostFen: 4_500, costFen: 9_000 });
    expect(await levelOf(t, van, part.id)).toEqual({ onHand: 1, reserved: 0 });

    const tooMany = await step(w.tech.session, order, 'return', part.id, 2);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'stock.nothing_to_return', returnable: 1 });
    const returned = await step(w.tech.session, order, 'return', part.id, 1);
    expect(lineOf(returned, part.id)).toMatchObject({ returned: 1, outstanding: 0 });
    expect(await levelOf(t, van, part.id)).toEqual({ onHand: 0, reserved: 0 });
    expect(await levelOf(t, wh, part.id)).toEqual({ onHand: 8, reserved: 0 });

    expect(await orderPartsUsed(t.db, order.id)).toEqual([
      { partId: part.id, partNo: part.partNo, name: part.name, unit: part.unit, quantity: 2, unitCostFen: 4_500, totalFen: 9_000 },
    ]);
    const moves = await call(t, manager, 'GET', `/api/v1/stock/movements?workOrderId=${order.id}`);
    expect(moves.json().items.map((m: { kind: string; quantity: number }) => `${m.kind}:${m.quantity}`)).toEqual([
      'return:1',
      'consume:1',
      'consume:1',
      'issue:3',
      'reserve:3',
    ]);
    await expectLedgerMatches(part.id, [wh, van]);
  });

  it('P4.3.1: consuming a part the technician does not hold is refused with 422 and the stock is unchanged', async () => {
    const held = await newPart(t, manager, { name: '风机电机' });
    const notHeld = await newPart(t, manager, { name: '温度传感器' });
    await receive(t, manager, held.id, 5);
    await receive(t, manager, notHeld.id, 5);
    await transfer(t, manager, held.id, w.tech.employeeId, 1);
    const order = await orderAt(t, w, 'on_site');
    const van = await vanId(t, w.tech.employeeId);

    const none = await step(w.tech.session, order, 'consume', notHeld.id, 1, 'zh-CN');
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('stock.not_held');
    expect(none.json().title).toBe('李维修的车载库存中没有“温度传感器”');
    const short = await step(w.tech.session, order, 'consume', held.id, 2);
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'stock.insufficient.van', available: 1 });
    expect(short.json().title).toBe("Not enough 风机电机 in 李维修's van: 1 available");
    expect(await levelOf(t, van, held.id)).toEqual({ onHand: 1, reserved: 0 });
    expect(await levelOf(t, await warehouseId(t), notHeld.id)).toEqual({ onHand: 5, reserved: 0 });
    expect((await call(t, w.tech.session, 'GET', `/api/v1/work-orders/${order.id}/parts`)).json().items).toEqual([]);

    // A part not planned may still be used from the van: it gets its own line.
    const unplanned = await step(w.tech.session, order, 'consume', held.id, 1);
    expect(lineOf(unplanned, held.id)).toMatchObject({ planned: 0, issued: 0, consumed: 1, costFen: held.unitCostFen });
    expect(unplanned.json().totalCostFen).toBe(held.unitCostFen);
  });

  it('P4.3.1: planning and reserving only from the proposed solution until on site; consuming only on site or after the work', async () => {
    const part = await newPart(t, manager);
    await receive(t, manager, part.id, 5);
    const accepted = await orderAt(t, w, 'accepted');
    const res = await step(w.tech.session, accepted, 'plan', part.id, 1);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'stock.wrong_state', state: 'accepted' });
    expect(res.json().allowedStates).toEqual(['solution_proposed', 'visit_scheduled', 'en_route', 'on_site']);
    expect((await step(w.supervisor.session, accepted, 'reserve', part.id, 1)).statusCode).toBe(422);
    const onSite = await orderAt(t, w, 'on_site');
    expect((await step(w.tech.session, onSite, 'reserve', part.id, 1)).statusCode).toBe(200);
    const parts = await call(t, w.tech.session, 'GET', `/api/v1/work-orders/${onSite.id}/parts`);
    expect(parts.json().abilities).toEqual({ plan: true, reserve: true, release: false, issue: false, consume: true, return: true });
  });

  it('a dispatcher releases a reservation; a technician may not; releasing more than reserved is refused', async () => {
    const part = await newPart(t, manager);
    await receive(t, manager, part.id, 4);
    const order = await orderAt(t, w, 'visit_scheduled');
    await step(w.tech.session, order, 'reserve', part.id, 3);
    expect((await step(w.tech.session, order, 'release', part.id, 1)).statusCode).toBe(403);
    const tooMuch = await step(w.supervisor.session, order, 'release', part.id, 4);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'stock.not_reserved', reserved: 3 });
    const released = await step(w.agent, order, 'release', part.id, 2);
    expect(released.statusCode, released.body).toBe(200);
    expect(lineOf(released, part.id)).toMatchObject({ reserved: 1 });
    const wh = await warehouseId(t);
    expect(await levelOf(t, wh, part.id)).toEqual({ onHand: 4, reserved: 1 });
    // Issuing more than the order's reservation is refused too.
    const over = await step(w.supervisor.session, order, 'issue', part.id, 2);
    expect(over.json()).toMatchObject({ code: 'stock.not_reserved', reserved: 1 });
    await expectLedgerMatches(part.id, [wh]);
  });

  it('refuses inactive parts, bad quantities, customers and strangers', async () => {
    const part = await newPart(t, manager);
    const order = await orderAt(t, w, 'solution_proposed');
    await call(t, manager, 'POST', `/api/v1/parts/${part.id}/deactivate`, { version: 1 });
    const inactive = await step(w.tech.session, order, 'plan', part.id, 1);
    expect(inactive.json().code).toBe('stock.part_inactive');
    for (const quantity of [0, -2, 1.5]) {
      const res = await step(w.tech.session, order, 'plan', part.id, quantity);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['quantity']);
    }
    expect((await call(t, w.portal.session, 'GET', `/api/v1/work-orders/${order.id}/parts`)).statusCode).toBe(404);
    expect((await step(w.portal.session, order, 'plan', part.id, 1)).statusCode).toBe(404);
    const stranger = await signInAs(t, { role: 'technician' });
    expect((await call(t, stranger, 'GET', `/api/v1/work-orders/${order.id}/parts`)).statusCode).toBe(404);
    const unknown = await step(w.tech.session, order, 'plan', '00000000-0000-4000-8000-000000000000', 1);
    expect(unknown.json().errors[0].field).toBe('partId');
  });
});

describe('stock never goes negative under concurrency (P4.3.1)', () => {
  it('P4.3.1: 20 concurrent reservations of a part with 7 in stock: exactly 7 succeed, 13 are refused, none left, ledger agrees', async () => {
    const part: PartJson = await newPart(t, manager);
    await receive(t, manager, part.id, 7);
    const orders: OrderRef[] = [];
    for (let i = 0; i < 4; i++) orders.push(await orderAt(t, w, 'solution_proposed'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => step(i % 2 ? w.supervisor.session : w.tech.session, orders[i % 4]!, 'reserve', part.id, 1)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(7);
    expect(codes.filter((c) => c === 422)).toHaveLength(13);
    for (const r of results.filter((x) => x.statusCode === 422)) expect(r.json()).toMatchObject({ code: 'stock.insufficient.warehouse' });
    const wh = await warehouseId(t);
    expect(await levelOf(t, wh, part.id)).toEqual({ onHand: 7, reserved: 7 });
    const lines = await t.db.selectFrom('workOrderParts').select((eb) => eb.fn.sum<number>('reserved').as('n')).where('partId', '=', part.id).executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe(7);
    await expectLedgerMatches(part.id, [wh]);
  });

  it('P4.3.1: 20 concurrent uses of a part with 7 in the van: exactly 7 succeed, 13 are refused, the van is at 0, ledger agrees', async () => {
    const part = await newPart(t, manager);
    await receive(t, manager, part.id, 7);
    await transfer(t, manager, part.id, w.tech.employeeId, 7);
    const order = await orderAt(t, w, 'on_site');
    const results = await Promise.all(Array.from({ length: 20 }, () => step(w.tech.session, order, 'consume', part.id, 1)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(7);
    expect(codes.filter((c) => c === 422)).toHaveLength(13);
    const van = await vanId(t, w.tech.employeeId);
    expect(await levelOf(t, van, part.id)).toEqual({ onHand: 0, reserved: 0 });
    const line = await t.db.selectFrom('workOrderParts').select('consumed').where('workOrderId', '=', order.id).where('partId', '=', part.id).executeTakeFirstOrThrow();
    expect(line.consumed).toBe(7);
    await expectLedgerMatches(part.id, [van, await warehouseId(t)]);
  });
});
