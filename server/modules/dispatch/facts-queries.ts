import type { Kysely, Transaction } from 'kysely';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import type { DB } from '../../db/schema.ts';

// The SQL behind dispatch's facts (facts.ts): technicians with their skills, certificates,
// check-ins and the job under way; the open orders that need a visit on a day.

type Db = Kysely<DB> | Transaction<DB>;

/** Orders that still need a technician's visit; en_route and on_site are under way. */
export const VISIT_STATES = ['new', 'assigned', 'accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled', 'en_route', 'on_site'] as const;
export const STARTED_STATES = ['en_route', 'on_site'] as const;

const NO_ID = '00000000-0000-0000-0000-000000000000';

export function findTeamRow(db: Db, teamId: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

/** Active technicians of a team, or the given employees (of any position when `anyPosition`). */
export function technicianRows(db: Db, teamId: string | null, ids: readonly string[] | undefined, anyPosition: boolean) {
  let q = db
    .selectFrom('employees as e')
    .leftJoin('teams as t', 't.id', 'e.teamId')
    .select(['e.id', 'e.name', 'e.position', 'e.teamId', 'e.homeLatitude', 'e.homeLongitude', 't.baseLatitude', 't.baseLongitude'])
    .where('e.status', '=', 'active');
  if (!(ids && anyPosition)) q = q.where('e.position', 'in', TECHNICIAN_POSITIONS);
  if (ids) q = q.where('e.id', 'in', ids.length ? ids : [NO_ID]);
  else if (teamId) q = q.where('e.teamId', '=', teamId);
  return q.orderBy('e.employeeNo').execute();
}

export function skillsOf(db: Db, employeeIds: readonly string[]) {
  return db.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', employeeIds).execute();
}

export function certificatesOf(db: Db, employeeIds: readonly string[]) {
  return db.selectFrom('employeeCertificates').select(['employeeId', 'name', 'expiresOn']).where('employeeId', 'in', employeeIds).execute();
}

/** Positions the employees' steps recorded in [start, end), newest first. */
export function checkInsBetween(db: Db, employeeIds: readonly string[], start: Date, end: Date) {
  return db
    .selectFrom('workOrderEvents')
    .select(['actorEmployeeId', 'latitude', 'longitude', 'at'])
    .where('actorEmployeeId', 'in', employeeIds)
    .where('latitude', 'is not', null)
    .where('at', '>=', start)
    .where('at', '<', end)
    .orderBy('at', 'desc')
    .execute();
}

/** The employees' orders under way (en route or on site), with their sites. */
export function startedJobsOf(db: Db, employeeIds: readonly string[]) {
  return db
    .selectFrom('workOrders as w')
    .leftJoin('customerSites as s', 's.id', 'w.siteId')
    .select(['w.id', 'w.number', 'w.assigneeId', 'w.state', 'w.category', 'w.teamId', 'w.requiredSkill', 'w.requiredSkillLevel', 'w.serviceMinutes', 'w.arrivedAt', 'w.expectedArrivalAt', 's.latitude', 's.longitude'])
    .where('w.assigneeId', 'in', employeeIds)
    .where('w.state', 'in', STARTED_STATES)
    .execute();
}

/** A team's open orders needing a visit on the day [dayStart, dayEnd), or the given orders. */
export function orderRows(db: Db, teamId: string | null, dayStart: Date, dayEnd: Date, ids?: readonly string[]) {
  let q = db
    .selectFrom('workOrders as w')
    .innerJoin('customers as c', 'c.id', 'w.customerId')
    .leftJoin('customerSites as s', 's.id', 'w.siteId')
    .select([
      'w.id',
      'w.number',
      'w.title',
      'w.state',
      'w.priority',
      'w.category',
      'w.customerId',
      'c.name as customerName',
      's.address',
      's.latitude',
      's.longitude',
      'w.teamId',
      'w.assigneeId',
      'w.requiredSkill',
      'w.requiredSkillLevel',
      'w.serviceMinutes',
      'w.preferredFrom',
      'w.preferredTo',
      'w.arrivalDueAt',
      'w.arrivalWarnAt',
      'w.plannedArrivalAt',
      'w.routeSequence',
      'w.version',
    ]);
  if (ids) q = q.where('w.id', 'in', ids.length ? ids : [NO_ID]);
  else {
    q = q
      .where('w.teamId', '=', teamId)
      .where('w.state', 'in', VISIT_STATES)
      // The day's orders: a window or planned arrival that day, or none yet (plannable any day).
      .where((eb) =>
        eb.or([
          eb.and([eb('w.preferredFrom', '<', dayEnd), eb('w.preferredTo', '>', dayStart)]),
          eb.and([eb('w.plannedArrivalAt', '>=', dayStart), eb('w.plannedArrivalAt', '<', dayEnd)]),
          eb.and([eb('w.preferredFrom', 'is', null), eb('w.plannedArrivalAt', 'is', null)]),
          eb('w.state', 'in', STARTED_STATES),
        ]),
      );
  }
  return q.orderBy('w.receivedAt').execute();
}
