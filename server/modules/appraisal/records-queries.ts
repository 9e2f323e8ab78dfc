import { type Kysely, sql, type Transaction } from 'kysely';
import type { TemplateItem } from '../../../core/appraisal/forms.ts';
import type { DB, ExcuseReason, GrowthKind } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of the appraisal records (issue 6): evaluation templates (P5.3.1-2), growth records
// (P5.1.4), excused arrivals (P5.1.2), and the results as payroll, promotion and training read
// them (P5.4). jsonb holding keys people choose (template items, suggestions keyed 'zh-CN') is
// read as text: the CamelCasePlugin would rename keys inside it.

const NO_ID = '00000000-0000-0000-0000-000000000000';
const anyOf = (ids: readonly string[]) => (ids.length ? ids : [NO_ID]);

/** Who may see whose records: everyone, a supervisor's people (teams led, or reporting to them), or one employee. */
export type PeopleScope = 'all' | { teamIds: readonly string[]; supervisorId: string | null } | { employeeId: string | null };

/** The scope as a condition on the joined `employees AS e`. */
function inScope(scope: PeopleScope) {
  if (scope === 'all') return sql<boolean>`true`;
  if ('employeeId' in scope) return sql<boolean>`e.id = ${scope.employeeId ?? NO_ID}`;
  return sql<boolean>`(e.team_id IN (${sql.join(anyOf(scope.teamIds))}) OR e.supervisor_id = ${scope.supervisorId ?? NO_ID})`;
}

// ---- templates --------------------------------------------------------------------------

