import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createCustomerRow, createEmployeeRow, createTeam, createTestApp, createUser, type TestApp } from '../../test/harness.ts';
import { receiveOrder } from './intake.ts';
import { runSlaAlerts } from './sla-alerts.ts';

// SLA warning and escalation (issue point 5, measured by P5.1.2): a warning when an unmet
// clock reaches its warning instant, a breach escalated to managers after its deadline, each
// exactly once however often and from however many instances the job runs.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const t0 = new Date('2026-11-26T02:00:00.000Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);

/** An order assigned to a technician of a team with a supervisor, with known stored deadlines. */
async function setup() {
  const supervisorEmployee = await createEmployeeRow(t.db, { name: '张主管', position: 'supervisor' });
  const team = await createTeam(t.db, supervisorEmployee.id);
  const tech = await createEmployeeRow(t.db, { teamId: team.id, name: '李工' });
  const techUser = await createUser(t.db, { role: 'technician', employeeId: tech.id, locale: 'zh-CN' });
  const supervisorUser = await createUser(t.db, { role: 'supervisor', employeeId: supervisorEmployee.id, locale: 'en' });
  const customer = await createCustomerRow(t.db);
  const id = await receiveOrder(
    t.db,
    {
      channel: 'phone',
      customerId: customer.id,
      contactId: null,
      siteId: null,
      productId: null,
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
      title: '冷机停机',
      description: '冷机停机',
      category: 'fault_repair',
      priority: 'urgent',
      preferredFrom: null,
      preferredTo: null,
      duplicateOfId: null,
      assigneeId: tech.id,
      teamId: null,
      attachments: [],
    },
    { userId: null, employeeId: null, label: 'test', requestId: null },
    t0,
  );
  await t.db
    .updateTable('workOrders')
    .set({
      responseWarnAt: min(24),
      responseDueAt: min(30),
      arrivalWarnAt: min(192),
      arrivalDueAt: min(240),
      resolutionWarnAt: min(1152),
      resolutionDueAt: min(1440),
    })
    .where('id', '=', id)
    .execute();
  return { id, techUser, supervisorUser };
}

const alertsOf = (id: string) => t.db.selectFrom('slaAlerts').select(['clock', 'level']).where('workOrderId', '=', id).orderBy('clock').orderBy('level').execute();
const noticesOf = (id: string, event: string) =>
  t.db.selectFrom('notifications').select(['userId', 'locale', 'subject', 'body', 'channel']).where('workOrderId', '=', id).where('event', '=', event).execute();

