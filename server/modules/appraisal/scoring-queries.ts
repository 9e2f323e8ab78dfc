import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { FactsRow } from './facts-queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of scoring (scoring.ts): a period's results written with their facts and scores in one
// pass when the period is computed, and their scores and grades rewritten as evaluations change.

export interface ScoredResult {
  id: string;
  indicators: unknown;
  indicatorScore: number | null;
  indicatorFormula: string;
  customerScore: number | null;
  composite: number | null;
  compositeFormula: string;
  computedGrade: string | null;
  grade: string | null;
}

const CHUNK = 1000;

/** A recompute: the facts and scores replace those of the existing result; its evaluations and status stay. */
const replaceFacts = (graded: boolean) => sql`
    ON CONFLICT (period_id, employee_id) DO UPDATE SET
      team_id = EXCLUDED.team_id, rating_count = EXCLUDED.rating_count, rating_sum = EXCLUDED.rating_sum,
      on_time_count = EXCLUDED.on_time_count, late_count = EXCLUDED.late_count, excused_count = EXCLUDED.excused_count,
      closed_count = EXCLUDED.closed_count, reopened_count = EXCLUDED.reopened_count, training_hours = EXCLUDED.training_hours,
      exams_passed = EXCLUDED.exams_passed, certificates = EXCLUDED.certificates, innovations = EXCLUDED.innovations,
      consultations_joined = EXCLUDED.consultations_joined, consultations_helped = EXCLUDED.consultations_helped,
      assist_count = EXCLUDED.assist_count, arrivals_digest = EXCLUDED.arrivals_digest, closures_digest = EXCLUDED.closures_digest,
      ratings_digest = EXCLUDED.ratings_digest, growth_digest = EXCLUDED.growth_digest, consultations_digest = EXCLUDED.consultations_digest,
      assists_digest = EXCLUDED.assists_digest, facts_hash = EXCLUDED.facts_hash, monthly = EXCLUDED.monthly,
      indicators = EXCLUDED.indicators, indicator_score = EXCLUDED.indicator_score, customer_score = EXCLUDED.customer_score,
      composite = EXCLUDED.composite, composite_formula = EXCLUDED.composite_formula, computed_grade = EXCLUDED.computed_grade,
      grade = CASE WHEN ${graded} THEN EXCLUDED.grade ELSE appraisal_results.grade END, updated_at = now()`;

const scoreColumns = (r: ScoredResult) => ({
  id: r.id,
  indicators: r.indicators,
  indicator_formula: r.indicatorFormula,
  indicator_score: r.indicatorScore,
  customer_score: r.customerScore,
  composite: r.composite,
  composite_formula: r.compositeFormula,
  computed_grade: r.computedGrade,
  grade: r.grade,
});

/** The status and annual months a new result of a period starts with. */
export interface NewResults {
  periodId: string;
  status: 'self_pending' | 'review_pending';
  /** No result of the period exists yet (its first computation): plain inserts, no conflict to look for. */
  fresh: boolean;
  /** Annual results: each technician's published months (P5.2). */
  monthly: Map<string, unknown[]> | null;
}

/**
 * Writes a period's computed results: new ones inserted, existing ones (recompute) get the new
 * facts and scores and keep their evaluations and status. `graded`: the final
 * grades are in `scored` (else they are left for regrade).
 */
