import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCompany } from '../../db/seed/demo.ts';
import { seedDemoStock } from '../../db/seed/demo-stock.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { ledgerBalance } from './queries.ts';

let t: TestApp;
let created: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCompany(t.db, { referenceDate: '2026-11-26' });
  created = await seedDemoStock(t.db);
});
afterAll(() => t.close());

describe('demo parts and stock (P4.3.1)', () => {
  it('has about thirty parts for the demo product models, with realistic costs', async () => {
    expect(created).toBeGreaterThanOrEqual(28);
    const parts = await t.db.selectFrom('parts').select(['partNo', 'models', 'unitCostFen']).execute();
    const models = (await t.db.selectFrom('installedProducts').select('model').distinct().execute()).map((r) => r.model);
    const covered = new Set(parts.flatMap((p) => p.models));
    expect(models.filter((m) => !covered.has(m))).toEqual([]);
    expect(parts.every((p) => Number(p.unitCostFen) > 0)).toBe(true);
  });

  it("gives the repair demo user's technician at least three different parts in the van", async () => {
    const repair = await t.db.selectFrom('users').select('employeeId').where('username', '=', 'repair').executeTakeFirstOrThrow();
    const van = await t.db.selectFrom('stockLocations').select('id').where('employeeId', '=', repair.employeeId).executeTakeFirstOrThrow();
    const held = await t.db.selectFrom('stockLevels').select('partId').where('locationId', '=', van.id).where('onHand', '>', 0).execute();
    expect(held.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every repair and installation engineer a van, and the ledger adds up to every level', async () => {
    const engineers = await t.db.selectFrom('employees').select('id').where('position', 'in', ['repair_engineer', 'installation_engineer']).execute();
    const vans = await t.db.selectFrom('stockLocations').select('employeeId').where('kind', '=', 'van').execute();
    expect(vans.length).toBe(engineers.length);
    const levels = await t.db.selectFrom('stockLevels').select(['locationId', 'partId', 'onHand', 'reserved']).execute();
    for (const l of levels) expect(await ledgerBalance(t.db, l.locationId, l.partId)).toEqual({ onHand: l.onHand, reserved: l.reserved });
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemoStock(t.db)).toBe(0);
    const after = await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
