import type { Period, ResultSummary, TemplateItem } from '../types.ts';

// Pure helpers of the HR appraisal screens (tested in helpers.test.ts).

/** The label of a monthly (`2026-10`) or annual (`2026`) period, as the server accepts it. */
export const PERIOD_LABEL = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before the one holding `today` (`YYYY-MM-DD`): the period normally opened on the 1st (P5.2). */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Newest first: by the first day, then monthly before annual (a January opens both). */
export function sortPeriods(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || (a.kind === b.kind ? 0 : a.kind === 'monthly' ? -1 : 1));
}

/** The period shown first: the newest one still open, else the newest. */
export function defaultPeriod(periods: readonly Period[]): Period | undefined {
  const sorted = sortPeriods(periods);
  return sorted.find((p) => p.status === 'open') ?? sorted[0];
}

/** Results that would be published without their supervisor's review (P5.3.2). */
export function unreviewed(results: readonly Pick<ResultSummary, 'status'>[]): number {
  return results.filter((r) => r.status === 'self_pending' || r.status === 'review_pending').length;
}

/** What a period's counts say about its missing reviews. */
export function unreviewedInPeriod(p: Pick<Period, 'counts'>): number {
  return Math.max(0, p.counts.results - p.counts.reviewed);
}

/** The sum of the score items' weights of a form (the server needs one score item weighing more than 0). */
export function scoreWeight(items: readonly Partial<TemplateItem>[]): number {
  return items.reduce((sum, i) => sum + (i.kind === 'score' ? Number(i.weight ?? 0) : 0), 0);
}

/** Item keys that appear more than once. */
export function duplicateKeys(items: readonly Partial<TemplateItem>[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of items) {
    if (!i.key) continue;
    if (seen.has(i.key)) dup.add(i.key);
    seen.add(i.key);
  }
  return [...dup];
}

/** Minutes between an arrival and its deadline: positive when late. */
export function minutesLate(arrivedAt: string | null, dueAt: string | null): number | null {
  if (!arrivedAt || !dueAt) return null;
  return Math.round((Date.parse(arrivedAt) - Date.parse(dueAt)) / 60_000);
}