export async function writeResults(db: Db, start: NewResults, facts: readonly (FactsRow & { resultId: string })[], scored: readonly ScoredResult[], graded: boolean) {
  const byId = new Map(scored.map((s) => [s.id, s]));
  for (let i = 0; i < facts.length; i += CHUNK) {
    const chunk = facts.slice(i, i + CHUNK).map((f) => ({
      ...scoreColumns(byId.get(f.resultId)!),
      employee_id: f.employeeId,
      team_id: f.teamId,
      rating_count: f.ratingCount,
      rating_sum: f.ratingSum,
      on_time_count: f.onTime,
      late_count: f.late,
      excused_count: f.excused,
      closed_count: f.closed,
      reopened_count: f.reopened,
      training_hours: f.trainingHours,
      exams_passed: f.examsPassed,
      certificates: f.certificates,
      innovations: f.innovations,
      consultations_joined: f.consultationsJoined,
      consultations_helped: f.consultationsHelped,
      assist_count: f.assists,
      arrivals_digest: f.arrivalsDigest,
      closures_digest: f.closuresDigest,
      ratings_digest: f.ratingsDigest,
      growth_digest: f.growthDigest,
      consultations_digest: f.consultationsDigest,
      assists_digest: f.assistsDigest,
      facts_hash: f.factsHash,
      monthly: start.monthly ? (start.monthly.get(f.employeeId) ?? []) : null,
    }));
    await sql`
      INSERT INTO appraisal_results (id, period_id, employee_id, team_id, rating_count, rating_sum, on_time_count, late_count, excused_count,
        closed_count, reopened_count, training_hours, exams_passed, certificates, innovations, consultations_joined, consultations_helped,
        assist_count, arrivals_digest, closures_digest, ratings_digest, growth_digest, consultations_digest, assists_digest,
        facts_hash, monthly, indicators, indicator_score, customer_score, composite, composite_formula, computed_grade, grade,
        status)
      SELECT v.id, ${start.periodId}, v.employee_id, v.team_id, v.rating_count, v.rating_sum, v.on_time_count, v.late_count, v.excused_count,
        v.closed_count, v.reopened_count, v.training_hours, v.exams_passed, v.certificates, v.innovations, v.consultations_joined,
        v.consultations_helped, v.assist_count, v.arrivals_digest, v.closures_digest, v.ratings_digest, v.growth_digest,
        v.consultations_digest, v.assists_digest, v.facts_hash, v.monthly, jsonb_build_object('items', v.indicators, 'formula', v.indicator_formula),
        v.indicator_score, v.customer_score, v.composite, v.composite_formula, v.computed_grade, v.grade,
        ${start.status}
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(id uuid, employee_id uuid, team_id uuid, rating_count int, rating_sum int,
        on_time_count int, late_count int, excused_count int, closed_count int, reopened_count int, training_hours numeric, exams_passed int,
        certificates int, innovations int, consultations_joined int, consultations_helped int, assist_count int, arrivals_digest text,
        closures_digest text, ratings_digest text, growth_digest text, consultations_digest text, assists_digest text, facts_hash text, monthly jsonb,
        indicators jsonb, indicator_formula text, indicator_score numeric, customer_score numeric, composite numeric, composite_formula text,
        computed_grade text, grade text)
      ${start.fresh ? sql`` : replaceFacts(graded)}`.execute(db);
  }
}

/** Rewrites results' scores (and their final grades when `graded`). */
export async function writeScores(db: Db, rows: readonly ScoredResult[], graded: boolean) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql`
      UPDATE appraisal_results r SET
        indicators = jsonb_build_object('items', v.indicators, 'formula', v.indicator_formula),
        indicator_score = v.indicator_score, customer_score = v.customer_score, composite = v.composite,
        composite_formula = v.composite_formula, computed_grade = v.computed_grade,
        grade = CASE WHEN ${graded} THEN v.grade ELSE r.grade END, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK).map(scoreColumns))}::jsonb) AS v(id uuid, indicators jsonb, indicator_formula text,
        indicator_score numeric, customer_score numeric, composite numeric, composite_formula text, computed_grade text, grade text)
      WHERE r.id = v.id`.execute(db);
  }
}

/** Each result's final score: the calibrated score when HR calibrated, else the composite. */
export const finalScores = (db: Db, periodId: string) =>
  db
    .selectFrom('appraisalResults')
    .select(['id', sql<string | null>`coalesce(calibrated_score, composite)`.as('score')])
    .where('periodId', '=', periodId)
    .execute();

export async function writeGrades(db: Db, rows: readonly { id: string; grade: string | null }[]) {
  for (let i = 0; i < rows.length; i += 2 * CHUNK) {
    await sql`
      UPDATE appraisal_results r SET grade = v.grade
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2 * CHUNK))}::jsonb) AS v(id uuid, grade text)
      WHERE r.id = v.id AND r.grade IS DISTINCT FROM v.grade`.execute(db);
  }
}

/** The evaluations already given to a period's results (a recompute keeps them). */
export const evaluationsOf = (db: Db, periodId: string) =>
  db
    .selectFrom('appraisalResults')
    .select(['id', 'employeeId', 'selfScore', 'supervisorScore', 'teamworkRating', 'calibratedScore'])
    .where('periodId', '=', periodId)
    .execute();
