import { type Kysely, sql, type Transaction } from 'kysely';
import { TECHNICIAN_POSITIONS } from '../../../core/people.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A period's bounds: instants for the records stamped with a time, dates for those kept by day. */
export interface FactsWindow {
  start: Date;
  end: Date;
  startsOn: string;
  endsOn: string;
}

/**
 * The facts of one month per technician (P5.1), counted by the database in one statement, so
 * the monthly close costs about what one aggregate query over the same tables costs and the
 * server's memory does not grow with the number of orders. Each figure keeps the ids of the
 * records behind it (sorted, so the same inputs give the same hash), for the drill-down.
 *
 * - P5.1.2 on-time: orders the technician arrived at in the month; on time up to the arrival
 *   deadline (no deadline: on time); a late one with a recorded excuse is excused, not counted.
 * - P5.1.3 resolution: orders closed in the month; reopened ones were resolved and came back.
 * - P5.1.1 ratings given in the month (acceptance and surveys).
 * - P5.1.4 growth records dated in the month.
 * - P5.1.5 consultations on colleagues' orders joined in the month (helped: contributed to
 *   one that reached an agreed solution), and visits to orders assigned to someone else.
 *
 * Technicians are the engineer positions, hired before the period ends and not deactivated
 * before it began. Re-running it for a period replaces the facts (recompute).
 */
export function factsCtes(w: FactsWindow) {
  const positions = sql.join(TECHNICIAN_POSITIONS.map((p) => sql.lit(p)));
  return sql`
    staff AS (
      SELECT e.id, e.team_id FROM employees e
      WHERE e.position IN (${positions}) AND e.hire_date < ${w.endsOn}
        AND (e.status = 'active' OR e.deactivated_at >= ${w.start})
    ),
    arr AS (
      SELECT wo.assignee_id AS employee_id,
        array_agg(wo.id ORDER BY wo.id) FILTER (WHERE wo.arrival_due_at IS NULL OR wo.arrived_at <= wo.arrival_due_at) AS on_time_ids,
        array_agg(wo.id ORDER BY wo.id) FILTER (WHERE wo.arrived_at > wo.arrival_due_at AND ex.work_order_id IS NULL) AS late_ids,
        array_agg(wo.id ORDER BY wo.id) FILTER (WHERE wo.arrived_at > wo.arrival_due_at AND ex.work_order_id IS NOT NULL) AS excused_ids
      FROM work_orders wo LEFT JOIN arrival_excuses ex ON ex.work_order_id = wo.id
      WHERE wo.arrived_at >= ${w.start} AND wo.arrived_at < ${w.end} AND wo.assignee_id IS NOT NULL
      GROUP BY wo.assignee_id
    ),
    clo AS (
      SELECT assignee_id AS employee_id, array_agg(id ORDER BY id) AS closed_ids,
        array_agg(id ORDER BY id) FILTER (WHERE reopen_count > 0) AS reopened_ids
      FROM work_orders
      WHERE closed_at >= ${w.start} AND closed_at < ${w.end} AND assignee_id IS NOT NULL
      GROUP BY assignee_id
    ),
    rat AS (
      SELECT technician_id AS employee_id, count(*)::int AS rating_count, sum(rating)::int AS rating_sum, array_agg(id ORDER BY id) AS rating_ids
      FROM customer_ratings
      WHERE rated_at >= ${w.start} AND rated_at < ${w.end} AND technician_id IS NOT NULL
      GROUP BY technician_id
    ),
    gro AS (
      SELECT employee_id,
        coalesce(sum(hours) FILTER (WHERE kind = 'training'), 0) AS training_hours,
        count(*) FILTER (WHERE kind = 'exam' AND passed)::int AS exams_passed,
        count(*) FILTER (WHERE kind = 'certificate')::int AS certificates,
        count(*) FILTER (WHERE kind = 'innovation' AND accepted)::int AS innovations,
        array_agg(id ORDER BY id) AS growth_ids
      FROM growth_records
      WHERE occurred_on >= ${w.startsOn} AND occurred_on < ${w.endsOn}
      GROUP BY employee_id
    ),
    con AS (
      SELECT cp.employee_id, count(*)::int AS joined,
        count(*) FILTER (WHERE cp.contributed AND c.status = 'agreed')::int AS helped,
        array_agg(c.id ORDER BY c.id) AS consultation_ids
      FROM consultation_participants cp JOIN consultations c ON c.id = cp.consultation_id
      WHERE cp.role = 'invited' AND cp.joined_at >= ${w.start} AND cp.joined_at < ${w.end}
      GROUP BY cp.employee_id
    ),
    ass AS (
      SELECT v.employee_id, array_agg(DISTINCT v.work_order_id) AS assist_ids
      FROM site_visits v JOIN work_orders wo ON wo.id = v.work_order_id
      WHERE v.check_in_at >= ${w.start} AND v.check_in_at < ${w.end}
        AND v.employee_id IS NOT NULL AND v.employee_id IS DISTINCT FROM wo.assignee_id
      GROUP BY v.employee_id
    )`;
}

const ids = (column: string, from: string) => sql`coalesce(${sql.ref(`${from}.${column}`)}, '{}'::uuid[])`;

