import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_FAULT_CODES, seedDemoFaultCodes } from '../../db/seed/demo-reports.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { FAULT_CATEGORIES } from './schemas.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('P4.4.2: the demo fault codes cover every category, valid codes, seeded once', async () => {
  expect(await seedDemoFaultCodes(t.db)).toBe(DEMO_FAULT_CODES.length);
  expect(await seedDemoFaultCodes(t.db)).toBe(0);
  const rows = await t.db.selectFrom('faultCodes').selectAll().execute();
  expect(new Set(rows.map((r) => r.category))).toEqual(new Set(FAULT_CATEGORIES));
  for (const r of rows) expect(r.code).toMatch(/^[A-Z0-9][A-Z0-9-]{1,31}$/);
});
