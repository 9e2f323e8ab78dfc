import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ranking, RankingRow } from '../dashboard-api.ts';
import { formatPoints, formatValue } from './format.ts';

/**
 * Technicians ranked by an indicator's points, or by the final score (issue 6 point 6). The
 * sample size is always shown; those with too few samples are listed last, unranked. A row
 * opens the records behind the technician's figure.
 */
export function RankingTable({ ranking, loading, onPick }: { ranking: Ranking | undefined; loading: boolean; onPick: (row: RankingRow) => void }) {
  const { t } = useTranslation();
  const indicator = ranking?.indicator ?? null;
  const columns: TableColumnsType<RankingRow> = [
    { title: t('appraisalDashboard.ranking.rank'), key: 'rank', width: 64, render: (_, r) => r.rank ?? '–' },
    {
      title: t('appraisalDashboard.ranking.employee'),
      key: 'employee',
      render: (_, r) => (
        <span>
          {r.employee.name} <Typography.Text type="secondary">{r.employee.employeeNo}</Typography.Text>
        </span>
      ),
    },
    { title: t('appraisalDashboard.ranking.team'), key: 'team', render: (_, r) => r.teamName ?? '–' },
    ...(indicator
      ? [{ title: t('appraisalDashboard.ranking.value'), key: 'value', align: 'right' as const, render: (_: unknown, r: RankingRow) => formatValue(indicator, r.value) }]
      : []),
    {
      title: indicator ? t('appraisalDashboard.ranking.points') : t('appraisalDashboard.ranking.score'),
      key: 'points',
      align: 'right',
      render: (_, r) => (
        <span>
          {formatPoints(r.points)}
          {r.calibrated ? (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('appraisalDashboard.ranking.calibrated')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: (
        <Tooltip title={ranking?.minSamples !== null && ranking?.minSamples !== undefined ? t('appraisalDashboard.ranking.minSamples', { count: ranking.minSamples }) : t('appraisalDashboard.ranking.allSamples')}>
          {t('appraisalDashboard.ranking.samples')}
        </Tooltip>
      ),
      key: 'samples',
      align: 'right',
      render: (_, r) => (
        <span data-testid="dashboard-ranking-samples">
          {r.samples}
          {r.status === 'insufficient' ? (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              {indicator ? t('appraisalDashboard.ranking.insufficient') : t('appraisalDashboard.ranking.notScored')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('appraisalDashboard.ranking.grade'), key: 'grade', render: (_, r) => (r.grade ? <Tag>{r.grade}</Tag> : '–') },
  ];
  return (
    <Table<RankingRow>
      size="small"
      rowKey="resultId"
      columns={columns}
      dataSource={ranking?.rows ?? []}
      loading={loading}
      pagination={ranking && ranking.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ onClick: () => onPick(r), style: { cursor: 'pointer' }, 'data-testid': 'dashboard-ranking-row' }) as React.HTMLAttributes<HTMLTableRowElement>}
      locale={{ emptyText: t('appraisalDashboard.ranking.empty') }}
    />
  );
}
