import { Empty, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Distribution } from '../dashboard-api.ts';
import { type ChartClick, useChart } from './useChart.ts';

/**
 * The grades of a period in the order of its policy's bands (issue 6 point 6): the team's
 * beside the company's. A bar (or a grade tag) opens the records of the people with that grade.
 */
export function DistributionChart({ distribution, teamLabel, onPick }: { distribution: Distribution; teamLabel: string | null; onPick: (grade: string) => void }) {
  const { t } = useTranslation();
  const hasTeam = distribution.teamIds !== null;
  const bands = distribution.bands;
  const option = useMemo(() => {
    const series: unknown[] = [];
    if (hasTeam) {
      series.push({ id: 'team', name: teamLabel ?? t('appraisalDashboard.trend.team'), type: 'bar', label: { show: true, position: 'top' }, data: bands.map((b) => b.team ?? 0) });
    }
    series.push({ id: 'company', name: t('appraisalDashboard.trend.company'), type: 'bar', label: { show: true, position: 'top' }, data: bands.map((b) => b.company) });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: bands.map((b) => b.grade) },
      yAxis: { type: 'value', minInterval: 1, name: t('appraisalDashboard.distribution.people') },
      series,
    };
  }, [bands, hasTeam, teamLabel, t]);
  const element = useChart(option, (click: ChartClick) => {
    const band = bands[click.dataIndex];
    if (band) onPick(band.grade);
  });

  const total = bands.reduce((sum, b) => sum + b.company, 0) + distribution.ungraded.company;
  if (!total) return <Empty description={t('appraisalDashboard.distribution.empty')} data-testid="dashboard-distribution" />;
  return (
    <div data-testid="dashboard-distribution">
      <div ref={element} style={{ width: '100%', height: 280 }} />
      <Flex wrap gap={4} align="center" style={{ marginTop: 8 }}>
        {bands.map((b) => (
          <Tag.CheckableTag key={b.grade} checked={false} onChange={() => onPick(b.grade)} data-testid={`dashboard-grade-${b.grade}`}>
            {t('appraisalDashboard.distribution.band', { grade: b.grade, min: b.min, count: hasTeam ? (b.team ?? 0) : b.company })}
          </Tag.CheckableTag>
        ))}
        {(hasTeam ? distribution.ungraded.team : distribution.ungraded.company) ? (
          <Typography.Text type="secondary">
            {t('appraisalDashboard.distribution.ungraded', { count: (hasTeam ? distribution.ungraded.team : distribution.ungraded.company) ?? 0 })}
          </Typography.Text>
        ) : null}
        {distribution.forcedShares ? <Tag color="orange">{t('appraisalDashboard.distribution.forced')}</Tag> : null}
      </Flex>
    </div>
  );
}
