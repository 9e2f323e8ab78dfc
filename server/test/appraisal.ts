import { as, createEmployeeRow, createTeam, createUser, type Session, signIn, type TestApp, unique } from './harness.ts';
import { createFieldWorld, type FieldWorld } from './field.ts';

// Fixtures for the appraisal (issue 6): the field world's team with a second technician, a
// second team with its own supervisor, HR and a manager, and past orders written straight
// into the tables the monthly close reads (arrivals, closures, ratings), in October 2026.

export type AppraisalWorld = FieldWorld & {
  tech2: { employeeId: string; userId: string; session: Session };
  otherSupervisor: Session;
  otherTech: { employeeId: string };
  hr: Session;
  manager: Session;
};

export async function createAppraisalWorld(t: TestApp): Promise<AppraisalWorld> {
  const w = await createFieldWorld(t);
  const tech2Row = await createEmployeeRow(t.db, { teamId: w.teamId, name: '王安装' });
  await t.db.updateTable('employees').set({ supervisorId: w.supervisor.employeeId, position: 'installation_engineer' }).where('id', '=', tech2Row.id).execute();
  const tech2User = await createUser(t.db, { role: 'technician', employeeId: tech2Row.id });
  const otherSupRow = await createEmployeeRow(t.db, { name: '赵主管', position: 'supervisor' });
  const otherTeam = await createTeam(t.db, otherSupRow.id);
  const otherSupUser = await createUser(t.db, { role: 'supervisor', employeeId: otherSupRow.id });
  const otherTech = await createEmployeeRow(t.db, { teamId: otherTeam.id, name: '钱维修' });
  const hrUser = await createUser(t.db, { role: 'hr' });
  const managerUser = await createUser(t.db, { role: 'manager' });
  return {
    ...w,
    tech2: { employeeId: tech2Row.id, userId: tech2User.id, session: await signIn(t.app, tech2User.username) },
    otherSupervisor: await signIn(t.app, otherSupUser.username),
    otherTech: { employeeId: otherTech.id },
    hr: await signIn(t.app, hrUser.username),
    manager: await signIn(t.app, managerUser.username),
  };
}

/** An instant in Asia/Shanghai written as local wall time, e.g. at('2026-10-05 10:00'). */
export const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** A past order as the close reads it: assignee, team, arrival against its deadline, closure, reopens. */
export async function pastOrder(
  t: TestApp,
  w: FieldWorld,
  o: { assigneeId: string; arrivedAt?: Date | null; arrivalDueAt?: Date | null; closedAt?: Date | null; reopenCount?: number; teamId?: string },
) {
  const received = new Date((o.arrivedAt ?? o.closedAt ?? at('2026-10-01 09:00')).getTime() - 4 * 3_600_000);
  return t.db
    .insertInto('workOrders')
    .values({
      number: unique('WO-'),
      channel: 'phone',
      customerId: w.customerId,
      siteId: w.siteId,
      title: unique('故障 '),
      description: '测试',
      category: 'fault_repair',
      priority: 'normal',
      state: o.closedAt ? 'closed' : 'on_site',
      teamId: o.teamId ?? w.teamId,
      assigneeId: o.assigneeId,
      receivedAt: received,
      arrivedAt: o.arrivedAt ?? null,
      arrivalDueAt: o.arrivalDueAt ?? null,
      resolvedAt: o.closedAt ?? null,
      closedAt: o.closedAt ?? null,
      reopenCount: o.reopenCount ?? 0,
      sla: JSON.stringify({}),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export async function rate(t: TestApp, workOrderId: string, technicianId: string, rating: number, ratedAt: Date) {
  await t.db
    .insertInto('customerRatings')
    .values({ workOrderId, technicianId, source: 'survey', rating, answers: JSON.stringify({}), questionnaire: JSON.stringify([]), ratedAt })
    .execute();
}

/** Opens a period through the HR endpoint and returns it. */
export async function openByHr(t: TestApp, hr: Session, label: string) {
  const res = await as(t.app, hr, { method: 'POST', url: '/api/v1/appraisal/periods', payload: { label } });
  if (res.statusCode !== 201) throw new Error(`open ${label}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: string };
}
