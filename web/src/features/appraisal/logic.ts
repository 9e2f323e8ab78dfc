import { isApiError } from '../../api/client.ts';
import type { IndicatorKey, Period, ResultDetail, ResultStatus, ResultSummary, TemplateItem } from './types.ts';

// The appraisal screens' pure rules: ordering periods, which step the UI offers on a result
// (the server decides; this only hides what it would refuse), form values to answers, the
// server's answer problems back to form fields, indicator values for reading.

/** Sorts after every month of its year and before the next year's January: an annual period runs in the January after it. */
export function periodSortKey(label: string, kind: 'monthly' | 'annual'): string {
  return kind === 'annual' ? `${label}-13` : label;
}

/** Newest period first. */
export function newestFirst<T extends { periodLabel: string; periodKind: 'monthly' | 'annual' }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => periodSortKey(b.periodLabel, b.periodKind).localeCompare(periodSortKey(a.periodLabel, a.periodKind)));
}

/** The period a supervisor reviews by default: the newest open monthly one, else the newest monthly, else the newest. */
export function defaultReviewPeriod(periods: readonly Period[]): Period | undefined {
  const sorted = [...periods].sort((a, b) => periodSortKey(b.label, b.kind).localeCompare(periodSortKey(a.label, a.kind)));
  return sorted.find((p) => p.kind === 'monthly' && p.status === 'open') ?? sorted.find((p) => p.kind === 'monthly') ?? sorted[0];
}

/** Still waiting for the supervisor: not reviewed yet while the period is open. */
export function awaitsReview(r: Pick<ResultSummary, 'status' | 'periodStatus'>): boolean {
  return r.periodStatus === 'open' && (r.status === 'self_pending' || r.status === 'review_pending');
}

export interface Steps {
  self: boolean;
  review: boolean;
  calibrate: boolean;
  acknowledge: boolean;
  appeal: boolean;
  answer: boolean;
  /** Published, the employee may appeal, but the window closed on deadlines.appealDueOn. */
  appealClosed: boolean;
}

type StepFacts = Pick<ResultDetail, 'status' | 'periodStatus' | 'periodKind' | 'selfSubmittedAt' | 'abilities' | 'deadlines'>;

/**
 * The steps to offer on a result: the caller's abilities, narrowed by the result's state the way
 * core/appraisal/cycle.ts resultActionProblem refuses them (evaluations only while the period is
 * open; a published result changes through acknowledgement, appeal or calibration).
 */
export function resultSteps(r: StepFacts, today: string): Steps {
  const open = r.periodStatus === 'open';
  const selfState = r.status === 'self_pending' || r.status === 'review_pending' || (r.status === 'reviewed' && !r.selfSubmittedAt);
  const appealWindowOpen = !r.deadlines.appealDueOn || today <= r.deadlines.appealDueOn;
  const appealable = r.abilities.appeal && r.status === 'published';
  return {
    self: r.abilities.self && r.periodKind === 'monthly' && open && selfState,
    review: r.abilities.review && open,
    calibrate: r.abilities.calibrate && r.periodStatus !== 'closed',
    acknowledge: r.abilities.acknowledge && (r.status === 'published' || r.status === 'answered'),
    appeal: appealable && appealWindowOpen,
    answer: r.abilities.answer && r.status === 'appealed',
    appealClosed: appealable && !appealWindowOpen,
  };
}

/** Form values as the API's answers: score items as integers 1-5, text trimmed; unanswered items left out. */
export function answersFromValues(items: readonly TemplateItem[], values: Record<string, unknown> | undefined): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const item of items) {
    const v = values?.[item.key];
    if (item.kind === 'score') {
      if (typeof v === 'number' && v >= 1) out[item.key] = Math.round(v);
    } else if (typeof v === 'string' && v.trim() !== '') out[item.key] = v.trim();
  }
  return out;
}

