import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { as, type Session, type TestApp, unique } from '../../test/harness.ts';

// Helpers shared by the stock module's tests.

export type PartJson = { id: string; partNo: string; name: string; models: string[]; unit: string; unitCostFen: number; active: boolean; version: number; abilities: Record<string, boolean> };
export type LevelJson = { onHand: number; reserved: number; available: number; location: { id: string; kind: string } };

export function call(t: TestApp, session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown, locale?: string) {
  return as(t.app, session, { method, url, locale, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
}

export async function newPart(t: TestApp, manager: Session, extra: Record<string, unknown> = {}): Promise<PartJson> {
  const res = await call(t, manager, 'POST', '/api/v1/parts', {
    partNo: unique('P-').toUpperCase(),
    name: unique('压缩机启动电容 '),
    models: ['AS-HP3000'],
    unit: '个',
    unitCostFen: 4_500,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function receive(t: TestApp, manager: Session, partId: string, quantity: number): Promise<LevelJson> {
  const res = await call(t, manager, 'POST', '/api/v1/stock/receipts', { partId, quantity });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function transfer(t: TestApp, manager: Session, partId: string, employeeId: string, quantity: number): Promise<LevelJson> {
  const res = await call(t, manager, 'POST', '/api/v1/stock/transfers', { partId, employeeId, quantity });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The stock of a part at a location as stored, straight from the table. */
export async function levelOf(t: TestApp, locationId: string, partId: string) {
  const row = await t.db.selectFrom('stockLevels').select(['onHand', 'reserved']).where('locationId', '=', locationId).where('partId', '=', partId).executeTakeFirst();
  return row ?? { onHand: 0, reserved: 0 };
}

export async function warehouseId(t: TestApp) {
  return (await t.db.selectFrom('stockLocations').select('id').where('kind', '=', 'warehouse').executeTakeFirstOrThrow()).id;
}

export async function vanId(t: TestApp, employeeId: string) {
  return (await t.db.selectFrom('stockLocations').select('id').where('employeeId', '=', employeeId).executeTakeFirstOrThrow()).id;
}
