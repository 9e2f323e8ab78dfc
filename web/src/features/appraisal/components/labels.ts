import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorKey, ResultStatus } from '../types.ts';

// The appraisal vocabulary in the UI language. Keys are literal so the locale test sees each
// one; a word a newer server sends that is not listed here shows as itself.

type Localized = { 'zh-CN': string; en: string };

/** A template item's or suggestion's label in the UI language. */
export function useLocalizedText() {
  const { i18n } = useTranslation();
  return (label: Localized) => (i18n.language === 'en' ? label.en : label['zh-CN']);
}

export function useAppraisalLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const statuses: Record<ResultStatus, string> = {
      self_pending: t('appraisal.status.self_pending'),
      review_pending: t('appraisal.status.review_pending'),
      reviewed: t('appraisal.status.reviewed'),
      published: t('appraisal.status.published'),
      acknowledged: t('appraisal.status.acknowledged'),
      appealed: t('appraisal.status.appealed'),
      answered: t('appraisal.status.answered'),
    };
    const periodStatuses: Record<string, string> = {
      open: t('appraisal.periodStatus.open'),
      published: t('appraisal.periodStatus.published'),
      closed: t('appraisal.periodStatus.closed'),
    };
    const periodKinds: Record<string, string> = {
      monthly: t('appraisal.periodKind.monthly'),
      annual: t('appraisal.periodKind.annual'),
    };
    const indicators: Record<IndicatorKey, string> = {
      customerSatisfaction: t('appraisal.indicator.customerSatisfaction'),
      onTime: t('appraisal.indicator.onTime'),
      resolution: t('appraisal.indicator.resolution'),
      growth: t('appraisal.indicator.growth'),
      teamwork: t('appraisal.indicator.teamwork'),
    };
    const clauses: Record<IndicatorKey, string> = {
      customerSatisfaction: 'P5.1.1',
      onTime: 'P5.1.2',
      resolution: 'P5.1.3',
      growth: 'P5.1.4',
      teamwork: 'P5.1.5',
    };
    const explainStatuses: Record<string, string> = {
      on_time: t('appraisal.explainStatus.on_time'),
      late: t('appraisal.explainStatus.late'),
      excused: t('appraisal.explainStatus.excused'),
      closed: t('appraisal.explainStatus.closed'),
      reopened: t('appraisal.explainStatus.reopened'),
      rating: t('appraisal.explainStatus.rating'),
      on_site: t('appraisal.explainStatus.on_site'),
      portal: t('appraisal.explainStatus.portal'),
      survey: t('appraisal.explainStatus.survey'),
      exam_failed: t('appraisal.explainStatus.exam_failed'),
      innovation_pending: t('appraisal.explainStatus.innovation_pending'),
      training: t('appraisal.explainStatus.training'),
      exam: t('appraisal.explainStatus.exam'),
      certificate: t('appraisal.explainStatus.certificate'),
      innovation: t('appraisal.explainStatus.innovation'),
      joined: t('appraisal.explainStatus.joined'),
      helped: t('appraisal.explainStatus.helped'),
      assist: t('appraisal.explainStatus.assist'),
    };
    const excuseReasons: Record<string, string> = {
      customer_reschedule: t('appraisal.excuseReason.customer_reschedule'),
      customer_absent: t('appraisal.excuseReason.customer_absent'),
      access_denied: t('appraisal.excuseReason.access_denied'),
      force_majeure: t('appraisal.excuseReason.force_majeure'),
      other: t('appraisal.excuseReason.other'),
    };
    const insufficientRules: Record<string, string> = {
      reweight: t('appraisal.insufficientRule.reweight'),
      at_target: t('appraisal.insufficientRule.at_target'),
    };
    const appealStatuses: Record<string, string> = {
      open: t('appraisal.appealStatus.open'),
      answered: t('appraisal.appealStatus.answered'),
    };
    const outcomes: Record<string, string> = {
      upheld: t('appraisal.outcome.upheld'),
      adjusted: t('appraisal.outcome.adjusted'),
    };
    const actionStatuses: Record<string, string> = {
      open: t('appraisal.actionStatus.open'),
      done: t('appraisal.actionStatus.done'),
      cancelled: t('appraisal.actionStatus.cancelled'),
    };
    const historyActions: Record<string, string> = {
      self_evaluated: t('appraisal.historyAction.self_evaluated'),
      reviewed: t('appraisal.historyAction.reviewed'),
      calibrated: t('appraisal.historyAction.calibrated'),
      acknowledged: t('appraisal.historyAction.acknowledged'),
      appealed: t('appraisal.historyAction.appealed'),
      appeal_answered: t('appraisal.historyAction.appeal_answered'),
      reopened: t('appraisal.historyAction.reopened'),
      computed: t('appraisal.historyAction.computed'),
      recomputed: t('appraisal.historyAction.recomputed'),
      published: t('appraisal.historyAction.published'),
    };
    const policyKeys: Record<string, string> = {
      'appraisal.indicators': t('appraisal.policyKey.indicators'),
      'appraisal.composite': t('appraisal.policyKey.composite'),
      'appraisal.grades': t('appraisal.policyKey.grades'),
      'appraisal.measures': t('appraisal.policyKey.measures'),
      'appraisal.cycle': t('appraisal.policyKey.cycle'),
      'appraisal.annual': t('appraisal.policyKey.annual'),
      'appraisal.development': t('appraisal.policyKey.development'),
    };
    const or = (map: Record<string, string>, value: string) => map[value] ?? value;
    return {
      status: (s: ResultStatus | string) => or(statuses, s),
      periodStatus: (s: string) => or(periodStatuses, s),
      periodKind: (k: string) => or(periodKinds, k),
      indicator: (k: IndicatorKey) => indicators[k] ?? k,
      clause: (k: IndicatorKey) => clauses[k] ?? '',
      explainStatus: (s: string) => or(explainStatuses, s),
      excuseReason: (r: string) => or(excuseReasons, r),
      insufficientRule: (r: string) => or(insufficientRules, r),
      appealStatus: (s: string) => or(appealStatuses, s),
      outcome: (o: string) => or(outcomes, o),
      actionStatus: (s: string) => or(actionStatuses, s),
      historyAction: (a: string) => or(historyActions, a),
      policyKey: (k: string) => or(policyKeys, k),
      statusOptions: (Object.keys(statuses) as ResultStatus[]).map((value) => ({ value, label: statuses[value] })),
    };
  }, [t]);
}