/** Saved answers as form values (for revising a self-evaluation). */
export function valuesFromAnswers(items: readonly TemplateItem[], answers: Record<string, number | string> | null | undefined): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const item of items) {
    const v = answers?.[item.key];
    if (v !== undefined) out[item.key] = v;
  }
  return out;
}

/** The template item a problem's field names (`answers.quality`, `answers[quality]` or `quality`), or null. */
export function answerItemKey(field: string, itemKeys: readonly string[]): string | null {
  const k = field.replace(/^answers[.[]/, '').replace(/\]$/, '');
  return itemKeys.includes(k) ? k : null;
}

/**
 * The template items a 422 `appraisal.answers` (or a 400) names, with the server's message when
 * it gave one. Fields come as problem `errors` (`answers.quality` or `quality`) and/or a `fields`
 * extension (a list of keys, or keys to problem codes).
 */
export function answerProblems(error: unknown, itemKeys: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (!isApiError(error)) return out;
  const keyOf = (field: string) => answerItemKey(field, itemKeys);
  for (const e of error.fieldErrors) {
    const k = e.field ? keyOf(e.field) : null;
    if (k) out[k] = e.message || null;
  }
  const fields = error.problem.fields;
  if (Array.isArray(fields)) {
    for (const f of fields) {
      const k = typeof f === 'string' ? keyOf(f) : null;
      if (k && !(k in out)) out[k] = null;
    }
  } else if (fields && typeof fields === 'object') {
    for (const f of Object.keys(fields)) {
      const k = keyOf(f);
      if (k && !(k in out)) out[k] = null;
    }
  }
  return out;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** An indicator's value as people read it: rates as percents, the mean rating out of 5, growth and teamwork as their activity points. */
export function formatIndicatorValue(key: IndicatorKey, value: number | null): string {
  if (value === null) return '—';
  switch (key) {
    case 'onTime':
    case 'resolution':
      return `${round(value * 100, 1)}%`;
    case 'customerSatisfaction':
      return `${round(value, 2)} / 5`;
    default:
      return String(round(value, 1));
  }
}

/** Whole minutes an arrival came after its deadline (negative: before), or null without both instants. */
export function arrivalMinutesLate(at: string | null, dueAt: string | null): number | null {
  if (!at || !dueAt) return null;
  const ms = Date.parse(at) - Date.parse(dueAt);
  if (!Number.isFinite(ms)) return null;
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.floor(-ms / 60_000);
}

/** An explain row's time: a business date (growth records) as it is, an instant in the company time zone. */
export function isBusinessDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Minutes as hours and minutes (for durations over an hour). */
export function splitMinutes(minutes: number): { h: number; m: number } {
  const total = Math.abs(Math.round(minutes));
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** A score with one decimal, or a dash. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(round(value, 1));
}

export interface Change {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What a history entry changed: the top-level fields whose values differ. */
export function historyChanges(before: unknown, after: unknown): Change[] {
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f])).map((f) => ({ field: f, before: show(b[f]), after: show(a[f]) }));
}

/** How many explain rows carry each status, in the order they first appear. */
export function statusCounts(items: readonly { status: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  return [...counts];
}

export const RESULT_STATUS_COLORS: Record<ResultStatus, string> = {
  self_pending: 'default',
  review_pending: 'gold',
  reviewed: 'blue',
  published: 'cyan',
  acknowledged: 'green',
  appealed: 'red',
  answered: 'purple',
};

export const GRADE_COLORS: Record<string, string> = { S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const EXPLAIN_STATUS_COLORS: Record<string, string> = {
  on_time: 'green',
  late: 'red',
  excused: 'gold',
  closed: 'green',
  reopened: 'red',
  rating: 'blue',
  on_site: 'blue',
  portal: 'blue',
  survey: 'blue',
  exam_failed: 'default',
  innovation_pending: 'default',
  training: 'cyan',
  exam: 'cyan',
  certificate: 'cyan',
  innovation: 'purple',
  joined: 'blue',
  helped: 'green',
  assist: 'geekblue',
};
