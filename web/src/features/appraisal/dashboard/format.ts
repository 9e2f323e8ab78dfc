import type { IndicatorKey } from '../types.ts';

// Pure helpers of the appraisal dashboards: how a figure reads, and the month arithmetic of the filters.

const RATIOS: readonly IndicatorKey[] = ['onTime', 'resolution'];

/** Whether an indicator's value is a share (shown as a percentage). */
export const isRatio = (key: IndicatorKey) => RATIOS.includes(key);

/** An indicator's value as people read it: 80.0% for a rate, 4.67 for a mean rating, 12.5 for activity points. */
export function formatValue(key: IndicatorKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (isRatio(key)) return `${(value * 100).toFixed(1)}%`;
  if (key === 'customerSatisfaction') return value.toFixed(2);
  return value.toFixed(1);
}

export function formatPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? '–' : points.toFixed(1);
}

/** "2026-10" moved by `delta` months. */
export function shiftMonth(label: string, delta: number): string {
  const index = Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month a period ends in: itself for a month ("2026-10"), December for a year ("2026"). */
export function lastMonthOf(periodLabel: string): string {
  return /^\d{4}$/.test(periodLabel) ? `${periodLabel}-12` : periodLabel;
}

/** The default range of the trend: the six months ending with the period's last month. */
export function defaultRange(periodLabel: string): { from: string; to: string } {
  const to = lastMonthOf(periodLabel);
  return { from: shiftMonth(to, -5), to };
}

/** A business date (a growth record's day) stays as it is; an instant is shown in the company zone by the caller. */
export const isBusinessDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Minutes between an arrival and its deadline: positive when late. */
export function minutesLate(at: string | null, dueAt: string | null): number | null {
  if (!at || !dueAt || isBusinessDate(at)) return null;
  return Math.round((Date.parse(at) - Date.parse(dueAt)) / 60_000);
}
