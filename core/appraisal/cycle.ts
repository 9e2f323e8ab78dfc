// The appraisal cycle (P5.2-P5.3), pure: which periods are due, their deadlines, what step a
// result is at and who may take the next one, which reminders and escalations are due, and
// how the parts combine into the composite and its grade.
import type { AppraisalAnnual, AppraisalComposite, AppraisalCycle, AppraisalDevelopment, AppraisalGrades } from '../settings.ts';
import type { ScoredIndicator } from './indicators.ts';
import { forceDistribution, gradeOf, weightedScore } from './scoring.ts';

export type PeriodKind = 'monthly' | 'annual';
export type PeriodStatus = 'open' | 'published' | 'closed';
export type ResultStatus = 'self_pending' | 'review_pending' | 'reviewed' | 'published' | 'acknowledged' | 'appealed' | 'answered';

export interface PeriodSpan {
  kind: PeriodKind;
  startsOn: string;
  /** Exclusive: the first day after the period. */
  endsOn: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** A business date plus days (UTC arithmetic on a date without time). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function monthPeriod(month: string): PeriodSpan {
  const [y, m] = parts(month);
  const next = m === 12 ? ymd(y + 1, 1, 1) : ymd(y, m + 1, 1);
  return { kind: 'monthly', startsOn: ymd(y, m, 1), endsOn: next, label: `${y}-${pad(m)}` };
}

export function annualPeriod(year: number): PeriodSpan {
  return { kind: 'annual', startsOn: ymd(year, 1, 1), endsOn: ymd(year + 1, 1, 1), label: String(year) };
}

/** Parses "2026-10" or "2026" into its period. */
export function periodOfLabel(label: string): PeriodSpan | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return monthPeriod(`${label}-01`);
  if (/^\d{4}$/.test(label)) return annualPeriod(Number(label));
  return null;
}

/**
 * The periods that should be open on a day (P5.2): the previous month from the 1st of each
 * month, and the previous year in January.
 */
export function periodsDue(today: string): PeriodSpan[] {
  const [y, m] = parts(today);
  const previous = m === 1 ? monthPeriod(ymd(y - 1, 12, 1)) : monthPeriod(ymd(y, m - 1, 1));
  return m === 1 ? [previous, annualPeriod(y - 1)] : [previous];
}

/** Deadlines fall on days of the month after the period (P5.2: published within the first ten days). */
export function deadlines(period: PeriodSpan, cycle: AppraisalCycle): { selfDueOn: string; reviewDueOn: string; publishDueOn: string } {
  const [y, m] = parts(period.endsOn);
  return { selfDueOn: ymd(y, m, cycle.selfDueDay), reviewDueOn: ymd(y, m, cycle.reviewDueDay), publishDueOn: ymd(y, m, cycle.publishDueDay) };
}

/** The last day an appeal may be raised against a result published on a day. */
export const appealDueOn = (publishedOn: string, cycle: AppraisalCycle) => addDays(publishedOn, cycle.appealDays);

export type Step = 'self' | 'review' | 'publish' | 'acknowledge';
export type Nudge = { step: Step; kind: 'reminder' | 'escalation'; dueOn: string };

/**
 * The reminder or escalation due today for a step with a deadline: a reminder from
 * `reminderDaysBefore` days before it up to the deadline, an escalation once it has passed.
 */
export function nudgeDue(step: Step, dueOn: string, today: string, cycle: AppraisalCycle): Nudge | null {
  if (today > dueOn) return { step, kind: 'escalation', dueOn };
  if (today >= addDays(dueOn, -cycle.reminderDaysBefore)) return { step, kind: 'reminder', dueOn };
  return null;
}

/** The steps still waiting on a result, with their deadlines. */
export function pendingSteps(
  status: ResultStatus,
  period: { status: PeriodStatus; selfDueOn: string; reviewDueOn: string },
  publishedOn: string | null,
  cycle: AppraisalCycle,
): { step: Step; dueOn: string }[] {
  if (period.status === 'open') {
    const out: { step: Step; dueOn: string }[] = [];
    if (status === 'self_pending') out.push({ step: 'self', dueOn: period.selfDueOn });
    if (status === 'self_pending' || status === 'review_pending') out.push({ step: 'review', dueOn: period.reviewDueOn });
    return out;
  }
  if (status === 'published' && publishedOn) return [{ step: 'acknowledge', dueOn: appealDueOn(publishedOn, cycle) }];
  return [];
}

export type ResultAction = 'self' | 'review' | 'calibrate' | 'acknowledge' | 'appeal' | 'answer';

/**
 * Whether an action may be taken on a result now, and if not, why. Evaluations are edited
 * only while the period is open; a published result changes only through calibration or an
 * appeal, with history kept.
 */
