import type { Kysely, Transaction } from 'kysely';
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
import { type FactCounts, scoringInputs } from './facts-queries.ts';
import { finalScores, type ScoredResult, writeGrades, writeScores } from './scoring-queries.ts';
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

/** What a result is scored from: its frozen counts and its evaluations. */
export type ScoringInput = FactCounts & {
  resultId: string;
  selfScore: string | number | null;
  supervisorScore: string | number | null;
  teamworkRating: number | null;
  calibratedScore: string | number | null;
  monthly: readonly { label: string; score: number }[];
};

const monthFacts = (r: ScoringInput): MonthFacts => ({
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
});

/**
 * Scores results from their frozen facts and evaluations, and grades them: the computed grade by
 * band from the composite, the final grade from the calibrated score when HR calibrated. With a
 * forced distribution every final grade depends on every score of the period, so unless `inputs`
 * is the whole period the final grades are left to `regrade` (graded: false).
 * Deterministic: the same facts, evaluations and policy give the same figures.
 */
export function scoreResults(period: PeriodRow, inputs: readonly ScoringInput[], wholePeriod: boolean): { rows: ScoredResult[]; graded: boolean } {
  const policy = policyOf(period);
  const rows = inputs.map((r) => {
    const ind = scoreIndicators(monthFacts(r), { indicators: policy.indicators.value, measures: policy.measures.value }, r.teamworkRating);
    const customer = customerScore(r.ratingSum, r.ratingCount);
    const total =
      period.kind === 'annual'
        ? annualScore(r.monthly, num(r.supervisorScore), policy.annual.value)
        : composite({ self: num(r.selfScore), supervisor: num(r.supervisorScore), customer, indicators: ind.score }, policy.composite.value);
    return {
      id: r.resultId,
      indicators: ind.indicators,
      indicatorScore: ind.score,
      indicatorFormula: ind.formula,
      customerScore: customer,
      composite: total.score,
      compositeFormula: total.formula,
      computedGrade: null as string | null,
      grade: null as string | null,
      finalScore: num(r.calibratedScore) ?? total.score,
    };
  });
  const grades = policy.grades.value;
  const bands = gradesOf(
    rows.map((s) => ({ id: s.id, score: s.composite })),
    { ...grades, forcedShares: null },
  );
  const graded = !grades.forcedShares || wholePeriod;
  const final = graded ? gradesOf(rows.map((s) => ({ id: s.id, score: s.finalScore })), grades) : null;
  for (const s of rows) {
    s.computedGrade = bands.get(s.id) ?? null;
    s.grade = final?.get(s.id) ?? null;
  }
  return { rows, graded };
}

/** Scores a period's results again (all of them, or some) after their evaluations changed, and grades them. */
export async function rescore(db: Db, period: PeriodRow, resultIds?: readonly string[]): Promise<void> {
  const inputs = (await scoringInputs(db, period.id, resultIds)).map(({ monthlyText, ...r }) => ({ ...r, monthly: monthlyText ? JSON.parse(monthlyText) : [] }));
  const { rows, graded } = scoreResults(period, inputs, !resultIds);
  await writeScores(db, rows, graded);
  if (!graded) await regrade(db, period);
}

/** The final grades of a whole period under a forced distribution: from the calibrated score when HR calibrated, else the composite. */
export async function regrade(db: Db, period: PeriodRow): Promise<void> {
  const rows = await finalScores(db, period.id);
  const graded = gradesOf(
    rows.map((r) => ({ id: r.id, score: num(r.score) })),
    policyOf(period).grades.value,
  );
  await writeGrades(
    db,
    rows.map((r) => ({ id: r.id, grade: graded.get(r.id) ?? null })),
  );
}
