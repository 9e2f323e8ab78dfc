import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOf, useUrlFilters } from '../../components/useUrlFilters.ts';
import '../../locales/appraisal.ts';
import { downloadDashboardExport, type OrdersFilter, useDashboardOptions, useDistribution, useRanking, useTrends } from './dashboard-api.ts';
import { DistributionChart } from './dashboard/DistributionChart.tsx';
import { defaultRange } from './dashboard/format.ts';
import { useDashboardLabels } from './dashboard/labels.ts';
import { OrdersDrawer } from './dashboard/OrdersDrawer.tsx';
import { RankingTable } from './dashboard/RankingTable.tsx';
import { type Measure, TrendChart } from './dashboard/TrendChart.tsx';
import { INDICATORS, type IndicatorKey } from './types.ts';

const MEASURES = ['points', 'value'] as const;
const RANK_BY = ['composite', ...INDICATORS] as const;
type RankBy = (typeof RANK_BY)[number];

/**
 * The appraisal dashboards (issue 6 point 6): an indicator's trend for the team and the company
 * over the months, the grade distribution of a period, the ranking with its sample sizes, and
 * from any of them the records behind the figure; the period exports to Excel. HR and managers
 * see every team; a supervisor their own (the company line is an aggregate).
 */
export default function AppraisalDashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDashboardLabels();
  const url = useUrlFilters();
  const options = useDashboardOptions();
  const [drill, setDrill] = useState<{ filter: OrdersFilter; context: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  const periods = options.data?.periods ?? [];
  const teams = options.data?.teams ?? [];
  const allTeams = options.data?.allTeams ?? true;
  const period = periods.find((p) => p.id === url.get('period')) ?? periods.find((p) => p.kind === 'monthly') ?? periods[0];
  const teamId = teams.some((x) => x.id === url.get('team')) ? url.get('team') : undefined;
  const team = teams.find((x) => x.id === teamId);
  // The team line: the team chosen; a supervisor's own teams when none is.
  const teamLabel = team ? team.name : allTeams ? null : t('appraisalDashboard.filters.myTeams');
  const fallback = period ? defaultRange(period.label) : null;
  const from = url.get('from') ?? fallback?.from;
  const to = url.get('to') ?? fallback?.to;
  const range = from && to ? { from, to } : null;
  const indicator: IndicatorKey = oneOf(url.get('indicator'), INDICATORS) ?? 'onTime';
  const measure: Measure = oneOf(url.get('measure'), MEASURES) ?? 'points';
  const rankBy: RankBy = oneOf(url.get('rankBy'), RANK_BY) ?? 'composite';

  const trends = useTrends(range, teamId);
  const distribution = useDistribution(period?.id, teamId);
  const ranking = useRanking(period?.id, rankBy === 'composite' ? undefined : rankBy, teamId);

  const open = (filter: OrdersFilter, context: string) => setDrill({ filter, context });
  const scopeName = teamLabel ?? t('appraisalDashboard.trend.company');

  const exportExcel = async () => {
    if (!period) return;
    setExporting(true);
    try {
      await downloadDashboardExport(period.id, teamId);
    } catch {
      message.error(t('appraisalDashboard.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  if (options.isPending) return <PageSpinner />;
  if (options.isError) return <QueryError error={options.error} onRetry={() => void options.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('appraisalDashboard.title')}
        subtitle={t('appraisalDashboard.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()} loading={exporting} disabled={!period} data-testid="dashboard-export">
            {t('appraisalDashboard.export')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Select
            style={{ width: '100%' }}
            value={period?.id}
            placeholder={t('appraisalDashboard.filters.period')}
            onChange={(id) => url.set({ period: id, from: null, to: null })}
            options={periods.map((p) => ({
              value: p.id,
              label: `${p.label} · ${p.kind === 'annual' ? t('appraisalDashboard.periodKind.annual') : t('appraisalDashboard.periodKind.monthly')} · ${labels.periodStatus(p.status)}`,
            }))}
            data-testid="dashboard-period"
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            allowClear
            style={{ width: '100%' }}
            value={teamId}
            placeholder={allTeams ? t('appraisalDashboard.filters.wholeCompany') : t('appraisalDashboard.filters.myTeams')}
            onChange={(id) => url.set({ team: id ?? null })}
            options={teams.map((x) => ({ value: x.id, label: x.active ? x.name : `${x.name} (${t('appraisalDashboard.filters.inactive')})` }))}
            data-testid="dashboard-team"
          />
        </Col>
        <Col xs={24} md={8}>
          <DatePicker.RangePicker
            picker="month"
            style={{ width: '100%' }}
            allowClear={false}
            value={range ? [dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)] : null}
            onChange={(v) => url.set({ from: v?.[0]?.format('YYYY-MM') ?? null, to: v?.[1]?.format('YYYY-MM') ?? null })}
            data-testid="dashboard-months"
          />
        </Col>
      </Row>

      {!periods.length ? (
        <Empty description={t('appraisalDashboard.noPeriods')} />
      ) : (
        <>
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={t('appraisalDashboard.trend.title')}
            extra={
              <Flex wrap gap={8}>
                <Select<IndicatorKey>
                  size="small"
                  style={{ minWidth: 160 }}
                  value={indicator}
                  onChange={(key) => url.set({ indicator: key })}
                  options={labels.indicatorOptions}
                  data-testid="dashboard-indicator"
                />
                <Segmented<Measure>
                  size="small"
                  value={measure}
                  onChange={(m) => url.set({ measure: m })}
                  options={[
                    { value: 'points', label: t('appraisalDashboard.trend.points') },
                    { value: 'value', label: t('appraisalDashboard.trend.value') },
                  ]}
                />
              </Flex>
            }
          >
            {trends.isError ? <QueryError error={trends.error} onRetry={() => void trends.refetch()} /> : null}
            {trends.data ? (
              <TrendChart
                trends={trends.data}
                indicator={indicator}
                measure={measure}
                teamLabel={teamLabel}
                onPick={(month, line) =>
                  open(
                    { periodId: month.periodId, indicator, teamId: line === 'team' ? teamId : undefined },
                    // A supervisor's drill-down stays within their teams, whichever line was clicked.
                    `${month.label} · ${line === 'team' ? scopeName : allTeams ? t('appraisalDashboard.trend.company') : t('appraisalDashboard.filters.myTeams')}`,
                  )
                }
              />
            ) : trends.isPending && range ? (
              <PageSpinner />
            ) : null}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('appraisalDashboard.distribution.title', { period: period?.label ?? '' })}>
                {distribution.isError ? <QueryError error={distribution.error} onRetry={() => void distribution.refetch()} /> : null}
                {distribution.data && period ? (
                  <DistributionChart
                    distribution={distribution.data}
                    teamLabel={teamLabel}
                    onPick={(grade) =>
                      open({ periodId: period.id, indicator, teamId, grade }, `${period.label} · ${t('appraisalDashboard.distribution.grade', { grade })} · ${scopeName}`)
                    }
                  />
                ) : null}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card
                size="small"
                title={t('appraisalDashboard.ranking.title', { period: period?.label ?? '' })}
                extra={
                  <Select<RankBy>
                    size="small"
                    style={{ minWidth: 160 }}
                    value={rankBy}
                    onChange={(key) => url.set({ rankBy: key })}
                    options={[{ value: 'composite', label: t('appraisalDashboard.ranking.byScore') }, ...labels.indicatorOptions]}
                    data-testid="dashboard-rank-by"
                  />
                }
              >
                <div data-testid="dashboard-ranking">
                  {ranking.isError ? <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
                  <RankingTable
                    ranking={ranking.data}
                    loading={ranking.isFetching}
                    onPick={(row) =>
                      period &&
                      open(
                        { periodId: period.id, indicator: rankBy === 'composite' ? indicator : rankBy, employeeId: row.employee.id },
                        `${period.label} · ${row.employee.name}`,
                      )
                    }
                  />
                  <Typography.Text type="secondary">{t('appraisalDashboard.ranking.hint')}</Typography.Text>
                </div>
              </Card>
            </Col>
          </Row>
        </>
      )}
      {drill ? (
        <OrdersDrawer
          filter={drill.filter}
          context={drill.context}
          onIndicator={(key) => setDrill({ ...drill, filter: { ...drill.filter, indicator: key } })}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </>
  );
}
