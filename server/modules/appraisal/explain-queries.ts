import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of the drill-down (explain.ts): the records a result's frozen facts name.

type Db = Kysely<DB>;
const none = ['00000000-0000-0000-0000-000000000000'];
const orIn = (ids: readonly string[]) => (ids.length ? ids : none);

export const factIds = (db: Db, resultId: string) =>
  db
    .selectFrom('appraisalResults')
    .select(['onTimeIds', 'lateIds', 'excusedIds', 'closedIds', 'reopenedIds', 'ratingIds', 'growthIds', 'consultationIds', 'assistIds', 'employeeId'])
    .where('id', '=', resultId)
    .executeTakeFirstOrThrow();

export const arrivalRows = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('workOrders as wo')
    .leftJoin('arrivalExcuses as x', 'x.workOrderId', 'wo.id')
    .select(['wo.id', 'wo.number', 'wo.title', 'wo.arrivedAt', 'wo.arrivalDueAt', 'x.reason', 'x.evidence', 'x.recordedByLabel', 'x.recordedAt'])
    .where('wo.id', 'in', orIn(ids))
    .orderBy('wo.arrivedAt')
    .execute();

export const closureRows = (db: Db, ids: readonly string[]) =>
  db.selectFrom('workOrders').select(['id', 'number', 'title', 'closedAt', 'resolvedAt', 'reopenCount']).where('id', 'in', orIn(ids)).orderBy('closedAt').execute();

export const ratingRows = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('customerRatings as cr')
    .innerJoin('workOrders as wo', 'wo.id', 'cr.workOrderId')
    .select(['cr.rating', 'cr.source', 'cr.ratedAt', 'wo.id', 'wo.number', 'wo.title'])
    .where('cr.id', 'in', orIn(ids))
    .orderBy('cr.ratedAt')
    .execute();

export const growthRows = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('growthRecords')
    .select(['kind', 'title', 'occurredOn', 'hours', 'score', 'passed', 'accepted'])
    .where('id', 'in', orIn(ids))
    .orderBy('occurredOn')
    .execute();

export const consultationRows = (db: Db, employeeId: string, ids: readonly string[]) =>
  db
    .selectFrom('consultations as c')
    .innerJoin('workOrders as wo', 'wo.id', 'c.workOrderId')
    .innerJoin('consultationParticipants as cp', (j) => j.onRef('cp.consultationId', '=', 'c.id').on('cp.employeeId', '=', employeeId))
    .select(['c.topic', 'c.status', 'cp.contributed', 'cp.joinedAt', 'wo.id', 'wo.number'])
    .where('c.id', 'in', orIn(ids))
    .orderBy('cp.joinedAt')
    .execute();

export const assistRows = (db: Db, employeeId: string, ids: readonly string[]) =>
  db
    .selectFrom('workOrders as wo')
    .select(['wo.id', 'wo.number', 'wo.title', sql<Date | null>`(SELECT min(check_in_at) FROM site_visits v WHERE v.work_order_id = wo.id AND v.employee_id = ${employeeId})`.as('at')])
    .where('wo.id', 'in', orIn(ids))
    .execute();
