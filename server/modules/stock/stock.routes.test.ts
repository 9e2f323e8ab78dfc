import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployeeRow, createTestApp, createUser, type Session, signIn, signInAs, type TestApp } from '../../test/harness.ts';
import { call, levelOf, newPart, receive, transfer, vanId, warehouseId } from './fixtures.ts';
import { ledgerBalance } from './queries.ts';

let t: TestApp;
let manager: Session;
let agent: Session;
let tech: { employeeId: string; session: Session };
let otherTech: { employeeId: string; session: Session };

async function technician() {
  const row = await createEmployeeRow(t.db, { name: '王师傅' });
  const user = await createUser(t.db, { role: 'technician', employeeId: row.id });
  return { employeeId: row.id, session: await signIn(t.app, user.username) };
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await signInAs(t, { role: 'manager' });
  agent = await signInAs(t, { role: 'agent' });
  tech = await technician();
  otherTech = await technician();
});
afterAll(() => t.close());

describe('stock per location (P4.3.1)', () => {
  it('P4.3.1: receiving creates the central warehouse on first need and adds on hand, with a ledger row', async () => {
    const part = await newPart(t, manager);
    const first = await receive(t, manager, part.id, 5);
    expect(first).toMatchObject({ location: { kind: 'warehouse', name: '中心仓库' }, onHand: 5, reserved: 0, available: 5 });
    const second = await receive(t, manager, part.id, 3);
    expect(second.onHand).toBe(8);
    expect(second.location.id).toBe(first.location.id);
    const locations = await t.db.selectFrom('stockLocations').select('id').where('kind', '=', 'warehouse').execute();
    expect(locations).toHaveLength(1);
    const moves = await call(t, manager, 'GET', `/api/v1/stock/movements?partId=${part.id}`);
    expect(moves.json().items.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
      ['receive', 3],
      ['receive', 5],
    ]);
    expect(await ledgerBalance(t.db, first.location.id, part.id)).toEqual({ onHand: 8, reserved: 0 });
  });

  it("P4.3.1: a transfer restocks a technician's van from the warehouse; the technician sees their own van", async () => {
    const part = await newPart(t, manager, { name: '滤网' });
    await receive(t, manager, part.id, 10);
    const van = await transfer(t, manager, part.id, tech.employeeId, 4);
    expect(van).toMatchObject({ location: { kind: 'van' }, onHand: 4, available: 4 });
    expect(await levelOf(t, await warehouseId(t), part.id)).toMatchObject({ onHand: 6 });
    const mine = await call(t, tech.session, 'GET', '/api/v1/stock/my-van');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().location.employee.id).toBe(tech.employeeId);
    expect(mine.json().items.find((i: { part: { id: string } }) => i.part.id === part.id)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    const none = await call(t, otherTech.session, 'GET', '/api/v1/stock/my-van');
    expect(none.json()).toEqual({ location: null, items: [], nextCursor: null });
    expect(await ledgerBalance(t.db, van.location.id, part.id)).toEqual({ onHand: 4, reserved: 0 });
    expect(await ledgerBalance(t.db, await warehouseId(t), part.id)).toEqual({ onHand: 6, reserved: 0 });
  });

  it('P4.3.1: a transfer of more than is available is refused with 422 naming the part and what is available, and nothing moves', async () => {
    const part = await newPart(t, manager, { name: '主控板' });
    await receive(t, manager, part.id, 2);
    const res = await call(t, manager, 'POST', '/api/v1/stock/transfers', { partId: part.id, employeeId: tech.employeeId, quantity: 3 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'stock.insufficient.warehouse', available: 2 });
    expect(res.json().title).toBe('Not enough 主控板 in the central warehouse: 2 available');
    expect(await levelOf(t, await warehouseId(t), part.id)).toMatchObject({ onHand: 2 });
    const zh = await call(t, manager, 'POST', '/api/v1/stock/transfers', { partId: part.id, employeeId: tech.employeeId, quantity: 3 }, 'zh-CN');
    expect(zh.json().title).toBe('中心仓库的“主控板”库存不足：可用 2');
  });

  it('adjusts with a reason, up or down, never below zero, with the reason on the ledger', async () => {
    const part = await newPart(t, manager);
    const level = await receive(t, manager, part.id, 3);
    const down = await call(t, manager, 'POST', '/api/v1/stock/adjustments', { locationId: level.location.id, partId: part.id, delta: -2, reason: '盘点短少' });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().onHand).toBe(1);
    const tooFar = await call(t, manager, 'POST', '/api/v1/stock/adjustments', { locationId: level.location.id, partId: part.id, delta: -2, reason: '盘点' });
    expect(tooFar.statusCode).toBe(422);
    expect(await levelOf(t, level.location.id, part.id)).toMatchObject({ onHand: 1 });
    const up = await call(t, manager, 'POST', '/api/v1/stock/adjustments', { locationId: level.location.id, partId: part.id, delta: 4, reason: '盘盈' });
    expect(up.json().onHand).toBe(5);
    const moves = await call(t, manager, 'GET', `/api/v1/stock/movements?locationId=${level.location.id}&partId=${part.id}`);
    expect(moves.json().items.map((m: { kind: string; note: string | null }) => [m.kind, m.note])).toEqual([
      ['adjust', '盘盈'],
      ['adjust', '盘点短少'],
      ['receive', null],
    ]);
    expect(await ledgerBalance(t.db, level.location.id, part.id)).toEqual({ onHand: 5, reserved: 0 });
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityType', '=', 'stock_movement').where('action', '=', 'stock.adjust').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('P4.3.1: quantities are positive integers and an adjustment needs a reason (400 naming the field)', async () => {
    const part = await newPart(t, manager);
    for (const quantity of [0, -1, 1.5, '2']) {
      const res = await call(t, manager, 'POST', '/api/v1/stock/receipts', { partId: part.id, quantity });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['quantity']);
    }
    const wid = await warehouseId(t);
    const noReason = await call(t, manager, 'POST', '/api/v1/stock/adjustments', { locationId: wid, partId: part.id, delta: 0, reason: ' ' });
    expect(noReason.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['delta', 'reason']);
    const unknown = await call(t, manager, 'POST', '/api/v1/stock/receipts', { partId: '00000000-0000-4000-8000-000000000000', quantity: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('partId');
  });

  it('levels list on hand, reserved and available; a van is visible to its holder and stock managers only', async () => {
    const part = await newPart(t, manager);
    await receive(t, manager, part.id, 6);
    await transfer(t, manager, part.id, otherTech.employeeId, 1);
    const wh = await call(t, tech.session, 'GET', `/api/v1/stock/levels?q=${part.partNo}`);
    expect(wh.statusCode).toBe(200);
    expect(wh.json().location.kind).toBe('warehouse');
    expect(wh.json().items).toEqual([expect.objectContaining({ onHand: 5, reserved: 0, available: 5 })]);
    const otherVan = await vanId(t, otherTech.employeeId);
    expect((await call(t, tech.session, 'GET', `/api/v1/stock/levels?locationId=${otherVan}`)).statusCode).toBe(404);
    expect((await call(t, otherTech.session, 'GET', `/api/v1/stock/levels?locationId=${otherVan}`)).statusCode).toBe(200);
    expect((await call(t, manager, 'GET', `/api/v1/stock/levels?locationId=${otherVan}`)).statusCode).toBe(200);
    const locations = await call(t, tech.session, 'GET', '/api/v1/stock/locations');
    expect(locations.json().items.map((l: { kind: string }) => l.kind)).toEqual(['warehouse', 'van']);
    const all = await call(t, manager, 'GET', '/api/v1/stock/locations');
    expect(all.json().items.length).toBeGreaterThanOrEqual(3);
  });

  it('writing stock needs stock.manage; the ledger too', async () => {
    const part = await newPart(t, manager);
    expect((await call(t, tech.session, 'POST', '/api/v1/stock/receipts', { partId: part.id, quantity: 1 })).statusCode).toBe(403);
    expect((await call(t, agent, 'POST', '/api/v1/stock/transfers', { partId: part.id, employeeId: tech.employeeId, quantity: 1 })).statusCode).toBe(403);
    expect((await call(t, tech.session, 'GET', '/api/v1/stock/movements')).statusCode).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/stock/my-van')).statusCode).toBe(401);
  });

  it('pages the ledger newest first with a cursor', async () => {
    const part = await newPart(t, manager);
    for (const q of [1, 2, 3]) await receive(t, manager, part.id, q);
    const first = await call(t, manager, 'GET', `/api/v1/stock/movements?partId=${part.id}&limit=2`);
    expect(first.json().items.map((m: { quantity: number }) => m.quantity)).toEqual([3, 2]);
    const next = await call(t, manager, 'GET', `/api/v1/stock/movements?partId=${part.id}&limit=2&cursor=${first.json().nextCursor}`);
    expect(next.json().items.map((m: { quantity: number }) => m.quantity)).toEqual([1]);
    expect(next.json().nextCursor).toBeNull();
  });

  it('only engineers carry a van stock', async () => {
    const part = await newPart(t, manager);
    await receive(t, manager, part.id, 1);
    const hr = await createEmployeeRow(t.db, { name: '人事' });
    await t.db.updateTable('employees').set({ position: 'hr' }).where('id', '=', hr.id).execute();
    const res = await call(t, manager, 'POST', '/api/v1/stock/transfers', { partId: part.id, employeeId: hr.id, quantity: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('stock.no_van');
  });
});
