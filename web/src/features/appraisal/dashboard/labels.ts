import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorKey } from '../types.ts';

// The dashboards' vocabulary in the UI language. Keys are literal so the locale test sees each
// one; a word a newer server sends that is not listed here shows as itself.

export const CLAUSES: Record<IndicatorKey, string> = {
  customerSatisfaction: 'P5.1.1',
  onTime: 'P5.1.2',
  resolution: 'P5.1.3',
  growth: 'P5.1.4',
  teamwork: 'P5.1.5',
};

export const LINE_COLORS: Record<string, string> = {
  late: 'red',
  excused: 'orange',
  reopened: 'volcano',
  on_time: 'green',
  closed: 'green',
  rating: 'blue',
  helped: 'geekblue',
  joined: 'cyan',
  assist: 'purple',
};

export function useDashboardLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const indicators: Record<IndicatorKey, string> = {
      customerSatisfaction: t('appraisalDashboard.indicator.customerSatisfaction'),
      onTime: t('appraisalDashboard.indicator.onTime'),
      resolution: t('appraisalDashboard.indicator.resolution'),
      growth: t('appraisalDashboard.indicator.growth'),
      teamwork: t('appraisalDashboard.indicator.teamwork'),
    };
    const lines: Record<string, string> = {
      on_time: t('appraisalDashboard.line.on_time'),
      late: t('appraisalDashboard.line.late'),
      excused: t('appraisalDashboard.line.excused'),
      closed: t('appraisalDashboard.line.closed'),
      reopened: t('appraisalDashboard.line.reopened'),
      rating: t('appraisalDashboard.line.rating'),
      training: t('appraisalDashboard.line.training'),
      exam: t('appraisalDashboard.line.exam'),
      certificate: t('appraisalDashboard.line.certificate'),
      innovation: t('appraisalDashboard.line.innovation'),
      joined: t('appraisalDashboard.line.joined'),
      helped: t('appraisalDashboard.line.helped'),
      assist: t('appraisalDashboard.line.assist'),
    };
    const excuses: Record<string, string> = {
      customer_reschedule: t('appraisalDashboard.excuse.customer_reschedule'),
      customer_absent: t('appraisalDashboard.excuse.customer_absent'),
      access_denied: t('appraisalDashboard.excuse.access_denied'),
      force_majeure: t('appraisalDashboard.excuse.force_majeure'),
      other: t('appraisalDashboard.excuse.other'),
    };
    const sources: Record<string, string> = {
      on_site: t('appraisalDashboard.source.on_site'),
      portal: t('appraisalDashboard.source.portal'),
      survey: t('appraisalDashboard.source.survey'),
      manual: t('appraisalDashboard.source.manual'),
      training: t('appraisalDashboard.source.training'),
    };
    const periodStatuses: Record<string, string> = {
      open: t('appraisalDashboard.periodStatus.open'),
      published: t('appraisalDashboard.periodStatus.published'),
      closed: t('appraisalDashboard.periodStatus.closed'),
    };
    return {
      indicator: (key: IndicatorKey) => indicators[key] ?? key,
      indicatorOptions: (Object.keys(indicators) as IndicatorKey[]).map((key) => ({ value: key, label: indicators[key] })),
      line: (status: string) => lines[status] ?? status,
      excuse: (reason: string) => excuses[reason] ?? reason,
      source: (source: string) => sources[source] ?? source,
      periodStatus: (status: string) => periodStatuses[status] ?? status,
    };
  }, [t]);
}
