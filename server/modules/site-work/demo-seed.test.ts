import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItemsSchema } from '../../../core/checklists.ts';
import { seedDemoCompany } from '../../db/seed/demo.ts';
import { DEMO_TEMPLATES, seedDemoSiteWork } from '../../db/seed/demo-site-work.ts';
import { createFieldWorld, type OrderRef, orderAt } from '../../test/field.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

const REFERENCE_DATE = '2026-11-27';
let t: TestApp;
let onSite: OrderRef;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCompany(t.db, { referenceDate: REFERENCE_DATE });
  // An order already on site before any template exists, as the demo work orders are.
  onSite = await orderAt(t, await createFieldWorld(t), 'on_site');
});
afterAll(() => t.close());

describe('seedDemoSiteWork', () => {
  it('defines valid procedure and safety templates for every work type; installation trains the customer (P2.3.3)', () => {
    for (const workType of ['repair', 'installation', 'commissioning', 'maintenance']) {
      const kinds = DEMO_TEMPLATES.filter((x) => x.workType === workType).map((x) => x.kind);
      expect(kinds.sort(), workType).toEqual(['procedure', 'safety']);
    }
    for (const template of DEMO_TEMPLATES) expect(checklistItemsSchema.safeParse(template.items).success, template.nameEn).toBe(true);
    const installation = DEMO_TEMPLATES.find((x) => x.workType === 'installation' && x.kind === 'procedure')!;
    expect(installation.items.some((i) => i.key === 'customer-trained' && i.required)).toBe(true);
  });

  it('gives engineers tools with some overdue and some due soon; the repair user holds an overdue instrument; runs once', async () => {
    const counts = await seedDemoSiteWork(t.db, { referenceDate: REFERENCE_DATE });
    expect(counts.templates).toBe(8);
    const tools = await t.db.selectFrom('tools').selectAll().execute();
    expect(tools.length).toBe(counts.tools);
    const dated = tools.filter((x) => x.calibrationDueOn);
    expect(dated.some((x) => x.calibrationDueOn! < REFERENCE_DATE)).toBe(true);
    expect(dated.some((x) => x.calibrationDueOn! >= REFERENCE_DATE && x.calibrationDueOn! <= '2026-12-27')).toBe(true);
    const repair = await t.db.selectFrom('users').select('employeeId').where('username', '=', 'repair').executeTakeFirstOrThrow();
    const held = tools.filter((x) => x.holderId === repair.employeeId);
    expect(held.some((x) => x.kind === 'instrument' && x.calibrationDueOn! < REFERENCE_DATE)).toBe(true);
    expect(await seedDemoSiteWork(t.db, { referenceDate: REFERENCE_DATE })).toEqual({ templates: 0, tools: 0 });
  });

  it('gives the demo orders already on site their checklists', async () => {
    const lists = await t.db.selectFrom('workOrderChecklists').select(['kind', 'workType']).where('workOrderId', '=', onSite.id).execute();
    expect(lists.map((l) => `${l.workType}/${l.kind}`).sort()).toEqual(['repair/procedure', 'repair/safety']);
  });
});
