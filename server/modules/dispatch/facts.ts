import type { Kysely, Transaction } from 'kysely';
import type { Requirement } from '../../../core/dispatch/eligibility.ts';
import type { PlanInput, PlanOrder, PlanTechnician } from '../../../core/dispatch/plan.ts';
import type { LatLng } from '../../../core/geo.ts';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import { zonedDayStart } from '../../../core/time.ts';
import type { DB, Priority } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';
import { type Availability, availabilityOn } from '../working-time/availability.ts';

// The facts dispatch decides on, gathered once per team and day: the technicians (skills,
// certificates, working time, start and end places, where they are now, the job under way)
// and the open orders that need a visit (requirement, duration, window, deadline, site).
// Every dispatch decision (ranking, planning, drag and drop, the assign action) reads these.

type Db = Kysely<DB> | Transaction<DB>;

/** Orders that still need a technician's visit; en_route and on_site are under way. */
export const VISIT_STATES = ['new', 'assigned', 'accepted', 'contacted', 'diagnosing', 'solution_proposed', 'visit_scheduled', 'en_route', 'on_site'] as const;
export const STARTED_STATES = ['en_route', 'on_site'] as const;

const place = (lat: string | null, lng: string | null): LatLng | null =>
  lat === null || lng === null ? null : { latitude: Number(lat), longitude: Number(lng) };

export interface TechnicianDay extends PlanTechnician {
  position: string;
  availability: Availability;
  /** Latest check-in position today. */
  current: (LatLng & { at: Date }) | null;
}

export interface OrderDay extends PlanOrder {
  state: string;
  category: string;
  customerId: string;
  customerName: string;
  address: string | null;
  teamId: string | null;
  assigneeId: string | null;
  plannedArrivalAt: Date | null;
  routeSequence: number | null;
  arrivalWarnAt: Date | null;
  started: boolean;
  version: number;
}

export interface DispatchDay {
  team: { id: string; name: string; region: string; base: LatLng | null; baseAddress: string | null };
  day: string;
  timeZone: string;
  /** A PlanInput whose technicians and orders carry the board's facts too. */
  input: Omit<PlanInput, 'technicians' | 'orders'> & { technicians: TechnicianDay[]; orders: OrderDay[] };
}

/** The requirement of an order: its own once set (service minutes mark that), else its category's default. */
export async function requirementFor(
  db: Db,
  order: { category: string; teamId: string | null; requiredSkill: string | null; requiredSkillLevel: number | null; serviceMinutes: number | null },
  day: string,
): Promise<{ requirement: Requirement; serviceMinutes: number }> {
  const defaults = await getSetting(db, 'dispatch.requirements', day);
  return requirementOf(defaults, order);
}

function requirementOf(
  defaults: Awaited<ReturnType<typeof getSetting<'dispatch.requirements'>>>,
  order: { category: string; teamId: string | null; requiredSkill: string | null; requiredSkillLevel: number | null; serviceMinutes: number | null },
) {
  const d = defaults[order.category] ?? { skill: null, level: 1, certificates: [], serviceMinutes: 60 };
  const own = order.serviceMinutes !== null;
  return {
    requirement: {
      skill: own ? order.requiredSkill : d.skill,
      level: own ? (order.requiredSkillLevel ?? 1) : d.level,
      certificates: d.certificates,
      teamId: order.teamId,
    },
    serviceMinutes: own ? order.serviceMinutes! : d.serviceMinutes,
  };
}

/**
 * Loads technicians' facts; `ids` narrows to some employees (else the team's technicians, or
 * every active technician when `teamId` is null). `anyPosition` also loads named employees who
 * are not technicians (the lifecycle may hand an order to any active employee: the same rules
 * then decide whether they may take it).
 */