/** Updates the active template of a kind on the version the caller read; undefined when it moved on. */
export function updateTemplate(db: Db, id: string, version: number, values: { name: string; items: TemplateItem[] }) {
  return db
    .updateTable('appraisalTemplates')
    .set((eb) => ({ name: values.name, items: JSON.stringify(values.items), version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('active', '=', true)
    .returning(['id', 'kind', 'name', sql<string>`items::text`.as('itemsText'), 'version'])
    .executeTakeFirst();
}

// ---- people -----------------------------------------------------------------------------

export const findEmployee = (db: Db, id: string) =>
  db.selectFrom('employees').select(['id', 'name', 'employeeNo', 'position', 'teamId', 'supervisorId']).where('id', '=', id).executeTakeFirst();
export type EmployeeRef = NonNullable<Awaited<ReturnType<typeof findEmployee>>>;

// ---- growth records ---------------------------------------------------------------------

function growthColumns(db: Db) {
  return db
    .selectFrom('growthRecords as g')
    .innerJoin('employees as e', 'e.id', 'g.employeeId')
    .select([
      'g.id',
      'g.employeeId',
      'e.name as employeeName',
      'e.teamId',
      'e.supervisorId',
      'g.kind',
      'g.occurredOn',
      'g.title',
      'g.hours',
      'g.score',
      'g.passed',
      'g.accepted',
      'g.note',
      'g.source',
      'g.recordedByLabel',
      'g.version',
    ]);
}
export type GrowthRow = Awaited<ReturnType<ReturnType<typeof growthColumns>['executeTakeFirstOrThrow']>>;

export const findGrowth = (db: Db, id: string) => growthColumns(db).where('g.id', '=', id).executeTakeFirst();

export function listGrowthRows(db: Db, f: { scope: PeopleScope; from: string; to: string; employeeId?: string; teamId?: string }) {
  let q = growthColumns(db).where('g.occurredOn', '>=', f.from).where('g.occurredOn', '<=', f.to);
  if (f.employeeId) q = q.where('g.employeeId', '=', f.employeeId);
  if (f.teamId) q = q.where('e.teamId', '=', f.teamId);
  return q.where(inScope(f.scope)).orderBy('g.occurredOn', 'desc').orderBy('e.name').orderBy('g.id').limit(5000).execute();
}

export function insertGrowth(
  db: Db,
  v: {
    employeeId: string;
    kind: GrowthKind;
    occurredOn: string;
    title: string;
    hours: number | null;
    score: number | null;
    passed: boolean | null;
    accepted: boolean | null;
    note: string | null;
    recordedBy: string;
    recordedByLabel: string;
  },
) {
  return db.insertInto('growthRecords').values(v).returning('id').executeTakeFirstOrThrow();
}

export const deleteGrowth = (db: Db, id: string) => db.deleteFrom('growthRecords').where('id', '=', id).returningAll().executeTakeFirst();

// ---- excused arrivals -------------------------------------------------------------------

export const findOrder = (db: Db, id: string) =>
  db.selectFrom('workOrders').select(['id', 'number', 'title', 'teamId', 'assigneeId', 'arrivedAt', 'arrivalDueAt']).where('id', '=', id).executeTakeFirst();

export const findAttachment = (db: Db, id: string) => db.selectFrom('attachments').select(['id', 'workOrderId']).where('id', '=', id).executeTakeFirst();

function excuseColumns(db: Db) {
  return db
    .selectFrom('arrivalExcuses as x')
    .innerJoin('workOrders as wo', 'wo.id', 'x.workOrderId')
    .leftJoin('employees as a', 'a.id', 'wo.assigneeId')
    .select([
      'x.workOrderId',
      'wo.number',
      'wo.title',
      'wo.teamId',
      'a.name as assigneeName',
      'wo.arrivedAt',
      'wo.arrivalDueAt',
      'x.reason',
      'x.evidence',
      'x.attachmentId',
      'x.recordedByLabel',
      'x.recordedAt',
    ]);
}
export type ExcuseRow = Awaited<ReturnType<ReturnType<typeof excuseColumns>['executeTakeFirstOrThrow']>>;

export const findExcuse = (db: Db, workOrderId: string) => excuseColumns(db).where('x.workOrderId', '=', workOrderId).executeTakeFirst();

/** Excuses of the orders arrived at in [start, end), of one team or of the supervisor's teams. */
export function listExcuseRows(db: Db, f: { start: Date; end: Date; teamId?: string; teamIds?: readonly string[] }) {
  let q = excuseColumns(db).where('wo.arrivedAt', '>=', f.start).where('wo.arrivedAt', '<', f.end);
  if (f.teamId) q = q.where('wo.teamId', '=', f.teamId);
  if (f.teamIds) q = q.where('wo.teamId', 'in', anyOf(f.teamIds));
  return q.orderBy('wo.arrivedAt').orderBy('wo.number').limit(5000).execute();
}

export function upsertExcuse(
  db: Db,
  v: { workOrderId: string; reason: ExcuseReason; evidence: string; attachmentId: string | null; recordedBy: string; recordedByLabel: string },
) {
  return db
    .insertInto('arrivalExcuses')
    .values(v)
    .onConflict((oc) =>
      oc.column('workOrderId').doUpdateSet({
        reason: v.reason,
        evidence: v.evidence,
        attachmentId: v.attachmentId,
        recordedBy: v.recordedBy,
        recordedByLabel: v.recordedByLabel,
        recordedAt: new Date(),
      }),
    )
    .execute();
}

export const rawExcuse = (db: Db, workOrderId: string) => db.selectFrom('arrivalExcuses').selectAll().where('workOrderId', '=', workOrderId).executeTakeFirst();
export const deleteExcuse = (db: Db, workOrderId: string) => db.deleteFrom('arrivalExcuses').where('workOrderId', '=', workOrderId).returningAll().executeTakeFirst();

// ---- results applied (P5.4) -------------------------------------------------------------

/** A published or closed period's graded results: what payroll (P5.4.1) and the eligibility list (P5.4.2) read. */
export function gradedResults(db: Db, periodId: string, grades?: readonly string[]) {
  let q = db
    .selectFrom('appraisalResults as r')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .leftJoin('teams as t', 't.id', 'r.teamId')
    .select([
      'r.id',
      'r.employeeId',
      'e.employeeNo',
      'e.name',
      't.name as teamName',
      'r.grade',
      sql<string>`coalesce(r.calibrated_score, r.composite)`.as('score'),
      'r.status',
    ])
    .where('r.periodId', '=', periodId)
    .where('r.grade', 'is not', null)
    .where(sql<boolean>`coalesce(r.calibrated_score, r.composite) IS NOT NULL`);
  if (grades) q = q.where('r.grade', 'in', grades.length ? grades : ['']);
  return q.orderBy(sql`coalesce(r.calibrated_score, r.composite)`, 'desc').orderBy('e.employeeNo').execute();
}

// ---- development actions (P5.4.3) -------------------------------------------------------

function developmentColumns(db: Db) {
  return db
    .selectFrom('developmentActions as d')
    .innerJoin('employees as e', 'e.id', 'd.employeeId')
    .innerJoin('appraisalResults as r', 'r.id', 'd.resultId')
    .innerJoin('appraisalPeriods as p', 'p.id', 'r.periodId')
    .select([
      'd.id',
      'd.employeeId',
      'e.name as employeeName',
      'd.resultId',
      'p.label as periodLabel',
      'd.indicator',
      'd.points',
      sql<string>`d.suggestion::text`.as('suggestionText'),
      'd.dueOn',
      'd.status',
      'd.fulfilledAt',
      'd.fulfilmentNote',
      'd.version',
    ]);
}
export type DevelopmentRow = Awaited<ReturnType<ReturnType<typeof developmentColumns>['executeTakeFirstOrThrow']>>;

export const findDevelopment = (db: Db, id: string) => developmentColumns(db).where('d.id', '=', id).executeTakeFirst();

export function listDevelopmentRows(db: Db, f: { scope: PeopleScope; employeeId?: string; status?: 'open' | 'done' | 'cancelled' }) {
  let q = developmentColumns(db);
  if (f.employeeId) q = q.where('d.employeeId', '=', f.employeeId);
  if (f.status) q = q.where('d.status', '=', f.status);
  return q.where(inScope(f.scope)).orderBy('d.dueOn').orderBy('e.name').orderBy('d.indicator').limit(5000).execute();
}

export function fulfilDevelopment(db: Db, id: string, version: number, v: { status: 'done' | 'cancelled'; note: string }) {
  return db
    .updateTable('developmentActions')
    .set((eb) => ({ status: v.status, fulfilmentNote: v.note, fulfilledAt: new Date(), version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

/** A period's status, held (FOR SHARE) until the caller's transaction ends so publishing waits for a record being written. */
export const periodStatusOf = (db: Db, kind: 'monthly' | 'annual', label: string) =>
  db.selectFrom('appraisalPeriods').select(['id', 'label', 'status']).where('kind', '=', kind).where('label', '=', label).forShare().executeTakeFirst();