/** Freezes (or, on recompute, replaces) the facts of every technician for a period. Returns how many rows. */
export async function freezeFacts(db: Db, periodId: string, w: FactsWindow): Promise<number> {
  const result = await sql`
    WITH ${factsCtes(w)},
    facts AS (
      SELECT s.id AS employee_id, s.team_id,
        coalesce(rat.rating_count, 0) AS rating_count, coalesce(rat.rating_sum, 0) AS rating_sum, ${ids('rating_ids', 'rat')} AS rating_ids,
        ${ids('on_time_ids', 'arr')} AS on_time_ids, ${ids('late_ids', 'arr')} AS late_ids, ${ids('excused_ids', 'arr')} AS excused_ids,
        ${ids('closed_ids', 'clo')} AS closed_ids, ${ids('reopened_ids', 'clo')} AS reopened_ids,
        coalesce(gro.training_hours, 0) AS training_hours, coalesce(gro.exams_passed, 0) AS exams_passed,
        coalesce(gro.certificates, 0) AS certificates, coalesce(gro.innovations, 0) AS innovations, ${ids('growth_ids', 'gro')} AS growth_ids,
        coalesce(con.joined, 0) AS consultations_joined, coalesce(con.helped, 0) AS consultations_helped, ${ids('consultation_ids', 'con')} AS consultation_ids,
        ${ids('assist_ids', 'ass')} AS assist_ids
      FROM staff s
        LEFT JOIN arr ON arr.employee_id = s.id LEFT JOIN clo ON clo.employee_id = s.id LEFT JOIN rat ON rat.employee_id = s.id
        LEFT JOIN gro ON gro.employee_id = s.id LEFT JOIN con ON con.employee_id = s.id LEFT JOIN ass ON ass.employee_id = s.id
    )
    INSERT INTO appraisal_results (period_id, employee_id, team_id, rating_count, rating_sum, rating_ids, on_time_ids, late_ids, excused_ids,
      closed_ids, reopened_ids, training_hours, exams_passed, certificates, innovations, growth_ids,
      consultations_joined, consultations_helped, consultation_ids, assist_ids, facts_hash)
    SELECT ${periodId}, f.employee_id, f.team_id, f.rating_count, f.rating_sum, f.rating_ids, f.on_time_ids, f.late_ids, f.excused_ids,
      f.closed_ids, f.reopened_ids, f.training_hours, f.exams_passed, f.certificates, f.innovations, f.growth_ids,
      f.consultations_joined, f.consultations_helped, f.consultation_ids, f.assist_ids,
      md5(concat_ws('|', f.rating_count, f.rating_sum, f.rating_ids::text, f.on_time_ids::text, f.late_ids::text, f.excused_ids::text,
        f.closed_ids::text, f.reopened_ids::text, f.training_hours, f.exams_passed, f.certificates, f.innovations, f.growth_ids::text,
        f.consultations_joined, f.consultations_helped, f.consultation_ids::text, f.assist_ids::text))
    FROM facts f
    ON CONFLICT (period_id, employee_id) DO UPDATE SET
      team_id = EXCLUDED.team_id, rating_count = EXCLUDED.rating_count, rating_sum = EXCLUDED.rating_sum, rating_ids = EXCLUDED.rating_ids,
      on_time_ids = EXCLUDED.on_time_ids, late_ids = EXCLUDED.late_ids, excused_ids = EXCLUDED.excused_ids,
      closed_ids = EXCLUDED.closed_ids, reopened_ids = EXCLUDED.reopened_ids, training_hours = EXCLUDED.training_hours,
      exams_passed = EXCLUDED.exams_passed, certificates = EXCLUDED.certificates, innovations = EXCLUDED.innovations,
      growth_ids = EXCLUDED.growth_ids, consultations_joined = EXCLUDED.consultations_joined,
      consultations_helped = EXCLUDED.consultations_helped, consultation_ids = EXCLUDED.consultation_ids,
      assist_ids = EXCLUDED.assist_ids, facts_hash = EXCLUDED.facts_hash, updated_at = now()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The counts a result's scoring reads (the id arrays stay in the database). */
export function factCounts(db: Db, periodId: string, resultIds?: readonly string[]) {
  let q = db
    .selectFrom('appraisalResults')
    .select([
      'id',
      'employeeId',
      'ratingCount',
      'ratingSum',
      sql<number>`cardinality(on_time_ids)`.as('onTime'),
      sql<number>`cardinality(late_ids)`.as('late'),
      sql<number>`cardinality(excused_ids)`.as('excused'),
      sql<number>`cardinality(closed_ids)`.as('closed'),
      sql<number>`cardinality(reopened_ids)`.as('reopened'),
      'trainingHours',
      'examsPassed',
      'certificates',
      'innovations',
      'consultationsJoined',
      'consultationsHelped',
      sql<number>`cardinality(assist_ids)`.as('assists'),
      'selfScore',
      'supervisorScore',
      'teamworkRating',
      'calibratedScore',
      'monthly',
    ])
    .where('periodId', '=', periodId);
  if (resultIds) q = q.where('id', 'in', resultIds.length ? resultIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}