export function resultActionProblem(
  action: ResultAction,
  status: ResultStatus,
  periodStatus: PeriodStatus,
  ctx: { today: string; selfDueOn: string; selfSubmitted: boolean; publishedOn: string | null; cycle: AppraisalCycle },
): 'published' | 'closed' | 'not_published' | 'step_done' | 'late' | 'appeal_window' | 'no_appeal' | null {
  const editable = periodStatus === 'open';
  switch (action) {
    case 'self':
      if (!editable) return periodStatus === 'closed' ? 'closed' : 'published';
      // Until the supervisor has reviewed, a self-evaluation may be revised; after, only a first one is taken.
      if (!(status === 'self_pending' || status === 'review_pending' || (status === 'reviewed' && !ctx.selfSubmitted))) return 'step_done';
      if (ctx.today > ctx.selfDueOn && ctx.cycle.lateSelfEvaluation === 'refuse') return 'late';
      return null;
    case 'review':
      if (!editable) return periodStatus === 'closed' ? 'closed' : 'published';
      return null;
    case 'calibrate':
      return periodStatus === 'closed' ? 'closed' : null;
    case 'acknowledge':
      return status === 'published' || status === 'answered' ? null : 'not_published';
    case 'appeal':
      if (status !== 'published') return status === 'appealed' || status === 'answered' ? 'step_done' : 'not_published';
      if (ctx.publishedOn && ctx.today > appealDueOn(ctx.publishedOn, ctx.cycle)) return 'appeal_window';
      return null;
    case 'answer':
      return status === 'appealed' ? null : 'no_appeal';
  }
}

export interface CompositeParts {
  self: number | null;
  supervisor: number | null;
  customer: number | null;
  indicators: number | null;
}

/**
 * The composite HR reviews (P5.3.4): self, supervisor, customer and indicator scores by their
 * weights. A part not given (no self-evaluation, no review yet, no rating) is left out and its
 * weight spread over the others, which the formula shows.
 */
export function composite(p: CompositeParts, weights: AppraisalComposite): { score: number | null; formula: string } {
  const keys = ['self', 'supervisor', 'customer', 'indicators'] as const;
  const { score, formula } = weightedScore(
    keys.map((k) => ({ key: k, points: p[k], weight: weights[k] })),
    'reweight',
    () => 0,
  );
  const missing = keys.filter((k) => p[k] === null);
  return { score, formula: missing.length ? `${formula} (${missing.join(', ')}: not given, weight spread)` : formula };
}

/** Customer evaluation (P5.3.3): the mean rating on 1-5 mapped to 0-100. */
export function customerScore(ratingSum: number, ratingCount: number): number | null {
  if (!ratingCount) return null;
  return Math.round(((ratingSum / ratingCount - 1) / 4) * 1000) / 10;
}

/** Grades of a period's results: by band, or forced to the distribution when one is set; a calibrated score counts as the score. */
export function gradesOf(results: readonly { id: string; score: number | null }[], grades: AppraisalGrades): Map<string, string | null> {
  const scored = results.filter((r): r is { id: string; score: number } => r.score !== null);
  const forced = grades.forcedShares ? forceDistribution(scored, grades.bands, grades.forcedShares) : null;
  return new Map(results.map((r) => [r.id, r.score === null ? null : (forced?.get(r.id) ?? gradeOf(r.score, grades.bands))]));
}

/** The annual result (P5.2): the mean of the monthly composites and the annual review by their weights. */
export function annualScore(
  monthly: readonly { label: string; score: number }[],
  review: number | null,
  annual: AppraisalAnnual,
): { score: number | null; formula: string; insufficient: boolean } {
  const insufficient = monthly.length < annual.minMonths;
  const mean = monthly.length ? Math.round((monthly.reduce((a, m) => a + m.score, 0) / monthly.length) * 10) / 10 : null;
  const { score, formula } = weightedScore(
    [
      { key: 'monthly', points: mean, weight: annual.monthlyWeight },
      { key: 'review', points: review, weight: annual.reviewWeight },
    ],
    'reweight',
    () => 0,
  );
  const head = `mean of ${monthly.length} monthly result(s) = ${mean ?? '-'}`;
  return { score, formula: `${head}; ${formula}${insufficient ? ` (fewer than ${annual.minMonths} months: insufficient)` : ''}`, insufficient };
}

/** Development actions (P5.4.3): the weakest scored indicators below the threshold, weakest first. */
export function weakIndicators(indicators: readonly ScoredIndicator[], development: AppraisalDevelopment) {
  return indicators
    .filter((i) => i.status === 'scored' && i.points !== null && i.points < development.belowPoints)
    .sort((a, b) => a.points! - b.points! || a.key.localeCompare(b.key))
    .slice(0, development.maxActions)
    .map((i) => ({ indicator: i.key, points: i.points!, suggestion: development.suggestions[i.key] }));
}

/** The step a result goes back to when HR reopens its period: reviewed, awaiting review (self-evaluated, or annual), or awaiting self-evaluation. */
export function stepBeforePublication(r: { reviewedAt: Date | null; selfSubmittedAt: Date | null }, kind: 'monthly' | 'annual'): 'reviewed' | 'review_pending' | 'self_pending' {
  if (r.reviewedAt) return 'reviewed';
  return r.selfSubmittedAt || kind === 'annual' ? 'review_pending' : 'self_pending';
}
