import type { Transaction } from 'kysely';
import type { DB, Employee } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { companyToday } from '../settings/service.ts';
import { deactivateAccounts } from '../users/service.ts';
import { employeePolicy } from './policy.ts';
import { presentEmployees } from './presenter.ts';
import {
  employeeDetails,
  findEmployeeById,
  findEmployees,
  insertEmployee,
  replaceCertificates,
  replaceSkills,
  teamExists,
} from './queries.ts';
import type { CreateEmployee, ListEmployees, UpdateEmployee } from './schemas.ts';
import { employeeSearchKeys } from './search-keys.ts';

type Db = ServiceContext['db'] | Transaction<DB>;

async function present(ctx: ServiceContext, db: Db, rows: Employee[]) {
  const details = await employeeDetails(
    db,
    rows.map((r) => r.id),
    [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))],
    [...new Set(rows.flatMap((r) => (r.supervisorId ? [r.supervisorId] : [])))],
  );
  return presentEmployees(ctx.actor, rows, details, await companyToday(db));
}

/** The whole record as the audit trail keeps it. */
async function snapshot(ctx: ServiceContext, db: Db, id: string) {
  const row = await findEmployeeById(db, id);
  if (!row) return null;
  const [view] = await present(ctx, db, [row]);
  if (!view) return null;
  const { abilities: _a, serviceYears: _s, ...rest } = view;
  return rest;
}

export async function listEmployees(ctx: ServiceContext, query: ListEmployees) {
  const rows = await findEmployees(ctx.db, {
    q: query.q || undefined,
    position: query.position,
    teamId: query.teamId,
    status: query.status,
    expiredCertificateOn: query.certificate === 'expired' ? await companyToday(ctx.db) : undefined,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = pageOf(rows, query.limit, (r) => r.employeeNo);
  return { items: await present(ctx, ctx.db, items), nextCursor };
}

export async function getEmployee(ctx: ServiceContext, id: string) {
  const row = await findEmployeeById(ctx.db, id);
  if (!row) throw errors.notFound();
  const [view] = await present(ctx, ctx.db, [row]);
  return view!;
}

async function checkReferences(db: Db, input: { teamId?: string | null; supervisorId?: string | null }, selfId?: string) {
  if (input.teamId && !(await teamExists(db, input.teamId))) throw errors.invalidField('teamId', 'field.reference');
  if (input.supervisorId) {
    if (input.supervisorId === selfId || !(await findEmployeeById(db, input.supervisorId))) {
      throw errors.invalidField('supervisorId', 'field.reference');
    }
  }
}

function checkLists(input: { skills?: { skill: string }[]; certificates?: { issuedOn: string | null; expiresOn: string | null }[] }) {
  const seen = new Set<string>();
  input.skills?.forEach((s, i) => {
    const key = s.skill.toLowerCase();
    if (seen.has(key)) throw errors.invalidField(`skills.${i}.skill`, 'field.duplicate');
    seen.add(key);
  });
  input.certificates?.forEach((c, i) => {
    if (c.issuedOn && c.expiresOn && c.expiresOn < c.issuedOn) {
      throw errors.invalidField(`certificates.${i}.expiresOn`, 'field.date_range');
    }
  });
}

export async function createEmployee(ctx: ServiceContext, input: CreateEmployee) {
  if (!employeePolicy.create(ctx.actor)) throw errors.forbidden();
  checkLists(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const { skills, certificates, ...fields } = input;
    const row = await insertEmployee(trx, { ...fields, ...employeeSearchKeys({ ...fields, skills }) });
    await replaceSkills(trx, row.id, skills);
    await replaceCertificates(trx, row.id, certificates);
    await writeAudit(trx, ctx, {
      action: 'employee.create',
      entityType: 'employee',
      entityId: row.id,
      after: await snapshot(ctx, trx, row.id),
    });
    return row.id;
  });
  return getEmployee(ctx, id);
}

export async function updateEmployee(ctx: ServiceContext, id: string, input: UpdateEmployee) {
  const current = await findEmployeeById(ctx.db, id);
  if (!current) throw errors.notFound();
  if (!employeePolicy.update(ctx.actor, current)) throw errors.forbidden();
  if (input.teamId !== undefined && !employeePolicy.assignTeam(ctx.actor, input.teamId)) throw errors.forbidden();
  checkLists(input);
  await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, input, id);
    const before = await snapshot(ctx, trx, id);
    const { version, skills, certificates, ...fields } = input;
    const merged = { ...current, ...fields };
    const skillsAfter =
      skills ?? (await trx.selectFrom('employeeSkills').select('skill').where('employeeId', '=', id).execute());
    await updateVersioned(trx, 'employees', id, version, { ...fields, ...employeeSearchKeys({ ...merged, skills: skillsAfter }) });
    if (skills) await replaceSkills(trx, id, skills);
    if (certificates) await replaceCertificates(trx, id, certificates);
    await writeAudit(trx, ctx, {
      action: 'employee.update',
      entityType: 'employee',
      entityId: id,
      before,
      after: await snapshot(ctx, trx, id),
    });
  });
  return getEmployee(ctx, id);
}

/** People with history are never deleted: they are deactivated, and their sign-in stops with them. */
export async function setEmployeeActive(ctx: ServiceContext, id: string, input: { version: number; reason?: string }, active: boolean) {
  const current = await findEmployeeById(ctx.db, id);
  if (!current) throw errors.notFound();
  const allowed = active ? employeePolicy.reactivate(ctx.actor, current) : employeePolicy.deactivate(ctx.actor, current);
  if (!allowed) {
    if (!ctx.actor.permissions.has('people.deactivate')) throw errors.forbidden();
    throw errors.businessRule(active ? 'The employee is already active' : 'The employee is already inactive');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateVersioned(trx, 'employees', id, input.version, {
      status: active ? 'active' : 'inactive',
      deactivatedAt: active ? null : new Date(),
      deactivationReason: active ? null : (input.reason ?? null),
    });
    if (!active) await deactivateAccounts(trx, { employeeId: id });
    await writeAudit(trx, ctx, {
      action: active ? 'employee.reactivate' : 'employee.deactivate',
      entityType: 'employee',
      entityId: id,
      before: { status: current.status },
      after: { status: active ? 'active' : 'inactive', reason: input.reason ?? null },
    });
  });
  return getEmployee(ctx, id);
}
