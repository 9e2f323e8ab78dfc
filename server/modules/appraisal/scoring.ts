import { type Kysely, sql, type Transaction } from 'kysely';
import { annualScore, composite, customerScore, gradesOf } from '../../../core/appraisal/cycle.ts';
import { type MonthFacts, scoreIndicators } from '../../../core/appraisal/indicators.ts';
import type {
  AppraisalAnnual,
  AppraisalComposite,
  AppraisalCycle,
  AppraisalDevelopment,
  AppraisalGrades,
  AppraisalIndicators,
  AppraisalMeasures,
} from '../../../core/settings.ts';
import type { DB } from '../../db/schema.ts';
import { datedValueAsOf } from '../settings/queries.ts';
import { factCounts } from './facts-queries.ts';
import type { PeriodRow } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Dated<T> = { value: T; effectiveFrom: string };

/** The appraisal settings a period runs on, each with the date it took effect: the policy version (frozen when the period opens). */
export interface AppraisalPolicy {
  indicators: Dated<AppraisalIndicators>;
  composite: Dated<AppraisalComposite>;
  grades: Dated<AppraisalGrades>;
  measures: Dated<AppraisalMeasures>;
  cycle: Dated<AppraisalCycle>;
  annual: Dated<AppraisalAnnual>;
  development: Dated<AppraisalDevelopment>;
}
const POLICY_KEYS = {
  indicators: 'appraisal.indicators',
  composite: 'appraisal.composite',
  grades: 'appraisal.grades',
  measures: 'appraisal.measures',
  cycle: 'appraisal.cycle',
  annual: 'appraisal.annual',
  development: 'appraisal.development',
} as const;

export async function policyAsOf(db: Db, date: string): Promise<AppraisalPolicy> {
  const entries = await Promise.all(Object.entries(POLICY_KEYS).map(async ([name, key]) => [name, await datedValueAsOf(db, key, date)] as const));
  return Object.fromEntries(entries) as unknown as AppraisalPolicy;
}

export const policyOf = (period: Pick<PeriodRow, 'policyText'>) => JSON.parse(period.policyText) as AppraisalPolicy;

/** The policy version as shown: each setting's key and effective date. */
export const policyVersion = (p: AppraisalPolicy) => Object.entries(POLICY_KEYS).map(([name, key]) => ({ key, effectiveFrom: p[name as keyof AppraisalPolicy].effectiveFrom }));

const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Scores a period's results from their frozen facts and evaluations (all of them, or some) and
 * grades them. Deterministic: the same facts, evaluations and policy give the same figures.
 * With a forced distribution every grade of the period depends on every score, so all are regraded.
 */
export async function rescore(db: Db, period: PeriodRow, resultIds?: readonly string[]): Promise<void> {
  const policy = policyOf(period);
  const rows = await factCounts(db, period.id, resultIds);
  const scored = rows.map((r) => {
    const facts: MonthFacts = {
      ratingCount: r.ratingCount,
      ratingSum: r.ratingSum,
      onTime: r.onTime,
      late: r.late,
      excused: r.excused,
      closed: r.closed,
      reopened: r.reopened,
      trainingHours: Number(r.trainingHours),
      examsPassed: r.examsPassed,
      certificates: r.certificates,
      innovations: r.innovations,
      consultationsJoined: r.consultationsJoined,
      consultationsHelped: r.consultationsHelped,
      assists: r.assists,
    };
    const ind = scoreIndicators(facts, { indicators: policy.indicators.value, measures: policy.measures.value }, r.teamworkRating);
    const customer = customerScore(r.ratingSum, r.ratingCount);
    let total: { score: number | null; formula: string };
    if (period.kind === 'annual') {
      const monthly = (r.monthly as { label: string; score: number }[] | null) ?? [];
      total = annualScore(monthly, num(r.supervisorScore), policy.annual.value);
    } else {
      total = composite({ self: num(r.selfScore), supervisor: num(r.supervisorScore), customer, indicators: ind.score }, policy.composite.value);
    }
    return {
      id: r.id,
      indicators: JSON.stringify(ind.indicators),
      indicatorScore: ind.score,
      indicatorFormula: ind.formula,
      customerScore: customer,
      composite: total.score,
      compositeFormula: total.formula,
      computedGrade: null as string | null,
      calibrated: num(r.calibratedScore),
    };
  });
  const bands = gradesOf(
    scored.map((s) => ({ id: s.id, score: s.composite })),
    { ...policy.grades.value, forcedShares: null },
  );
  for (const s of scored) s.computedGrade = bands.get(s.id) ?? null;
  await updateScores(db, scored);
  await regrade(db, period.id, policy.grades.value, policy.grades.value.forcedShares ? undefined : scored.map((s) => s.id));
}

async function updateScores(
  db: Db,
  rows: { id: string; indicators: string; indicatorScore: number | null; indicatorFormula: string; customerScore: number | null; composite: number | null; compositeFormula: string; computedGrade: string | null }[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, indicators: JSON.parse(r.indicators), compositeFormula: `${r.compositeFormula}` }));
    await sql`
      UPDATE appraisal_results r SET
        indicators = jsonb_build_object('items', v.indicators, 'formula', v.indicator_formula),
        indicator_score = v.indicator_score, customer_score = v.customer_score, composite = v.composite,
        composite_formula = v.composite_formula, computed_grade = v.computed_grade, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk.map(snake))}::jsonb) AS v(id uuid, indicators jsonb, indicator_formula text,
        indicator_score numeric, customer_score numeric, composite numeric, composite_formula text, computed_grade text)
      WHERE r.id = v.id`.execute(db);
  }
}

/** The final grades: from the calibrated score when HR calibrated, else the composite; forced to the distribution when one is set. */
async function regrade(db: Db, periodId: string, grades: AppraisalGrades, resultIds?: readonly string[]) {
  let q = db
    .selectFrom('appraisalResults')
    .select(['id', sql<string | null>`coalesce(calibrated_score, composite)`.as('score')])
    .where('periodId', '=', periodId);
  if (resultIds) q = q.where('id', 'in', resultIds.length ? resultIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.execute();
  const graded = gradesOf(
    rows.map((r) => ({ id: r.id, score: num(r.score) })),
    grades,
  );
  const values = rows.map((r) => ({ id: r.id, grade: graded.get(r.id) ?? null }));
  for (let i = 0; i < values.length; i += 2000) {
    await sql`
      UPDATE appraisal_results r SET grade = v.grade
      FROM jsonb_to_recordset(${JSON.stringify(values.slice(i, i + 2000))}::jsonb) AS v(id uuid, grade text)
      WHERE r.id = v.id AND r.grade IS DISTINCT FROM v.grade`.execute(db);
  }
}

const snake = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
