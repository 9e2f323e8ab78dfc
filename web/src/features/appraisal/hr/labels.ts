import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../api/types.ts';
import type { DevelopmentAction, ExcuseReason, GrowthKind, IndicatorKey, Period, ResultStatus } from '../types.ts';

// The HR screens' labels of the appraisal vocabularies (keys under appraisalHr.*).

export const EXCUSE_REASONS = ['customer_reschedule', 'customer_absent', 'access_denied', 'force_majeure', 'other'] as const satisfies readonly ExcuseReason[];
export const GROWTH_KINDS = ['training', 'exam', 'certificate', 'innovation'] as const satisfies readonly GrowthKind[];
export const RESULT_STATUSES = [
  'self_pending',
  'review_pending',
  'reviewed',
  'published',
  'acknowledged',
  'appealed',
  'answered',
] as const satisfies readonly ResultStatus[];
/** The period's history as periods.ts and the cycle job record it; another action shows as recorded. */
const PERIOD_ACTIONS = ['opened', 'recomputed', 'published', 'closed', 'reopened', 'reminded', 'escalated'];

export const RESULT_STATUS_COLORS: Record<ResultStatus, string> = {
  self_pending: 'default',
  review_pending: 'gold',
  reviewed: 'blue',
  published: 'green',
  acknowledged: 'cyan',
  appealed: 'red',
  answered: 'purple',
};

export const PERIOD_STATUS_COLORS: Record<Period['status'], string> = { open: 'processing', published: 'green', closed: 'default' };

export function useHrLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      indicator: (key: IndicatorKey) => t(`appraisalHr.indicator.${key}`),
      resultStatus: (s: ResultStatus) => t(`appraisalHr.resultStatus.${s}`),
      periodStatus: (s: Period['status']) => t(`appraisalHr.periodStatus.${s}`),
      periodKind: (k: Period['kind']) => t(`appraisalHr.periodKind.${k}`),
      growthKind: (k: GrowthKind) => t(`appraisalHr.growthKind.${k}`),
      excuseReason: (r: ExcuseReason) => t(`appraisalHr.excuseReason.${r}`),
      actionStatus: (s: DevelopmentAction['status']) => t(`appraisalHr.actionStatus.${s}`),
      periodAction: (a: string) => (PERIOD_ACTIONS.includes(a) ? t(`appraisalHr.periodAction.${a}`) : a),
    }),
    [t],
  );
}

/** A score as shown: one decimal at most, a dash when there is none. */
export function score(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 10) / 10);
}

/** The text of a `{ 'zh-CN', en }` pair in the current language. */
export function localized(text: Record<Locale, string>, locale: Locale): string {
  return text[locale] || text['zh-CN'] || text.en;
}
