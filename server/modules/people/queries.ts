import { type Kysely, sql, type Transaction } from 'kysely';
import { likePattern, queryGrams } from '../../../core/search.ts';
import type { DB, NewEmployee } from '../../db/schema.ts';
import type { Cursor } from '../../platform/pagination.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type EmployeeFilter = {
  q?: string;
  position?: string;
  teamId?: string;
  status: 'active' | 'inactive' | 'all';
  expiredCertificateOn?: string;
  after: Cursor | null;
  limit: number;
};

export function findEmployees(db: Db, f: EmployeeFilter) {
  let q = db
    .selectFrom('employees')
    .selectAll('employees')
    .orderBy('employeeNo')
    .orderBy('id')
    .limit(f.limit + 1);
  if (f.status !== 'all') q = q.where('status', '=', f.status);
  if (f.position) q = q.where('position', '=', f.position as never);
  if (f.teamId) q = q.where('teamId', '=', f.teamId);
  if (f.q) {
    const grams = queryGrams(f.q);
    if (grams.length) q = q.where('searchGrams', '@>', sql<string[]>`${sql.val(grams)}::text[]`);
    q = q.where('searchText', 'like', likePattern(f.q));
  }
  if (f.expiredCertificateOn) {
    const day = f.expiredCertificateOn;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('employeeCertificates as c')
          .select('c.id')
          .whereRef('c.employeeId', '=', 'employees.id')
          .where('c.expiresOn', '<', day),
      ),
    );
  }
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) => eb(eb.refTuple('employeeNo', 'id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export function findEmployeeById(db: Db, id: string) {
  return db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Skills, certificates, team and supervisor names, and linked accounts of a set of employees. */
export async function employeeDetails(db: Db, ids: string[], teamIds: string[], supervisorIds: string[]) {
  if (!ids.length) return { skills: [], certificates: [], names: [], teams: [], users: [] };
  const [skills, certificates, names, teams, users] = await Promise.all([
    db.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', ids).orderBy('level', 'desc').orderBy('skill').execute(),
    db
      .selectFrom('employeeCertificates')
      .selectAll()
      .where('employeeId', 'in', ids)
      .orderBy('expiresOn')
      .orderBy('name')
      .execute(),
    supervisorIds.length
      ? db.selectFrom('employees').select(['id', 'name']).where('id', 'in', supervisorIds).execute()
      : Promise.resolve([]),
    teamIds.length ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : Promise.resolve([]),
    db.selectFrom('users').select(['id', 'username', 'role', 'employeeId']).where('employeeId', 'in', ids).execute(),
  ]);
  return { skills, certificates, names, teams, users };
}

export function insertEmployee(db: Db, row: NewEmployee) {
  return db.insertInto('employees').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function replaceSkills(db: Db, employeeId: string, skills: ReadonlyArray<{ skill: string; level: number }>) {
  await db.deleteFrom('employeeSkills').where('employeeId', '=', employeeId).execute();
  if (skills.length) await db.insertInto('employeeSkills').values(skills.map((s) => ({ employeeId, ...s }))).execute();
}

type CertificateInput = {
  id?: string;
  name: string;
  issuer: string;
  number: string;
  issuedOn: string | null;
  expiresOn: string | null;
};

/** Certificates that keep their id are updated in place, so later records can point at them. */
export async function replaceCertificates(db: Db, employeeId: string, certificates: ReadonlyArray<CertificateInput>) {
  const keep = certificates.flatMap((c) => (c.id ? [c.id] : []));
  let del = db.deleteFrom('employeeCertificates').where('employeeId', '=', employeeId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const c of certificates) {
    const { id, ...values } = c;
    if (id) {
      await db.updateTable('employeeCertificates').set(values).where('id', '=', id).where('employeeId', '=', employeeId).execute();
    } else {
      await db.insertInto('employeeCertificates').values({ employeeId, ...values }).execute();
    }
  }
}

export function teamExists(db: Db, id: string) {
  return db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst();
}

export function listTeams(db: Db) {
  return db
    .selectFrom('teams')
    .leftJoin('employees as s', 's.id', 'teams.supervisorId')
    .selectAll('teams')
    .select(['s.name as supervisorName'])
    .select((eb) =>
      eb
        .selectFrom('employees as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.teamId', '=', 'teams.id')
        .where('m.status', '=', 'active')
        .as('memberCount'),
    )
    .orderBy('teams.name')
    .execute();
}