export async function loadTechnicians(
  db: Db,
  teamId: string | null,
  day: string,
  dayStart: Date,
  now: Date,
  ids?: readonly string[],
  options: { anyPosition?: boolean } = {},
): Promise<TechnicianDay[]> {
  let q = db
    .selectFrom('employees as e')
    .leftJoin('teams as t', 't.id', 'e.teamId')
    .select(['e.id', 'e.name', 'e.position', 'e.teamId', 'e.homeLatitude', 'e.homeLongitude', 't.baseLatitude', 't.baseLongitude'])
    .where('e.status', '=', 'active');
  if (!(ids && options.anyPosition)) q = q.where('e.position', 'in', TECHNICIAN_POSITIONS);
  if (ids) q = q.where('e.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  else if (teamId) q = q.where('e.teamId', '=', teamId);
  const rows = await q.orderBy('e.employeeNo').execute();
  if (rows.length === 0) return [];
  const employeeIds = rows.map((r) => r.id);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const [skills, certificates, availability, checkIns, started] = await Promise.all([
    db.selectFrom('employeeSkills').select(['employeeId', 'skill', 'level']).where('employeeId', 'in', employeeIds).execute(),
    db.selectFrom('employeeCertificates').select(['employeeId', 'name', 'expiresOn']).where('employeeId', 'in', employeeIds).execute(),
    availabilityOn(db, employeeIds, day),
    db
      .selectFrom('workOrderEvents')
      .select(['actorEmployeeId', 'latitude', 'longitude', 'at'])
      .where('actorEmployeeId', 'in', employeeIds)
      .where('latitude', 'is not', null)
      .where('at', '>=', dayStart)
      .where('at', '<', dayEnd)
      .orderBy('at', 'desc')
      .execute(),
    db
      .selectFrom('workOrders as w')
      .leftJoin('customerSites as s', 's.id', 'w.siteId')
      .select(['w.id', 'w.number', 'w.assigneeId', 'w.state', 'w.category', 'w.teamId', 'w.requiredSkill', 'w.requiredSkillLevel', 'w.serviceMinutes', 'w.arrivedAt', 'w.expectedArrivalAt', 's.latitude', 's.longitude'])
      .where('w.assigneeId', 'in', employeeIds)
      .where('w.state', 'in', STARTED_STATES)
      .execute(),
  ]);
  const defaults = await getSetting(db, 'dispatch.requirements', day);
  return rows.map((r): TechnicianDay => {
    const a = availability.get(r.id)!;
    const home = place(r.homeLatitude, r.homeLongitude);
    const base = place(r.baseLatitude, r.baseLongitude);
    const start = a.shift?.startsFrom === 'home' ? (home ?? base) : (base ?? home);
    const end = a.shift?.endsAt === 'home' ? (home ?? base) : (base ?? home);
    const last = checkIns.find((c) => c.actorEmployeeId === r.id);
    const job = started.find((s) => s.assigneeId === r.id && s.latitude !== null);
    let underWay: PlanTechnician['started'] = null;
    if (job) {
      const minutes = requirementOf(defaults, job).serviceMinutes;
      const arrived = job.arrivedAt ?? job.expectedArrivalAt ?? now;
      const until = new Date(Math.max(arrived.getTime() + minutes * 60_000, now.getTime()));
      underWay = { orderId: job.id, number: job.number, at: place(job.latitude, job.longitude)!, arrivedAt: arrived, until };
    }
    return {
      id: r.id,
      name: r.name,
      position: r.position,
      teamId: r.teamId,
      skills: skills.filter((s) => s.employeeId === r.id).map((s) => ({ skill: s.skill, level: s.level })),
      certificates: certificates.filter((c) => c.employeeId === r.id).map((c) => ({ name: c.name, expiresOn: c.expiresOn })),
      shift: a.shift ? { start: a.shift.start, end: a.shift.end } : null,
      leave: a.leave,
      start,
      end,
      started: underWay,
      availability: a,
      current: last && last.latitude !== null ? { latitude: Number(last.latitude), longitude: Number(last.longitude), at: last.at } : null,
    };
  });
}

/** Loads orders' facts: the team's open orders needing a visit on the day, or the given ids. */
export async function loadOrders(db: Db, teamId: string | null, day: string, dayStart: Date, ids?: readonly string[]): Promise<OrderDay[]> {
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
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
  if (ids) q = q.where('w.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
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
  const rows = await q.orderBy('w.receivedAt').execute();
  const [defaults, objective] = await Promise.all([getSetting(db, 'dispatch.requirements', day), getSetting(db, 'dispatch.objective', day)]);
  return rows.map((r): OrderDay => {
    const { requirement, serviceMinutes } = requirementOf(defaults, r);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      priority: r.priority,
      location: place(r.latitude, r.longitude),
      requirement,
      serviceMinutes,
      windowFrom: r.preferredFrom,
      windowTo: r.preferredTo,
      deadline: r.arrivalDueAt,
      hardDeadline: objective.hardDeadline[r.priority as Priority],
      currentTechnicianId: r.assigneeId,
      state: r.state,
      category: r.category,
      customerId: r.customerId,
      customerName: r.customerName,
      address: r.address,
      teamId: r.teamId,
      assigneeId: r.assigneeId,
      plannedArrivalAt: r.plannedArrivalAt,
      routeSequence: r.routeSequence,
      arrivalWarnAt: r.arrivalWarnAt,
      started: (STARTED_STATES as readonly string[]).includes(r.state),
      version: r.version,
    };
  });
}

/** Everything dispatch needs for one team and day. */
export async function loadDispatchDay(db: Db, teamId: string, day: string, now = new Date()): Promise<DispatchDay | null> {
  const team = await db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  if (!team) return null;
  const [timeZone, objective] = await Promise.all([getSetting(db, 'company.timeZone', day), getSetting(db, 'dispatch.objective', day)]);
  const dayStart = zonedDayStart(day, timeZone);
  const [technicians, orders] = await Promise.all([loadTechnicians(db, teamId, day, dayStart, now), loadOrders(db, teamId, day, dayStart)]);
  return {
    team: { id: team.id, name: team.name, region: team.region, base: place(team.baseLatitude, team.baseLongitude), baseAddress: team.baseAddress },
    day,
    timeZone,
    input: { day, dayStart, now, technicians, orders, objective },
  };
}
