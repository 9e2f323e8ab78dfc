import { Empty, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trends, TrendStat } from '../dashboard-api.ts';
import type { IndicatorKey } from '../types.ts';
import { formatPoints, formatValue, isRatio } from './format.ts';
import { type ChartClick, useChart } from './useChart.ts';

export type Measure = 'points' | 'value';
export type TrendLine = 'team' | 'company';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One indicator over the months (issue 6 point 6): the team's line beside the company's, in
 * points or in the indicator's own value (with the policy's target). A point opens the records
 * behind it; so do the month tags under the chart.
 */
export function TrendChart({
  trends,
  indicator,
  measure,
  teamLabel,
  onPick,
}: {
  trends: Trends;
  indicator: IndicatorKey;
  measure: Measure;
  teamLabel: string | null;
  onPick: (month: Trends['months'][number], line: TrendLine) => void;
}) {
  const { t } = useTranslation();
  const hasTeam = trends.teamIds !== null;
  const companyLabel = t('appraisalDashboard.trend.company');
  const option = useMemo(() => {
    const months = trends.months;
    const of = (m: Trends['months'][number]) => m.indicators.find((i) => i.key === indicator);
    const pick = (s: TrendStat | null | undefined) => (s ? (measure === 'points' ? s.meanPoints : s.meanValue) : null);
    const show = (v: number | null) => (measure === 'points' ? formatPoints(v) : formatValue(indicator, v));
    const describe = (name: string, s: TrendStat | null | undefined) =>
      s
        ? `${escapeHtml(name)}: <b>${show(pick(s))}</b> · ${escapeHtml(t('appraisalDashboard.trend.tooltip', { samples: s.samples, scored: s.scored, technicians: s.technicians }))}`
        : '';
    const series: unknown[] = [];
    if (hasTeam) {
      series.push({ id: 'team', name: teamLabel ?? t('appraisalDashboard.trend.team'), type: 'line', symbolSize: 10, data: months.map((m) => pick(of(m)?.team)) });
    }
    series.push({
      id: 'company',
      name: companyLabel,
      type: 'line',
      symbolSize: 10,
      lineStyle: hasTeam ? { type: 'dashed' } : undefined,
      data: months.map((m) => pick(of(m)?.company)),
    });
    if (measure === 'value') {
      series.push({ id: 'target', name: t('appraisalDashboard.trend.target'), type: 'line', symbol: 'none', silent: true, lineStyle: { type: 'dotted' }, data: months.map((m) => of(m)?.target ?? null) });
    }
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const month = months[params[0]?.dataIndex ?? 0];
          if (!month) return '';
          const ind = of(month);
          return [escapeHtml(month.label), hasTeam ? describe(teamLabel ?? t('appraisalDashboard.trend.team'), ind?.team) : '', describe(companyLabel, ind?.company)]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: months.map((m) => m.label) },
      yAxis:
        measure === 'points'
          ? { type: 'value', min: 0, max: 100, name: t('appraisalDashboard.trend.points') }
          : { type: 'value', scale: true, axisLabel: { formatter: (v: number) => (isRatio(indicator) ? `${Math.round(v * 100)}%` : String(v)) } },
      series,
    };
  }, [trends, indicator, measure, hasTeam, teamLabel, companyLabel, t]);

  const element = useChart(option, (click: ChartClick) => {
    const month = trends.months[click.dataIndex];
    if (month && (click.seriesId === 'team' || click.seriesId === 'company')) onPick(month, click.seriesId);
  });

  if (!trends.months.length) return <Empty description={t('appraisalDashboard.trend.empty')} data-testid="dashboard-trend" />;
  return (
    <div data-testid="dashboard-trend">
      <div ref={element} style={{ width: '100%', height: 320 }} />
      <Flex wrap gap={4} align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('appraisalDashboard.trend.openMonth')}</Typography.Text>
        {trends.months.map((m) => (
          <Tag.CheckableTag key={m.periodId} checked={false} onChange={() => onPick(m, hasTeam ? 'team' : 'company')} data-testid={`dashboard-trend-month-${m.label}`}>
            {m.label}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </div>
  );
}
