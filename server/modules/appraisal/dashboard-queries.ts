import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { IndicatorKey } from '../../../core/appraisal/indicators.ts';
import type { DB } from '../../db/schema.ts';
import { type FactsWindow, factRows } from './facts-queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of the appraisal dashboards (issue 6 point 6). Everything reads the results frozen at the
// close: the scored indicators (`indicators` jsonb, aggregated by the database) and the ids of
// the records behind each figure (unnested for the drill-down). The team of a result is the
// one the technician was in when the period was computed.

/** Results a dashboard reads: one period, and a set of teams (null: every team). */
export interface ResultFilter {
  periodId: string;
  teamIds: readonly string[] | null;
  employeeId?: string;
  grade?: string;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
const inTeams = (teamIds: readonly string[]) => sql`r.team_id IN (${sql.join(teamIds.length ? teamIds : [NO_ID])})`;

function resultWhere(f: ResultFilter): RawBuilder<unknown> {
  const parts = [sql`r.period_id = ${f.periodId}`];
  if (f.teamIds) parts.push(inTeams(f.teamIds));
  if (f.employeeId) parts.push(sql`r.employee_id = ${f.employeeId}`);
  if (f.grade) parts.push(sql`r.grade = ${f.grade}`);
  return sql.join(parts, sql` AND `);
}

export function monthlyPeriodsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('appraisalPeriods')
    .select(['id', 'label', 'status', 'startsOn', sql<string>`policy::text`.as('policyText')])
    .where('kind', '=', 'monthly')
    .where('label', '>=', from)
    .where('label', '<=', to)
    .orderBy('startsOn')
    .execute();
}

export function dashboardPeriods(db: Db) {
  return db.selectFrom('appraisalPeriods').select(['id', 'label', 'kind', 'status', 'startsOn']).orderBy('startsOn', 'desc').orderBy('kind', 'desc').execute();
}

export const periodById = (db: Db, id: string) =>
  db
    .selectFrom('appraisalPeriods')
    .select(['id', 'label', 'kind', 'status', 'startsOn', 'endsOn', sql<string>`policy::text`.as('policyText')])
    .where('id', '=', id)
    .executeTakeFirst();

export function teamsByIds(db: Db, ids: readonly string[] | null) {
  let q = db.selectFrom('teams').select(['id', 'name', 'active']).orderBy('active', 'desc').orderBy('name');
  if (ids) q = q.where('id', 'in', ids.length ? ids : [NO_ID]);
  return q.execute();
}

export interface TrendRow {
  periodId: string;
  indicator: IndicatorKey;
  companyValue: string | null;
  companyPoints: string | null;
  companySamples: string;
  companyScored: number;
  companyTechnicians: number;
  teamValue: string | null;
  teamPoints: string | null;
  teamSamples: string;
  teamScored: number;
  teamTechnicians: number;
}

/**
 * Per period and indicator, over the company and over a set of teams: the mean value and mean
 * points of the technicians the indicator was scored for (too few samples: not in the means),
 * the samples behind them all, how many were scored and how many were appraised.
 */
export async function indicatorTrends(db: Db, periodIds: readonly string[], teamIds: readonly string[] | null): Promise<TrendRow[]> {
  if (!periodIds.length) return [];
  const team = teamIds ? inTeams(teamIds) : sql`false`;
  const scored = sql`i.item->>'status' = 'scored'`;
  const result = await sql<TrendRow>`
    SELECT r.period_id, i.item->>'key' AS indicator,
      avg((i.item->>'value')::numeric) FILTER (WHERE ${scored}) AS company_value,
      avg((i.item->>'points')::numeric) FILTER (WHERE ${scored}) AS company_points,
      coalesce(sum((i.item->>'samples')::numeric), 0) AS company_samples,
      count(*) FILTER (WHERE ${scored})::int AS company_scored,
      count(*)::int AS company_technicians,
      avg((i.item->>'value')::numeric) FILTER (WHERE ${scored} AND ${team}) AS team_value,
      avg((i.item->>'points')::numeric) FILTER (WHERE ${scored} AND ${team}) AS team_points,
      coalesce(sum((i.item->>'samples')::numeric) FILTER (WHERE ${team}), 0) AS team_samples,
      count(*) FILTER (WHERE ${scored} AND ${team})::int AS team_scored,
      count(*) FILTER (WHERE ${team})::int AS team_technicians
    FROM appraisal_results r
      CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.indicators->'items', '[]'::jsonb)) AS i(item)
    WHERE r.period_id IN (${sql.join(periodIds)})
    GROUP BY r.period_id, i.item->>'key'`.execute(db);
  return result.rows;
}

