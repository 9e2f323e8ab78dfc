import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { MonthFacts } from '../../../core/appraisal/indicators.ts';
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

/** The sets of records behind a technician's facts; each is checked against its frozen digest. */
export const FACT_SETS = ['arrivals', 'closures', 'ratings', 'growth', 'consultations', 'assists'] as const;
export type FactSet = (typeof FACT_SETS)[number];

/**
 * The records behind the facts of a period (P5.1), one row per record with its technician and,
 * where a set has parts, the part it is in (`part`, also the seed of its hash in the digest):
 *
 * - P5.1.2 arrivals: orders the technician arrived at in the period; on time (1) up to the
 *   arrival deadline (no deadline: on time); late (2); late with a recorded excuse (3), shown
 *   and not counted.
 * - P5.1.3 closures: orders closed in the period (1); reopened ones (2) were resolved and came back.
 * - P5.1.1 ratings given in the period (acceptance and surveys).
 * - P5.1.4 growth records dated in the period.
 * - P5.1.5 consulted: consultations on colleagues' orders joined in the period (1), helped:
 *   contributed to one that reached an agreed solution (2); assists: visits to orders assigned
 *   to someone else (an order visited twice counts once: SET_DISTINCT).
 *
 * `only`: a subquery of employee ids to restrict to (the drill-down), read through the
 * (assignee, time) indexes.
 */
export function factRows(w: FactsWindow, only?: RawBuilder<unknown>) {
  const by = (column: string) => (only ? sql`AND ${sql.ref(column)} IN (${only})` : sql``);
  return sql`
    arrivals AS (
      SELECT wo.assignee_id AS employee_id, wo.id,
        CASE WHEN wo.arrival_due_at IS NULL OR wo.arrived_at <= wo.arrival_due_at THEN 1 WHEN ex.work_order_id IS NULL THEN 2 ELSE 3 END AS part
      FROM work_orders wo LEFT JOIN arrival_excuses ex ON ex.work_order_id = wo.id
      WHERE wo.arrived_at >= ${w.start} AND wo.arrived_at < ${w.end} AND wo.assignee_id IS NOT NULL ${by('wo.assignee_id')}
    ),
    closures AS (
      SELECT wo.assignee_id AS employee_id, wo.id, CASE WHEN wo.reopen_count > 0 THEN 2 ELSE 1 END AS part
      FROM work_orders wo
      WHERE wo.closed_at >= ${w.start} AND wo.closed_at < ${w.end} AND wo.assignee_id IS NOT NULL ${by('wo.assignee_id')}
    ),
    ratings AS (
      SELECT cr.technician_id AS employee_id, cr.id, 0 AS part, cr.rating
      FROM customer_ratings cr
      WHERE cr.rated_at >= ${w.start} AND cr.rated_at < ${w.end} AND cr.technician_id IS NOT NULL ${by('cr.technician_id')}
    ),
    growth AS (
      SELECT g.employee_id, g.id, 0 AS part, g.kind, g.hours, g.passed, g.accepted
      FROM growth_records g
      WHERE g.occurred_on >= ${w.startsOn} AND g.occurred_on < ${w.endsOn} ${by('g.employee_id')}
    ),
    consulted AS (
      SELECT cp.employee_id, c.id, CASE WHEN cp.contributed AND c.status = 'agreed' THEN 2 ELSE 1 END AS part
      FROM consultation_participants cp JOIN consultations c ON c.id = cp.consultation_id
      WHERE cp.role = 'invited' AND cp.joined_at >= ${w.start} AND cp.joined_at < ${w.end} ${by('cp.employee_id')}
    ),
    assists AS (
      SELECT v.employee_id, v.work_order_id AS id, 0 AS part
      FROM site_visits v JOIN work_orders wo ON wo.id = v.work_order_id
      WHERE v.check_in_at >= ${w.start} AND v.check_in_at < ${w.end}
        AND v.employee_id IS NOT NULL AND v.employee_id IS DISTINCT FROM wo.assignee_id ${by('v.employee_id')}
    )`;
}