describe('runSlaAlerts', () => {
  it('warns the assignee and supervisor once at the warning instant, escalates to managers once after the deadline', async () => {
    const manager = await createUser(t.db, { role: 'manager', locale: 'en' });
    const { id, techUser, supervisorUser } = await setup();

    await runSlaAlerts(t.db, min(23));
    expect(await alertsOf(id)).toEqual([]);

    await runSlaAlerts(t.db, min(25));
    expect(await alertsOf(id)).toEqual([{ clock: 'response', level: 'warning' }]);
    const warnings = await noticesOf(id, 'sla_warning');
    expect(warnings.map((w) => w.userId).sort()).toEqual([techUser.id, supervisorUser.id].sort());
    expect(warnings.every((w) => w.channel === 'in_app')).toBe(true);
    const zh = warnings.find((w) => w.userId === techUser.id)!;
    expect(zh.locale).toBe('zh-CN');
    expect(zh.subject).toContain('响应时限即将到期');
    expect(zh.body).toContain('截止 2026-11-26 10:30 (Asia/Shanghai)');
    expect(warnings.find((w) => w.userId === supervisorUser.id)!.subject).toContain('Response deadline near');

    // running again changes nothing
    await runSlaAlerts(t.db, min(26));
    expect(await noticesOf(id, 'sla_warning')).toHaveLength(2);

    await runSlaAlerts(t.db, min(31));
    expect(await alertsOf(id)).toEqual([
      { clock: 'response', level: 'breach' },
      { clock: 'response', level: 'warning' },
    ]);
    const breaches = await noticesOf(id, 'sla_breach');
    expect(breaches.map((b) => b.userId)).toEqual(expect.arrayContaining([techUser.id, supervisorUser.id, manager.id]));
    expect(breaches.find((b) => b.userId === manager.id)!.subject).toContain('Response deadline missed: escalated');
    const count = breaches.length;

    await runSlaAlerts(t.db, min(35));
    expect(await noticesOf(id, 'sla_breach')).toHaveLength(count);
    expect(await noticesOf(id, 'sla_warning')).toHaveLength(2);
    // the customer hears nothing of it
    expect((await noticesOf(id, 'sla_breach')).every((n) => n.userId !== null)).toBe(true);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', id).where('action', 'like', 'work_order.sla%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['work_order.sla_breach', 'work_order.sla_warning']);
  });

  it('a met clock, a held order and a remote resolution raise nothing more', async () => {
    const { id } = await setup();
    await t.db.updateTable('workOrders').set({ respondedAt: min(10), state: 'contacted' }).where('id', '=', id).execute();
    await runSlaAlerts(t.db, min(100));
    expect(await alertsOf(id)).toEqual([]);
    await t.db.updateTable('workOrders').set({ state: 'on_hold' }).where('id', '=', id).execute();
    await runSlaAlerts(t.db, min(2000));
    expect(await alertsOf(id)).toEqual([]);
    await t.db.updateTable('workOrders').set({ state: 'resolved_remotely', resolvedAt: min(100) }).where('id', '=', id).execute();
    await runSlaAlerts(t.db, min(2000));
    expect(await alertsOf(id)).toEqual([]);
  });

  it('a job that was down sends only the breach when warning and breach come due together (both recorded)', async () => {
    const { id } = await setup();
    await t.db.updateTable('workOrders').set({ respondedAt: min(1), arrivedAt: min(2) }).where('id', '=', id).execute();
    await runSlaAlerts(t.db, min(1500));
    expect(await alertsOf(id)).toEqual([
      { clock: 'resolution', level: 'breach' },
      { clock: 'resolution', level: 'warning' },
    ]);
    expect(await noticesOf(id, 'sla_warning')).toEqual([]);
    expect((await noticesOf(id, 'sla_breach')).length).toBeGreaterThan(0);
  });

  it('an unassigned order warns the dispatching agents', async () => {
    const agent = await createUser(t.db, { role: 'agent', locale: 'zh-CN' });
    const { id } = await setup();
    await t.db.updateTable('workOrders').set({ assigneeId: null, teamId: null, state: 'new' }).where('id', '=', id).execute();
    await runSlaAlerts(t.db, min(25));
    expect((await noticesOf(id, 'sla_warning')).map((n) => n.userId)).toContain(agent.id);
  });

  it('runs at once from two database connections create each alert and its notices once', async () => {
    const { id } = await setup();
    // A second connection to the same database when on a PostgreSQL server; PGlite has one connection, so the runs interleave on it.
    let second: Awaited<ReturnType<typeof openDatabase>> | null = null;
    if (t.database.engine === 'postgres' && process.env.TEST_DATABASE_URL) {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${rows[0]!.name}`;
      second = await openDatabase({ kind: 'postgres', url: url.toString() });
    }
    const count = async () => Number((await t.db.selectFrom('slaAlerts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    try {
      const results = await Promise.all([runSlaAlerts(t.db, min(31)), runSlaAlerts(second?.db ?? t.db, min(31)), runSlaAlerts(t.db, min(31))]);
      // every alert recorded was counted by exactly one of the runs
      expect(results.reduce((n, r) => n + r.warnings + r.breaches, 0)).toBe((await count()) - before);
      expect(await alertsOf(id)).toEqual([
        { clock: 'response', level: 'breach' },
        { clock: 'response', level: 'warning' },
      ]);
      const breaches = await noticesOf(id, 'sla_breach');
      expect(new Set(breaches.map((b) => b.userId)).size).toBe(breaches.length);
    } finally {
      await second?.close();
    }
  });
});
