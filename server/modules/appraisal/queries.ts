import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { DEFAULT_TEMPLATES, type TemplateItem } from '../../../core/appraisal/forms.ts';
import type { PeriodSpan } from '../../../core/appraisal/cycle.ts';
import type { DB, DevelopmentActionsTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of the appraisal cycle: periods, results, history, appeals, reminders, templates.
// jsonb that holds keys people choose (policy, answers, templates) is read as text: the
// CamelCasePlugin would rename snake_case keys inside it.

export const policyText = sql<string>`policy::text`.as('policyText');

export function insertPeriodIfAbsent(
  db: Db,
  span: PeriodSpan,
  row: { policy: unknown; selfDueOn: string; reviewDueOn: string; publishDueOn: string; openedByLabel: string },
) {
  return db
    .insertInto('appraisalPeriods')
    .values({ ...span, ...row, policy: JSON.stringify(row.policy) })
    .onConflict((oc) => oc.columns(['kind', 'startsOn']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function periodColumns(db: Db) {
  return db
    .selectFrom('appraisalPeriods')
    .select([
      'id',
      'kind',
      'startsOn',
      'endsOn',
      'label',
      'status',
      policyText,
      'selfDueOn',
      'reviewDueOn',
      'publishDueOn',
      'openedByLabel',
      'openedAt',
      'computedAt',
      'publishedAt',
      'closedAt',
      'version',
    ]);
}
export type PeriodRow = Awaited<ReturnType<ReturnType<typeof periodColumns>['executeTakeFirstOrThrow']>>;

export const findPeriod = (db: Db, id: string) => periodColumns(db).where('id', '=', id).executeTakeFirst();
export const findPeriodByLabel = (db: Db, kind: 'monthly' | 'annual', label: string) =>
  periodColumns(db).where('kind', '=', kind).where('label', '=', label).executeTakeFirst();
export const listPeriodRows = (db: Db) => periodColumns(db).orderBy('startsOn', 'desc').orderBy('kind', 'desc').execute();

export function periodCounts(db: Db, periodIds: readonly string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  return db
    .selectFrom('appraisalResults as r')
    .leftJoin('appraisalAppeals as a', (j) => j.onRef('a.resultId', '=', 'r.id').on('a.status', '=', 'open'))
    .select([
      'r.periodId',
      sql<number>`count(DISTINCT r.id)::int`.as('results'),
      sql<number>`count(DISTINCT r.id) FILTER (WHERE r.self_submitted_at IS NOT NULL)::int`.as('selfDone'),
      sql<number>`count(DISTINCT r.id) FILTER (WHERE r.reviewed_at IS NOT NULL)::int`.as('reviewed'),
      sql<number>`count(DISTINCT a.id)::int`.as('appealsOpen'),
    ])
    .where('r.periodId', 'in', periodIds)
    .groupBy('r.periodId')
    .execute();
}

export function insertPeriodEvent(db: Db, e: { periodId: string; actorLabel: string; action: string; reason?: string | null; data?: unknown }) {
  return db
    .insertInto('appraisalPeriodEvents')
    .values({ periodId: e.periodId, actorLabel: e.actorLabel, action: e.action, reason: e.reason ?? null, data: e.data === undefined ? null : JSON.stringify(e.data) })
    .execute();
}

export const periodEvents = (db: Db, periodId: string) =>
  db.selectFrom('appraisalPeriodEvents').select(['id', 'at', 'actorLabel', 'action', 'reason']).where('periodId', '=', periodId).orderBy('id').execute();

/** The columns of a result people read (the id arrays are read only by the drill-down). */
export function resultColumns(db: Db) {
  return db
    .selectFrom('appraisalResults as r')
    .innerJoin('appraisalPeriods as p', 'p.id', 'r.periodId')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .leftJoin('teams as t', 't.id', 'r.teamId')
    .select([
      'r.id',
      'r.periodId',
      'p.label as periodLabel',
      'p.kind as periodKind',
      'p.status as periodStatus',
      'p.startsOn',
      'p.selfDueOn',
      'p.reviewDueOn',
      'p.publishDueOn',
      'r.employeeId',
      'e.name as employeeName',
      'e.employeeNo',
      'e.supervisorId',
      'r.teamId',
      't.name as teamName',
      't.supervisorId as teamSupervisorId',
      'r.status',
      'r.ratingCount',
      'r.ratingSum',
      sql<number>`r.on_time_count + r.late_count`.as('arrivals'),
      'r.excusedCount as excused',
      'r.closedCount as closed',
      'r.factsHash',
      sql<string | null>`r.indicators::text`.as('indicatorsText'),
      'r.indicatorScore',
      sql<string | null>`p.self_template::text`.as('selfTemplateText'),
      sql<string | null>`r.self_answers::text`.as('selfAnswersText'),
      'r.selfScore',
      'r.selfSubmittedAt',
      'r.selfLate',
      sql<string | null>`p.review_template::text`.as('reviewTemplateText'),
      sql<string | null>`r.review_answers::text`.as('reviewAnswersText'),
      'r.supervisorScore',
      'r.teamworkRating',
      'r.reviewComment',
      'r.reviewedAt',
      'r.reviewedByLabel',
      'r.customerScore',
      'r.composite',
      'r.compositeFormula',
      'r.computedGrade',
      'r.calibratedScore',
      'r.calibrationReason',
      'r.grade',
      sql<string | null>`r.monthly::text`.as('monthlyText'),
      'r.publishedAt',
      'r.acknowledgedAt',
      'r.version',
    ]);
}
export type ResultRow = Awaited<ReturnType<ReturnType<typeof resultColumns>['executeTakeFirstOrThrow']>>;

export const findResult = (db: Db, id: string) => resultColumns(db).where('r.id', '=', id).executeTakeFirst();

export function listResultRows(
  db: Db,
  f: { periodId?: string; teamIds?: readonly string[]; employeeId?: string; status?: string; limit?: number },
) {
  let q = resultColumns(db);
  if (f.periodId) q = q.where('r.periodId', '=', f.periodId);
  if (f.teamIds) q = q.where('r.teamId', 'in', f.teamIds.length ? f.teamIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.employeeId) q = q.where('r.employeeId', '=', f.employeeId);
  if (f.status) q = q.where('r.status', '=', f.status as never);
  return q.orderBy('p.startsOn', 'desc').orderBy('e.name').limit(f.limit ?? 5000).execute();
}

export function insertHistory(db: Db, h: { resultId: string; actorLabel: string; action: string; reason?: string | null; before?: unknown; after?: unknown }) {
  return db
    .insertInto('appraisalResultHistory')
    .values({
      resultId: h.resultId,
      actorLabel: h.actorLabel,
      action: h.action,
      reason: h.reason ?? null,
      before: h.before === undefined ? null : JSON.stringify(h.before),
      after: h.after === undefined ? null : JSON.stringify(h.after),
    })
    .execute();
}

export const resultHistory = (db: Db, resultId: string) =>
  db
    .selectFrom('appraisalResultHistory')
    .select(['id', 'at', 'actorLabel', 'action', 'reason', sql<string | null>`before::text`.as('beforeText'), sql<string | null>`after::text`.as('afterText')])
    .where('resultId', '=', resultId)
    .orderBy('id')
    .execute();

export const resultAppeals = (db: Db, resultId: string) => db.selectFrom('appraisalAppeals').selectAll().where('resultId', '=', resultId).orderBy('raisedAt').execute();
export const openAppeal = (db: Db, resultId: string) =>
  db.selectFrom('appraisalAppeals').selectAll().where('resultId', '=', resultId).where('status', '=', 'open').executeTakeFirst();

export const resultDevelopmentActions = (db: Db, resultId: string) =>
  db.selectFrom('developmentActions').selectAll().where('resultId', '=', resultId).orderBy('createdAt').execute();

/** Appeals with their period and employee, newest first (HR's queue). */
export function appealRows(db: Db, status?: 'open' | 'answered') {
  let q = db
    .selectFrom('appraisalAppeals as a')
    .innerJoin('appraisalResults as r', 'r.id', 'a.resultId')
    .innerJoin('appraisalPeriods as p', 'p.id', 'r.periodId')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .selectAll('a')
    .select(['p.label as periodLabel', 'e.name as employeeName'])
    .orderBy('a.raisedAt', 'desc')
    .limit(500);
  if (status) q = q.where('a.status', '=', status);
  return q.execute();
}

/** The active template of a kind; the default is installed on first use. */
export async function activeTemplate(db: Db, kind: 'self' | 'supervisor') {
  const read = () =>
    db
      .selectFrom('appraisalTemplates')
      .select(['id', 'kind', 'name', sql<string>`items::text`.as('itemsText'), 'version'])
      .where('kind', '=', kind)
      .where('active', '=', true)
      .executeTakeFirst();
  let row = await read();
  if (!row) {
    const d = DEFAULT_TEMPLATES[kind];
    await sql`INSERT INTO appraisal_templates (kind, name, items) VALUES (${kind}, ${d.name}, ${JSON.stringify(d.items)}::jsonb)
      ON CONFLICT (kind) WHERE active DO NOTHING`.execute(db);
    row = await read();
  }
  const { itemsText, ...rest } = row!;
  return { ...rest, items: JSON.parse(itemsText) as TemplateItem[] };
}

/** A manager's or HR's user ids, for escalations; a team supervisor's user id. */
export function usersByRole(db: Db, roles: readonly ('hr' | 'manager')[]) {
  return db.selectFrom('users').select(['id', 'locale', 'displayName']).where('role', 'in', roles).where('active', '=', true).execute();
}
export function usersOfEmployees(db: Db, employeeIds: readonly string[]) {
  if (!employeeIds.length) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'locale', 'displayName', 'employeeId']).where('employeeId', 'in', employeeIds).where('active', '=', true).execute();
}

/** The year's published monthly results, by month, that an annual period combines (P5.2). */
export const monthsOfYear = (db: Db, year: Pick<PeriodRow, 'startsOn' | 'endsOn'>) =>
  db
    .selectFrom('appraisalResults as r')
    .innerJoin('appraisalPeriods as p', 'p.id', 'r.periodId')
    .select(['r.employeeId', 'p.label', 'r.grade', 'r.composite', 'r.calibratedScore'])
    .where('p.kind', '=', 'monthly')
    .where('p.status', 'in', ['published', 'closed'])
    .where('p.startsOn', '>=', year.startsOn)
    .where('p.startsOn', '<', year.endsOn)
    .orderBy('p.startsOn')
    .execute();

/** A period computed: when, and the forms its results are filled in on, taken the first time. */
export const markComputed = (db: Db, periodId: string, forms: { selfTemplate: unknown[] | null; reviewTemplate: unknown[] }) =>
  sql`
    UPDATE appraisal_periods SET computed_at = now(),
      self_template = coalesce(self_template, ${forms.selfTemplate ? JSON.stringify(forms.selfTemplate) : null}::jsonb),
      review_template = coalesce(review_template, ${JSON.stringify(forms.reviewTemplate)}::jsonb)
    WHERE id = ${periodId}`.execute(db);

/**
 * Claims, by appraisal_reminders' primary key, the reminder or escalation of a period's results at
 * the given steps (each once, whichever instance runs), and returns who to tell about them.
 */
export async function claimReminders(trx: Transaction<DB>, periodId: string, nudge: { step: string; kind: string }, statuses: readonly string[]) {
  const claimed = await sql<{ subjectId: string }>`
    INSERT INTO appraisal_reminders (subject_id, step, kind)
    SELECT id, ${nudge.step}, ${nudge.kind} FROM appraisal_results
    WHERE period_id = ${periodId} AND status IN (${sql.join(statuses)})
    ON CONFLICT DO NOTHING
    RETURNING subject_id`.execute(trx);
  const ids = claimed.rows.map((r) => r.subjectId);
  if (!ids.length) return [];
  return trx
    .selectFrom('appraisalResults as r')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .leftJoin('users as u', (j) => j.onRef('u.employeeId', '=', 'r.employeeId').on('u.active', '=', true))
    .leftJoin('teams as t', 't.id', 'r.teamId')
    .leftJoin('users as su', (j) => j.onRef('su.employeeId', '=', 't.supervisorId').on('su.active', '=', true))
    .select(['r.id', 'e.name', 'u.id as userId', 'u.locale as userLocale', 'su.id as supervisorUserId', 'su.locale as supervisorLocale'])
    .where('r.id', 'in', ids)
    .execute();
}

/** Saves a result's changed fields under its version (409 stale when someone saved first: null). */
export const updateResultAt = (trx: Transaction<DB>, id: string, version: number, values: Record<string, unknown>) =>
  trx
    .updateTable('appraisalResults')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

/** Publishes a period's results; returns what the notices and development actions need. */
export const publishResults = (trx: Transaction<DB>, periodId: string, now: Date) =>
  trx
    .updateTable('appraisalResults')
    .set({ status: 'published', publishedAt: now, updatedAt: now })
    .where('periodId', '=', periodId)
    .returning(['id', 'employeeId', 'grade', 'composite', 'calibratedScore', sql<string | null>`indicators::text`.as('indicatorsText')])
    .execute();

export async function insertDevelopmentActions(trx: Transaction<DB>, actions: readonly Insertable<DevelopmentActionsTable>[]) {
  for (let i = 0; i < actions.length; i += 1000) {
    await trx
      .insertInto('developmentActions')
      .values(actions.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['resultId', 'indicator']).doNothing())
      .execute();
  }
}

/** A period's results with what reopening it needs: the step each had reached. */
export const resultsToReopen = (trx: Transaction<DB>, periodId: string) =>
  trx.selectFrom('appraisalResults').select(['id', 'status', 'grade', 'reviewedAt', 'selfSubmittedAt']).where('periodId', '=', periodId).execute();

/** Sends results back to the given steps, each change kept in the history with the reason. */
export async function reopenResults(trx: Transaction<DB>, rows: readonly { id: string; back: string; status: string; grade: string | null }[], actorLabel: string, reason: string) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await sql`
      UPDATE appraisal_results r SET status = v.back, updated_at = now()
      FROM jsonb_to_recordset(${chunk}::jsonb) AS v(id uuid, back text) WHERE r.id = v.id`.execute(trx);
    await sql`
      INSERT INTO appraisal_result_history (result_id, actor_label, action, reason, before, after)
      SELECT v.id, ${actorLabel}, 'reopened', ${reason}, jsonb_build_object('status', v.status, 'grade', v.grade), jsonb_build_object('status', v.back)
      FROM jsonb_to_recordset(${chunk}::jsonb) AS v(id uuid, back text, status text, grade text)`.execute(trx);
  }
}

export const factsHashes = (db: Db, periodId: string) => db.selectFrom('appraisalResults').select(['id', 'factsHash']).where('periodId', '=', periodId).execute();
