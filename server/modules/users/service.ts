import type { Kysely, Transaction } from 'kysely';
import { likePattern } from '../../../core/search.ts';
import type { DB, Role } from '../../db/schema.ts';
import type { Actor, ServiceContext } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { CreateUser, UpdateUser } from './schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Accounts bound to a person or a customer stop when that person or customer is deactivated. */
export async function deactivateAccounts(trx: Transaction<DB>, owner: { employeeId: string } | { customerId: string }) {
  let q = trx.updateTable('users').set({ active: false, updatedAt: new Date() });
  q = 'employeeId' in owner ? q.where('employeeId', '=', owner.employeeId) : q.where('customerId', '=', owner.customerId);
  const users = await q.returning('id').execute();
  if (users.length) await trx.deleteFrom('sessions').where('userId', 'in', users.map((u) => u.id)).execute();
}

function baseQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('employees', 'employees.id', 'users.employeeId')
    .leftJoin('customers', 'customers.id', 'users.customerId')
    .select([
      'users.id',
      'users.username',
      'users.displayName',
      'users.role',
      'users.department',
      'users.employeeId',
      'users.customerId',
      'users.locale',
      'users.active',
      'users.version',
      'employees.name as employeeName',
      'customers.name as customerName',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(_actor: Actor, u: Row) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    department: u.department,
    employee: u.employeeId ? { id: u.employeeId, name: u.employeeName ?? '' } : null,
    customer: u.customerId ? { id: u.customerId, name: u.customerName ?? '' } : null,
    locale: u.locale,
    active: u.active,
    version: u.version,
    abilities: { update: true, resetPassword: true },
  };
}

export async function listUsers(ctx: ServiceContext, query: { q?: string; role?: Role; limit: number; cursor?: string }) {
  let q = baseQuery(ctx.db).orderBy('users.username').orderBy('users.id').limit(query.limit + 1);
  if (query.role) q = q.where('users.role', '=', query.role);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) => eb.or([eb('users.username', 'ilike', pattern), eb('users.displayName', 'ilike', pattern)]));
  }
  const after = decodeCursor(query.cursor);
  if (after) q = q.where((eb) => eb(eb.refTuple('users.username', 'users.id'), '>', eb.tuple(after.key, after.id)));
  const { items, nextCursor } = pageOf(await q.execute(), query.limit, (u) => u.username);
  return { items: items.map((u) => present(ctx.actor, u)), nextCursor };
}

async function getUser(ctx: ServiceContext, id: string) {
  const row = await baseQuery(ctx.db).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound();
  return present(ctx.actor, row);
}

/** A customer account must name its customer, a department account its department; links must exist. */
async function checkLinks(db: Db, u: { role: Role; department: string | null; employeeId: string | null; customerId: string | null }) {
  if (u.role === 'customer' && !u.customerId) throw errors.invalidField('customerId', 'field.required');
  if (u.role === 'department' && !u.department) throw errors.invalidField('department', 'field.required');
  if (u.employeeId && !(await db.selectFrom('employees').select('id').where('id', '=', u.employeeId).executeTakeFirst())) {
    throw errors.invalidField('employeeId', 'field.reference');
  }
  if (u.customerId && !(await db.selectFrom('customers').select('id').where('id', '=', u.customerId).executeTakeFirst())) {
    throw errors.invalidField('customerId', 'field.reference');
  }
}

export async function createUser(ctx: ServiceContext, input: CreateUser) {
  await checkLinks(ctx.db, input);
  const { password, ...fields } = input;
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('users').values({ ...fields, passwordHash }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after: row });
    return row.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUser) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound();
    const { version, ...fields } = input;
    await checkLinks(trx, { ...before, ...fields });
    if (id === ctx.actor.userId && (fields.active === false || (fields.role && fields.role !== 'admin'))) {
      throw errors.businessRule('An administrator cannot lock themselves out');
    }
    const after = await updateVersioned(trx, 'users', id, version, fields);
    if (fields.active === false) await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    await writeAudit(trx, ctx, { action: 'user.update', entityType: 'user', entityId: id, before, after });
  });
  return getUser(ctx, id);
}

export async function resetPassword(ctx: ServiceContext, id: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateVersioned(trx, 'users', id, null, { passwordHash, passwordChangedAt: new Date() });
    await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    await writeAudit(trx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
