import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Space, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { formatInstant, } from '../../../lib/time.ts';
import { attachmentUrl } from '../../work-orders/api.ts';
import { useExcuses } from '../hr-api.ts';
import type { ArrivalExcuse } from '../types.ts';
import { ArrivalCell } from './ArrivalCell.tsx';
import { MonthFilter, monthOf, TeamFilter } from './Filters.tsx';
import { monthRange } from './helpers.ts';
import { useHrLabels } from './labels.ts';

/**
 * Excused arrivals (P5.1.2) of a month: late arrivals the technician is not to blame for, each
 * with its reason and evidence. They are shown, and listed in the on-time rate's explanation, never dropped.
 */
export function ExcusesTab() {
  const { t } = useTranslation();
  const labels = useHrLabels();
  const filters = useUrlFilters();
  const month = monthOf(filters);
  const teamId = filters.get('team');
  const excuses = useExcuses({ ...monthRange(month), teamId });

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <MonthFilter filters={filters} testId="excuses-month" />
        <TeamFilter filters={filters} testId="excuses-team" />
        <Typography.Text type="secondary">{t('appraisalHr.excuses.intro')}</Typography.Text>
      </Space>
      <DataTable<ArrivalExcuse>
        rowKey="workOrderId"
        dataSource={[...(excuses.data ?? [])].sort((a, b) => (b.arrivedAt ?? '').localeCompare(a.arrivedAt ?? ''))}
        loading={excuses.isPending}
        error={excuses.error}
        onRetry={() => void excuses.refetch()}
        locale={{ emptyText: t('appraisalHr.excuses.none') }}
        onRow={(e) => ({ 'data-testid': 'excuse-row', 'data-number': e.number }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('appraisalHr.excuses.order'),
            key: 'order',
            render: (_, e) => (
              <Space vertical size={0}>
                <Link to={`/work-orders/${e.workOrderId}`}>{e.number}</Link>
                <Typography.Text type="secondary">{e.title}</Typography.Text>
              </Space>
            ),
          },
          { title: t('appraisalHr.excuses.technician'), key: 'technician', render: (_, e) => e.assigneeName ?? '—' },
          { title: t('appraisalHr.excuses.arrival'), key: 'arrival', render: (_, e) => <ArrivalCell arrivedAt={e.arrivedAt} dueAt={e.arrivalDueAt} /> },
          { title: t('appraisalHr.excuses.reason'), key: 'reason', render: (_, e) => <Tag color="blue">{labels.excuseReason(e.reason)}</Tag> },
          {
            title: t('appraisalHr.excuses.evidence'),
            key: 'evidence',
            render: (_, e) => (
              <Space vertical size={0}>
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 360 }}>
                  {e.evidence}
                </Typography.Paragraph>
                {e.attachmentId ? (
                  <a href={attachmentUrl(e.workOrderId, e.attachmentId)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {t('appraisalHr.excuses.withAttachment')}
                  </a>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('appraisalHr.recordedBy'),
            key: 'recordedBy',
            render: (_, e) => (
              <Space vertical size={0}>
                <span>{e.recordedByLabel}</span>
                <Typography.Text type="secondary">{formatInstant(e.recordedAt)}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
