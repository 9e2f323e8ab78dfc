import { type Kysely, sql } from 'kysely';

// A result keeps the counts of its facts and, per set of records behind them, a digest that
// ignores order (the XOR of each id's 64-bit hash seeded with the part of the set it is in),
// instead of the arrays of ids: the drill-down derives the records from the same conditions and
// shows whether they are still the set that was counted (bench/appraisal.ts: building and writing
// 2.6 million ids was most of the monthly close of 5,000 technicians).
// - arrivals: on time (1), late (2), excused (3); closures: closed (1), reopened (2);
//   ratings, growth records, assists (0); consultations: joined (1), helped (2).
// The drill-down of one technician reads their orders by assignee and time. The evaluation forms
// move from every result to its period.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE appraisal_results
      ADD COLUMN on_time_count integer NOT NULL DEFAULT 0,
      ADD COLUMN late_count integer NOT NULL DEFAULT 0,
      ADD COLUMN excused_count integer NOT NULL DEFAULT 0,
      ADD COLUMN closed_count integer NOT NULL DEFAULT 0,
      ADD COLUMN reopened_count integer NOT NULL DEFAULT 0,
      ADD COLUMN assist_count integer NOT NULL DEFAULT 0,
      ADD COLUMN arrivals_digest text NOT NULL DEFAULT '0',
      ADD COLUMN closures_digest text NOT NULL DEFAULT '0',
      ADD COLUMN ratings_digest text NOT NULL DEFAULT '0',
      ADD COLUMN growth_digest text NOT NULL DEFAULT '0',
      ADD COLUMN consultations_digest text NOT NULL DEFAULT '0',
      ADD COLUMN assists_digest text NOT NULL DEFAULT '0'`.execute(db);
  const digest = (parts: [string, number][]) =>
    sql.join(
      parts.map(([column, seed]) => sql`coalesce((SELECT bit_xor(uuid_hash_extended(x, ${sql.lit(seed)})) FROM unnest(${sql.ref(column)}) AS x), 0)`),
      sql` # `,
    );
  await sql`
    UPDATE appraisal_results SET on_time_count = cardinality(on_time_ids), late_count = cardinality(late_ids),
      excused_count = cardinality(excused_ids), closed_count = cardinality(closed_ids),
      reopened_count = cardinality(reopened_ids), assist_count = cardinality(assist_ids),
      arrivals_digest = to_hex(${digest([['on_time_ids', 1], ['late_ids', 2], ['excused_ids', 3]])}),
      closures_digest = to_hex(${digest([['closed_ids', 1]])} # coalesce((SELECT bit_xor(uuid_hash_extended(x, 1) # uuid_hash_extended(x, 2)) FROM unnest(reopened_ids) AS x), 0)),
      ratings_digest = to_hex(${digest([['rating_ids', 0]])}), growth_digest = to_hex(${digest([['growth_ids', 0]])}),
      consultations_digest = to_hex(coalesce((SELECT bit_xor(uuid_hash_extended(x, CASE WHEN EXISTS (
        SELECT 1 FROM consultation_participants cp JOIN consultations c ON c.id = cp.consultation_id
        WHERE cp.consultation_id = x AND cp.employee_id = appraisal_results.employee_id AND cp.contributed AND c.status = 'agreed') THEN 2 ELSE 1 END))
        FROM unnest(consultation_ids) AS x), 0)),
      assists_digest = to_hex(${digest([['assist_ids', 0]])})`.execute(db);
  await sql`
    ALTER TABLE appraisal_results DROP COLUMN rating_ids, DROP COLUMN on_time_ids, DROP COLUMN late_ids, DROP COLUMN excused_ids,
      DROP COLUMN closed_ids, DROP COLUMN reopened_ids, DROP COLUMN growth_ids, DROP COLUMN consultation_ids, DROP COLUMN assist_ids`.execute(db);
  // The forms are the period's (one copy, taken when it opened), not each result's.
  await sql`ALTER TABLE appraisal_periods ADD COLUMN self_template jsonb, ADD COLUMN review_template jsonb`.execute(db);
  await sql`
    UPDATE appraisal_periods p SET self_template = r.self_template, review_template = r.review_template
    FROM (SELECT DISTINCT ON (period_id) period_id, self_template, review_template FROM appraisal_results ORDER BY period_id, id) r
    WHERE r.period_id = p.id`.execute(db);
  await sql`ALTER TABLE appraisal_results DROP COLUMN self_template, DROP COLUMN review_template`.execute(db);
  await sql`CREATE INDEX work_orders_assignee_arrived ON work_orders (assignee_id, arrived_at) WHERE arrived_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX work_orders_assignee_closed ON work_orders (assignee_id, closed_at) WHERE closed_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX site_visits_employee_check_in ON site_visits (employee_id, check_in_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('2026112802_appraisal_fact_digests: the id arrays it replaced cannot be rebuilt; recompute the periods instead');
}
