import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldWorld, type FieldWorld, orderAt } from '../../test/field.ts';
import { as, createTestApp, signInAs, type TestApp } from '../../test/harness.ts';
import { seedDemoFeedback } from './demo-feedback.ts';

// The demo feedback (P4.4.3, P2.2.2) fills the quality inbox and the defect report.

let t: TestApp;
let w: FieldWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createFieldWorld(t);
  for (let i = 0; i < 3; i++) await orderAt(t, w, i === 0 ? 'accepted' : 'on_site');
});
afterAll(() => t?.close());

describe('seedDemoFeedback', () => {
  it('raises about forty defects over six months on existing orders, numbered per day, and runs once', async () => {
    const now = new Date('2026-11-20T04:00:00Z');
    const made = await seedDemoFeedback(t.db, { now });
    expect(made).toBe(44);
    expect(await seedDemoFeedback(t.db, { now })).toBe(0);

    const rows = await t.db.selectFrom('feedback').selectAll().execute();
    const defects = rows.filter((r) => r.kind === 'defect');
    expect(defects).toHaveLength(40);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(new Set(defects.map((r) => r.defectCategory)).size).toBeGreaterThan(4);
    expect(new Set(defects.map((r) => r.severity)).size).toBe(4);
    expect(new Set(defects.map((r) => r.status)).size).toBeGreaterThan(2);
    const oldest = Math.min(...defects.map((r) => r.createdAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(120 * 86_400_000);
    expect(Math.max(...rows.map((r) => r.createdAt.getTime()))).toBeLessThanOrEqual(now.getTime());
    // every status on record has its history
    for (const r of rows.slice(0, 10)) {
      const events = await t.db.selectFrom('feedbackEvents').select('toStatus').where('feedbackId', '=', r.id).orderBy('at').orderBy('id').execute();
      expect(events.at(-1)?.toStatus).toBe(r.status);
    }

    const quality = await signInAs(t, { role: 'department', department: 'quality' });
    const report = (await as(t.app, quality, { method: 'GET', url: '/api/v1/feedback/defect-report?from=2026-05-01&to=2026-11-30' })).json();
    expect(report.total).toBe(40);
    const inbox = (await as(t.app, quality, { method: 'GET', url: '/api/v1/feedback?limit=100' })).json();
    expect(inbox.items.length).toBe(defects.length);
  });
});