/** How many results of a period have each grade, over the company and over a set of teams (grade null: not graded yet). */
export async function gradeCounts(db: Db, periodId: string, teamIds: readonly string[] | null) {
  const team = teamIds ? inTeams(teamIds) : sql`false`;
  const result = await sql<{ grade: string | null; company: number; team: number }>`
    SELECT r.grade, count(*)::int AS company, count(*) FILTER (WHERE ${team})::int AS team
    FROM appraisal_results r WHERE r.period_id = ${periodId}
    GROUP BY r.grade`.execute(db);
  return result.rows;
}

/** The results of a period in a scope, with the scored indicators as text (read as jsonb, the CamelCasePlugin would touch them). */
export function dashboardResults(db: Db, f: ResultFilter) {
  let q = db
    .selectFrom('appraisalResults as r')
    .innerJoin('employees as e', 'e.id', 'r.employeeId')
    .leftJoin('teams as t', 't.id', 'r.teamId')
    .select([
      'r.id',
      'r.employeeId',
      'e.name as employeeName',
      'e.employeeNo',
      'r.teamId',
      't.name as teamName',
      'r.status',
      sql<string | null>`r.indicators::text`.as('indicatorsText'),
      'r.indicatorScore',
      'r.selfScore',
      'r.selfLate',
      'r.supervisorScore',
      'r.customerScore',
      'r.composite',
      'r.calibratedScore',
      'r.computedGrade',
      'r.grade',
    ])
    .where('r.periodId', '=', f.periodId);
  if (f.teamIds) q = q.where('r.teamId', 'in', f.teamIds.length ? f.teamIds : [NO_ID]);
  if (f.employeeId) q = q.where('r.employeeId', '=', f.employeeId);
  if (f.grade) q = q.where('r.grade', '=', f.grade);
  return q.orderBy('e.name').orderBy('e.employeeNo').execute();
}
export type DashboardResultRow = Awaited<ReturnType<typeof dashboardResults>>[number];

export const resultOf = (db: Db, periodId: string, employeeId: string) =>
  db.selectFrom('appraisalResults').select(['id', 'teamId']).where('periodId', '=', periodId).where('employeeId', '=', employeeId).executeTakeFirst();

/** One line behind a chart point, as the database answers it (`total`: all lines, before the cap). */
export interface OrderLine {
  kind: 'order' | 'rating' | 'growth' | 'consultation' | 'assist';
  status: string;
  counted: boolean;
  workOrderId: string | null;
  number: string | null;
  title: string;
  technicianId: string;
  technicianName: string;
  at: Date | string | null;
  dueAt: Date | null;
  rating: number | null;
  source: string | null;
  amount: string | number | null;
  note: string | null;
  excuseReason: string | null;
  excuseEvidence: string | null;
  excuseBy: string | null;
  excuseAt: Date | null;
  total: number;
}

const NO_EXCUSE = sql`NULL::text AS excuse_reason, NULL::text AS excuse_evidence, NULL::text AS excuse_by, NULL::timestamptz AS excuse_at`;

/**
 * The records behind one indicator of the results in a filter, `limit` of them (the caller asks
 * one more than it shows to know whether the list was cut), problems first: late, excused and
 * reopened orders, the lowest ratings.
 */
