import { makeDispatchable } from './dispatch.ts';
import { as, createCustomerRow, createEmployeeRow, createTeam, createUser, type Session, signIn, type TestApp, unique } from './harness.ts';

// Fixtures for the on-site-to-closed modules: a team with a technician, a customer with a site
// and an installed product, a portal user, and orders driven through the real API to a state.

export type FieldWorld = {
  teamId: string;
  supervisor: { employeeId: string; userId: string; session: Session };
  tech: { employeeId: string; userId: string; session: Session };
  agent: Session;
  customerId: string;
  siteId: string;
  /** The site's coordinates (a check-in here is 0 m away). */
  site: { latitude: number; longitude: number };
  productId: string;
  productModel: string;
  serialNumber: string;
  portal: { userId: string; session: Session };
};

export async function createFieldWorld(t: TestApp): Promise<FieldWorld> {
  const supervisorRow = await createEmployeeRow(t.db, { name: '张主管', position: 'supervisor' });
  const teamId = (await createTeam(t.db, supervisorRow.id)).id;
  await t.db.updateTable('employees').set({ teamId }).where('id', '=', supervisorRow.id).execute();
  const supervisorUser = await createUser(t.db, { role: 'supervisor', employeeId: supervisorRow.id, locale: 'zh-CN' });
  const techRow = await createEmployeeRow(t.db, { teamId, name: '李维修' });
  await t.db.updateTable('employees').set({ supervisorId: supervisorRow.id, email: `${unique('tech-')}@example.com` }).where('id', '=', techRow.id).execute();
  const techUser = await createUser(t.db, { role: 'technician', employeeId: techRow.id, locale: 'zh-CN' });
  // Eligible for any order of the default categories on any day near today (P4.1.2).
  await makeDispatchable(t.db, techRow.id);
  const agentUser = await createUser(t.db, { role: 'agent' });
  const customer = await createCustomerRow(t.db, '华东精密机械有限公司');
  await t.db.updateTable('customers').set({ email: `${unique('customer-')}@example.com` }).where('id', '=', customer.id).execute();
  const site = { latitude: 31.1, longitude: 121.4 };
  const siteId = (
    await t.db
      .insertInto('customerSites')
      .values({ customerId: customer.id, name: '一号厂房', address: '上海市闵行区春申路 1 号', city: '上海', ...site })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const productModel = 'AS-HP3000';
  const serialNumber = unique('SN-');
  const productId = (
    await t.db
      .insertInto('installedProducts')
      .values({ customerId: customer.id, siteId, model: productModel, productName: '热泵机组', serialNumber })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const portalUser = await createUser(t.db, { role: 'customer', customerId: customer.id, locale: 'zh-CN' });
  return {
    teamId,
    supervisor: { employeeId: supervisorRow.id, userId: supervisorUser.id, session: await signIn(t.app, supervisorUser.username) },
    tech: { employeeId: techRow.id, userId: techUser.id, session: await signIn(t.app, techUser.username) },
    agent: await signIn(t.app, agentUser.username),
    customerId: customer.id,
    siteId,
    site,
    productId,
    productModel,
    serialNumber,
    portal: { userId: portalUser.id, session: await signIn(t.app, portalUser.username) },
  };
}

export type OrderRef = { id: string; version: number; state: string };

export async function act(t: TestApp, session: Session, order: { id: string; version: number }, action: string, payload: Record<string, unknown> = {}, location?: unknown) {
  return as(t.app, session, {
    method: 'POST',
    url: `/api/v1/work-orders/${order.id}/transitions`,
    payload: { action, version: order.version, payload, ...(location ? { location } : {}) },
  });
}

/** The path from "received" to each state a field test starts from (a visit, not a remote fix). */
const PATH = [
  ['assign', 'supervisor'],
  ['accept', 'tech'],
  ['contact_customer', 'tech'],
  ['start_diagnosis', 'tech'],
  ['propose_solution', 'tech'],
  ['schedule_visit', 'tech'],
  ['depart', 'tech'],
  ['arrive', 'tech'],
  ['complete_work', 'tech'],
] as const;
const REACHED: Record<string, number> = {
  assigned: 1,
  accepted: 2,
  contacted: 3,
  diagnosing: 4,
  solution_proposed: 5,
  visit_scheduled: 6,
  en_route: 7,
  on_site: 8,
  work_done: 9,
};

/**
 * A new order for the world's customer, driven through the API to `state`. `arrive` checks in
 * at the site; reaching `work_done` needs the order's required checklist items done first, so
 * tests that need work_done with checklists complete them between orderAt(on_site) and the step.
 */
export async function orderAt(t: TestApp, w: FieldWorld, state: keyof typeof REACHED, extra: Record<string, unknown> = {}): Promise<OrderRef> {
  const created = await as(t.app, w.agent, {
    method: 'POST',
    url: '/api/v1/work-orders',
    payload: {
      customerId: w.customerId,
      siteId: w.siteId,
      productId: w.productId,
      title: '热泵机组不制热',
      description: '压缩机不启动，面板显示报警代码 E04。',
      category: 'fault_repair',
      priority: 'high',
      ...extra,
    },
  });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  let order: OrderRef = created.json();
  const steps = PATH.slice(0, REACHED[state]);
  for (const [action, who] of steps) {
    const payload: Record<string, unknown> =
      action === 'assign'
        ? { assigneeId: w.tech.employeeId }
        : action === 'propose_solution'
          ? { solution: '更换压缩机启动电容' }
          : action === 'schedule_visit'
            ? { visitAt: new Date(Date.now() + 3_600_000).toISOString() }
            : action === 'depart'
              ? { expectedArrivalAt: new Date(Date.now() + 1_800_000).toISOString() }
              : action === 'complete_work'
                ? { resolution: '更换启动电容后试机正常' }
                : {};
    const location = action === 'arrive' ? { ...w.site, accuracyMeters: 12 } : undefined;
    const res = await act(t, who === 'supervisor' ? w.supervisor.session : w.tech.session, order, action, payload, location);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    order = res.json();
  }
  return order;
}

export { signaturePng } from '../db/seed/signature-png.ts';