/**
 * Each set's digest, in hex: the XOR of its records' 64-bit hashes seeded with their part, so it
 * ignores order and an order moving from late to excused changes it ('0': no records).
 */
const digestOf = (set: FactSet) =>
  SET_DISTINCT.has(set) ? sql`to_hex(coalesce(bit_xor(DISTINCT uuid_hash_extended(id, part)), 0))` : sql`to_hex(coalesce(bit_xor(uuid_hash_extended(id, part)), 0))`;

/** Sets whose rows may name a record twice (an order visited twice). */
export const SET_DISTINCT: ReadonlySet<FactSet> = new Set(['assists']);

/**
 * The facts per technician counted from factRows, with each set's digest: one SELECT whose
 * result is a row per technician, so the close costs about what one aggregate query over the
 * same tables costs and the server's memory does not grow with the number of orders.
 */
export function factsSelect(w: FactsWindow) {
  const positions = sql.join(TECHNICIAN_POSITIONS.map((p) => sql.lit(p)));
  const n = (column: string, from: string) => sql`coalesce(${sql.ref(`${from}.${column}`)}, 0)`;
  const d = (from: string) => sql`coalesce(${sql.ref(`${from}.digest`)}, '0')`;
  return sql<FactsRow>`
    WITH ${factRows(w)},
    staff AS (
      SELECT e.id, e.team_id FROM employees e
      WHERE e.position IN (${positions}) AND e.hire_date < ${w.endsOn}
        AND (e.status = 'active' OR e.deactivated_at >= ${w.start})
    ),
    arr AS (
      SELECT employee_id, count(*) FILTER (WHERE part = 1) AS on_time, count(*) FILTER (WHERE part = 2) AS late,
        count(*) FILTER (WHERE part = 3) AS excused, ${digestOf('arrivals')} AS digest
      FROM arrivals GROUP BY employee_id
    ),
    clo AS (SELECT employee_id, count(*) AS closed, count(*) FILTER (WHERE part = 2) AS reopened, ${digestOf('closures')} AS digest FROM closures GROUP BY employee_id),
    rat AS (SELECT employee_id, count(*) AS rating_count, sum(rating) AS rating_sum, ${digestOf('ratings')} AS digest FROM ratings GROUP BY employee_id),
    gro AS (
      SELECT employee_id,
        coalesce(sum(hours) FILTER (WHERE kind = 'training'), 0) AS training_hours,
        count(*) FILTER (WHERE kind = 'exam' AND passed) AS exams_passed,
        count(*) FILTER (WHERE kind = 'certificate') AS certificates,
        count(*) FILTER (WHERE kind = 'innovation' AND accepted) AS innovations,
        ${digestOf('growth')} AS digest
      FROM growth GROUP BY employee_id
    ),
    con AS (SELECT employee_id, count(*) AS joined, count(*) FILTER (WHERE part = 2) AS helped, ${digestOf('consultations')} AS digest FROM consulted GROUP BY employee_id),
    ass AS (SELECT employee_id, count(DISTINCT id) AS assists, ${digestOf('assists')} AS digest FROM assists GROUP BY employee_id),
    facts AS (
      SELECT s.id AS employee_id, s.team_id,
        ${n('rating_count', 'rat')}::int AS rating_count, ${n('rating_sum', 'rat')}::int AS rating_sum,
        ${n('on_time', 'arr')}::int AS on_time, ${n('late', 'arr')}::int AS late, ${n('excused', 'arr')}::int AS excused,
        ${n('closed', 'clo')}::int AS closed, ${n('reopened', 'clo')}::int AS reopened,
        ${n('training_hours', 'gro')}::numeric(8,1) AS training_hours, ${n('exams_passed', 'gro')}::int AS exams_passed,
        ${n('certificates', 'gro')}::int AS certificates, ${n('innovations', 'gro')}::int AS innovations,
        ${n('joined', 'con')}::int AS consultations_joined, ${n('helped', 'con')}::int AS consultations_helped,
        ${n('assists', 'ass')}::int AS assists,
        ${d('arr')} AS arrivals_digest, ${d('clo')} AS closures_digest, ${d('rat')} AS ratings_digest,
        ${d('gro')} AS growth_digest, ${d('con')} AS consultations_digest, ${d('ass')} AS assists_digest
      FROM staff s
        LEFT JOIN arr ON arr.employee_id = s.id LEFT JOIN clo ON clo.employee_id = s.id LEFT JOIN rat ON rat.employee_id = s.id
        LEFT JOIN gro ON gro.employee_id = s.id LEFT JOIN con ON con.employee_id = s.id LEFT JOIN ass ON ass.employee_id = s.id
    )
    SELECT f.employee_id, f.team_id, f.rating_count, f.rating_sum, f.on_time, f.late, f.excused, f.closed, f.reopened, f.training_hours,
      f.exams_passed, f.certificates, f.innovations, f.consultations_joined, f.consultations_helped, f.assists,
      f.arrivals_digest, f.closures_digest, f.ratings_digest, f.growth_digest, f.consultations_digest, f.assists_digest,
      md5(concat_ws('|', f.rating_count, f.rating_sum, f.on_time, f.late, f.excused, f.closed, f.reopened, f.training_hours, f.exams_passed,
        f.certificates, f.innovations, f.consultations_joined, f.consultations_helped, f.assists, f.arrivals_digest, f.closures_digest,
        f.ratings_digest, f.growth_digest, f.consultations_digest, f.assists_digest)) AS facts_hash
    FROM facts f`;
}