export async function orderLines(db: Db, indicator: IndicatorKey, f: ResultFilter, w: FactsWindow, limit: number): Promise<OrderLine[]> {
  const sets = factRows(w, sql`SELECT r.employee_id FROM appraisal_results r WHERE ${resultWhere(f)}`);
  const tech = sql`e.id AS technician_id, e.name AS technician_name`;
  let query: RawBuilder<OrderLine>;
  switch (indicator) {
    // P5.1.2: arrivals on time, late, and late with a recorded excuse (shown, not counted).
    case 'onTime':
      query = sql<OrderLine>`
        WITH ${sets},
        ids AS (SELECT employee_id, id, CASE part WHEN 1 THEN 'on_time' WHEN 2 THEN 'late' ELSE 'excused' END AS status FROM arrivals)
        SELECT 'order' AS kind, ids.status, ids.status <> 'excused' AS counted, wo.id AS work_order_id, wo.number, wo.title, ${tech},
          wo.arrived_at AS at, wo.arrival_due_at AS due_at, NULL::int AS rating, NULL::text AS source, NULL::numeric AS amount, NULL::text AS note,
          ex.reason AS excuse_reason, ex.evidence AS excuse_evidence, ex.recorded_by_label AS excuse_by, ex.recorded_at AS excuse_at,
          count(*) OVER ()::int AS total
        FROM ids JOIN work_orders wo ON wo.id = ids.id JOIN employees e ON e.id = ids.employee_id
          LEFT JOIN arrival_excuses ex ON ex.work_order_id = wo.id
        ORDER BY CASE ids.status WHEN 'late' THEN 0 WHEN 'excused' THEN 1 ELSE 2 END, wo.arrived_at DESC, wo.number
        LIMIT ${limit}`;
      break;
    // P5.1.3: orders closed; reopened ones came back after being resolved.
    case 'resolution':
      query = sql<OrderLine>`
        WITH ${sets},
        ids AS (SELECT employee_id, id, CASE part WHEN 2 THEN 'reopened' ELSE 'closed' END AS status FROM closures)
        SELECT 'order' AS kind, ids.status, true AS counted, wo.id AS work_order_id, wo.number, wo.title, ${tech},
          wo.closed_at AS at, wo.resolution_due_at AS due_at, NULL::int AS rating, NULL::text AS source, wo.reopen_count::numeric AS amount,
          NULL::text AS note, ${NO_EXCUSE}, count(*) OVER ()::int AS total
        FROM ids JOIN work_orders wo ON wo.id = ids.id JOIN employees e ON e.id = ids.employee_id
        ORDER BY CASE ids.status WHEN 'reopened' THEN 0 ELSE 1 END, wo.closed_at DESC, wo.number
        LIMIT ${limit}`;
      break;
    // P5.1.1: the ratings, with the orders they rate.
    case 'customerSatisfaction':
      query = sql<OrderLine>`
        WITH ${sets},
        ids AS (SELECT employee_id, id FROM ratings)
        SELECT 'rating' AS kind, 'rating' AS status, true AS counted, wo.id AS work_order_id, wo.number, wo.title, ${tech},
          cr.rated_at AS at, NULL::timestamptz AS due_at, cr.rating::int AS rating, cr.source, NULL::numeric AS amount, cr.comment AS note,
          ${NO_EXCUSE}, count(*) OVER ()::int AS total
        FROM ids JOIN customer_ratings cr ON cr.id = ids.id JOIN work_orders wo ON wo.id = cr.work_order_id JOIN employees e ON e.id = ids.employee_id
        ORDER BY cr.rating, cr.rated_at DESC, wo.number
        LIMIT ${limit}`;
      break;
    // P5.1.4: growth records (a failed exam or an innovation not accepted is listed, not counted).
    case 'growth':
      query = sql<OrderLine>`
        WITH ${sets},
        ids AS (SELECT employee_id, id FROM growth)
        SELECT 'growth' AS kind, g.kind AS status,
          CASE g.kind WHEN 'exam' THEN coalesce(g.passed, false) WHEN 'innovation' THEN coalesce(g.accepted, false) ELSE true END AS counted,
          NULL::uuid AS work_order_id, NULL::text AS number, g.title, ${tech},
          g.occurred_on::text AS at, NULL::timestamptz AS due_at, NULL::int AS rating, g.source,
          CASE g.kind WHEN 'training' THEN g.hours WHEN 'exam' THEN g.score::numeric END AS amount, g.note,
          ${NO_EXCUSE}, count(*) OVER ()::int AS total
        FROM ids JOIN growth_records g ON g.id = ids.id JOIN employees e ON e.id = ids.employee_id
        ORDER BY g.occurred_on DESC, g.title
        LIMIT ${limit}`;
      break;
    // P5.1.5: consultations joined (helped: contributed to an agreed solution) and assists on colleagues' orders.
    case 'teamwork':
      query = sql<OrderLine>`
        WITH ${sets},
        con AS (SELECT employee_id, id FROM consulted),
        ass AS (SELECT DISTINCT employee_id, id FROM assists),
        lines AS (
          SELECT 'consultation' AS kind, CASE WHEN cp.contributed AND c.status = 'agreed' THEN 'helped' ELSE 'joined' END AS status,
            wo.id AS work_order_id, wo.number, wo.title, e.id AS technician_id, e.name AS technician_name,
            cp.joined_at AS at, c.topic AS note
          FROM con JOIN consultations c ON c.id = con.id
            JOIN consultation_participants cp ON cp.consultation_id = c.id AND cp.employee_id = con.employee_id
            JOIN work_orders wo ON wo.id = c.work_order_id JOIN employees e ON e.id = con.employee_id
          UNION ALL
          SELECT 'assist', 'assist', wo.id, wo.number, wo.title, e.id, e.name,
            (SELECT min(v.check_in_at) FROM site_visits v WHERE v.work_order_id = wo.id AND v.employee_id = ass.employee_id
              AND v.check_in_at >= ${w.start} AND v.check_in_at < ${w.end}), NULL::text
          FROM ass JOIN work_orders wo ON wo.id = ass.id JOIN employees e ON e.id = ass.employee_id
        )
        SELECT lines.kind, lines.status, true AS counted, lines.work_order_id, lines.number, lines.title, lines.technician_id, lines.technician_name,
          lines.at, NULL::timestamptz AS due_at, NULL::int AS rating, NULL::text AS source, NULL::numeric AS amount, lines.note,
          ${NO_EXCUSE}, count(*) OVER ()::int AS total
        FROM lines
        ORDER BY lines.at DESC NULLS LAST, lines.number
        LIMIT ${limit}`;
      break;
  }
  return (await query.execute(db)).rows;
}
