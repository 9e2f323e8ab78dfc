// The five indicators of one technician's month (P5.1), from the counted facts to values,
// samples and points, each with the formula that produced it. Pure: the facts are counted by
// the database (server/modules/appraisal/facts-queries.ts); this turns them into scores.
import type { AppraisalIndicators, AppraisalMeasures } from '../settings.ts';
import { type IndicatorResult, scoreIndicator, weightedScore } from './scoring.ts';

export const INDICATORS = ['customerSatisfaction', 'onTime', 'resolution', 'growth', 'teamwork'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

/** What the records of one month say about one technician. */
export interface MonthFacts {
  /** P5.1.1: ratings received (acceptance and surveys). */
  ratingCount: number;
  ratingSum: number;
  /** P5.1.2: on-site arrivals within / after the arrival deadline, and late ones excused with a reason. */
  onTime: number;
  late: number;
  excused: number;
  /** P5.1.3: orders closed, and those among them reopened after being resolved. */
  closed: number;
  reopened: number;
  /** P5.1.4 */
  trainingHours: number;
  examsPassed: number;
  certificates: number;
  innovations: number;
  /** P5.1.5 */
  consultationsJoined: number;
  consultationsHelped: number;
  assists: number;
}

export interface ScoredIndicator extends IndicatorResult {
  key: IndicatorKey;
  target: number;
  weight: number;
  /** How the value was computed from the facts, e.g. "on time 18 / (18 + 2 late) = 0.9 (1 excused, not counted)". */
  formula: string;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** Each indicator's value and sample count with its formula; a value is null when there is nothing to divide. */
export function indicatorValues(f: MonthFacts, m: AppraisalMeasures): Record<IndicatorKey, { value: number | null; samples: number; formula: string }> {
  const arrivals = f.onTime + f.late;
  const g = m.growth;
  const growth = f.trainingHours * g.perTrainingHour + f.examsPassed * g.perExamPassed + f.certificates * g.perCertificate + f.innovations * g.perInnovation;
  const t = m.teamwork;
  const teamwork = f.consultationsJoined * t.perConsultationJoined + f.consultationsHelped * t.perConsultationHelped + f.assists * t.perAssist;
  const growthSamples = (f.trainingHours > 0 ? 1 : 0) + f.examsPassed + f.certificates + f.innovations;
  return {
    customerSatisfaction: {
      value: f.ratingCount ? round(f.ratingSum / f.ratingCount, 2) : null,
      samples: f.ratingCount,
      formula: f.ratingCount ? `${f.ratingSum} / ${f.ratingCount} ratings = ${round(f.ratingSum / f.ratingCount, 2)}` : 'no ratings',
    },
    onTime: {
      value: arrivals ? round(f.onTime / arrivals, 4) : null,
      samples: arrivals,
      formula: `${f.onTime} on time / (${f.onTime} + ${f.late} late)${arrivals ? ` = ${round(f.onTime / arrivals, 4)}` : ''}; ${f.excused} excused, not counted`,
    },
    resolution: {
      value: f.closed ? round((f.closed - f.reopened) / f.closed, 4) : null,
      samples: f.closed,
      formula: `(${f.closed} closed - ${f.reopened} reopened) / ${f.closed} closed${f.closed ? ` = ${round((f.closed - f.reopened) / f.closed, 4)}` : ''}`,
    },
    growth: {
      value: round(growth, 1),
      samples: growthSamples,
      formula: `${f.trainingHours} h × ${g.perTrainingHour} + ${f.examsPassed} exams × ${g.perExamPassed} + ${f.certificates} certificates × ${g.perCertificate} + ${f.innovations} innovations × ${g.perInnovation} = ${round(growth, 1)}`,
    },
    teamwork: {
      value: round(teamwork, 1),
      samples: f.consultationsJoined + f.assists,
      formula: `${f.consultationsJoined} consultations × ${t.perConsultationJoined} + ${f.consultationsHelped} helped resolve × ${t.perConsultationHelped} + ${f.assists} assists × ${t.perAssist} = ${round(teamwork, 1)}`,
    },
  };
}

/** Points of the supervisor's 1-5 teamwork rating: 1 → 0, 5 → 100, linear. */
export const ratingPoints = (rating: number) => round(((rating - 1) / 4) * 100, 1);

/**
 * The five indicators scored on their curves, and their weighted score. The supervisor's
 * teamwork rating, once given, takes its share of the teamwork points (P5.1.5).
 */
export function scoreIndicators(
  f: MonthFacts,
  policy: { indicators: AppraisalIndicators; measures: AppraisalMeasures },
  teamworkRating: number | null,
): { indicators: ScoredIndicator[]; score: number | null; formula: string } {
  const values = indicatorValues(f, policy.measures);
  const indicators = INDICATORS.map((key): ScoredIndicator => {
    const p = policy.indicators[key];
    const v = values[key];
    const scored = scoreIndicator(key, v.value, v.samples, p);
    const base = { ...scored, key, target: p.target, weight: p.weight, formula: v.formula };
    if (key !== 'teamwork' || teamworkRating === null) return base;
    const share = policy.measures.teamwork.supervisorRatingShare;
    const fromRating = ratingPoints(teamworkRating);
    // With too few activity samples the supervisor's rating alone scores teamwork.
    const points = scored.points === null ? fromRating : round((scored.points * (100 - share) + fromRating * share) / 100, 1);
    const explanation =
      scored.points === null
        ? `supervisor rating ${teamworkRating}/5 → ${fromRating} (activity: ${scored.explanation})`
        : `${scored.points} × ${100 - share}% + supervisor rating ${teamworkRating}/5 → ${fromRating} × ${share}% = ${points} (activity: ${scored.explanation})`;
    return { ...base, points, status: 'scored', explanation };
  });
  const fallback = (key: string) => {
    const ind = indicators.find((i) => i.key === key)!;
    return scoreIndicator(key, policy.indicators[ind.key].target, Number.POSITIVE_INFINITY, policy.indicators[ind.key]).points!;
  };
  const { score, formula } = weightedScore(
    indicators.map((i) => ({ key: i.key, points: i.points, weight: i.weight })),
    policy.indicators.insufficient,
    fallback,
  );
  return { indicators, score, formula };
}
