import { Alert, Empty, Flex, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { oneOf, useUrlFilters } from '../../../components/useUrlFilters.ts';
import { usePeriods, useResults } from '../api.ts';
import type { Period, ResultSummary } from '../types.ts';
import { defaultPeriod, sortPeriods, unreviewed } from './helpers.ts';
import { RESULT_STATUS_COLORS, RESULT_STATUSES, score, useHrLabels } from './labels.ts';
import { TeamFilter } from './Filters.tsx';
import { ResultDrawer } from './ResultDrawer.tsx';

export function PeriodSelect({ periods, value, onChange, loading }: { periods: Period[]; value?: string; onChange: (id: string) => void; loading?: boolean }) {
  const { t } = useTranslation();
  const labels = useHrLabels();
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('appraisalHr.period')}
      aria-label={t('appraisalHr.period')}
      style={{ minWidth: 200 }}
      options={sortPeriods(periods).map((p) => ({ value: p.id, label: `${p.label} · ${labels.periodStatus(p.status)}` }))}
      data-testid="hr-period-select"
    />
  );
}

function SamplesCell({ r }: { r: ResultSummary }) {
  const { t } = useTranslation();
  const s = r.samples;
  return (
    <Tooltip title={t('appraisalHr.results.samplesHelp', { ratings: s.ratings, arrivals: s.arrivals, excused: s.excused, closed: s.closed })}>
      <Typography.Text type="secondary">
        {s.ratings} / {s.arrivals}
        {s.excused > 0 ? ` (+${s.excused})` : ''} / {s.closed}
      </Typography.Text>
    </Tooltip>
  );
}

/** Composite and calibration (P5.3.4): one period's results, each opening to its detail. */
export function ResultsTab() {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const filters = useUrlFilters();
  const periods = usePeriods();
  const period = (periods.data ?? []).find((p) => p.id === filters.get('period')) ?? defaultPeriod(periods.data ?? []);
  const teamId = filters.get('team');
  const status = oneOf(filters.get('status'), RESULT_STATUSES);
  const results = useResults({ periodId: period?.id, teamId, status });
  const openId = filters.get('result');
  const rows = period ? (results.data ?? []) : [];
  const missing = unreviewed(rows);

  if (!periods.isPending && (periods.data ?? []).length === 0) return <Empty description={t('appraisalHr.noPeriods')} />;

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <PeriodSelect periods={periods.data ?? []} value={period?.id} loading={periods.isPending} onChange={(id) => filters.set({ period: id, result: null })} />
        <TeamFilter filters={filters} testId="hr-results-team" />
        <Select
          allowClear
          value={status}
          onChange={(value?: string) => filters.set({ status: value ?? null })}
          placeholder={t('appraisalHr.results.anyStatus')}
          aria-label={t('common.status')}
          style={{ minWidth: 160 }}
          options={RESULT_STATUSES.map((s) => ({ value: s, label: labels.resultStatus(s) }))}
          data-testid="hr-results-status"
        />
      </Space>
      {period?.status === 'open' && missing > 0 && !status ? (
        <Alert type="warning" showIcon title={t('appraisalHr.results.unreviewed', { n: missing, total: rows.length })} data-testid="results-unreviewed" />
      ) : null}
      <DataTable<ResultSummary>
        rowKey="id"
        dataSource={rows}
        loading={periods.isPending || (Boolean(period) && results.isPending)}
        error={results.error}
        onRetry={() => void results.refetch()}
        onRow={(r) =>
          ({
            onClick: () => filters.set({ result: r.id }),
            style: { cursor: 'pointer' },
            'data-testid': 'result-row',
            'data-employee': r.employee.name,
            'data-status': r.status,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('appraisalHr.employee'),
            key: 'employee',
            fixed: 'left',
            render: (_, r) => (
              <Space size={0} vertical>
                <Typography.Text strong>{r.employee.name}</Typography.Text>
                <Typography.Text type="secondary">{r.employee.employeeNo}</Typography.Text>
              </Space>
            ),
          },
          { title: t('appraisalHr.team'), key: 'team', render: (_, r) => r.teamName ?? '—' },
          {
            title: t('appraisalHr.results.self'),
            key: 'self',
            render: (_, r) => (
              <Space size={4}>
                {score(r.selfScore)}
                {r.selfLate ? <Tag color="orange">{t('appraisalHr.results.late')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('appraisalHr.results.supervisor'), key: 'supervisor', render: (_, r) => score(r.supervisorScore) },
          { title: t('appraisalHr.results.customer'), key: 'customer', render: (_, r) => score(r.customerScore) },
          { title: t('appraisalHr.results.indicators'), key: 'indicators', render: (_, r) => score(r.indicatorScore) },
          { title: t('appraisalHr.results.composite'), key: 'composite', render: (_, r) => <Typography.Text strong>{score(r.composite)}</Typography.Text> },
          {
            title: t('appraisalHr.results.calibrated'),
            key: 'calibrated',
            render: (_, r) => (r.calibratedScore === null ? '—' : <Tag color="purple">{score(r.calibratedScore)}</Tag>),
          },
          { title: t('appraisalHr.results.grade'), key: 'grade', render: (_, r) => (r.grade ? <Tag color="blue">{r.grade}</Tag> : '—') },
          { title: t('appraisalHr.results.computedGrade'), key: 'computedGrade', render: (_, r) => r.computedGrade ?? '—' },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, r) => <Tag color={RESULT_STATUS_COLORS[r.status]}>{labels.resultStatus(r.status)}</Tag>,
          },
          { title: t('appraisalHr.results.samples'), key: 'samples', render: (_, r) => <SamplesCell r={r} /> },
        ]}
      />
      {openId ? <ResultDrawer resultId={openId} onClose={() => filters.set({ result: null })} /> : null}
    </Flex>
  );
}