/** One technician's facts for a period: the counts scoring reads, each set's digest, and a hash of them all. */
export type FactsRow = Omit<MonthFacts, 'trainingHours'> & {
  employeeId: string;
  teamId: string | null;
  /** numeric: text from the database driver. */
  trainingHours: number | string;
  factsHash: string;
} & Record<`${FactSet}Digest`, string>;

/** The counts scoring reads. */
export type FactCounts = Omit<FactsRow, 'employeeId' | 'teamId' | 'factsHash' | `${FactSet}Digest`>;

/** Every technician's facts for a period, from the records as they are (the close freezes them into the results). */
export async function countFacts(db: Db, w: FactsWindow): Promise<FactsRow[]> {
  return (await factsSelect(w).execute(db)).rows;
}

/** Which rows of factRows make up each set (the CTE's name) for the drill-down. */
export const SET_ROWS: Record<FactSet, string> = {
  arrivals: 'arrivals',
  closures: 'closures',
  ratings: 'ratings',
  growth: 'growth',
  consultations: 'consulted',
  assists: 'assists',
};

/**
 * The digests of some sets of one technician's records as they are now, to compare with those
 * frozen in the result: equal, the drill-down lists exactly the records that were counted.
 */
export async function digestsNow(db: Db, w: FactsWindow, employeeId: string, sets: readonly FactSet[]): Promise<Record<FactSet, string>> {
  const columns = sets.map((set) => sql`(SELECT ${digestOf(set)} FROM ${sql.table(SET_ROWS[set])}) AS ${sql.ref(set)}`);
  const { rows } = await sql<Record<FactSet, string>>`WITH ${factRows(w, sql`SELECT ${employeeId}::uuid`)} SELECT ${sql.join(columns)}`.execute(db);
  return rows[0]!;
}

/** The frozen counts and the evaluations a result's scoring reads. */
export function scoringInputs(db: Db, periodId: string, resultIds?: readonly string[]) {
  let q = db
    .selectFrom('appraisalResults')
    .select([
      'id as resultId',
      'employeeId',
      'ratingCount',
      'ratingSum',
      'onTimeCount as onTime',
      'lateCount as late',
      'excusedCount as excused',
      'closedCount as closed',
      'reopenedCount as reopened',
      'trainingHours',
      'examsPassed',
      'certificates',
      'innovations',
      'consultationsJoined',
      'consultationsHelped',
      'assistCount as assists',
      'selfScore',
      'supervisorScore',
      'teamworkRating',
      'calibratedScore',
      sql<string | null>`monthly::text`.as('monthlyText'),
    ])
    .where('periodId', '=', periodId);
  if (resultIds) q = q.where('id', 'in', resultIds.length ? resultIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}
